// Lint: TypeScript rules, no unsanitised DOM sinks (innerHTML and friends), core kept free of the DOM.
import js from '@eslint/js';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Outside src/platform/, code asks for named capabilities instead of the raw browser API.
const POLYFILL = [{ name: 'webextension-polyfill', message: 'Use src/platform/ instead.' }];
const RAW_BROWSER_API = [
  {
    group: ['**/platform/browser.js'],
    message: 'Ask src/platform/ for a named capability instead of the raw browser API.',
  },
  {
    group: ['**/platform/extension-api.js'],
    importNames: ['extensionApi'],
    message: 'Ask src/platform/ for a named capability instead of the raw browser API.',
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', 'test-results/', '.tmp*/', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  noUnsanitized.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, chrome: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-empty-pattern': 'off',
    },
  },
  {
    // Only platform/ talks to the browser.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/platform/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: 'Use src/platform/ instead.' },
        { name: 'browser', message: 'Use src/platform/ instead.' },
      ],
      'no-restricted-imports': ['error', { paths: POLYFILL, patterns: RAW_BROWSER_API }],
    },
  },
  {
    // The background is the one writer of settings (src/background/settings-writer.ts): pages and content
    // scripts send it a change (platform/messaging.ts changeSettings) instead of saving their own copy.
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx', 'src/content/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: POLYFILL,
          patterns: [
            ...RAW_BROWSER_API,
            {
              group: ['**/platform/settings-store.js'],
              importNames: ['saveSettings'],
              message: 'Send a change to the background: changeSettings() in platform/messaging.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // The pure core: no DOM, no browser APIs, no imports from the shells.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-globals': ['error', 'document', 'window', 'browser', 'chrome', 'navigator', 'location'],
      'no-restricted-imports': [
        'error',
        { patterns: ['**/platform/**', '**/content/**', '**/background/**', '**/ui/**', 'webextension-polyfill'] },
      ],
    },
  },
);
