import type { StoryPage } from '../../../modules/articles/reading.service.js';
import { MAX_SEARCH_LENGTH } from '../../../modules/articles/reading.service.js';
import { Layout } from '../components/layout.js';
import { PaginationNav } from '../components/pagination-nav.js';
import { StoryList } from '../components/story-list.js';
import type { SiteContext } from '../site-context.js';

export function searchHref(query: string, page: number): string {
  const params = new URLSearchParams({ q: query });
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
}

export function SearchPage({ site, query, result }: { site: SiteContext; query: string; result: StoryPage }) {
  const total = result.pagination.totalItems;
  return (
    <Layout site={site} meta={{ title: query ? `Search: ${query}` : 'Search', description: 'Search the stories', noindex: true }}>
      <header class="list-header">
        <h1>Search</h1>
        <form class="search-form" role="search" action="/search" method="get">
          <label for="search-q">Search headlines and summaries</label>
          <input id="search-q" type="search" name="q" value={query} maxLength={MAX_SEARCH_LENGTH} />
          <button type="submit">Search</button>
        </form>
        {query && (
          <p role="status">
            {total === 0 ? 'No stories matched' : `${total} ${total === 1 ? 'story' : 'stories'} matched`} “{query}”.
          </p>
        )}
      </header>
      {query && total > 0 && <StoryList stories={result.stories} site={site} />}
      <PaginationNav pagination={result.pagination} href={(page) => searchHref(query, page)} />
    </Layout>
  );
}
