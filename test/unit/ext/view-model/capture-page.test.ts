import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { capturePageHtml } from '../../../../src/ext/view-model/capture-page.js';

const options = { cspSource: 'https://webview.example', scriptUri: 'https://webview.example/dist/capture-view.js', nonce: 'abcdefghijklmnop1234', limit: 500 };

function policyOf(html: string): string {
  return /http-equiv="Content-Security-Policy" content="([^"]*)"/u.exec(html)![1]!;
}

describe('the capture panel page', () => {
  test('allows no network and only its own nonced script and style', () => {
    const policy = policyOf(capturePageHtml(options));
    assert.match(policy, /^default-src 'none';/u);
    assert.match(policy, /script-src 'nonce-abcdefghijklmnop1234' https:\/\/webview\.example(;|$)/u);
    assert.match(policy, /style-src 'nonce-abcdefghijklmnop1234'(;|$)/u);
    assert.doesNotMatch(policy, /unsafe|connect-src|\*/u);
  });

  test('loads its one script with the nonce and says how many packets it keeps', () => {
    const html = capturePageHtml(options);
    assert.equal(html.match(/<script /gu)?.length, 1);
    assert.match(html, /<script nonce="abcdefghijklmnop1234" src="https:\/\/webview\.example\/dist\/capture-view\.js"><\/script>/u);
    assert.match(html, /<body data-limit="500">/u);
  });

  test('refuses a nonce that could break out of its attribute', () => {
    assert.throws(() => capturePageHtml({ ...options, nonce: 'short' }), /nonce/u);
    assert.throws(() => capturePageHtml({ ...options, nonce: 'abcdefghijklmnop"><script>' }), /nonce/u);
  });
});
