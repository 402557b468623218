import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { topologyPageHtml } from '../../../../src/ext/view-model/topology-page.js';

const options = { cspSource: 'https://webview.example', scriptUri: 'https://webview.example/dist/topology-view.js', nonce: 'abcdefghijklmnop1234' };

describe('the topology panel page', () => {
  test('allows no network and only its own nonced script and style', () => {
    const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/u.exec(topologyPageHtml(options))![1]!;
    assert.match(policy, /^default-src 'none';/u);
    assert.match(policy, /script-src 'nonce-abcdefghijklmnop1234' https:\/\/webview\.example(;|$)/u);
    assert.match(policy, /style-src 'nonce-abcdefghijklmnop1234'(;|$)/u);
    assert.doesNotMatch(policy, /unsafe|connect-src|\*/u);
  });

  test('loads its one script with the nonce, and has the search, fit and details', () => {
    const html = topologyPageHtml(options);
    assert.equal(html.match(/<script /gu)?.length, 1);
    assert.match(html, /<script nonce="abcdefghijklmnop1234" src="https:\/\/webview\.example\/dist\/topology-view\.js"><\/script>/u);
    for (const id of ['search', 'fit', 'zoom-in', 'zoom-out', 'details', 'menu', 'graph']) assert.match(html, new RegExp(`id="${id}"`, 'u'));
  });

  test('refuses a nonce that could break out of its attribute', () => {
    assert.throws(() => topologyPageHtml({ ...options, nonce: 'abcdefghijklmnop"><script>' }), /nonce/u);
  });
});
