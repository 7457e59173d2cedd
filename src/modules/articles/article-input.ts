import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { isValidSlug, slugify } from '../../shared/slug.js';
import { ArticleBodySchema } from '../../shared/article-body.js';
import { text, textProblemOf, type TextProblem } from '../../shared/text.js';
import { TYPE_LABELS } from './article.types.js';

const MAX_TAGS = 20;
const MAX_AUTHORS = 10;

const Id = z.string().trim().min(1).max(64);
/** Optional one-line text where blank means "none": stored as null, never as an empty string. */
const optionalText = (max: number) =>
  text({ max })
    .nullish()
    .transform((value) => value || null);
const optionalId = Id.nullish().transform((value) => value ?? null);

/**
 * What an editor submits for a story. Only editable fields are listed: unknown keys — a forged
 * `status`, `ownerUserId`, `viewCount` or `publishedAt` — are stripped by zod and never reach the
 * database. Status and times change only through the workflow's own steps; the owner is the actor.
 *
 * Existence checks (section, authors, series, media) and slug uniqueness need the database and are
 * made by ArticleEditingService.
 */
export const ArticleInputSchema = z
  .object({
    headline: text({ min: 1, max: 300 }),
    standfirst: text({ max: 500 }).default(''),
    body: ArticleBodySchema,
    sectionId: Id,
    /** The story's edition; blank: the default edition for a new story, its own for a saved one. */
    editionId: optionalId,
    /** Tag names; a tag is found by its slug or created. */
    tags: z
      .array(text({ min: 1, max: 100 }).refine((name) => slugify(name).length > 0, 'a tag needs at least one letter or digit'))
      .max(MAX_TAGS)
      .default([]),
    authorIds: z
      .array(Id)
      .min(1)
      .max(MAX_AUTHORS)
      .refine((ids) => new Set(ids).size === ids.length, 'each author may appear once'),
    seriesId: optionalId,
    seriesPart: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .nullish()
      .transform((value) => value ?? null),
    heroMediaId: optionalId,
    typeLabel: z.enum(TYPE_LABELS),
    /** Blank: made from the headline on create, kept as it is on update. */
    slug: text({ max: 120 })
      .nullish()
      .transform((value) => value || null)
      .refine((value) => value === null || isValidSlug(value), 'use lower-case letters, digits and single hyphens'),
    seoTitle: optionalText(120),
    seoDescription: optionalText(300),
    // A blank form field means "no embargo".
    embargoUntil: z
      .union([z.iso.datetime({ offset: true }), z.literal('')])
      .nullish()
      .transform((value) => (value ? new Date(value) : null)),
    /** Whether readers may comment on the story. Absent: left as it is (a new story: on). */
    commentsEnabled: z.boolean().optional(),
  })
  .superRefine((input, ctx) => {
    // The part number is structured data shown as "Part 2", so it means nothing without a series.
    if ((input.seriesId === null) !== (input.seriesPart === null)) {
      ctx.addIssue({ code: 'custom', path: ['seriesPart'], message: 'give both a series and a part number, or neither' });
    }
  });

/** Validated editor input. (`ArticleInput` in article.types.ts is the storage-side shape.) */
export type ArticleEditInput = z.output<typeof ArticleInputSchema>;
/** What a caller may pass before validation; revisions store snapshots in this shape. */
export type ArticleEditDraft = z.input<typeof ArticleInputSchema>;

export interface FieldIssue {
  /** Where the problem is, as a path: `headline`, `tags.2`, `body.3.content.0.href`. */
  field: string;
  /** A sentence an editor can act on, never a validator's wording. */
  message: string;
}

/** Bad input, with every problem by field so a form can show each one beside its field. */
export class ArticleInputError extends AppError {
  constructor(readonly issues: FieldIssue[]) {
    super('ERR_STORY_INPUT_INVALID', issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '));
  }
}

/** Validates editor input; throws ArticleInputError (400) listing every problem. */
export function parseArticleInput(input: unknown): ArticleEditInput {
  const result = ArticleInputSchema.safeParse(input);
  if (!result.success) {
    throw new ArticleInputError(
      result.error.issues.map((issue) => {
        const path = issue.path.map(String);
        return { field: path.join('.') || '(input)', message: issueSentence(path, textProblemOf(issue)) };
      }),
    );
  }
  return result.data;
}

/**
 * A body written in Markdown whose source has characters no field may hold. Checked on the source,
 * because markdown-it quietly turns NUL into U+FFFD and the body's own check would never see it.
 */
export function bodyCharactersError(): ArticleInputError {
  return new ArticleInputError([{ field: 'body', message: issueSentence(['body'], 'characters') }]);
}

/** How each field is named inside a sentence. */
const FIELD_NAMES: Record<string, string> = {
  headline: 'headline',
  standfirst: 'standfirst',
  body: 'body',
  tags: 'tags',
  slug: 'slug',
  seoTitle: 'SEO title',
  seoDescription: 'SEO description',
};

/** One sentence per field, whatever the validator said: editors never see "Too small: expected …". */
const FIELD_SENTENCES: Record<string, string> = {
  headline: 'Write a headline of 1 to 300 characters, on one line.',
  standfirst: 'Keep the standfirst to 500 characters or fewer, on one line.',
  body: 'Check the body: a paragraph may have up to 10,000 characters, a heading up to 300 and a quote up to 2,000, and a story up to 2,000 blocks.',
  sectionId: 'Choose a section.',
  editionId: 'Choose an edition from the list.',
  tags: `Give at most ${MAX_TAGS} tags, separated by commas, each of up to 100 characters with at least one letter or digit.`,
  authorIds: `Choose at least one author (at most ${MAX_AUTHORS}).`,
  seriesId: 'Choose a series from the list, or none.',
  seriesPart: 'Give both a series and a part number (a whole number from 1), or neither.',
  heroMediaId: 'Choose a hero image from the list, or none.',
  typeLabel: `Choose a type: ${TYPE_LABELS.join(', ')}.`,
  slug: 'Write the slug in lower-case letters, digits and single hyphens (at most 120 characters), or leave it blank to make one from the headline.',
  seoTitle: 'Keep the SEO title to 120 characters or fewer, on one line.',
  seoDescription: 'Keep the SEO description to 300 characters or fewer, on one line.',
  embargoUntil: 'Give the embargo as a date and time, or leave it empty for no embargo.',
  commentsEnabled: 'Choose whether comments are open on this story.',
};

function issueSentence(path: readonly string[], problem: TextProblem | undefined): string {
  const field = path[0] ?? '';
  if (problem === 'characters') {
    const name = FIELD_NAMES[field] ?? 'story';
    return field === 'body'
      ? 'The body contains control characters we cannot store. Please retype the affected text.'
      : `The ${name} contains characters we cannot store (control characters, line breaks or tabs). Please retype it.`;
  }
  if (field === 'body' && path.at(-1) === 'href') return 'Links in the body must start with https://, http://, mailto: or / (a page on this site).';
  if (field === 'body' && path.at(-1) === 'type')
    return 'The body has a part we cannot show; write it as paragraphs, headings, quotes, lists and figures.';
  return FIELD_SENTENCES[field] ?? 'Some of the story’s fields need attention.';
}
