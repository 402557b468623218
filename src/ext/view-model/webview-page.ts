/**
 * What every panel page of ours shares: a strict content security policy (no network; only the page's own
 * script, with a fresh nonce, and its own style) and the document around a page's body.
 */

export interface WebviewPageOptions {
  /** The webview's `cspSource`. */
  cspSource: string;
  /** The page script's webview URI. */
  scriptUri: string;
  /** A fresh random nonce, letters and digits. */
  nonce: string;
}

/** The whole document: `body` is the body's attributes and content; `images` lets data: URIs in (a picture's). */
export function webviewPageHtml(what: string, options: WebviewPageOptions, styles: string, body: { attributes?: string; content: string; images?: 'data' }): string {
  if (!/^[A-Za-z0-9]{16,}$/u.test(options.nonce)) throw new Error(`a ${what} page nonce must be 16 or more letters and digits`);
  const policy = [
    `default-src 'none'`,
    `style-src 'nonce-${options.nonce}'`,
    `script-src 'nonce-${options.nonce}' ${options.cspSource}`,
    `img-src ${options.cspSource}${body.images === 'data' ? ' data:' : ''}`,
    `font-src ${options.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${options.nonce}">${styles}</style>
</head>
<body${body.attributes ? ` ${body.attributes}` : ''}>
${body.content}
<script nonce="${options.nonce}" src="${options.scriptUri}"></script>
</body>
</html>`;
}
