// esbuild plugin shared by the build and the benchmark's size attribution.
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

/**
 * CSS imported as text (the popover's stylesheet, inlined into its shadow root) is minified like the code
 * around it: the content script is injected into every frame, so its bytes count.
 */
export const minifiedCssText: esbuild.Plugin = {
  name: 'minified-css-text',
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async (args) => {
      const { code } = await esbuild.transform(readFileSync(args.path, 'utf8'), {
        loader: 'css',
        minify: true,
        target: build.initialOptions.target as string[],
      });
      return { contents: code, loader: 'text' };
    });
  },
};
