import type { NewsletterIssue } from '../../../modules/newsletters/index.js';
import { Layout } from '../components/layout.js';
import { formatDate } from '../../shared/format.js';
import { paths } from '../../shared/paths.js';
import type { SiteContext } from '../../shared/site-context.js';
import { breadcrumbJsonLd, homeCrumb } from '../structured-data.js';

export const newsletterPaths = {
  archive: (key: string) => `/newsletters/${key}`,
  issue: (key: string, number: number) => `/newsletters/${key}/${number}`,
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
  const path = newsletterPaths.archive(newsletterKey);
  return (
    <Layout
      site={site}
      meta={{
        title: `${name}: past issues`,
        description: `Every issue of ${name} from ${site.publication.name}, newest first.`,
        canonicalPath: path,
        structuredData: [breadcrumbJsonLd([homeCrumb(site), { name, path }], site)],
      }}
    >
      <header class="list-header">
        <p class="section-label">Newsletter</p>
        <h1>{name}</h1>
        <p>{issues.length === 0 ? 'No issue has gone out yet.' : `${issues.length} ${issues.length === 1 ? 'issue' : 'issues'}, newest first.`}</p>
      </header>
      {issues.length > 0 && (
        <ol class="story-list newsletter-archive">
          {issues.map((issue) =>
            issue.number === null ? null : (
              <li key={issue.id}>
                <h2>
                  <a href={newsletterPaths.issue(newsletterKey, issue.number)}>{issue.subject}</a>
                </h2>
                <p>
                  Issue {issue.number}, <IssueDate issue={issue} site={site} />
                </p>
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
  const path = newsletterPaths.issue(issue.newsletterKey, issue.number);
  const archive = newsletterPaths.archive(issue.newsletterKey);
  return (
    <Layout
      site={site}
      meta={{
        title: issue.subject,
        description: issue.intro.slice(0, 160) || `Issue ${issue.number} of ${name}.`,
        canonicalPath: path,
        structuredData: [breadcrumbJsonLd([homeCrumb(site), { name, path: archive }, { name: issue.subject, path }], site)],
      }}
    >
      <article class="static-page newsletter-issue" aria-labelledby="newsletter-issue-title">
        <p class="section-label">
          <a href={archive}>{name}</a>, issue {issue.number}
        </p>
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
                <a href={paths.article(item.slug)}>{item.headline}</a>
              </h2>
              {item.standfirst && <p>{item.standfirst}</p>}
            </li>
          ))}
        </ol>
        <p>
          <a href={archive}>All issues of {name}</a>
        </p>
      </article>
    </Layout>
  );
}
