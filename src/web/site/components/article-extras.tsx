import type { Article, ArticleSummary } from '../../../modules/articles/index.js';
import type { Author } from '../../../modules/authors/index.js';
import type { SiteContext } from '../../shared/site-context.js';
import { formatDate } from '../../shared/format.js';
import { paths } from '../../shared/paths.js';
import { siteTranslator } from '../../shared/site-translator.js';

export function Corrections({ article, site }: { article: Article; site: SiteContext }) {
  if (article.corrections.length === 0) return null;
  const { t } = siteTranslator(site);
  return (
    <section class="corrections" aria-labelledby="corrections-heading">
      <h2 id="corrections-heading">{t('article.corrections')}</h2>
      <ul>
        {article.corrections.map((correction) => (
          <li key={correction.id}>
            <strong>{t(correction.kind === 'update' ? 'article.update' : 'article.correction')}</strong> (
            <time dateTime={correction.createdAt.toISOString()}>{formatDate(correction.createdAt, site.publication)}</time>): {correction.text}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "To read Part 1 …", the next part, and every part in order. */
export function SeriesNav({ article, parts, site }: { article: Article; parts: ArticleSummary[]; site: SiteContext }) {
  if (!article.series || parts.length === 0) return null;
  const { t } = siteTranslator(site);
  const index = parts.findIndex((part) => part.id === article.id);
  const previous = index > 0 ? parts[index - 1] : undefined;
  const next = index >= 0 ? parts[index + 1] : undefined;
  return (
    <nav class="series-nav" aria-labelledby="series-heading">
      <h2 id="series-heading">
        {t('series.heading')} <a href={paths.series(article.series.slug)}>{article.series.title}</a>
      </h2>
      {previous?.series && (
        <p class="series-previous">
          {t('series.previous', { part: previous.series.part })} <a href={paths.article(previous.slug)}>{previous.headline}</a>
        </p>
      )}
      {next?.series && (
        <p class="series-next">
          {t('series.next', { part: next.series.part })} <a href={paths.article(next.slug)}>{next.headline}</a>
        </p>
      )}
      <ol class="series-parts">
        {parts.map((part) => (
          <li key={part.id}>
            {part.id === article.id ? (
              <span aria-current="page">{t('series.part', { part: part.series?.part ?? '', headline: part.headline })}</span>
            ) : (
              <a href={paths.article(part.slug)}>{t('series.part', { part: part.series?.part ?? '', headline: part.headline })}</a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function AuthorBox({ authors, site }: { authors: Author[]; site: SiteContext }) {
  if (authors.length === 0) return null;
  const { t } = siteTranslator(site);
  return (
    <section class="author-box" aria-labelledby="author-box-heading">
      <h2 id="author-box-heading" class="visually-hidden">
        {t('article.aboutAuthors', { count: authors.length })}
      </h2>
      {authors.map((author) => (
        <div class="author-box-entry" key={author.id}>
          <p class="author-box-name">
            <a href={paths.author(author.slug)}>{author.name}</a>
            {author.jobTitle && <span class="author-box-title">, {author.jobTitle}</span>}
          </p>
          <p>
            <a href={`mailto:${author.email}`}>{author.email}</a>
          </p>
          <p class="author-box-bio">{author.bio}</p>
        </div>
      ))}
    </section>
  );
}
