// Minimal types for the parts of citation-js we use (it ships no declarations): the background's CSL engine
// (@citation-js/plugin-csl) and the tests that parse exports back.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    data: unknown[];
    format(format: 'bibliography', options: { format: 'text'; template: string; lang: string }): string;
    format(
      format: 'bibliography',
      options: { format: 'text'; template: string; lang: string; asEntryArray: true },
    ): [id: string, text: string][];
    format(format: 'data', options?: { format?: 'object' | 'string' }): unknown;
  }
  interface CslConfig {
    styles: { add(name: string, xml: string): void; has(name: string): boolean };
  }
  export const plugins: {
    input: { chain(data: string, options?: Record<string, unknown>): unknown };
    config: { get(name: '@csl'): CslConfig };
  };
}
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
