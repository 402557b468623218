// ESLint with typescript-eslint's recommended rules for every TypeScript file; formatting is Prettier's job
// (.prettierrc.json), so no rule here is about layout. Import direction is checked by test/unit/architecture.test.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', 'test-artifacts/', 'test/host-smoke/', '.vscode-test/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // Unused names are already refused by tsc (noUnusedLocals, noUnusedParameters), which allows `_name`.
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  {
    rules: {
      // Name rules and the escaping of names for display match control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        performance: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
      },
    },
  },
);
