// Schema of the human-edited term files. The JSON Schema for editors is generated from this
// (npm run dict:schema), so the two cannot drift apart.
import { z } from 'zod';

const LIMITS = {
  definitionWords: 45,
  summaryWords: 70,
  stanceWords: 6,
  positionsMin: 2,
  positionsMax: 4,
  relatedMax: 5,
  statusWords: 40,
  debatesMax: 5,
} as const;

/** Kinds of entry: a debate entry explains a contested concept through its positions; a reference entry
 * explains an institution, law, treaty, process, body or named operation and leads to its debates. */
const TERM_KINDS = ['debate', 'reference'] as const;

/** How a position relates to the term, set by its writer (never guessed): shown subtly beside the stance. */
const POSITION_RELATIONS = ['supports', 'criticises', 'reframes'] as const;

const wordCount = (s: string): number => s.trim().split(/\s+/).filter(Boolean).length;

const phraseList = z.array(z.string().min(1)).default([]);

const guardSchema = z
  .object({
    near: phraseList.describe('At least one of these words or phrases must occur within `window` words.'),
    notNear: phraseList.describe('None of these words or phrases may occur within `window` words.'),
    notFollowedBy: phraseList.describe('The word right after the alias may not be one of these.'),
    notPrecededBy: phraseList.describe('The word right before the alias may not be one of these.'),
    window: z.number().int().min(1).max(100).default(25).describe('Words on each side (default 25).'),
  })
  .strict();

const aliasObjectSchema = z
  .object({
    text: z.string().min(2).describe('The alias as people write it.'),
    caseSensitive: z
      .boolean()
      .optional()
      .describe('Match only as written. Default: true when the alias has no lowercase letter (acronyms).'),
    plural: z
      .boolean()
      .optional()
      .describe('Also match the English plural of the last word (default: true for English aliases).'),
    lang: z
      .enum(['en', 'de', 'fr', 'es'])
      .optional()
      .describe(
        'Language of the alias when not English (de, fr, es); the popover names it. English aliases get English plurals only.',
      ),
    guard: guardSchema.optional().describe('Context conditions for an ambiguous alias.'),
  })
  .strict();

export const aliasSchema = z.union([z.string().min(2), aliasObjectSchema]);

const isRealDate = (s: string): boolean => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD')
  .refine(isRealDate, 'not a calendar date');

const sourceSchema = z
  .object({
    title: z
      .string()
      .min(3)
      .describe('What the address holds: "Regulation (EU) 2022/2065 (Digital Services Act), EUR-Lex".'),
    url: z
      .string()
      .regex(/^https:\/\/[^\s/]+\.[^\s]+$/, 'an https URL')
      .describe('A checked, stable address of the official text or site.'),
  })
  .strict();

const idSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens');

const positionSchema = z
  .object({
    stance: z
      .string()
      .min(3)
      .refine((s) => wordCount(s) <= LIMITS.stanceWords, `at most ${LIMITS.stanceWords} words`)
      .describe('2-6 words that state the claim.'),
    summary: z
      .string()
      .min(20)
      .refine((s) => wordCount(s) <= LIMITS.summaryWords, `at most ${LIMITS.summaryWords} words`)
      .describe('2-4 sentences in our own words, attributed.'),
    holders: z.array(z.string().min(2)).min(1).describe('Authors or institutions, with the year of the cited work.'),
    cites: z.array(z.string().min(1)).min(1, 'a position needs at least one citation').describe('Reference keys.'),
    relation: z
      .enum(POSITION_RELATIONS)
      .optional()
      .describe(
        'How the position relates to the term (supports, criticises, reframes); set by the writer, never guessed.',
      ),
  })
  .strict();

export const termSchema = z
  .object({
    id: idSchema.describe('Equals the file name without .yaml.'),
    kind: z
      .enum(TERM_KINDS)
      .default('debate')
      .describe('debate (positions) or reference (an institution, law, process or body: status, source, debates).'),
    label: z.string().min(2),
    category: idSchema,
    aliases: z.array(aliasSchema).min(1),
    definition: z
      .string()
      .min(20)
      .refine((s) => wordCount(s) <= LIMITS.definitionWords, `at most ${LIMITS.definitionWords} words`),
    status: z
      .string()
      .min(10)
      .refine((s) => wordCount(s) <= LIMITS.statusWords, `at most ${LIMITS.statusWords} words`)
      .optional()
      .describe('Dated facts that move ("In force since 17 February 2024."), true as of `reviewed`.'),
    source: sourceSchema.optional().describe('The primary source: the official text or site.'),
    reviewed: dateSchema.describe("The day the entry's facts were last checked (YYYY-MM-DD)."),
    positions: z.array(positionSchema).max(LIMITS.positionsMax).default([]),
    debates: z
      .array(idSchema)
      .max(LIMITS.debatesMax)
      .default([])
      .describe('Ids of the debate entries this entry belongs to; the popover links to them.'),
    related: z.array(idSchema).max(LIMITS.relatedMax).default([]),
    examples: z.array(z.string().min(5)).min(1).describe('Sentences in which every alias is found.'),
    counterexamples: z.array(z.string().min(5)).default([]).describe('Sentences in which this term is not found.'),
  })
  .strict()
  .superRefine((t, ctx) => {
    const positions = t.positions.length;
    if (t.kind === 'debate' && positions < LIMITS.positionsMin) {
      ctx.addIssue({
        code: 'custom',
        path: ['positions'],
        message: `a debate entry needs ${LIMITS.positionsMin}-${LIMITS.positionsMax} positions`,
      });
    }
    if (t.kind === 'reference') {
      if (positions > 0 && positions < LIMITS.positionsMin) {
        ctx.addIssue({
          code: 'custom',
          path: ['positions'],
          message: `a reference entry has no positions or ${LIMITS.positionsMin}-${LIMITS.positionsMax}`,
        });
      }
      if (!t.source)
        ctx.addIssue({ code: 'custom', path: ['source'], message: 'a reference entry needs its primary source' });
      if (t.debates.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['debates'],
          message: 'a reference entry needs at least one debate it belongs to',
        });
      }
    }
  });

export const categoriesSchema = z.array(z.object({ id: idSchema, label: z.string().min(2) }).strict()).min(1);

export type TermSource = z.infer<typeof termSchema>;
/** An alias as written in a file, before defaults are filled in. */
export type AliasInput = z.input<typeof aliasSchema>;
