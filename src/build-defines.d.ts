// Constants the build writes into the bundles (esbuild `define`, scripts/lib/bundle-options.ts).

/**
 * The popover's shadow root mode: "closed" in every shipped build, so that the page's scripts cannot read
 * the popover; "open" only in the e2e variant (dist/e2e-*) and the browser unit tests, which look inside.
 */
declare const __NGL_SHADOW_MODE__: ShadowRootMode;
