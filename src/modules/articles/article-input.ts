import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { isValidSlug, slugify } from '../../shared/slug.js';
import { ArticleBodySchema } from '../../shared/article-body.js';
import { TYPE_LABELS } from './article.types.js';

const MAX_TAGS = 20;
const MAX_AUTHORS = 10;

const Id = z.string().trim().min(1).max(64);
/** Optional text where blank means "none": stored as null, never as an empty string. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
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
    headline: z.string().trim().min(1).max(300),
    standfirst: z.string().trim().max(500).default(''),
    body: ArticleBodySchema,
    sectionId: Id,
    /** Tag names; a tag is found by its slug or created. */
    tags: z
      .array(
        z
          .string()
          .trim()
          .min(1)
          .max(100)
          .refine((name) => slugify(name).length > 0, 'a tag needs at least one letter or digit'),
      )
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
    slug: z
      .string()
      .trim()
      .max(120)
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
  field: string;
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
      result.error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(input)', message: issue.message })),
    );
  }
  return result.data;
}
