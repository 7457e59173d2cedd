import { addDaysToKey, parseZonedDateTime, startOfZonedDay } from '../../shared/zoned-time.js';
import type { SearchQuery } from '../../modules/search/index.js';
import { AppError } from '../../shared/errors.js';
import { parsePageNumber } from '../../shared/pagination.js';
import { paths } from '../shared/paths.js';

/** The query parameters the search page and its JSON read; also their page-cache key. */
export const SEARCH_QUERY_KEYS = ['q', 'section', 'from', 'to', 'page'] as const;

/** The search form as the reader filled it in, for showing it back. */
export interface SearchForm {
  q: string;
  section: string;
  from: string;
  to: string;
}

type RawQuery = Record<string, string | string[] | undefined>;

/**
 * `?q=&section=&from=&to=&page=` → a SearchQuery. Empty fields mean "any" (the form sends them
 * empty); dates are days in the edition's time zone, `to` included. A repeated parameter or a
 * malformed date is a 400, never a guess.
 */
export function readSearchRequest(raw: RawQuery, timeZone: string): { form: SearchForm; query: SearchQuery } {
  const value = (name: string): string => {
    const given = raw[name];
    if (Array.isArray(given)) throw new AppError('ERR_SEARCH_FILTER_INVALID');
    return given ?? '';
  };
  const form: SearchForm = { q: value('q').trim(), section: value('section').trim(), from: value('from').trim(), to: value('to').trim() };
  const page = parsePageNumber(raw.page);
  const query: SearchQuery = { text: form.q, page };
  if (form.section) query.sectionSlug = form.section;
  if (form.from) query.from = startOfZonedDay(dayKey(form.from, timeZone), timeZone);
  if (form.to) query.to = startOfZonedDay(addDaysToKey(dayKey(form.to, timeZone), 1), timeZone);
  return { form, query };
}

/** Years 1900–2999: older or later dates are typos, and JavaScript reads years below 100 as 19xx. */
function dayKey(value: string, timeZone: string): string {
  if (!/^(19|2\d)\d{2}-\d{2}-\d{2}$/.test(value) || !parseZonedDateTime(`${value}T00:00`, timeZone)) {
    throw new AppError('ERR_SEARCH_FILTER_INVALID');
  }
  return value;
}

/** A link to a page of results with the same query and filters. */
export function searchHref(form: SearchForm, page: number, format: 'html' | 'json' = 'html'): string {
  const params = new URLSearchParams({ q: form.q });
  if (form.section) params.set('section', form.section);
  if (form.from) params.set('from', form.from);
  if (form.to) params.set('to', form.to);
  if (page > 1) params.set('page', String(page));
  return `${format === 'json' ? `${paths.search()}.json` : paths.search()}?${params.toString()}`;
}
