import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { NewsletterCatalog, NewsletterIssue, NewsletterIssueService } from '../../modules/newsletters/index.js';
import type { SettingsService } from '../../modules/settings/index.js';
import { roleHas } from '../../modules/users/index.js';
import { AppError } from '../../shared/errors.js';
import { sendHtml } from '../http/send-page.js';
import { formField, type FormBody } from '../shared/form-body.js';
import type { FieldError } from '../shared/form-fields.js';
import type { SiteContextSource } from '../shared/site-context.js';
import { newsroomPaths } from './newsroom-paths.js';
import type { Clock } from '../../shared/clock.js';
import { sendMailPreview } from './mail-preview.js';
import { newsroomRoute, viewerOf, type NewsroomRouteDeps, type StaffContext } from './newsroom-route.js';
import { newsroomTranslator } from './newsroom-translator.js';
import { NewsletterIssuePage, progressText } from './pages/newsletter-issue.page.js';
import { NewsletterIssuesPage } from './pages/newsletter-issues.page.js';

export interface NewsletterRoutesDeps extends NewsroomRouteDeps {
  site: SiteContextSource;
  settings: Pick<SettingsService, 'publication' | 'updatePublication'>;
  newsletters: Pick<NewsletterCatalog, 'listNow'>;
  newsletterIssues: Pick<
    NewsletterIssueService,
    'list' | 'find' | 'composeToday' | 'edit' | 'sendNow' | 'hold' | 'dueOf' | 'progress' | 'render' | 'nameOf'
  >;
  clock: Clock;
}

type Request = FastifyRequest<{ Body: FormBody }>;

function issueId(request: FastifyRequest): string {
  return (request.params as { id: string }).id;
}

/**
 * Newsletter issues for editors (`newsletters.send`): the list and composing, one issue's page
 * (preview, edit, send now, live delivery counts with a JSON endpoint), and for admins the schedule.
 */
