import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { LiveActor, LiveUpdateInput } from '../../modules/live/index.js';
import { AppError, type ErrorCode } from '../../shared/errors.js';
import type { MessageKey } from '../../shared/i18n/index.js';
import { sendHtml } from '../http/send-page.js';
import { formField, type FormBody, type Query } from '../shared/form-body.js';
import type { FieldError } from '../shared/form-fields.js';
import type { SiteContextSource } from '../shared/site-context.js';
import { assertMayChange, deskViewerOf, figuresOf, liveActorOf, loadDesk, type LiveDeskDeps } from './live-desk.js';
import type { LiveUpdateValues } from './live-fields.js';
import { newsroomPaths } from './newsroom-paths.js';
import { newsroomRoute, viewerOf, type NewsroomRouteDeps, type NewsroomRouteOptions, type StaffContext } from './newsroom-route.js';
import { newsroomTranslator } from './newsroom-translator.js';
import { LiveDeskPage, type LiveDeskPageProps } from './pages/live-desk.page.js';
import { LiveKeptPage, LiveUpdateDeletePage, LiveUpdateEditPage } from './pages/live-update.page.js';

type Request = FastifyRequest<{ Querystring: Query; Body: FormBody }>;

/** What the live desk uses. */
export interface LiveRoutesDeps extends NewsroomRouteDeps, LiveDeskDeps {
  site: SiteContextSource;
}

/** The notices a change's redirect asks the desk to show (`?done=…`). */
const DONE = {
  posted: 'nr.live.done.posted',
  edited: 'nr.live.done.edited',
  deleted: 'nr.live.done.deleted',
  summary: 'nr.live.done.summary',
  ended: 'nr.live.done.ended',
} as const satisfies Record<string, MessageKey>;
type Done = keyof typeof DONE;

/** The field a refused input is about; a 409 (the story ended or stopped being live meanwhile) goes to the form's own field. */
const FIELDS: Partial<Record<ErrorCode, string>> = {
  ERR_LIVE_UPDATE_EMPTY: 'live-text',
  ERR_LIVE_UPDATE_TOO_LONG: 'live-text',
  ERR_LIVE_UPDATE_INVALID_CHARACTERS: 'live-text',
  ERR_LIVE_UPDATE_INVALID: 'live-text',
  ERR_LIVE_SUMMARY_INVALID: 'live-summary',
  ERR_LIVE_TYPE_INVALID: 'live-end-type',
};

const param = (request: Request, name: string): string => (request.params as Record<string, string | undefined>)[name] ?? '';
/** The desk's script posts with `Accept: application/json` and reads the answer instead of following a redirect. */
const wantsJson = (request: Request): boolean => /\bapplication\/json\b/.test(String(request.headers.accept ?? ''));

/** The composer's or edit form's fields; pinning is read for `live.manage` holders only. */
function updateValues(request: Request): LiveUpdateValues {
  return {
    text: formField(request.body, 'text'),
    keyEvent: formField(request.body, 'key-event') === 'yes',
    pinned: formField(request.body, 'pinned') === 'yes',
  };
}
/** What the service gets: a reporter's change keeps the pin an editor set (`pinnedNow`); their post is never pinned. */
function updateInput(values: LiveUpdateValues, actor: LiveActor, pinnedNow = false): LiveUpdateInput {
  return { text: values.text, keyEvent: values.keyEvent, pinned: actor.canManage ? values.pinned : pinnedNow };
}

/**
 * The live desk of a live story (docs/live.md): post, change and delete updates ('live.post', own
 * ones; 'live.manage' anyone's), the key points and ending the coverage ('live.manage'). Each form
 * redirects back with a notice (303); a refusal re-renders the form with its text as typed, or
 * answers JSON when the desk's script asked for it.
 */
