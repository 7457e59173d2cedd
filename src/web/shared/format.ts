import type { PublicationSettings } from '../../modules/settings/index.js';
import { formatDate as formatZonedDate, formatDateTime as formatZonedDateTime, formatNumber } from '../../shared/i18n/index.js';

/** "Nov 29, 2026, 2:05 PM GMT+9" (or "2026년 11월 29일 오후 2:05"), in the publication's language and time zone. */
export function formatDateTime(date: Date, publication: PublicationSettings): string {
  return formatZonedDateTime(date, publication);
}

/** "Nov 29, 2026" */
export function formatDate(date: Date, publication: PublicationSettings): string {
  return formatZonedDate(date, publication);
}

/** "1,234" in the publication's language. */
export function formatCount(value: number, publication: PublicationSettings): string {
  return formatNumber(value, publication.language);
}
