import fastifyFormbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { isNewsletterKey, type NewsletterCatalog, type SubscriberService } from '../../modules/newsletters/index.js';
import { AppError } from '../../shared/errors.js';
import { CSRF_FIELD, isCrossSiteRequest, isValidCsrfToken } from '../http/csrf.js';
import { sendHtml, sendPersonalPage } from '../http/send-page.js';
import { formField, type FormBody, type Query } from '../shared/form-body.js';
import { currentReader, readReaderToken, type ReaderCookieDeps } from '../shared/reader-cookie.js';
import { editionBase, requestEdition, requestSite, type EditionSiteDeps } from '../shared/request-edition.js';
import { siteTranslator } from '../shared/site-translator.js';
import { CheckInboxPage, ConfirmedPage, ConfirmPage, NewsletterErrorPage, PreferencesPage, UnsubscribePage } from './pages/newsletter.page.js';

export interface NewsletterRoutesDeps extends ReaderCookieDeps, EditionSiteDeps {
  subscribers: SubscriberService;
  newsletters: NewsletterCatalog;
}

type Request = FastifyRequest<{ Params: Record<string, string>; Querystring: Query; Body: FormBody }>;

/** Every field named `name` of a form (checkboxes repeat it). */
function formList(body: FormBody, name: string): string[] {
  const value = body?.[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

/** The path and query of an absolute link this site made (forms post back to it). */
function localPath(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

/**
 * Newsletter sign-up (double opt-in), confirmation links, the preferences page and one-click
 * unsubscribe, under /newsletters, in a scope of their own (form bodies parsed, nothing cached).
 * Each edition has them under its prefix (`/ko/newsletters/…`), in its language; the mail and the
 * links a page makes stay in the edition the reader came from.
 */
export async function registerNewsletterRoutes(app: FastifyInstance, deps: NewsletterRoutesDeps): Promise<void> {
  const site = (request: FastifyRequest) => requestSite(deps, request);
  /** The request's edition's address prefix (`ko`, or `''`), for the links a page makes. */
  const prefixOf = (request: FastifyRequest) => requestEdition(request, deps.editions).pathPrefix;
  /** The request's edition as a subscriber stores it: null for the default edition. */
  const editionIdOf = (request: FastifyRequest) => {
    const edition = requestEdition(request, deps.editions);
    return edition.isDefault ? null : edition.id;
  };
  const { subscribers, newsletters } = deps;
  await app.register(
    async (scope) => {
      await scope.register(fastifyFormbody, { bodyLimit: 16 * 1024 });
      // RFC 8058 has mail providers POST the one-click body as multipart/form-data (or urlencoded):
      // its content is never needed (the signed link is the whole request), so it is read and dropped.
      scope.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, _body, done) => done(null, {}));
      scope.setErrorHandler((error, request, reply) => {
        if (!(error instanceof AppError)) throw error;
        reply.header('x-error-code', error.code);
        const context = site(request);
        const message = siteTranslator(context).error(error.code);
        return sendHtml(request, reply, error.status, h(NewsletterErrorPage, { site: context, status: error.status, message }));
      });
      scope.addHook('onSend', (_request, reply, payload, done) => {
        reply.header('cache-control', 'private, no-store');
        done(null, payload);
      });
      /** Forms posted without a session come from this site only; the account page's carries a CSRF token. */
      const refuseCrossSite = (request: FastifyRequest) => {
        if (isCrossSiteRequest(request, deps.config.siteUrl)) throw new AppError('ERR_CSRF_TOKEN_INVALID');
      };

      scope.post('/subscribe', async (request: Request, reply: FastifyReply) => {
        refuseCrossSite(request);
        const context = site(request);
        const submitted = formField(request.body, CSRF_FIELD);
        let readerId: string | null = null;
        if (submitted !== '') {
          const token = readReaderToken(request);
          if (token === undefined || !isValidCsrfToken(token, submitted)) throw new AppError('ERR_CSRF_TOKEN_INVALID');
          readerId = (await currentReader(request, reply, deps))?.reader.id ?? null;
        }
        await subscribers.subscribe({
          email: formField(request.body, 'email'),
          keys: formList(request.body, 'newsletter'),
          ip: request.ip,
          honeypot: formField(request.body, 'website'),
          readerId,
          edition: {
            id: editionIdOf(request),
            pathPrefix: prefixOf(request),
            language: context.publication.language,
            name: context.publication.name,
          },
        });
        return sendPersonalPage(reply, 200, h(CheckInboxPage, { site: context }));
      });

      scope.get('/confirm/:token', async (request: Request, reply: FastifyReply) => {
        const token = request.params['token'] ?? '';
        const { keys } = await subscribers.confirmation(token);
        const names = (await newsletters.list()).filter((info) => keys.includes(info.key)).map((info) => info.name);
        return sendPersonalPage(reply, 200, h(ConfirmPage, { site: site(request), action: `${editionBase()}/newsletters/confirm/${token}`, names }));
      });

      scope.post('/confirm/:token', async (request: Request, reply: FastifyReply) => {
        refuseCrossSite(request);
        const { subscriberId } = await subscribers.confirm(request.params['token'] ?? '', null, editionIdOf(request));
        return sendPersonalPage(
          reply,
          200,
          h(ConfirmedPage, { site: site(request), preferencesPath: localPath(subscribers.preferencesUrl(subscriberId, prefixOf(request))) }),
        );
      });

      scope.get('/preferences/:id', async (request: Request, reply: FastifyReply) => {
        const subscriber = await subscribers.fromPreferencesLink(request.params['id'] ?? '', request.query['sig']);
        const context = site(request);
        return sendPersonalPage(
          reply,
          200,
          h(PreferencesPage, {
            site: context,
            email: subscriber.email ?? '',
            action: localPath(subscribers.preferencesUrl(subscriber.id, prefixOf(request))),
            newsletters: await newsletters.list(),
            states: await subscribers.subscriptions(subscriber.id),
            ...(request.query['saved'] !== undefined ? { notice: siteTranslator(context).t('newsletter.page.saved') } : {}),
          }),
        );
      });

      // Authenticated by the link's signature (only the address's owner received it); cross-site posts refused.
      scope.post('/preferences/:id', async (request: Request, reply: FastifyReply) => {
        refuseCrossSite(request);
        const subscriber = await subscribers.fromPreferencesLink(request.params['id'] ?? '', request.query['sig']);
        const all = formField(request.body, 'action') === 'unsubscribe-all';
        if (all) await subscribers.unsubscribe(subscriber.id, null);
        else await subscribers.setPreferences(subscriber.id, formList(request.body, 'newsletter'));
        const url = new URL(subscribers.preferencesUrl(subscriber.id, prefixOf(request)));
        url.searchParams.set('saved', '1');
        return reply.redirect(url.pathname + url.search, 303);
      });

      scope.get('/unsubscribe/:id/:key', async (request: Request, reply: FastifyReply) => {
        const { key } = await subscribers.fromUnsubscribeLink(request.params['id'] ?? '', request.params['key'] ?? '', request.query['sig']);
        const context = site(request);
        const name = (await newsletters.get(key))?.name ?? siteTranslator(context).t('newsletter.page.thisNewsletter');
        return sendPersonalPage(reply, 200, h(UnsubscribePage, { site: context, action: request.originalUrl, name, done: false }));
      });

      // RFC 8058 one-click unsubscribe: mail providers POST `List-Unsubscribe=One-Click` here from
      // their own servers, with no cookie and from another site. There is deliberately no CSRF check
      // on this one endpoint: the request is authenticated by the link's signature, which only the
      // recipient's copy of the newsletter carries, and all it can do is unsubscribe that recipient.
      scope.post('/unsubscribe/:id/:key', async (request: Request, reply: FastifyReply) => {
        const key = request.params['key'] ?? '';
        const found = await subscribers.fromUnsubscribeLink(request.params['id'] ?? '', key, request.query['sig']);
        await subscribers.unsubscribe(found.subscriber.id, found.key);
        const context = site(request);
        const fallback = siteTranslator(context).t('newsletter.page.thisNewsletter');
        const name = isNewsletterKey(key) ? ((await newsletters.get(key))?.name ?? fallback) : fallback;
        return sendPersonalPage(reply, 200, h(UnsubscribePage, { site: context, action: request.originalUrl, name, done: true }));
      });
    },
    { prefix: '/newsletters' },
  );
}
