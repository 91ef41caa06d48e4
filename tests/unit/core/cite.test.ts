import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '@retorquere/bibtex-parser';
import { bibEntryToReference } from '../../../src/build/bibtex-reference.js';
import { loadDictionary } from '../../../src/build/load-dictionary.js';
import { formatCitation, toApa, toBibtex } from '../../../src/core/cite.js';

const dict = loadDictionary(join(import.meta.dirname, '..', '..', '..', 'dictionary'));
const ref = (key: string) => {
  const r = dict.references[key];
  if (!r) throw new Error(`no reference ${key}`);
  return r;
};

describe('toBibtex', () => {
  it('copies the entry exactly as the dictionary has it, and it parses back to the same fields', () => {
    const carr = ref('carr2015powerplays');
    const text = toBibtex(carr);
    expect(text.startsWith('@article{carr2015powerplays,')).toBe(true);
    const back = parse(text, { sentenceCase: false, english: false });
    expect(back.errors).toEqual([]);
    const again = bibEntryToReference(back.entries[0]!);
    expect({ ...again, bibtex: '' }).toEqual({ ...carr, file: undefined, bibtex: '' });
  });

  it('every cited reference round-trips through a BibTeX parser', () => {
    for (const r of Object.values(dict.references)) {
      const back = parse(toBibtex(r), { sentenceCase: false, english: false });
      expect(back.errors, r.key).toEqual([]);
      expect(back.entries[0]?.key).toBe(r.key);
    }
  });
});

describe('toApa', () => {
  it('formats a journal article', () => {
    expect(toApa(ref('carr2015powerplays'))).toBe(
      'Carr, M. (2015). Power Plays in Global Internet Governance. Millennium: Journal of International Studies, 43(2), 640–659. https://doi.org/10.1177/0305829814562655',
    );
  });

  it('formats several authors with an ampersand and initials', () => {
    expect(toApa(ref('raymond2015multistakeholderism'))).toMatch(
      /^Raymond, M\., & DeNardis, L\. \(2015\)\. Multistakeholderism: anatomy/,
    );
  });

  it('formats an edited book and an institutional author', () => {
    expect(toApa(ref('musiani2016turn'))).toMatch(
      /^Musiani, F\., Cogburn, D\. L\., DeNardis, L\., & Levinson, N\. S\. \(Eds\.\)\. \(2016\)\. The Turn to Infrastructure in Internet Governance\. Palgrave Macmillan\./,
    );
    expect(toApa(ref('wgig2005report'))).toMatch(
      /^Working Group on Internet Governance \(WGIG\)\. \(2005\)\. Report of the Working Group on Internet Governance\./,
    );
  });

  it('formatCitation switches on the format', () => {
    const carr = ref('carr2015powerplays');
    expect(formatCitation(carr, 'bibtex')).toBe(toBibtex(carr));
    expect(formatCitation(carr, 'apa')).toBe(toApa(carr));
  });
});
