// The translated interface locales stay in step with English: same keys, same placeholders, every
// placeholder they use declared and every one English uses kept, %s kept in the context-menu titles,
// nothing empty, and the store description within Chrome's 132 characters.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
type Messages = Record<string, Message>;

const localesDir = join(import.meta.dirname, '..', '..', 'extension', '_locales');
const readText = (locale: string): string => readFileSync(join(localesDir, locale, 'messages.json'), 'utf8');
const english = JSON.parse(readText('en')) as Messages;

/** The $NAME$ references of a message, lower-cased (Chrome matches placeholder names case-insensitively). */
function references(message: string): string[] {
  const names = [...message.replace(/\$\$/g, '').matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase());
  return [...new Set(names)].sort();
}

/** Placeholders block with lower-cased names, for comparison. */
function placeholders(m: Message): Record<string, string> {
  return Object.fromEntries(Object.entries(m.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
}

describe.each(['de', 'fr'])('locale %s', (locale) => {
  const text = readText(locale);

  it('is valid JSON whose every entry has a message string', () => {
    expect(() => JSON.parse(text) as unknown).not.toThrow();
    const parsed = JSON.parse(text) as Record<string, unknown>;
    for (const [key, value] of Object.entries(parsed)) {
      expect(typeof value, key).toBe('object');
      expect(typeof (value as Message).message, key).toBe('string');
    }
  });

  const messages = JSON.parse(text) as Messages;

  it('has exactly the English keys', () => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
  });

  it('has no empty message', () => {
    const empty = Object.entries(messages).filter(([, m]) => m.message.trim() === '');
    expect(empty.map(([k]) => k)).toEqual([]);
  });

  it('keeps each placeholders block as in English (names and contents)', () => {
    for (const [key, en] of Object.entries(english)) {
      expect(placeholders(messages[key]!), key).toEqual(placeholders(en));
      expect(messages[key]!.placeholders ?? {}, key).toEqual(en.placeholders ?? {});
    }
  });

  it('declares every $NAME$ it uses and uses every one English uses', () => {
    for (const [key, en] of Object.entries(english)) {
      const m = messages[key]!;
      const declared = Object.keys(placeholders(m));
      for (const name of references(m.message)) expect(declared, `${key}: $${name}$`).toContain(name);
      expect(references(m.message), key).toEqual(references(en.message));
    }
  });

  it('has no stray $ outside placeholder references', () => {
    for (const [key, m] of Object.entries(messages)) {
      const rest = m.message.replace(/\$\$/g, '').replace(/\$[A-Za-z0-9_@]+\$/g, '');
      expect(rest.includes('$'), key).toBe(false);
    }
  });

  it('keeps %s wherever English has it', () => {
    for (const [key, en] of Object.entries(english)) {
      const count = (s: string): number => s.split('%s').length - 1;
      expect(count(messages[key]!.message), key).toBe(count(en.message));
    }
  });

  it('keeps the extension name and a store description of at most 132 characters', () => {
    expect(messages.extName!.message).toBe('Netgov Lens');
    expect(messages.extDescription!.message.length).toBeLessThanOrEqual(132);
  });

  it('keeps descriptions in English when it has them', () => {
    for (const [key, m] of Object.entries(messages)) {
      if (m.description !== undefined) expect(m.description, key).toBe(english[key]!.description);
    }
  });

  it('keeps the highlighted words of the preview sentence in brackets', () => {
    const pairs = (s: string): number => (s.match(/\[[^\][]+\]/g) ?? []).length;
    expect(pairs(messages.optionsPreviewSentence!.message)).toBe(pairs(english.optionsPreviewSentence!.message));
  });
});

describe('typography', () => {
  const fr = JSON.parse(readText('fr')) as Messages;
  const de = JSON.parse(readText('de')) as Messages;

  it('French: no-break spaces inside « » and before : ; ! ?, no English quotes', () => {
    for (const [key, m] of Object.entries(fr)) {
      const s = m.message;
      expect(/[“”]/.test(s), `${key}: English quotes`).toBe(false);
      expect(/«(?!\u00a0)/.test(s) || /(?<!\u00a0)»/.test(s), `${key}: « » spacing`).toBe(false);
      expect(/[^\u202f][;!?]/.test(s), `${key}: space before ; ! ?`).toBe(false);
      // A colon right after a quote is JSON quoted for the reader ("format": "…") and stays as it is.
      expect(/[^\u00a0"]:/.test(s), `${key}: space before :`).toBe(false);
    }
  });

  it('German: „…“ quotes, never English ones', () => {
    for (const [key, m] of Object.entries(de)) {
      expect(m.message.includes('”'), key).toBe(false);
      expect((m.message.match(/„/g) ?? []).length, key).toBe((m.message.match(/“/g) ?? []).length);
    }
  });

  it('says that the dictionary is in English for now', () => {
    expect(de.glossaryEnglishOnly!.message).toBe('Das Wörterbuch ist vorerst auf Englisch.');
    expect(fr.glossaryEnglishOnly!.message).toBe('Le dictionnaire est pour l’instant en anglais.');
  });
});
