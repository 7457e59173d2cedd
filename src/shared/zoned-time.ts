/**
 * Wall-clock times in the publication's time zone, as `<input type="datetime-local">` sends and
 * shows them (`2026-11-20T14:30`). The browser sends no zone, so the newsroom means the
 * publication's, whatever the editor's own machine is set to.
 */
import { HOUR_MS } from './clock.js';

/** Whether `value` names a time zone this runtime knows (IANA, such as Asia/Seoul). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The instant a wall-clock time names in `timeZone`, or undefined when it is not a valid time. */
export function parseZonedDateTime(value: string, timeZone: string): Date | undefined {
  const match = LOCAL_DATE_TIME.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return undefined;
  // Two rounds settle the offset even when the guess lands across a daylight-saving change.
  let instant = asUtc - offsetMs(new Date(asUtc), timeZone);
  instant = asUtc - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/** `date` as the value of a datetime-local input in `timeZone`, to the minute. */
export function formatZonedDateTime(date: Date, timeZone: string): string {
  const parts = zonedParts(date, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}`;
}

/**
 * `date` as ISO 8601 with the wall-clock time and UTC offset of `timeZone`, to the second
 * (`2026-11-20T14:30:00+09:00`): what schema.org and OpenGraph dates carry, so a reader's
 * search result shows the time the publication printed.
 */
export function formatZonedIsoDateTime(date: Date, timeZone: string): string {
  const parts = zonedParts(date, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  const offsetMinutes = Math.round(offsetMs(date, timeZone) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)}${offset}`;
}

/** The zone's offset from UTC at `date`, in milliseconds (whole seconds: zones have no finer offsets). */
function offsetMs(date: Date, timeZone: string): number {
  const hour = Math.floor(date.getTime() / HOUR_MS);
  const key = `${timeZone}|${hour}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const offset = measuredOffsetMs(new Date(hour * HOUR_MS), timeZone);
  // An hour the zone changes its clocks in (daylight saving starts or ends) is never cached:
  // every instant of it is measured on its own.
  if (measuredOffsetMs(new Date((hour + 1) * HOUR_MS - 1000), timeZone) !== offset) return measuredOffsetMs(date, timeZone);
  if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

function measuredOffsetMs(date: Date, timeZone: string): number {
  const p = formattedParts(date, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(date.getTime() / 1000) * 1000;
}

/** Offsets by zone and UTC hour: a page formats dozens of dates, and Intl takes microseconds a date. */
const offsets = new Map<string, number>();
const MAX_CACHED_OFFSETS = 50_000;

/**
 * Making an Intl.DateTimeFormat costs far more than using one (it loads the zone's rules), and a
 * page formats a dozen dates: one formatter per time zone, kept for the life of the process.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall clock in `timeZone` at `date`: UTC shifted by the zone's offset then. */
function zonedParts(date: Date, timeZone: string) {
  const wall = new Date(Math.floor(date.getTime() / 1000) * 1000 + offsetMs(date, timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/** What Intl says the wall clock is: the slow, authoritative reading the offsets are taken from. */
function formattedParts(date: Date, timeZone: string) {
  const parts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(date)) {
    if (part.type in parts) parts[part.type as keyof typeof parts] = Number(part.value);
  }
  return parts;
}

/** The calendar day `date` falls on in `timeZone`, as `2026-11-29`. */
export function zonedDayKey(date: Date, timeZone: string): string {
  return formatZonedDateTime(date, timeZone).slice(0, 10);
}

/** The day key `days` after (or, when negative, before) `dayKey`; plain calendar arithmetic. */
export function addDaysToKey(dayKey: string, days: number): string {
  const [year, month, day] = dayKey.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * The instant the local day `dayKey` begins in `timeZone`. Where daylight saving skips midnight
 * itself (a few zones change clocks at 00:00), this is the first instant of that day's wall clock.
 */
export function startOfZonedDay(dayKey: string, timeZone: string): Date {
  const start = parseZonedDateTime(`${dayKey}T00:00`, timeZone);
  if (!start) throw new RangeError(`Not a day: ${dayKey}`);
  // A skipped midnight resolves to the instant before the gap, on the previous day: step to the next hour.
  return zonedDayKey(start, timeZone) === dayKey ? start : new Date(start.getTime() + 60 * 60 * 1000);
}

/** The instant the local day after the one `date` falls on begins in `timeZone`. */
export function startOfNextZonedDay(date: Date, timeZone: string): Date {
  return startOfZonedDay(addDaysToKey(zonedDayKey(date, timeZone), 1), timeZone);
}
