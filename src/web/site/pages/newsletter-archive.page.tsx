import type { NewsletterIssue } from '../../../modules/newsletters/index.js';
import { Layout } from '../components/layout.js';
import { formatDate } from '../../shared/format.js';
import { paths } from '../../shared/paths.js';
import { editionBase } from '../../shared/request-edition.js';
import type { SiteContext } from '../../shared/site-context.js';
import { siteTranslator } from '../../shared/site-translator.js';
import { breadcrumbJsonLd, homeCrumb } from '../structured-data.js';

/** The archive's pages, in the current request's edition (`/ko/newsletters/…`). */
export const newsletterPaths = {
  archive: (key: string) => `${editionBase()}/newsletters/${key}`,
  issue: (key: string, number: number) => `${editionBase()}/newsletters/${key}/${number}`,
};

function IssueDate({ issue, site }: { issue: NewsletterIssue; site: SiteContext }) {
  const at = issue.startedAt ?? issue.createdAt;
  return <time dateTime={at.toISOString()}>{formatDate(at, site.publication)}</time>;
}

/** Every issue of one newsletter that went out, newest first. */
export function NewsletterArchivePage({
  site,
  name,
  newsletterKey,
  issues,
}: {
  site: SiteContext;
  name: string;
  newsletterKey: string;
  issues: NewsletterIssue[];
}) {
  const { t, rich } = siteTranslator(site);
  const path = newsletterPaths.archive(newsletterKey);
  return (
    <Layout
      site={site}
      meta={{
        title: t('newsletter.page.archiveTitle', { name }),
        description: t('newsletter.page.archiveDescription', { name, publication: site.publication.name }),
        canonicalPath: path,
        structuredData: [breadcrumbJsonLd([homeCrumb(site), { name, path }], site)],
      }}
    >
      <header class="list-header">
        <p class="section-label">{t('newsletter.page.label')}</p>
        <h1>{name}</h1>
        <p>{issues.length === 0 ? t('newsletter.page.noIssue') : t('newsletter.page.issueCount', { count: issues.length })}</p>
      </header>
      {issues.length > 0 && (
        <ol class="story-list newsletter-archive">
          {issues.map((issue) =>
            issue.number === null ? null : (
              <li key={issue.id}>
                <h2>
                  <a href={newsletterPaths.issue(newsletterKey, issue.number)}>{issue.subject}</a>
                </h2>
                <p>{rich('newsletter.page.issueLine', { date: () => <IssueDate issue={issue} site={site} /> }, { number: String(issue.number) })}</p>
              </li>
            ),
          )}
        </ol>
      )}
    </Layout>
  );
}

/** One issue as it went out: its intro and stories, each linking to the story. */
export function NewsletterIssuePage({ site, name, issue }: { site: SiteContext; name: string; issue: NewsletterIssue & { number: number } }) {
  const { t, rich } = siteTranslator(site);
  const path = newsletterPaths.issue(issue.newsletterKey, issue.number);
  const archive = newsletterPaths.archive(issue.newsletterKey);
  const number = String(issue.number);
  return (
    <Layout
      site={site}
      meta={{
        title: issue.subject,
        description: issue.intro.slice(0, 160) || t('newsletter.page.issueDescription', { number, name }),
        canonicalPath: path,
        structuredData: [breadcrumbJsonLd([homeCrumb(site), { name, path: archive }, { name: issue.subject, path }], site)],
      }}
    >
      <article class="static-page newsletter-issue" aria-labelledby="newsletter-issue-title">
        <p class="section-label">{rich('newsletter.page.issueOf', { link: () => <a href={archive}>{name}</a> }, { number })}</p>
        <h1 id="newsletter-issue-title">{issue.subject}</h1>
        <p>
          <IssueDate issue={issue} site={site} />
        </p>
        {issue.intro.split(/\n\s*\n/).map((paragraph, i) => (paragraph.trim() ? <p key={i}>{paragraph.trim()}</p> : null))}
        <ol class="newsletter-issue-items">
          {issue.items.map((item) => (
            <li key={item.articleId}>
              <p class="section-label">{item.label}</p>
              <h2>
                {/* The newsletters carry the default edition's stories, whichever edition shows the issue. */}
                <a href={paths.articleInEdition('', item.slug)}>{item.headline}</a>
              </h2>
              {item.standfirst && <p>{item.standfirst}</p>}
            </li>
          ))}
        </ol>
        <p>
          <a href={archive}>{t('newsletter.page.allIssues', { name })}</a>
        </p>
      </article>
    </Layout>
  );
}
