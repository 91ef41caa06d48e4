import { describe, expect, it } from 'vitest';
import type { TermEntry } from '../../../src/core/dictionary-data.js';
import { pageDebates } from '../../../src/ui/sidepanel/page-debates.js';

const position = { stance: 's', summary: 'x', holders: ['h'], cites: [] };
function term(id: string, positions: number, debates: string[] = []): TermEntry {
  return {
    id,
    label: id.toUpperCase(),
    category: 'c',
    aliases: [],
    definition: '',
    kind: positions > 0 ? 'debate' : 'reference',
    positions: Array.from({ length: positions }, () => position),
    debates,
    related: [],
  };
}

const terms = [
  term('msm', 4),
  term('sovereignty', 3),
  term('icann', 0, ['msm']),
  term('itu', 0, ['msm', 'sovereignty']),
  term('rir', 0),
];

describe('pageDebates', () => {
  it('gathers each debate with the page terms that lead to it, the debate itself first, most mentioned first', () => {
    const found = [
      { id: 'icann', count: 5 },
      { id: 'itu', count: 2 },
      { id: 'msm', count: 1 },
      { id: 'rir', count: 9 },
    ];
    expect(pageDebates(found, { terms })).toEqual([
      {
        id: 'msm',
        label: 'MSM',
        positions: 4,
        via: [
          { id: 'msm', count: 1 },
          { id: 'icann', count: 5 },
          { id: 'itu', count: 2 },
        ],
        mentions: 8,
      },
      { id: 'sovereignty', label: 'SOVEREIGNTY', positions: 3, via: [{ id: 'itu', count: 2 }], mentions: 2 },
    ]);
  });

  it('leaves out reference entries without debates, unknown ids and debates the dictionary lacks', () => {
    expect(
      pageDebates(
        [
          { id: 'rir', count: 3 },
          { id: 'gone', count: 1 },
        ],
        { terms },
      ),
    ).toEqual([]);
    expect(pageDebates([{ id: 'x', count: 1 }], { terms: [term('x', 0, ['missing'])] })).toEqual([]);
  });
});
