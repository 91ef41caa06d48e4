// esbuild's text loader turns CSS into a string that we inline into shadow roots and pages.
declare module '*.css' {
  const css: string;
  export default css;
}
