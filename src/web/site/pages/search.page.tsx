import { MAX_SEARCH_LENGTH, type SearchResult, type SnippetPart } from '../../../modules/search/index.js';
import type { Section } from '../../../modules/sections/index.js';
import { Layout } from '../components/layout.js';
import { PaginationNav } from '../components/pagination-nav.js';
import { StoryCard } from '../components/story-list.js';
import { searchHref, type SearchForm } from '../search-request.js';
import type { SiteContext } from '../../shared/site-context.js';
import { siteTranslator } from '../../shared/site-translator.js';
import { paths } from '../../shared/paths.js';

interface SearchPageProps {
  site: SiteContext;
  form: SearchForm;
  result: SearchResult;
  sections: readonly Section[];
}

/** The search form (works without JavaScript: a plain GET), the result count and ranked results. */
export function SearchPage({ site, form, result, sections }: SearchPageProps) {
  const total = result.pagination.totalItems;
  const searched = result.terms.length > 0;
  const { t } = siteTranslator(site);
  const q = form.q;
  return (
    <Layout
      site={site}
      meta={{ title: q ? t('search.titleWithQuery', { q }) : t('search.title'), description: t('search.description'), noindex: true }}
    >
      <header class="list-header">
        <h1>{t('search.title')}</h1>
        <form class="search-form" role="search" aria-label={t('search.formLabel')} action={paths.search()} method="get">
          <p>
            <label for="search-q">{t('search.query')}</label>{' '}
            <input id="search-q" type="search" name="q" value={form.q} maxLength={MAX_SEARCH_LENGTH} />
          </p>
          <p>
            <label for="search-section">{t('search.section')}</label>{' '}
            <select id="search-section" name="section">
              <option value="">{t('search.allSections')}</option>
              {sections.map((section) => (
                <option key={section.id} value={section.slug} selected={section.slug === form.section}>
                  {section.name}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label for="search-from">{t('search.from')}</label> <input id="search-from" type="date" name="from" value={form.from} />{' '}
            <label for="search-to">{t('search.to')}</label> <input id="search-to" type="date" name="to" value={form.to} />
          </p>
          <button type="submit">{t('search.submit')}</button>
        </form>
        {form.q && (
          <p role="status">
            {result.newestOnly
              ? t('search.newestOnly', { total: String(total), q })
              : total === 0
                ? t('search.noMatch', { q })
                : t('search.matched', { count: total, total: String(total), q })}
          </p>
        )}
      </header>
      {searched && total === 0 && <p class="empty-note">{t('search.tryAgain')}</p>}
      {total > 0 && (
        <ol class="story-list search-results" start={(result.pagination.page - 1) * result.pagination.pageSize + 1}>
          {result.hits.map((hit) => (
            <li key={hit.story.id}>
              <StoryCard story={hit.story} site={site} headingLevel={2} />
              {hit.snippet.length > 0 && <Snippet parts={hit.snippet} />}
            </li>
          ))}
        </ol>
      )}
      <PaginationNav site={site} pagination={result.pagination} href={(page) => searchHref(form, page)} />
    </Layout>
  );
}

function Snippet({ parts }: { parts: SnippetPart[] }) {
  return <p class="search-snippet">{parts.map((part) => (part.match ? <mark>{part.text}</mark> : part.text))}</p>;
}
