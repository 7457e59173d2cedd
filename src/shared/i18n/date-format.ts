/**
 * Dates and times for readers, in a language and a time zone. English (and any language without
 * its own rule here) uses Intl's own format for the locale; Korean is composed from Intl's parts,
 * because ICU's Korean day period has changed between releases (ICU 78 prints "PM" where Korean
 * readers, and the issue, expect "오후"), and a newspaper's dateline must not change with Node.
 */

export interface DateFormatTarget {
  /** BCP 47 language tag, such as `en`, `en-GB` or `ko`. */
  language: string;
  /** IANA time zone, such as Asia/Seoul. */
  timeZone: string;
}

/** Making an Intl formatter loads locale and zone data; a page formats dozens of dates. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(target: DateFormatTarget, name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${name}|${target.language}|${target.timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(target.language, { timeZone: target.timeZone, ...options });
    formatters.set(key, format);
  }
  return format;
}

function isKorean(language: string): boolean {
  return /^ko(?:-|$)/i.test(language);
}

/** The wall-clock parts of `date` in the zone, as numbers (24-hour clock). */
function wallClock(date: Date, timeZone: string) {
  const parts = { year: 0, month: 0, day: 0, hour: 0, minute: 0 };
  const format = dateTimeFormat({ language: 'en-US', timeZone }, 'wall', {
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  for (const part of format.formatToParts(date)) {
    if (part.type in parts) parts[part.type as keyof typeof parts] = Number(part.value);
  }
  return parts;
}

/** "Nov 29, 2026, 2:05 PM GMT+9" (English, as the site has always shown it); "2026년 12월 2일 오후 6:00" (Korean). */
export function formatDateTime(date: Date, target: DateFormatTarget): string {
  if (isKorean(target.language)) {
    const p = wallClock(date, target.timeZone);
    const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
    return `${p.year}년 ${p.month}월 ${p.day}일 ${p.hour < 12 ? '오전' : '오후'} ${hour12}:${String(p.minute).padStart(2, '0')}`;
  }
  return dateTimeFormat(target, 'date-time', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

/** "Nov 29, 2026" (English); "2026년 11월 29일" (Korean). */
export function formatDate(date: Date, target: DateFormatTarget): string {
  if (isKorean(target.language)) {
    const p = wallClock(date, target.timeZone);
    return `${p.year}년 ${p.month}월 ${p.day}일`;
  }
  return dateTimeFormat(target, 'date', { year: 'numeric', month: 'short', day: 'numeric' }).format(date);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** "1,234" in the language's digits and grouping. */
export function formatNumber(value: number, language: string): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language);
    numberFormats.set(language, format);
  }
  return format.format(value);
}
