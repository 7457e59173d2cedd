import { formatZonedDateTime, parseZonedDateTime } from '../../shared/zoned-time.js';
import {
  ArticleBodySchema,
  ArticleInputError,
  StoryAltMissingError,
  TYPE_LABELS,
  bodyToMarkdown,
  markdownToBody,
  type Article,
  type ArticleBody,
} from '../../modules/articles/index.js';
import { AppError, type ErrorCode } from '../../shared/errors.js';
import type { MessageKey, Translator } from '../../shared/i18n/index.js';
import { newsroomStoriesEn } from '../../shared/i18n/areas/newsroom-stories.en.js';
import { typeLabelText } from '../shared/site-translator.js';
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

/** Field errors for a failed save, in the translator's language, or undefined when the error is not about the form's fields. */
export function fieldErrorsOf(error: unknown, translator: Translator): FieldError[] | undefined {
  const { t } = translator;
  if (error instanceof StoryAltMissingError) {
    // One line per picture, beside the field it is in: "Figure 2 has no alt text …".
    return error.pictures.map((picture) => ({
      field: picture.kind === 'hero' ? 'heroMediaId' : 'body',
      message:
        picture.kind === 'hero'
          ? t('nr.storyInput.altMissingHero')
          : t('nr.storyInput.altMissingFigure', { position: String(picture.position ?? '?') }),
    }));
  }
  if (error instanceof ArticleInputError) {
    // The service words each problem as a sentence about its field; two problems in one field (two
    // bad tags, say) read the same, so each sentence is shown once.
    const errors = error.issues.map((issue) => ({ field: fieldIdOf(issue.field), message: inputSentence(issue.message, translator) }));
    return errors.filter(
      (candidate, index) => errors.findIndex((other) => other.field === candidate.field && other.message === candidate.message) === index,
    );
  }
  const field = error instanceof AppError ? FIELD_OF_ERROR[error.code] : undefined;
  return error instanceof AppError && field ? [{ field, message: translator.error(error.code) }] : undefined;
}

/** The form's fields that have a name of their own (the editor's `bodyBlocks` is the body). */
const NAMED_FIELDS = [
  'headline',
  'standfirst',
  'body',
  'editionId',
  'sectionId',
  'tags',
  'authorIds',
  'seriesId',
  'seriesPart',
  'typeLabel',
  'heroMediaId',
  'slug',
  'seoTitle',
  'seoDescription',
  'embargoUntil',
  'commentsEnabled',
] as const;
type NamedField = (typeof NAMED_FIELDS)[number];

const isNamedField = (field: string): field is NamedField => (NAMED_FIELDS as readonly string[]).includes(field);

/** A field's name as the newsroom lists it ("Headline", "제목"); an unknown one as it is. */
export function fieldLabel(translator: Pick<Translator, 't'>, field: string): string {
  const named = field === 'bodyBlocks' ? 'body' : field;
  return isNamedField(named) ? translator.t(`nr.storyField.${named}`) : field;
}

/** `body.3.content.0.href` → `body`: the form has one field per top-level key. */
function fieldIdOf(path: string): string {
  const top = path.split('.')[0] ?? '';
  return top === 'bodyBlocks' || isNamedField(top) ? top : 'headline';
}

/**
 * This area's plain English messages whose key starts with `prefix`. The editing service's sentences
 * (modules/articles/article-input.ts, and bodyOf above) each have a key `nr.storyInput.*` whose
 * English text is the sentence, `{placeholders}` standing for what varies.
 */
const englishTexts = (prefix: string) =>
  Object.entries(newsroomStoriesEn).flatMap(([key, text]) =>
    key.startsWith(prefix) && typeof text === 'string' ? [{ key: key as MessageKey, text }] : [],
  );

/** Each sentence as a pattern, its placeholders captured: `Choose at least one author (at most {max}).` */
const sentencePatterns = englishTexts('nr.storyInput.')
  .filter(({ key }) => !key.startsWith('nr.storyInput.name.'))
  .map(({ key, text }) => {
    const source = text
      .split(/(\{\w+\})/)
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        return name ? `(?<${name}>.+?)` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('');
    return { key, pattern: new RegExp(`^${source}$`) };
  });

/** How the service names a field inside a sentence ("SEO title"), back to its key. */
const FIELD_NAME_KEYS = new Map<string, MessageKey>(englishTexts('nr.storyInput.name.').map(({ key, text }) => [text, key]));

/**
 * The service's sentence about a field in the translator's language. The service words its problems
 * in English only, so the sentence is recognised by its English text and its varying parts (a
 * number, a field's name, the list of types) carried over; a sentence the catalogue does not know
 * is shown as the service wrote it.
 */
function inputSentence(message: string, translator: Translator): string {
  if (translator.language === 'en') return message;
  for (const { key, pattern } of sentencePatterns) {
    const match = pattern.exec(message);
    if (!match) continue;
    const params: Record<string, string> = { ...match.groups };
    if (params['name'] !== undefined) {
      const nameKey = FIELD_NAME_KEYS.get(params['name']);
      params['name'] = nameKey ? translator.t(nameKey) : params['name'];
    }
    if (params['types'] !== undefined) params['types'] = TYPE_LABELS.map((label) => typeLabelText(translator, label)).join(', ');
    // The key is one of this area's, found at run time: its parameters are the ones just matched.
    return (translator.t as (key: MessageKey, params: Readonly<Record<string, string>>) => string)(key, params);
  }
  return message;
}
