// Schema of the human-edited term files. The JSON Schema for editors is generated from this
// (npm run dict:schema), so the two cannot drift apart.
import { z } from 'zod';

export const LIMITS = {
  definitionWords: 45,
  summaryWords: 70,
  stanceWords: 6,
  positionsMin: 2,
  positionsMax: 4,
  relatedMax: 5,
} as const;

const wordCount = (s: string): number => s.trim().split(/\s+/).filter(Boolean).length;

const phraseList = z.array(z.string().min(1)).default([]);

export const guardSchema = z
  .object({
    near: phraseList.describe('At least one of these words or phrases must occur within `window` words.'),
    notNear: phraseList.describe('None of these words or phrases may occur within `window` words.'),
    notFollowedBy: phraseList.describe('The word right after the alias may not be one of these.'),
    notPrecededBy: phraseList.describe('The word right before the alias may not be one of these.'),
    window: z.number().int().min(1).max(100).default(25).describe('Words on each side (default 25).'),
  })
  .strict();

export const aliasObjectSchema = z
  .object({
    text: z.string().min(2).describe('The alias as people write it.'),
    caseSensitive: z
      .boolean()
      .optional()
      .describe('Match only as written. Default: true when the alias has no lowercase letter (acronyms).'),
    plural: z.boolean().optional().describe('Also match the English plural of the last word (default: true for English aliases).'),
    lang: z
      .enum(['en', 'de', 'fr', 'es'])
      .optional()
      .describe('Language of the alias when not English (de, fr, es); the popover names it. English aliases get English plurals only.'),
    guard: guardSchema.optional().describe('Context conditions for an ambiguous alias.'),
  })
  .strict();

export const aliasSchema = z.union([z.string().min(2), aliasObjectSchema]);

const idSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens');

export const positionSchema = z
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
  })
  .strict();

export const termSchema = z
  .object({
    id: idSchema.describe('Equals the file name without .yaml.'),
    label: z.string().min(2),
    category: idSchema,
    aliases: z.array(aliasSchema).min(1),
    definition: z
      .string()
      .min(20)
      .refine((s) => wordCount(s) <= LIMITS.definitionWords, `at most ${LIMITS.definitionWords} words`),
    positions: z.array(positionSchema).min(LIMITS.positionsMin).max(LIMITS.positionsMax),
    related: z.array(idSchema).max(LIMITS.relatedMax).default([]),
    examples: z.array(z.string().min(5)).min(1).describe('Sentences in which every alias is found.'),
    counterexamples: z.array(z.string().min(5)).default([]).describe('Sentences in which this term is not found.'),
  })
  .strict();

export const categoriesSchema = z.array(z.object({ id: idSchema, label: z.string().min(2) }).strict()).min(1);

export type TermSource = z.infer<typeof termSchema>;
export type AliasSource = z.infer<typeof aliasSchema>;
/** An alias as written in a file, before defaults are filled in. */
export type AliasInput = z.input<typeof aliasSchema>;
export type GuardSource = z.infer<typeof guardSchema>;
