/** What the Namespaces view shows when root was refused: a welcome text and a row per problem, each with its fix. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { PrivilegeError } from '../../../../src/core/errors.js';
import { PRIVILEGE_PROBLEMS, privilegeProblemShown } from '../../../../src/ext/view-model/privilege-problems.js';
import { listingLimits } from '../../../../src/core/state/limits.js';
import { needsRootChildren, partialListingRow, privilegeChildren } from '../../../../src/ext/view-model/tree-children.js';
import { present } from '../../../../src/ext/view-model/tree-present.js';

describe('privilege problems', () => {
  test('a target where root was refused says why in its row, and a click runs what fixes it', () => {
    const target = { kind: 'target', targetId: 'lab1', label: 'lab1' } as const;
    const error = new PrivilegeError('sudo for the remote user on lab1 did not accept the password, so nothing was run as root.', 'passwordRefused');
    const [node, ...more] = privilegeChildren(target, error);
    assert.equal(more.length, 0);
    const shown = present(node!);
    assert.deepEqual([shown.label, shown.description], ['Wrong sudo password', 'Try Again']);
    assert.deepEqual(shown.command, { title: 'Try Again', command: 'netnsLab.privilege.retry', arguments: [{ targetId: 'lab1' }] });
    assert.ok(shown.tooltip?.startsWith(error.message), shown.tooltip);
    const none = present(privilegeChildren(target, new PrivilegeError('lacks CAP_SYS_ADMIN', 'capabilitiesMissing'))[0]!);
    assert.deepEqual(none.command, { title: 'Open Settings', command: 'workbench.action.openSettings', arguments: ['netnsLab.privilege'] });
  });

  test('without the capabilities, a target heads its partial list with why, and a namespace says it needs root', () => {
    const target = { kind: 'target', targetId: 'local', label: 'This machine' } as const;
    const row = present(partialListingRow(target, listingLimits(['CAP_SYS_ADMIN', 'CAP_NET_ADMIN'])));
    assert.deepEqual([row.label, row.description, row.icon.id], ['Partial list: no root', 'Open Settings', 'info']);
    assert.match(row.tooltip!, /lack CAP_SYS_ADMIN and CAP_NET_ADMIN.*sudo/u);
    const lacking = new PrivilegeError('lacks CAP_SYS_ADMIN', 'capabilitiesMissing', ['CAP_SYS_ADMIN']);
    const [red, blue] = ['red', 'blue'].map((name) => present(needsRootChildren('local', name, lacking)[0]!));
    assert.deepEqual([red!.label, red!.command?.arguments], ['Reading it needs root', ['netnsLab.privilege']]);
    // The same row under two namespaces: VS Code refuses two items with one id.
    assert.notEqual(red!.id, blue!.id);
  });

  test('every way root can be refused has its own welcome text with a command link, and its own row action', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../../../../package.json', import.meta.url), 'utf8')) as { contributes: { viewsWelcome: Array<{ when: string; contents: string }> } };
    for (const problem of PRIVILEGE_PROBLEMS) {
      const entries = manifest.contributes.viewsWelcome.filter((entry) => entry.when.includes(`netnsLab.privilegeProblem == ${problem}`));
      assert.ok(entries.length > 0, `no welcome text for ${problem}`);
      for (const entry of entries) assert.match(entry.contents, /\n\[[^\]]+\]\(command:[\w.]+/u, `${problem} offers no button`);
      const shown = privilegeProblemShown(problem, 'local');
      assert.ok(shown.text.length <= 30 && shown.action.command !== '', `${problem}: ${shown.text}`);
    }
    const texts = manifest.contributes.viewsWelcome.filter((entry) => entry.when.includes('netnsLab.privilegeProblem')).map((entry) => entry.contents);
    assert.equal(new Set(texts).size, texts.length, 'two problems share a text');
  });
});
