import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cssColour, readTheme, stylesheet } from '../../../src/topology-view/theme.js';

describe("the picture's theme", () => {
  test('turns what theme variables hold into colours cytoscape takes', () => {
    assert.equal(cssColour(' #1e1e1e '), '#1e1e1e');
    assert.equal(cssColour('#fff'), '#fff');
    assert.equal(cssColour('#ff000080'), 'rgba(255, 0, 0, 0.502)');
    assert.equal(cssColour('#f008'), 'rgba(255, 0, 0, 0.533)');
    assert.equal(cssColour('rgba(0, 0, 0, 0.5)'), 'rgba(0, 0, 0, 0.5)');
    assert.equal(cssColour(''), undefined);
    assert.equal(cssColour('var(--x)'), undefined);
  });

  test("takes the theme's colours, with a fallback for each that is not set", () => {
    const variables: Record<string, string> = { 'editor-foreground': '#abcdef', 'testing-iconPassed': '#00ff00cc', 'font-family': 'Ubuntu' };
    const theme = readTheme((name) => variables[name] ?? '', true);
    assert.equal(theme.foreground, '#abcdef');
    assert.equal(theme.up, 'rgba(0, 255, 0, 0.8)');
    assert.equal(theme.background, '#1e1e1e');
    assert.equal(theme.fontFamily, 'Ubuntu');
    assert.equal(readTheme(() => '', false).background, '#ffffff');
  });

  test('gives every state and drift mark a style of its own', () => {
    const selectors = stylesheet(readTheme(() => '', true)).map((rule) => rule.selector);
    for (const selector of ['node.state-no-carrier', 'node.state-down', '.drift-missing', '.drift-extra', '.drift-differs', 'node.bridge', 'node.external', '.match']) {
      assert.ok(
        selectors.some((candidate) => candidate.includes(selector)),
        `no style for ${selector}`,
      );
    }
  });
});
