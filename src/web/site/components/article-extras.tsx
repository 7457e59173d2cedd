import type { Article, ArticleSummary } from '../../../modules/articles/index.js';
import type { Author } from '../../../modules/authors/index.js';
import type { SiteContext } from '../../shared/site-context.js';
import { formatDate } from '../../shared/format.js';
import { paths } from '../../shared/paths.js';

export function Corrections({ article, site }: { article: Article; site: SiteContext }) {
  if (article.corrections.length === 0) return null;
  return (
    <section class="corrections" aria-labelledby="corrections-heading">
      <h2 id="corrections-heading">Corrections and updates</h2>
      <ul>
        {article.corrections.map((correction) => (
          <li key={correction.id}>
            <strong>{correction.kind === 'update' ? 'Update' : 'Correction'}</strong> (
            <time dateTime={correction.createdAt.toISOString()}>{formatDate(correction.createdAt, site.publication)}</time>): {correction.text}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "To read Part 1 …", the next part, and every part in order. */
export function SeriesNav({ article, parts }: { article: Article; parts: ArticleSummary[] }) {
  if (!article.series || parts.length === 0) return null;
  const index = parts.findIndex((part) => part.id === article.id);
  const previous = index > 0 ? parts[index - 1] : undefined;
  const next = index >= 0 ? parts[index + 1] : undefined;
  return (
    <nav class="series-nav" aria-labelledby="series-heading">
      <h2 id="series-heading">
        Series: <a href={paths.series(article.series.slug)}>{article.series.title}</a>
      </h2>
      {previous?.series && (
        <p class="series-previous">
          To read Part {previous.series.part}, <a href={paths.article(previous.slug)}>{previous.headline}</a>
        </p>
      )}
      {next?.series && (
        <p class="series-next">
          Next: Part {next.series.part}, <a href={paths.article(next.slug)}>{next.headline}</a>
        </p>
      )}
      <ol class="series-parts">
        {parts.map((part) => (
          <li key={part.id}>
            {part.id === article.id ? (
              <span aria-current="page">
                Part {part.series?.part}: {part.headline}
              </span>
            ) : (
              <a href={paths.article(part.slug)}>
                Part {part.series?.part}: {part.headline}
              </a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function AuthorBox({ authors }: { authors: Author[] }) {
  if (authors.length === 0) return null;
  return (
    <section class="author-box" aria-labelledby="author-box-heading">
      <h2 id="author-box-heading" class="visually-hidden">
        About the {authors.length > 1 ? 'authors' : 'author'}
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
