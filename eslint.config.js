import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'url'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The domain is shared by main and renderer: no Node, no Electron, no React DOM.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [...nodeBuiltins, 'electron', 'react-dom', 'better-sqlite3'].map((group) => ({
            group: [group],
            message: 'shared/ 只能包含与平台无关的领域代码',
          })),
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [...nodeBuiltins, 'electron', 'better-sqlite3'].map((group) => ({
            group: [group],
            message: '渲染进程不得访问 Node 或 Electron',
          })),
        },
      ],
    },
  },
  {
    // Services run in plain Node (tests, CLI, workers): only src-main/electron may touch Electron.
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: '服务层不得导入 electron' }] },
      ],
    },
  },
);
