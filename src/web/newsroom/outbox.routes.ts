import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import type { MailSender, MailService } from '../../modules/mail/index.js';
import { AppError } from '../../shared/errors.js';
import { sendHtml } from '../http/send-page.js';
import type { SiteContextSource } from '../shared/site-context.js';
import { sendMailPreview } from './mail-preview.js';
import { newsroomRoute, viewerOf, type NewsroomRouteDeps } from './newsroom-route.js';
import { OutboxMessagePage } from './pages/outbox-message.page.js';
import { OutboxPage } from './pages/outbox.page.js';

export interface OutboxRoutesDeps extends NewsroomRouteDeps {
  site: SiteContextSource;
  mail: Pick<MailService, 'outbox' | 'counts' | 'message'>;
  mailSender: Pick<MailSender, 'mode'>;
  config: NewsroomRouteDeps['config'] & { mail: { outboxDir: string } };
}

/** A message id as the queue writes them (a UUID); anything else is not found without a query. */
const MESSAGE_ID = /^[0-9a-f-]{36}$/;

/** The Outbox for admins (`mail.view`): what the site sent or will send, read-only. */
export function registerOutboxRoutes(scope: FastifyInstance, deps: OutboxRoutesDeps): void {
  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/outbox',
    permission: 'mail.view',
    handler: async (request, reply, staff) => {
      const status = typeof request.query['status'] === 'string' ? request.query['status'] : undefined;
      const before = typeof request.query['before'] === 'string' ? request.query['before'] : undefined;
      const [page, counts] = await Promise.all([deps.mail.outbox({ status, before }), deps.mail.counts()]);
      return sendHtml(
        request,
        reply,
        200,
        h(OutboxPage, {
          site: deps.site.current(),
          viewer: viewerOf(staff),
          page,
          counts,
          status: status && status !== 'all' ? status : undefined,
          first: before === undefined,
          outboxDir: deps.mailSender.mode === 'outbox' ? deps.config.mail.outboxDir : undefined,
        }),
      );
    },
  });
  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/outbox/:id',
    permission: 'mail.view',
    handler: async (request, reply, staff) => {
      const message = await findMessage(deps, (request.params as { id: string }).id);
      return sendHtml(request, reply, 200, h(OutboxMessagePage, { site: deps.site.current(), viewer: viewerOf(staff), message }));
    },
  });
  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/outbox/:id/html',
    permission: 'mail.view',
    handler: async (request, reply) => {
      const message = await findMessage(deps, (request.params as { id: string }).id);
      return sendMailPreview(reply, deps.config.siteUrl, message.html);
    },
  });
}

async function findMessage(deps: Pick<OutboxRoutesDeps, 'mail'>, id: string) {
  const message = MESSAGE_ID.test(id) ? await deps.mail.message(id) : undefined;
  if (!message) throw new AppError('ERR_MAIL_MESSAGE_NOT_FOUND');
  return message;
}
