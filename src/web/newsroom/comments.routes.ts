import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import {
  QUEUE_VIEWS,
  checkModerationSettings,
  type CommentModerationService,
  type ModerationStep,
  type QueueView,
} from '../../modules/comments/index.js';
import { AppError } from '../../shared/errors.js';
import { parsePageNumber } from '../../shared/pagination.js';
import { sendHtml } from '../http/send-page.js';
import type { FieldError } from '../shared/form-fields.js';
import { idParam } from './media.routes.js';
import { newsroomPaths } from './newsroom-paths.js';
import { newsroomTranslator } from './newsroom-translator.js';
import { newsroomRoute, viewerOf, type NewsroomRouteDeps, type StaffContext } from './newsroom-route.js';
import { formField, type FormBody } from '../shared/form-body.js';
import type { SiteContextSource } from '../shared/site-context.js';
import { CommentQueuePage, CommentSettingsPage, type CommentSettingsValues, type QueueNotice } from './pages/comment-queue.page.js';

type Action = 'approve' | 'hide' | 'delete' | 'dismiss-reports' | 'ban' | 'unban';

type Moderate = (moderation: CommentModerationService, actor: { id: string; role: string }, id: string) => Promise<void>;
const step =
  (name: ModerationStep): Moderate =>
  (moderation, actor, id) =>
    moderation.moderate(actor, id, name);

/** Each queue action's URL segment, what it does, and the notice shown after it (`?done=`). */
const ACTIONS: ReadonlyArray<{ action: Action; done: QueueNotice; run: Moderate }> = [
  { action: 'approve', done: 'approved', run: step('approve') },
  { action: 'hide', done: 'hidden', run: step('hide') },
  { action: 'delete', done: 'deleted', run: step('delete') },
  { action: 'dismiss-reports', done: 'dismissed', run: (moderation, actor, id) => moderation.dismissReports(actor, id) },
  { action: 'ban', done: 'banned', run: (moderation, actor, id) => moderation.banReader(actor, id) },
  { action: 'unban', done: 'unbanned', run: (moderation, actor, id) => moderation.unbanReader(actor, id) },
];

/** The mode radio buttons and the blocklist textarea, by the setting each one edits. */
const SETTINGS_FIELDS = {
  commentsMode: { field: 'comments-mode-open', code: 'ERR_MODERATION_MODE_INVALID' },
  commentBlocklist: { field: 'comment-blocklist', code: 'ERR_MODERATION_BLOCKLIST_INVALID' },
} as const;

/** What the moderation pages use. */
export interface CommentModerationRoutesDeps extends NewsroomRouteDeps {
  site: SiteContextSource;
  moderation: CommentModerationService;
}

/**
 * Comment moderation: the queue (pending, reported, all) with a small POST form per action, and the
 * publication's comment mode and blocklist. Every action redirects back (303) to the view it came
 * from with a notice; an unknown comment is a 404 page, a step its status does not allow a 409.
 */
export function registerCommentRoutes(scope: FastifyInstance, deps: CommentModerationRoutesDeps): void {
  const { moderation } = deps;
  const site = () => deps.site.current();
  const actorOf = (staff: StaffContext) => ({ id: staff.session.user.id, role: staff.session.user.role });

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/comments',
    permission: 'comments.moderate',
    handler: async (request, reply, staff) => {
      const view = queueView(request.query.show);
      const page = parsePageNumber(request.query.page);
      const queue = await moderation.queue(view, page);
      const done = request.query.done;
      return sendHtml(
        request,
        reply,
        200,
        h(CommentQueuePage, { site: site(), viewer: viewerOf(staff), queue, notice: isNotice(done) ? done : undefined }),
      );
    },
  });

  for (const { action, done, run } of ACTIONS) {
    newsroomRoute(scope, deps, {
      method: 'POST',
      url: `/comments/:id/${action}`,
      permission: 'comments.moderate',
      handler: async (request, reply, staff) => {
        const back = returnTo(request.body);
        await run(moderation, actorOf(staff), idParam(request.params));
        return reply.redirect(newsroomPaths.comments({ ...back, done }), 303);
      },
    });
  }

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/comments/settings',
    permission: 'comments.moderate',
    handler: async (request, reply, staff) => {
      const current = moderation.currentSettings();
      const values: CommentSettingsValues = { commentsMode: current.commentsMode, commentBlocklist: current.commentBlocklist.join('\n') };
      return sendHtml(
        request,
        reply,
        200,
        h(CommentSettingsPage, { site: site(), viewer: viewerOf(staff), values, saved: request.query.saved !== undefined }),
      );
    },
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/comments/settings',
    permission: 'comments.moderate',
    handler: async (request, reply, staff) => {
      const values: CommentSettingsValues = {
        commentsMode: formField(request.body, 'comments-mode'),
        commentBlocklist: formField(request.body, 'comment-blocklist'),
      };
      const check = checkModerationSettings(values);
      if (!check.ok) {
        const translator = newsroomTranslator(site(), viewerOf(staff));
        const errors: FieldError[] = check.problems.map((problem) => {
          const { field, code } = SETTINGS_FIELDS[problem];
          return { field, message: translator.error(code) };
        });
        const first = SETTINGS_FIELDS[check.problems[0] ?? 'commentsMode'];
        reply.header('x-error-code', first.code);
        return sendHtml(request, reply, 400, h(CommentSettingsPage, { site: site(), viewer: viewerOf(staff), values, errors }));
      }
      await moderation.updateSettings(actorOf(staff), check.settings);
      return reply.redirect(newsroomPaths.commentSettings(true), 303);
    },
  });
}

/** `?show=`: absent means the pending queue; anything but a known view is a 400. */
function queueView(raw: string | undefined): QueueView {
  if (raw === undefined) return 'pending';
  const view = QUEUE_VIEWS.find((candidate) => candidate === raw);
  if (!view) throw new AppError('ERR_MODERATION_VIEW_INVALID');
  return view;
}

/** The view and page an action's form came from (hidden fields), so the editor lands back there. */
function returnTo(body: FormBody): { show: QueueView; page: number } {
  const show = QUEUE_VIEWS.find((candidate) => candidate === formField(body, 'show')) ?? 'pending';
  const page = /^[1-9][0-9]{0,5}$/.test(formField(body, 'page')) ? Number(formField(body, 'page')) : 1;
  return { show, page };
}

const NOTICES: readonly QueueNotice[] = ['approved', 'hidden', 'deleted', 'dismissed', 'banned', 'unbanned'];

function isNotice(value: string | undefined): value is QueueNotice {
  return NOTICES.includes(value as QueueNotice);
}
