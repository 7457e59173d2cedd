import { ARTICLE_STATUSES, DESK_SORTS, type ArticleStatus, type DeskListQuery, type DeskSort } from '../../modules/articles/index.js';
import type { Author } from '../../modules/authors/index.js';
import type { Edition } from '../../modules/editions/index.js';
import { MAX_SEARCH_LENGTH } from '../../modules/search/index.js';
import type { Section } from '../../modules/sections/index.js';
import type { ErrorCode } from '../../shared/errors.js';
import type { Translator } from '../../shared/i18n/index.js';
import { addDaysToKey, startOfZonedDay } from '../../shared/zoned-time.js';
import type { Query } from '../shared/form-body.js';
import type { FieldError } from '../shared/form-fields.js';

/** Stories per page of the newsroom's story list. */
export const STORY_LIST_PAGE_SIZE = 50;
/**
 * The deepest page: pages are read with OFFSET, which walks the rows before the page, so the depth
 * is capped (100 pages, 5,000 stories: a few milliseconds at most). Page links need page numbers,
 * which keyset paging cannot give; older stories are reached by search, filters and dates.
 */
export const MAX_STORY_LIST_PAGE = 100;

/** The filter form's id: where a problem with the page number (no field of its own) points. */
export const STORY_FILTERS_ID = 'story-filters';

/** The form's values as typed, echoed back into the form and the page links. */
export interface StoryListValues {
  q: string;
  status: string;
  /** An edition's language code (`ko`). */
  edition: string;
  section: string;
  author: string;
  from: string;
  to: string;
  sort: string;
  order: string;
}

export type StoryListRequest = DeskListQuery & { text: string };

export interface StoryListParse {
  values: StoryListValues;
  query?: StoryListRequest;
  errors: FieldError[];
  /** The code of the first problem (the response's `x-error-code`). */
  code?: ErrorCode;
}

const FIELDS = ['q', 'status', 'edition', 'section', 'author', 'from', 'to', 'sort', 'order'] as const;
const DAY = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** A day typed as YYYY-MM-DD that exists (no 31 February). */
const isDay = (value: string) => DAY.test(value) && addDaysToKey(value, 0) === value;

/**
 * Reads the story list's URL: each filter must be one the form offers, dates real days (in the
 * publication's time zone, `to` included), the page a whole number up to MAX_STORY_LIST_PAGE.
 * Every problem is reported against its field, in the translator's language; nothing is guessed.
 */
export function parseStoryListQuery(
  raw: Query,
  choices: { editions: readonly Edition[]; sections: readonly Section[]; authors: readonly Author[]; timeZone: string },
  { t }: Pick<Translator, 't'>,
): StoryListParse {
  const values = Object.fromEntries(FIELDS.map((name) => [name, (raw[name] ?? '').trim()])) as unknown as StoryListValues;
  const errors: FieldError[] = [];
  let code: ErrorCode | undefined;
  const fail = (field: string, message: string, errorCode: ErrorCode = 'ERR_STORY_FILTER_INVALID') => {
    errors.push({ field, message });
    code ??= errorCode;
  };
  // The field itself is echoed back only as long as it may be: a huge value is not put in the page again.
  if (values.q.length > MAX_SEARCH_LENGTH) {
    fail('q', t('nr.storyList.error.q', { max: String(MAX_SEARCH_LENGTH) }), 'ERR_SEARCH_QUERY_TOO_LONG');
    values.q = values.q.slice(0, MAX_SEARCH_LENGTH);
  }
  const status =
    values.status === '' ? undefined : (ARTICLE_STATUSES as readonly string[]).includes(values.status) ? (values.status as ArticleStatus) : null;
  if (status === null) fail('status', t('nr.storyList.error.status'));
  const edition = values.edition === '' ? undefined : (choices.editions.find((e) => e.code === values.edition) ?? null);
  if (edition === null) fail('edition', t('nr.storyList.error.edition'));
  const section = values.section === '' ? undefined : (choices.sections.find((s) => sectionValue(s, choices.editions) === values.section) ?? null);
  if (section === null) fail('section', t('nr.storyList.error.section'));
  else if (section && edition && section.editionId !== edition.id) fail('section', t('nr.storyList.error.sectionEdition'));
  const author = values.author === '' ? undefined : (choices.authors.find((a) => a.slug === values.author) ?? null);
  if (author === null) fail('author', t('nr.storyList.error.author'));
  const fromOk = values.from === '' || isDay(values.from);
  const toOk = values.to === '' || isDay(values.to);
  if (!fromOk) fail('from', t('nr.storyList.error.from'));
  if (!toOk) fail('to', t('nr.storyList.error.to'));
  if (fromOk && toOk && values.from !== '' && values.to !== '' && values.from > values.to) fail('to', t('nr.storyList.error.toBeforeFrom'));
  const sort = values.sort === '' ? 'updated' : (DESK_SORTS as readonly string[]).includes(values.sort) ? (values.sort as DeskSort) : null;
  if (sort === null) fail('sort', t('nr.storyList.error.sort'));
  const order =
    values.order === '' ? (sort === 'headline' ? 'asc' : 'desc') : values.order === 'asc' || values.order === 'desc' ? values.order : null;
  if (order === null) fail('order', t('nr.storyList.error.order'));
  const page = parsePage(raw.page);
  if (page === null) fail(STORY_FILTERS_ID, t('nr.storyList.error.page', { max: String(MAX_STORY_LIST_PAGE) }), 'ERR_INVALID_PAGE_NUMBER');
  if (
    errors.length > 0 ||
    status === null ||
    edition === null ||
    section === null ||
    author === null ||
    sort === null ||
    order === null ||
    page === null
  ) {
    return { values, errors, ...(code ? { code } : {}) };
  }
  const query: StoryListRequest = { text: values.q, sort, order, page, pageSize: STORY_LIST_PAGE_SIZE };
  if (status) query.status = status;
  if (edition) query.editionId = edition.id;
  if (section) query.sectionId = section.id;
  if (author) query.authorId = author.id;
  if (values.from) query.from = startOfZonedDay(values.from, choices.timeZone);
  if (values.to) query.before = startOfZonedDay(addDaysToKey(values.to, 1), choices.timeZone);
  return { values, query, errors };
}

/**
 * A section as the filter names it: its slug, which is unique within an edition only (0028), so
 * another edition's is prefixed with the edition's code (`ko:asia`). The default edition's keep
 * their plain slug, and with it the addresses bookmarked before editions.
 */
export function sectionValue(section: Section, editions: readonly Edition[]): string {
  const edition = editions.find((candidate) => candidate.id === section.editionId);
  return !edition || edition.isDefault ? section.slug : `${edition.code}:${section.slug}`;
}

function parsePage(raw: string | undefined): number | null {
  if (raw === undefined || raw === '') return 1;
  if (!/^[0-9]{1,4}$/.test(raw)) return null;
  const page = Number(raw);
  return page >= 1 && page <= MAX_STORY_LIST_PAGE ? page : null;
}

/** The list's address with these values (empty ones left out) and page. */
export function storyListHref(base: string, values: StoryListValues, page = 1): string {
  const params = new URLSearchParams();
  for (const name of FIELDS) if (values[name] !== '') params.set(name, values[name]);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
