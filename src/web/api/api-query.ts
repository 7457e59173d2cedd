import type { Edition } from '../../modules/editions/index.js';
import { AppError } from '../../shared/errors.js';
import { parsePageNumber } from '../../shared/pagination.js';
import { isValidSlug } from '../../shared/slug.js';

/** What Fastify's query parser gives: a string, or an array when a name is repeated. */
export type RawQuery = Record<string, string | string[] | undefined>;

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** RFC 3339 date-time: a partner's typo must be a 400, never a silently different instant. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * Reads a query against the parameters an operation declares: any other name is a 400
 * (ERR_API_PARAMETER_UNKNOWN), so a misspelt filter is reported instead of silently ignored, and a
 * repeated name is a 400 (ERR_API_PARAMETER_INVALID) instead of a guess at which one was meant.
 */
export function readQuery(raw: RawQuery, allowed: readonly string[]): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (!allowed.includes(name)) throw new AppError('ERR_API_PARAMETER_UNKNOWN', `This endpoint does not take the parameter "${name.slice(0, 50)}".`);
    if (typeof value !== 'string') throw new AppError('ERR_API_PARAMETER_INVALID', `Give "${name}" once.`);
    values[name] = value;
  }
  return values;
}

export interface PageParams {
  page: number;
  perPage: number;
}

/** `page` (1…100000, as on the site) and `per_page` (1…100): anything else is a 400. */
export function readPage(query: Record<string, string | undefined>): PageParams {
  return { page: parsePageNumber(query.page), perPage: parsePerPage(query.per_page) };
}

function parsePerPage(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_PER_PAGE;
  if (!/^[0-9]{1,3}$/.test(raw)) throw new AppError('ERR_API_PER_PAGE_INVALID');
  const perPage = Number(raw);
  if (perPage < 1 || perPage > MAX_PER_PAGE) throw new AppError('ERR_API_PER_PAGE_INVALID');
  return perPage;
}

/** `fields=a,b`: the names must all be fields of the object; absent means every field. */
export function readFields(raw: string | undefined, known: readonly string[]): readonly string[] | undefined {
  if (raw === undefined) return undefined;
  const names = raw.split(',').map((name) => name.trim());
  if (names.some((name) => name === ''))
    throw new AppError('ERR_API_PARAMETER_INVALID', 'Give fields as names separated by commas, such as fields=id,headline.');
  for (const name of names) {
    if (!known.includes(name))
      throw new AppError('ERR_API_FIELD_UNKNOWN', `There is no field "${name.slice(0, 50)}" here; the fields are: ${known.join(', ')}.`);
  }
  return ['id', ...names.filter((name) => name !== 'id')];
}

/** An instant given as an RFC 3339 date-time, or a date meaning its midnight UTC. */
export function readInstant(raw: string | undefined, name: string): Date | undefined {
  if (raw === undefined) return undefined;
  const text = DATE_ONLY.test(raw) ? `${raw}T00:00:00Z` : raw;
  const time = DATE_TIME.test(text) ? Date.parse(text) : Number.NaN;
  // Date.parse rolls 2026-02-31 over to March; comparing the date back catches impossible days.
  if (Number.isNaN(time) || (DATE_ONLY.test(raw) && new Date(time).toISOString().slice(0, 10) !== raw)) {
    throw new AppError('ERR_API_PARAMETER_INVALID', `Give ${name} as a date (2026-11-20) or an RFC 3339 date-time (2026-11-20T09:00:00Z).`);
  }
  return new Date(time);
}

/** A slug filter: present means it must be a plausible slug (the service then says whether it exists). */
export function readSlug(raw: string | undefined, name: string): string | undefined {
  if (raw === undefined) return undefined;
  if (!isValidSlug(raw)) throw new AppError('ERR_API_PARAMETER_INVALID', `No ${name} has that slug.`);
  return raw;
}

/** Keeps only the selected top-level fields of an item (all of them when none were selected). */
export function selectFields<T extends Record<string, unknown>>(item: T, fields: readonly string[] | undefined): Partial<T> {
  if (!fields) return item;
  return Object.fromEntries(fields.filter((name) => name in item).map((name) => [name, item[name]])) as Partial<T>;
}

/**
 * `edition=<language>` (`ko`, `pt-BR`; compared without regard to case): one of the switched-on
 * editions, absent meaning the default edition. Anything else is a 400 naming the languages there are.
 */
export function readEdition(raw: string | undefined, editions: readonly Edition[]): Edition {
  const shown = editions.filter((edition) => edition.enabled);
  const chosen =
    raw === undefined ? shown.find((edition) => edition.isDefault) : shown.find((edition) => edition.code.toLowerCase() === raw.toLowerCase());
  if (chosen) return chosen;
  const languages = shown.map((edition) => edition.code).join(', ');
  throw new AppError('ERR_API_EDITION_UNKNOWN', `No edition has the language "${(raw ?? '').slice(0, 35)}"; the editions are: ${languages}.`);
}
