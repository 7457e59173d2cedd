import type { StaticPage } from '../../../modules/pages/index.js';
import { bodyPlainText } from '../../../shared/article-body.js';
import { ArticleBody } from '../components/article-body.js';
import { Layout } from '../components/layout.js';
import { formatDate } from '../../shared/format.js';
import { siteTranslator } from '../../shared/site-translator.js';
import { paths } from '../../shared/paths.js';
import type { SiteContext } from '../../shared/site-context.js';
import { breadcrumbJsonLd, homeCrumb } from '../structured-data.js';

export function StaticPageView({ site, page }: { site: SiteContext; page: StaticPage }) {
  return (
    <Layout
      site={site}
      meta={{
        title: page.title,
        description: bodyPlainText(page.body).slice(0, 160),
        canonicalPath: paths.staticPage(page.slug),
        structuredData: [breadcrumbJsonLd([homeCrumb(site), { name: page.title, path: paths.staticPage(page.slug) }], site)],
      }}
    >
      <article class="static-page" aria-labelledby="static-page-title">
        <h1 id="static-page-title">{page.title}</h1>
        <ArticleBody body={page.body} figures={page.figures} />
        <p class="static-page-updated">
          {siteTranslator(site).t('static.lastUpdated')}{' '}
          <time dateTime={page.updatedAt.toISOString()}>{formatDate(page.updatedAt, site.publication)}</time>
        </p>
      </article>
    </Layout>
  );
}
