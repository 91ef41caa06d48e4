// Minimal types for the parts of citation-js the reading-list tests use (it ships no declarations).
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    data: unknown[];
  }
  export const plugins: { input: { chain(data: string, options?: Record<string, unknown>): unknown } };
}
declare module '@citation-js/plugin-ris';
