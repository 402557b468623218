// Bundles the extension (CommonJS for the VS Code extension host, `vscode` external), the command line and
// the core library entry (ES modules for Node). Type checking is separate: `npm run typecheck`.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { chmod } from 'node:fs/promises';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

/**
 * elkjs (1.6 MB) is its own file, dist/elk.cjs, which the extension and the command line load on their first
 * layout (src/core/graph/elk.ts imports it dynamically): one copy in the package, and nothing of it read at start.
 */
const elkApart = {
  name: 'elk-apart',
  setup(build) {
    build.onResolve({ filter: /^elkjs\/lib\/elk\.bundled\.js$/ }, () => ({ path: './elk.cjs', external: true }));
  },
};

await Promise.all([
  build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.cjs', format: 'cjs', external: ['vscode'], plugins: [elkApart] }),
  // It asks for web-worker only when a worker is wanted, and none is.
  build({
    ...common,
    entryPoints: ['node_modules/elkjs/lib/elk.bundled.js'],
    outfile: 'dist/elk.cjs',
    format: 'cjs',
    sourcemap: false,
    minify: true,
    external: ['web-worker'],
    banner: { js: '/* elkjs: Eclipse Public License 2.0 or GPL-3.0-or-later */' },
  }),
  build({
    ...common,
    entryPoints: ['src/cli/bin.ts'],
    outfile: 'dist/cli.js',
    format: 'esm',
    plugins: [elkApart],
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __netnsLabCreateRequire } from 'node:module';\nconst require = __netnsLabCreateRequire(import.meta.url);" },
  }),
  build({ ...common, entryPoints: ['src/core/index.ts'], outfile: 'dist/core.js', format: 'esm', packages: 'external' }),
  // The notebook renderer runs in the notebook's webview: a browser module, not Node.
  build({
    entryPoints: ['src/renderer/index.ts'],
    outfile: 'dist/renderer.js',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    logLevel: 'warning',
  }),
  // The capture panel's page runs in its webview: a browser script, loaded once with the page's nonce.
  build({
    entryPoints: ['src/capture-view/page.ts'],
    outfile: 'dist/capture-view.js',
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    logLevel: 'warning',
  }),
  // The Topology panel's page: cytoscape with fcose and the page's code, one browser script for its webview.
  build({
    entryPoints: ['src/topology-view/page.ts'],
    outfile: 'dist/topology-view.js',
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  }),
]);
await chmod('dist/cli.js', 0o755);

// Type declarations of the ./core library entry, for Node programs written in TypeScript.
const declarations = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.core.json'], { stdio: 'inherit' });
if (declarations.status !== 0) process.exit(declarations.status ?? 1);

// The editor tests, bundled like the extension, for the extension host to load (`--with-tests`).
if (process.argv.includes('--with-tests')) {
  await build({ ...common, entryPoints: ['test/integration/index.ts'], outfile: 'out/integration.cjs', format: 'cjs', external: ['vscode', 'mocha'] });
  // The throwaway users of the SSH tests, also made for the editor run as a user without root (scripts/test-editor.mjs).
  await build({ ...common, entryPoints: ['test/host/support/remote-users.ts'], outfile: 'out/test-users.mjs', format: 'esm' });
}
