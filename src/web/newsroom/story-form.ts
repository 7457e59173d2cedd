import { formatZonedDateTime, parseZonedDateTime } from '../../shared/zoned-time.js';
import {
  ArticleBodySchema,
  ArticleInputError,
  StoryAltMissingError,
  bodyToMarkdown,
  describePicture,
  markdownToBody,
  type Article,
  type ArticleBody,
} from '../../modules/articles/index.js';
import { AppError, type ErrorCode } from '../../shared/errors.js';
import type { FieldError } from '../shared/form-fields.js';
import type { FormBody } from '../shared/form-body.js';

/** The story form's fields as typed, so a failed save shows them again unchanged. */
export interface StoryFormValues {
  headline: string;
  standfirst: string;
  body: string;
  /**
   * The rich-text editor's body as JSON blocks (the hidden `bodyBlocks` input); when present it wins
   * over the Markdown `body`, which is what the form sends without JavaScript.
   */
  bodyBlocks: string;
  /** Empty: the default edition (a new story) or the story's own (a saved one). */
  editionId: string;
  sectionId: string;
  tags: string;
  authorIds: string[];
  seriesId: string;
  seriesPart: string;
  typeLabel: string;
  heroMediaId: string;
  slug: string;
  seoTitle: string;
  seoDescription: string;
  /** datetime-local text, in the publication's time zone. */
  embargoUntil: string;
  /** The "Comments open on this story" checkbox; null when the form had no such field (left as it is). */
  commentsEnabled: boolean | null;
}

export const EMPTY_STORY_FORM: StoryFormValues = {
  headline: '',
  standfirst: '',
  body: '',
  bodyBlocks: '',
  editionId: '',
  sectionId: '',
  tags: '',
  authorIds: [],
  seriesId: '',
  seriesPart: '',
  typeLabel: 'News',
  heroMediaId: '',
  slug: '',
  seoTitle: '',
  seoDescription: '',
  embargoUntil: '',
  commentsEnabled: true,
};

/**
 * Sent with the comments checkbox, which a browser leaves out when unticked: its presence tells
 * "unticked" from a form that has no checkbox at all.
 */
export const COMMENTS_SWITCH_FIELD = 'commentsEnabledShown';

const TEXT_FIELDS = [
  'headline',
  'standfirst',
  'body',
  'bodyBlocks',
  'editionId',
  'sectionId',
  'tags',
  'seriesId',
  'seriesPart',
  'typeLabel',
  'heroMediaId',
  'slug',
  'seoTitle',
  'seoDescription',
  'embargoUntil',
] as const;

/** Reads the story form; only the listed fields are read, so forged ones (status, owner) never travel on. */
export function readStoryForm(body: FormBody): StoryFormValues {
  const values = { ...EMPTY_STORY_FORM };
  for (const name of TEXT_FIELDS) {
    const value = body?.[name];
    values[name] = typeof value === 'string' ? value : '';
  }
  const authors = body?.['authorIds'];
  values.authorIds = (Array.isArray(authors) ? authors : authors ? [authors] : []).filter(Boolean);
  values.commentsEnabled = body?.[COMMENTS_SWITCH_FIELD] !== undefined ? Boolean(body?.['commentsEnabled']) : null;
  // The editor sends blocks, not Markdown: a form shown again keeps the textarea in step with them.
  if (values.bodyBlocks.trim() && !values.body) {
    try {
      values.body = bodyToMarkdown(bodyOf(values));
    } catch {
      // Blocks that cannot be read are reported by the save itself.
    }
  }
  return values;
}

/** The form as the editing service's input: Markdown to body, local times to UTC. */
export function storyInputFrom(values: StoryFormValues, timeZone: string): Record<string, unknown> {
  const part = values.seriesPart.trim();
  const embargo = values.embargoUntil.trim();
  return {
    headline: values.headline,
    standfirst: values.standfirst,
    body: bodyOf(values),
    editionId: values.editionId || null,
    sectionId: values.sectionId,
    tags: values.tags
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
    authorIds: values.authorIds,
    seriesId: values.seriesId || null,
    // Non-numbers fall through as NaN so the schema reports them on the field.
    seriesPart: part ? (/^\d+$/.test(part) ? Number(part) : Number.NaN) : null,
    heroMediaId: values.heroMediaId.trim() || null,
    typeLabel: values.typeLabel,
    slug: values.slug,
    seoTitle: values.seoTitle,
    seoDescription: values.seoDescription,
    embargoUntil: embargo ? (parseZonedDateTime(embargo, timeZone)?.toISOString() ?? embargo) : '',
    ...(values.commentsEnabled === null ? {} : { commentsEnabled: values.commentsEnabled }),
  };
}

