import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          exclude: ['tests/unit/**/*.browser.test.ts'],
          environment: 'node',
        },
      },
      // The content script's DOM-heavy parts, in Chromium (vitest.browser.config.ts).
      './vitest.browser.config.ts',
    ],
  },
});
