import type { PublicationSettings } from '../../modules/settings/index.js';

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

/** `name` stands for `options` in the key: a page formats dozens of dates, each looking its formatter up. */
function dateTimeFormat(publication: PublicationSettings, name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${name}|${publication.language}|${publication.timeZone}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(publication.language, { timeZone: publication.timeZone, ...options });
    formatters.set(key, format);
  }
  return format;
}

/** "Nov 29, 2026, 2:05 PM GMT+9", in the publication's language and time zone. */
export function formatDateTime(date: Date, publication: PublicationSettings): string {
  return dateTimeFormat(publication, 'date-time', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

/** "Nov 29, 2026" */
export function formatDate(date: Date, publication: PublicationSettings): string {
  return dateTimeFormat(publication, 'date', { year: 'numeric', month: 'short', day: 'numeric' }).format(date);
}

/** "1,234" in the publication's language. */
export function formatCount(value: number, publication: PublicationSettings): string {
  const key = `n|${publication.language}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(publication.language);
    formatters.set(key, format);
  }
  return format.format(value);
}
