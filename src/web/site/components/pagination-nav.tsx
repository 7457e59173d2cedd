import type { Pagination } from '../../../shared/pagination.js';

export function PaginationNav({ pagination, href }: { pagination: Pagination; href: (page: number) => string }) {
  const { page, totalPages } = pagination;
  if (totalPages <= 1) return null;
  return (
    <nav class="pagination" aria-label="Pages">
      {page > 1 && (
        <a href={href(page - 1)} rel="prev">
          ← Newer stories
        </a>
      )}
      <span>
        Page {page} of {totalPages}
      </span>
      {page < totalPages && (
        <a href={href(page + 1)} rel="next">
          Older stories →
        </a>
      )}
    </nav>
  );
}
