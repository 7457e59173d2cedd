import type { Pagination } from '../../shared/pagination.js';
import { useTranslator } from './translator-context.js';

/**
 * Previous/next links and "Page N of M" below a paged list, for the newsroom and the reader
 * account; nothing at all when everything fits on one page. The link texts differ by list (newest
 * first reads "Newer …", not "Previous page"), so the caller names them.
 */
export function PageLinks({
  label,
  pagination,
  href,
  previous,
  next,
}: {
  /** The nav's accessible name, such as "Pages of readers". */
  label: string;
  pagination: Pagination;
  href: (page: number) => string;
  previous: string;
  next: string;
}) {
  const { t } = useTranslator();
  const { page, totalPages } = pagination;
  if (totalPages <= 1) return null;
  return (
    <nav class="pagination" aria-label={label}>
      {page > 1 && (
        <a href={href(page - 1)} rel="prev">
          {previous}
        </a>
      )}
      {/* Digits as they are, as the page always showed them. */}
      <span>{t('nr.common.pageOf', { page: String(page), totalPages: String(totalPages) })}</span>
      {page < totalPages && (
        <a href={href(page + 1)} rel="next">
          {next}
        </a>
      )}
    </nav>
  );
}
