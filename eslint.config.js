// @ts-check
// ESLint's configuration (flat config): typescript-eslint's recommended rules over the project's
// TypeScript, with the type-aware rules that catch what the compiler does not: a promise left
// unawaited (a write whose failure nobody sees), a promise passed where a callback is expected.
// Formatting is Prettier's (eslint-config-prettier turns off the rules it would contradict).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'explorer/dist/', 'node_modules/', 'neo4j-local/', 'corenlp-local/', 'test-output/', 'data/', '.neo4j/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.json', './explorer/tsconfig.json', './explorer/tsconfig.node.json'], tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      // `\-` and `\[` in character classes are kept: they say the character is meant literally
      'no-useless-escape': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['explorer/src/**'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  // tests read GraphQL answers as parsed JSON
  { files: ['test/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], languageOptions: { globals: { ...globals.node } } },
  prettier,
);
