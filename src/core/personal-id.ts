// The prefix that marks the reader's own terms' ids, apart from personal-terms.ts so that the content
// script can tell them from dictionary terms without carrying that module's validation.
export const PERSONAL_ID_PREFIX = 'my-';

export const isPersonalTermId = (id: string): boolean => id.startsWith(PERSONAL_ID_PREFIX);
