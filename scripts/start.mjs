// `npm start`: opens the built extension with the tutorial notebooks as the workspace, in desktop VS Code when
// `code` is on the PATH, otherwise in the offline code-server on 127.0.0.1 (the URL is printed; Ctrl-C stops it).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const notebooks = resolve(root, 'notebooks');
mkdirSync(notebooks, { recursive: true });

const desktop = spawnSync('code', ['--version'], { stdio: 'ignore' });
const argv =
  desktop.status === 0
    ? ['code', ['--new-window', `--extensionDevelopmentPath=${root}`, notebooks]]
    : [process.execPath, [resolve(root, 'scripts/vscode-host/open.mjs'), '--extension', root, '--workspace', notebooks, ...process.argv.slice(2)]];
const result = spawnSync(argv[0], argv[1], { stdio: 'inherit' });
process.exit(result.status ?? 1);