export function registerNewsletterRoutes(scope: FastifyInstance, deps: NewsletterRoutesDeps): void {
  const { newsletterIssues } = deps;
  const translatorOf = (staff: StaffContext) => newsroomTranslator(deps.site.current(), viewerOf(staff));

  async function listPage(
    request: Request,
    reply: FastifyReply,
    staff: StaffContext,
    status: number,
    extra: { done?: 'schedule'; errors?: FieldError[] } = {},
  ) {
    const publication = deps.settings.publication;
    const viewer = { ...viewerOf(staff), mayChangeSchedule: roleHas(staff.session.user.role, 'settings.manage') };
    const props = {
      site: deps.site.current(),
      viewer,
      issues: await newsletterIssues.list(),
      newsletters: deps.newsletters.listNow(),
      schedule: { time: publication.newsletterTime, weekday: publication.weeklyNewsletterDay },
      ...extra,
    };
    return sendHtml(request, reply, status, h(NewsletterIssuesPage, props));
  }

  /** The issue as a recipient gets it, with the preferences page standing in for their own links. */
  function previewOf(issue: NewsletterIssue): { html: string; text: string } {
    const siteUrl = deps.config.siteUrl;
    return newsletterIssues
      .render(issue)
      .fill({ preferencesUrl: `${siteUrl}/newsletters/preferences`, unsubscribeUrl: `${siteUrl}/newsletters/preferences` });
  }

  async function issuePage(request: Request, reply: FastifyReply, staff: StaffContext, status: number, issue: NewsletterIssue, extra = {}) {
    const preview = previewOf(issue);
    const due = newsletterIssues.dueOf(issue);
    const props = {
      ...(due && due > deps.clock.now() ? { due } : {}),
      site: deps.site.current(),
      viewer: viewerOf(staff),
      issue,
      newsletterName: newsletterIssues.nameOf(issue.newsletterKey) ?? issue.newsletterKey,
      progress: await newsletterIssues.progress(issue.id),
      preview,
      ...extra,
    };
    return sendHtml(request, reply, status, h(NewsletterIssuePage, props));
  }

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/newsletters',
    permission: 'newsletters.send',
    handler: async (request, reply, staff) => listPage(request, reply, staff, 200, request.query.done === 'schedule' ? { done: 'schedule' } : {}),
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/newsletters/compose',
    permission: 'newsletters.send',
    handler: async (request, reply) => {
      const key = formField(request.body, 'key');
      if (key === 'breaking' || !deps.newsletters.listNow().some((info) => info.key === key)) throw new AppError('ERR_NEWSLETTER_NOT_FOUND');
      const issue = await newsletterIssues.composeToday(key);
      return reply.redirect(newsroomPaths.newsletterIssue(issue.id), 303);
    },
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/newsletters/schedule',
    permission: 'settings.manage',
    handler: async (request, reply, staff) => {
      const time = formField(request.body, 'newsletter-time').trim();
      const day = formField(request.body, 'weekly-day').trim();
      try {
        if (!/^\d$/.test(day)) throw new AppError('ERR_SETTINGS_INVALID');
        await deps.settings.updatePublication({ newsletterTime: time, weeklyNewsletterDay: Number(day) });
        return reply.redirect(newsroomPaths.newsletters({ done: 'schedule' }), 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'ERR_SETTINGS_INVALID') throw error;
        reply.header('x-error-code', error.code);
        return listPage(request, reply, staff, error.status, {
          errors: [{ field: 'newsletter-time', message: translatorOf(staff).t('nr.newsletters.scheduleInvalid') }],
        });
      }
    },
  });

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/newsletters/issues/:id',
    permission: 'newsletters.send',
    handler: async (request, reply, staff) => {
      const notice = request.query.done;
      const done = notice === 'saved' || notice === 'sending' || notice === 'held' || notice === 'scheduled' ? { done: notice } : {};
      return issuePage(request, reply, staff, 200, await newsletterIssues.find(issueId(request)), done);
    },
  });

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/newsletters/issues/:id/preview',
    permission: 'newsletters.send',
    handler: async (request, reply) => sendMailPreview(reply, deps.config.siteUrl, previewOf(await newsletterIssues.find(issueId(request))).html),
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/newsletters/issues/:id',
    permission: 'newsletters.send',
    handler: async (request, reply, staff) => {
      const issue = await newsletterIssues.find(issueId(request));
      const subject = formField(request.body, 'subject');
      const intro = formField(request.body, 'intro');
      const order = issue.items
        .map((item, i) => ({ id: item.articleId, position: Number(formField(request.body, `position-${item.articleId}`) || i + 1), i }))
        .filter((entry) => formField(request.body, `keep-${entry.id}`) !== '')
        .sort((a, b) => (Number.isFinite(a.position) ? a.position : 99) - (Number.isFinite(b.position) ? b.position : 99) || a.i - b.i)
        .map((entry) => entry.id);
      try {
        await newsletterIssues.edit(issue.id, { subject, intro, order });
        return reply.redirect(newsroomPaths.newsletterIssue(issue.id, { done: 'saved' }), 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'ERR_NEWSLETTER_ISSUE_INVALID') throw error;
        reply.header('x-error-code', error.code);
        const errors = [{ field: 'subject', message: translatorOf(staff).error(error.code) }];
        return issuePage(request, reply, staff, error.status, issue, {
          errors,
          typed: { subject: subject.slice(0, 400), intro: intro.slice(0, 4000) },
        });
      }
    },
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/newsletters/issues/:id/send',
    permission: 'newsletters.send',
    handler: async (request, reply) => {
      const issue = await newsletterIssues.sendNow(issueId(request));
      return reply.redirect(newsroomPaths.newsletterIssue(issue.id, { done: 'sending' }), 303);
    },
  });

  for (const [action, held] of [
    ['hold', true],
    ['schedule', false],
  ] as const) {
    newsroomRoute(scope, deps, {
      method: 'POST',
      url: `/newsletters/issues/:id/${action}`,
      permission: 'newsletters.send',
      handler: async (request, reply) => {
        const issue = await newsletterIssues.hold(issueId(request), held);
        return reply.redirect(newsroomPaths.newsletterIssue(issue.id, { done: held ? 'held' : 'scheduled' }), 303);
      },
    });
  }

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/newsletters/issues/:id/progress',
    permission: 'newsletters.send',
    json: true,
    handler: async (request, reply, staff) => {
      const progress = await newsletterIssues.progress(issueId(request));
      return reply.header('cache-control', 'no-store').send({ ...progress, text: progressText(progress, translatorOf(staff)) });
    },
  });
}
