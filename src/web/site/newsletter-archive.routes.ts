import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { SURROGATE_KEYS } from '../../modules/cdn/index.js';
import type { NewsletterIssueService } from '../../modules/newsletters/index.js';
import { AppError } from '../../shared/errors.js';
import type { PageCache } from '../http/page-cache.js';
import { keyed, sendPublicPage } from '../http/send-page.js';
import { requestSite, type EditionSiteDeps } from '../shared/request-edition.js';
import { NewsletterArchivePage, NewsletterIssuePage } from './pages/newsletter-archive.page.js';

export interface NewsletterArchiveRoutesDeps extends EditionSiteDeps {
  newsletterIssues: Pick<NewsletterIssueService, 'archive' | 'archived' | 'nameOf'>;
  pageCache: PageCache;
}

const NUMBER = /^[1-9]\d{0,8}$/;

/**
 * The newsletters' public archive: a list of the issues that went out per newsletter, and each
 * issue's page, in every edition (`/ko/newsletters/…`, in its language). Cached like the other
 * public pages; an issue starting to send purges them.
 */
export function registerNewsletterArchiveRoutes(app: FastifyInstance, deps: NewsletterArchiveRoutesDeps): void {
  const { newsletterIssues, pageCache } = deps;
  const nameOf = (key: string) => {
    const name = newsletterIssues.nameOf(key);
    if (!name) throw new AppError('ERR_NEWSLETTER_NOT_FOUND');
    return name;
  };

  app.get<{ Params: { key: string } }>('/newsletters/:key', (request, reply) =>
    sendPublicPage(request, reply, pageCache, [], async () => {
      const name = nameOf(request.params.key);
      const issues = await newsletterIssues.archive(request.params.key);
      return keyed(
        h(NewsletterArchivePage, { site: requestSite(deps, request), name, newsletterKey: request.params.key, issues }),
        SURROGATE_KEYS.newsletters,
      );
    }),
  );

  app.get<{ Params: { key: string; number: string } }>('/newsletters/:key/:number', (request, reply) =>
    sendPublicPage(request, reply, pageCache, [], async () => {
      const { key, number } = request.params;
      const name = nameOf(key);
      const issue = NUMBER.test(number) ? await newsletterIssues.archived(key, Number(number)) : undefined;
      if (!issue || issue.number === null) throw new AppError('ERR_NEWSLETTER_ISSUE_NOT_FOUND');
      return keyed(
        h(NewsletterIssuePage, { site: requestSite(deps, request), name, issue: { ...issue, number: issue.number } }),
        SURROGATE_KEYS.newsletters,
      );
    }),
  );
}