/**
 * The body a form sent: the editor's JSON blocks when there are any, else the Markdown. Blocks that
 * are not JSON or not a valid body are refused here (400 ERR_STORY_INPUT_INVALID on `body`), so a
 * forged or broken editor never falls back silently to stale Markdown.
 */
export function bodyOf(values: Pick<StoryFormValues, 'body' | 'bodyBlocks'>): ArticleBody {
  if (!values.bodyBlocks.trim()) return markdownToBody(values.body);
  let json: unknown;
  try {
    json = JSON.parse(values.bodyBlocks);
  } catch {
    throw new ArticleInputError([{ field: 'body', message: 'The body could not be read; reload the page and try again.' }]);
  }
  const parsed = ArticleBodySchema.safeParse(json);
  if (!parsed.success) {
    throw new ArticleInputError([{ field: 'body', message: 'The body holds something a story cannot: check its links and embeds.' }]);
  }
  return parsed.data;
}

/**
 * The body the rich-text editor starts from: the blocks the form sent (a failed save shows them
 * again), else the Markdown read as blocks; empty when neither can be read.
 */
export function editorBodyOf(values: Pick<StoryFormValues, 'body' | 'bodyBlocks'>): ArticleBody {
  try {
    return bodyOf(values);
  } catch {
    return [];
  }
}

/** A stored story as the form shows it. */
export function storyFormFrom(article: Article, timeZone: string): StoryFormValues {
  return {
    headline: article.headline,
    standfirst: article.standfirst,
    body: bodyToMarkdown(article.body),
    bodyBlocks: JSON.stringify(article.body),
    editionId: article.editionId,
    sectionId: article.section.id,
    tags: article.tags.map((tag) => tag.name).join(', '),
    authorIds: article.authors.map((author) => author.id),
    seriesId: article.series?.id ?? '',
    seriesPart: article.series ? String(article.series.part) : '',
    typeLabel: article.typeLabel,
    heroMediaId: article.hero?.id ?? '',
    slug: article.slug,
    seoTitle: article.seoTitle ?? '',
    seoDescription: article.seoDescription ?? '',
    embargoUntil: article.embargoUntil ? formatZonedDateTime(article.embargoUntil, timeZone) : '',
    commentsEnabled: article.commentsEnabled,
  };
}

/** Errors of a save the form can show beside a field; anything else is not the form's to show. */
const FIELD_OF_ERROR: Partial<Record<ErrorCode, string>> = {
  ERR_STORY_SLUG_TAKEN: 'slug',
  ERR_STORY_REFERENCE_UNKNOWN: 'body',
  ERR_STORY_SECTION_EDITION: 'sectionId',
  ERR_STORY_TRANSLATION_TAKEN: 'editionId',
};

/** Field errors for a failed save, or undefined when the error is not about the form's fields. */
export function fieldErrorsOf(error: unknown): FieldError[] | undefined {
  if (error instanceof StoryAltMissingError) {
    // One line per picture, beside the field it is in: "Figure 2 has no alt text …".
    return error.pictures.map((picture) => ({
      field: picture.kind === 'hero' ? 'heroMediaId' : 'body',
      message: `${describePicture(picture)} has no alt text. Describe it for readers who cannot see it, then try again.`,
    }));
  }
  if (error instanceof ArticleInputError) {
    // The service words each problem as a sentence about its field; two problems in one field (two
    // bad tags, say) read the same, so each sentence is shown once.
    const errors = error.issues.map((issue) => ({ field: fieldIdOf(issue.field), message: issue.message }));
    return errors.filter(
      (candidate, index) => errors.findIndex((other) => other.field === candidate.field && other.message === candidate.message) === index,
    );
  }
  const field = error instanceof AppError ? FIELD_OF_ERROR[error.code] : undefined;
  return error instanceof AppError && field ? [{ field, message: error.publicMessage }] : undefined;
}

export const FIELD_LABELS: Record<string, string> = {
  headline: 'Headline',
  standfirst: 'Standfirst',
  body: 'Body',
  bodyBlocks: 'Body',
  editionId: 'Edition',
  sectionId: 'Section',
  tags: 'Tags',
  authorIds: 'Authors',
  seriesId: 'Series',
  seriesPart: 'Part number',
  typeLabel: 'Type',
  heroMediaId: 'Hero image',
  slug: 'Slug',
  seoTitle: 'SEO title',
  seoDescription: 'SEO description',
  embargoUntil: 'Embargo until',
  commentsEnabled: 'Comments',
};

/** `body.3.content.0.href` → `body`: the form has one field per top-level key. */
function fieldIdOf(path: string): string {
  const top = path.split('.')[0] ?? '';
  return top in FIELD_LABELS ? top : 'headline';
}
