import type { Article } from '../../../modules/articles/index.js';
import type { SiteContext } from '../../shared/site-context.js';
import { formatCount, formatDateTime } from '../../shared/format.js';
import { paths } from '../../shared/paths.js';
import { siteTranslator } from '../../shared/site-translator.js';

/** Authors with their e-mail, published and updated times, and the view count. */
export function Byline({ article, site }: { article: Article; site: SiteContext }) {
  const { publication } = site;
  const { t } = siteTranslator(site);
  return (
    <div class="byline">
      {article.authors.length > 0 && (
        <ul class="byline-authors" aria-label={t('article.authors')}>
          {article.authors.map((author) => (
            <li key={author.id}>
              <a class="byline-name" href={paths.author(author.slug)}>
                {author.name}
              </a>{' '}
              <a class="byline-email" href={`mailto:${author.email}`}>
                {author.email}
              </a>
            </li>
          ))}
        </ul>
      )}
      <p class="byline-times">
        <span>
          {t('article.published')} <time dateTime={article.publishedAt.toISOString()}>{formatDateTime(article.publishedAt, publication)}</time>
        </span>
        {article.updatedAt && article.updatedAt.getTime() > article.publishedAt.getTime() && (
          <span>
            {t('article.updated')} <time dateTime={article.updatedAt.toISOString()}>{formatDateTime(article.updatedAt, publication)}</time>
          </span>
        )}
        <span class="view-count">{t('article.views', { count: formatCount(article.viewCount, publication) })}</span>
      </p>
    </div>
  );
}
