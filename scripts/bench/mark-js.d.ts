// Types for the parts of mark.js 8 the benchmark uses (the package ships none).
declare module 'mark.js' {
  export interface MarkOptions {
    accuracy?: 'partially' | 'complementary' | 'exactly';
    separateWordSearch?: boolean;
    caseSensitive?: boolean;
    diacritics?: boolean;
    exclude?: string[];
    done?: (total: number) => void;
  }
  export default class Mark {
    constructor(context: Element | Element[] | NodeList | string);
    mark(keywords: string | string[], options?: MarkOptions): void;
    markRegExp(regexp: RegExp, options?: MarkOptions): void;
    unmark(options?: MarkOptions): void;
  }
}
