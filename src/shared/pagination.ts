import { AppError } from './errors.js';

/** Far beyond any real archive; a larger number is a typo or a probe, not a page. */
export const MAX_PAGE_NUMBER = 100_000;

export interface Pagination {
  page: number;
  pageSize: number;
  totalItems: number;
  totalPages: number;
}

/** `?page=` as typed by a person: absent means 1; anything but a whole number from 1 up is a 400. */
export function parsePageNumber(raw: unknown): number {
  if (raw === undefined) return 1;
  if (typeof raw !== 'string' || !/^[0-9]{1,6}$/.test(raw)) throw new AppError('ERR_INVALID_PAGE_NUMBER');
  const page = Number(raw);
  if (page < 1 || page > MAX_PAGE_NUMBER) throw new AppError('ERR_INVALID_PAGE_NUMBER');
  return page;
}

export function paginate(page: number, pageSize: number, totalItems: number): Pagination {
  return { page, pageSize, totalItems, totalPages: Math.max(1, Math.ceil(totalItems / pageSize)) };
}
