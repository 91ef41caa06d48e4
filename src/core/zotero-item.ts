// A dictionary reference as an item of Zotero's connector format (the JSON that Zotero's translators produce
// and /connector/saveItems accepts): the right item type, its creators, and its identifiers (DOI, ISBN, URL).
// Fields that Zotero does not have for a type go into "extra" as "Key: value" lines, which Zotero reads.
import { isLegislation } from './csl-json.js';
import type { Person, Reference } from './dictionary-data.js';

interface ZoteroCreator {
  creatorType: 'author' | 'editor';
  firstName?: string;
  lastName?: string;
  /** A single-field name, for bodies ("IETF", "European Commission"). */
  name?: string;
}

export interface ZoteroItem {
  /** The key the connector session knows the item by (the dictionary's citation key). */
  id: string;
  itemType: string;
  title?: string;
  /** A statute's title field. */
  nameOfAct?: string;
  creators: ZoteroCreator[];
  date?: string;
  dateEnacted?: string;
  publicationTitle?: string;
  bookTitle?: string;
  proceedingsTitle?: string;
  websiteTitle?: string;
  repository?: string;
  publisher?: string;
  institution?: string;
  university?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  DOI?: string;
  ISBN?: string;
  url?: string;
  extra?: string;
  tags: { tag: string }[];
  notes: never[];
  attachments: never[];
}

/** The item types that have a DOI field of their own in Zotero 7; others carry it in "extra". */
const HAS_DOI = new Set(['journalArticle', 'conferencePaper', 'preprint']);
const HAS_ISBN = new Set(['book', 'bookSection', 'conferencePaper']);

function isArxiv(url: string | undefined): boolean {
  return !!url && /^https?:\/\/(www\.)?arxiv\.org\//i.test(url);
}

/** Zotero's item type for a reference: by its BibTeX type, with official legislation as a statute. */
export function zoteroItemType(ref: Reference): string {
  if (isLegislation(ref)) return 'statute';
  switch (ref.type) {
    case 'article':
      return 'journalArticle';
    case 'book':
      return 'book';
    case 'incollection':
    case 'inbook':
      return 'bookSection';
    case 'inproceedings':
      return 'conferencePaper';
    case 'techreport':
    case 'report':
      return 'report';
    case 'phdthesis':
      return 'thesis';
    case 'online':
      return 'webpage';
    default:
      // misc: a preprint on arXiv, an official text (a proposal, a resolution) or a page on the web.
      if (isArxiv(ref.url)) return 'preprint';
      if (ref.url && /eur-lex\.europa\.eu|\.un\.org|coe\.int/i.test(ref.url)) return 'document';
      return ref.url ? 'webpage' : 'document';
  }
}

function creator(p: Person, creatorType: ZoteroCreator['creatorType']): ZoteroCreator {
  return p.given ? { creatorType, firstName: p.given, lastName: p.family } : { creatorType, name: p.family };
}

export function toZoteroItem(ref: Reference, tags: readonly string[] = []): ZoteroItem {
  const itemType = zoteroItemType(ref);
  const item: ZoteroItem = {
    id: ref.key,
    itemType,
    creators: [...ref.authors.map((p) => creator(p, 'author')), ...ref.editors.map((p) => creator(p, 'editor'))],
    tags: tags.map((tag) => ({ tag })),
    notes: [],
    attachments: [],
  };
  const extra: string[] = [];
  const date = ref.year !== undefined ? String(ref.year) : undefined;
  if (itemType === 'statute') {
    item.nameOfAct = ref.title;
    if (date) item.dateEnacted = date;
  } else {
    item.title = ref.title;
    if (date) item.date = date;
  }
  const where = ref.container;
  switch (itemType) {
    case 'journalArticle':
      if (where) item.publicationTitle = where;
      break;
    case 'bookSection':
      if (where) item.bookTitle = where;
      break;
    case 'conferencePaper':
      if (where) item.proceedingsTitle = where;
      break;
    case 'report':
      if (ref.publisher ?? where) item.institution = ref.publisher ?? where;
      break;
    case 'thesis':
      if (where) item.university = where;
      break;
    case 'preprint':
      item.repository = 'arXiv';
      break;
    case 'webpage':
      if (where) item.websiteTitle = where;
      break;
    case 'document':
    case 'book':
      if (ref.publisher ?? where) item.publisher = ref.publisher ?? where;
      break;
  }
  if (ref.publisher && (itemType === 'book' || itemType === 'bookSection' || itemType === 'conferencePaper')) {
    item.publisher = ref.publisher;
  }
  if (ref.volume && (itemType === 'journalArticle' || itemType === 'book' || itemType === 'bookSection'))
    item.volume = ref.volume;
  if (ref.issue && itemType === 'journalArticle') item.issue = ref.issue;
  if (ref.pages && itemType !== 'webpage' && itemType !== 'statute') item.pages = ref.pages.replace(/-+/g, '–');
  if (ref.doi) {
    if (HAS_DOI.has(itemType)) item.DOI = ref.doi;
    else extra.push(`DOI: ${ref.doi}`);
  }
  if (ref.isbn) {
    if (HAS_ISBN.has(itemType)) item.ISBN = ref.isbn;
    else extra.push(`ISBN: ${ref.isbn}`);
  }
  if (ref.url) item.url = ref.url;
  extra.push(`Citation Key: ${ref.key}`);
  item.extra = extra.join('\n');
  return item;
}

/** The body of one /connector/saveItems request. */
export interface SaveItemsRequest {
  sessionID: string;
  /** The page the reader was on, as the Zotero Connector sends it (Zotero records it on the save session). */
  uri?: string;
  items: ZoteroItem[];
}

export function saveItemsRequest(
  refs: readonly Reference[],
  sessionID: string,
  uri?: string,
  tags: readonly string[] = ['Netgov Lens'],
): SaveItemsRequest {
  return { sessionID, ...(uri ? { uri } : {}), items: refs.map((r) => toZoteroItem(r, tags)) };
}
