import type { Pagination } from '../../../shared/pagination.js';
import type { SiteContext } from '../../shared/site-context.js';
import { siteTranslator } from '../../shared/site-translator.js';

export function PaginationNav({ site, pagination, href }: { site: SiteContext; pagination: Pagination; href: (page: number) => string }) {
  const { t } = siteTranslator(site);
  const { page, totalPages } = pagination;
  if (totalPages <= 1) return null;
  return (
    <nav class="pagination" aria-label={t('pagination.label')}>
      {page > 1 && (
        <a href={href(page - 1)} rel="prev">
          {t('pagination.newer')}
        </a>
      )}
      <span>{t('pagination.pageOf', { page, total: totalPages })}</span>
      {page < totalPages && (
        <a href={href(page + 1)} rel="next">
          {t('pagination.older')}
        </a>
      )}
    </nav>
  );
}