export function registerLiveRoutes(scope: FastifyInstance, deps: LiveRoutesDeps): void {
  const site = () => deps.site.current();
  const translatorOf = (staff: StaffContext) => newsroomTranslator(site(), viewerOf(staff));

  const desk = async (request: Request, reply: FastifyReply, staff: StaffContext, status: number, extra: Partial<LiveDeskPageProps> = {}) => {
    const id = param(request, 'id');
    const view = await loadDesk(deps, id, request.method === 'GET' ? request.query.before : undefined);
    const actor = deskViewerOf(staff);
    const done = request.method === 'GET' ? request.query.done : undefined;
    const notice = done && done in DONE ? translatorOf(staff).t(DONE[done as Done]) : undefined;
    return sendHtml(request, reply, status, h(LiveDeskPage, { site: site(), viewer: viewerOf(staff), view, actor, notice, ...extra }));
  };

  const editPage = async (
    request: Request,
    reply: FastifyReply,
    staff: StaffContext,
    status: number,
    values?: LiveUpdateValues,
    errors?: FieldError[],
  ) => {
    const id = param(request, 'id');
    const actor = deskViewerOf(staff);
    const update = await deps.live.update(id, param(request, 'updateId'));
    assertMayChange(actor, update);
    // Asking for the form of an ended story's update is refused; a refused change still comes back with its text.
    if (!values && (await deps.live.coverage(id)).endedAt) throw new AppError('ERR_LIVE_ENDED');
    const page = h(LiveUpdateEditPage, { site: site(), viewer: viewerOf(staff), storyId: id, update, canManage: actor.canManage, values, errors });
    return sendHtml(request, reply, status, page);
  };

  /** Success: back to the desk with its notice, or JSON for the script. */
  const done = (request: Request, reply: FastifyReply, staff: StaffContext, what: Done, body: Record<string, unknown> = {}) => {
    if (wantsJson(request)) return reply.code(what === 'posted' ? 201 : 200).send({ ...body, notice: translatorOf(staff).t(DONE[what]) });
    return reply.redirect(newsroomPaths.liveDesk(param(request, 'id'), { done: what }), 303);
  };

  const jsonRefusal = (reply: FastifyReply, staff: StaffContext, error: AppError) =>
    reply
      .code(error.status)
      .header('x-error-code', error.code)
      .send({ errors: [{ code: error.code, message: translatorOf(staff).error(error.code) }] });

  /** A coded refusal: JSON for the script, else `render` with the message beside its field (`field` for a 409). */
  const refused = (
    request: Request,
    reply: FastifyReply,
    staff: StaffContext,
    error: unknown,
    field: string,
    render: (errors: FieldError[], status: number) => Promise<FastifyReply>,
  ) => {
    if (!(error instanceof AppError)) throw error;
    if (wantsJson(request)) return jsonRefusal(reply, staff, error);
    const message = translatorOf(staff).error(error.code);
    const target = FIELDS[error.code] ?? (error.status === 409 ? field : undefined);
    if (!target) throw error;
    reply.header('x-error-code', error.code);
    return render([{ field: target, message }], error.status);
  };

  /** A post or change sent after the session ended or changed: nothing changed, the text comes back. */
  const kept =
    (form: 'desk' | 'edit'): NonNullable<NewsroomRouteOptions['onSessionLost']> =>
    async (request, reply, lost) => {
      const values = updateValues(request);
      const staff = lost.staff;
      if (wantsJson(request) || !staff) {
        const message = newsroomTranslator(site(), staff ? viewerOf(staff) : undefined).error(lost.code);
        if (wantsJson(request)) return reply.send({ errors: [{ code: lost.code, message }] });
        const signInUrl = newsroomPaths.signIn(newsroomPaths.liveDesk(param(request, 'id')));
        return sendHtml(request, reply, reply.statusCode, h(LiveKeptPage, { site: site(), text: values.text, signInUrl }));
      }
      const errors = [{ field: 'live-text', message: translatorOf(staff).error(lost.code) }];
      if (form === 'edit') return editPage(request, reply, staff, reply.statusCode, values, errors);
      return desk(request, reply, staff, reply.statusCode, { composer: values, errors });
    };

  const route = (options: NewsroomRouteOptions) => newsroomRoute(scope, deps, options);

  route({
    method: 'GET',
    url: '/stories/:id/live',
    permission: 'live.post',
    handler: (request, reply, staff) => desk(request, reply, staff, 200),
  });

  route({
    method: 'POST',
    url: '/stories/:id/live/updates',
    permission: 'live.post',
    onSessionLost: kept('desk'),
    handler: async (request, reply, staff) => {
      const actor = await liveActorOf(deps, staff);
      const values = updateValues(request);
      try {
        const update = await deps.live.post(actor, param(request, 'id'), updateInput(values, actor));
        return done(request, reply, staff, 'posted', { update: { id: update.id, sequence: update.sequence } });
      } catch (error) {
        return refused(request, reply, staff, error, 'live-text', (errors, status) =>
          desk(request, reply, staff, status, { composer: values, errors }),
        );
      }
    },
  });

  route({
    method: 'GET',
    url: '/stories/:id/live/updates/:updateId/edit',
    permission: 'live.post',
    handler: (request, reply, staff) => editPage(request, reply, staff, 200),
  });

  route({
    method: 'POST',
    url: '/stories/:id/live/updates/:updateId/edit',
    permission: 'live.post',
    onSessionLost: kept('edit'),
    handler: async (request, reply, staff) => {
      const actor = await liveActorOf(deps, staff);
      const values = updateValues(request);
      try {
        const [id, updateId] = [param(request, 'id'), param(request, 'updateId')];
        const pinnedNow = !actor.canManage && (await deps.live.update(id, updateId)).pinned;
        const update = await deps.live.edit(actor, id, updateId, updateInput(values, actor, pinnedNow));
        return done(request, reply, staff, 'edited', { update: { id: update.id, sequence: update.sequence } });
      } catch (error) {
        return refused(request, reply, staff, error, 'live-text', (errors, status) => editPage(request, reply, staff, status, values, errors));
      }
    },
  });

  route({
    method: 'POST',
    url: '/stories/:id/live/updates/:updateId/delete',
    permission: 'live.post',
    handler: async (request, reply, staff) => {
      const [id, updateId] = [param(request, 'id'), param(request, 'updateId')];
      const actor = await liveActorOf(deps, staff);
      try {
        if (formField(request.body, 'confirm') !== 'yes') {
          // The list's Delete button asks first; only the confirmation's own form deletes.
          const update = await deps.live.update(id, updateId);
          assertMayChange(actor, update);
          if ((await deps.live.coverage(id)).endedAt) throw new AppError('ERR_LIVE_ENDED');
          const figures = await figuresOf(deps, [update]);
          return sendHtml(request, reply, 200, h(LiveUpdateDeletePage, { site: site(), viewer: viewerOf(staff), storyId: id, update, figures }));
        }
        await deps.live.remove(actor, id, updateId);
        return done(request, reply, staff, 'deleted');
      } catch (error) {
        if (!wantsJson(request) || !(error instanceof AppError)) throw error;
        return jsonRefusal(reply, staff, error);
      }
    },
  });

  route({
    method: 'POST',
    url: '/stories/:id/live/summary',
    permission: 'live.manage',
    handler: async (request, reply, staff) => {
      const text = formField(request.body, 'summary');
      try {
        await deps.live.setSummary(await liveActorOf(deps, staff), param(request, 'id'), text);
        return done(request, reply, staff, 'summary');
      } catch (error) {
        return refused(request, reply, staff, error, 'live-summary', (errors, status) =>
          desk(request, reply, staff, status, { summaryText: text, errors }),
        );
      }
    },
  });

  route({
    method: 'POST',
    url: '/stories/:id/live/end',
    permission: 'live.manage',
    handler: async (request, reply, staff) => {
      const typeLabel = formField(request.body, 'type-label');
      try {
        await deps.live.end(await liveActorOf(deps, staff), param(request, 'id'), typeLabel);
        return done(request, reply, staff, 'ended');
      } catch (error) {
        return refused(request, reply, staff, error, 'live-end-type', (errors, status) =>
          desk(request, reply, staff, status, { endTypeLabel: typeLabel, errors }),
        );
      }
    },
  });
}
