import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import {
  ArticleBodySchema,
  StoryAltMissingError,
  bodyFigureIds,
  type Actor,
  type ArticleEditingService,
  type ReadingService,
  type StoryTranslationService,
  StoryConflictError,
} from '../../modules/articles/index.js';
import type { PresenceService } from '../../modules/presence/index.js';
import type { AuthorService } from '../../modules/authors/index.js';
import type { EditionService } from '../../modules/editions/index.js';
import type { MediaUploadService } from '../../modules/media/index.js';
import type { RankedListsService } from '../../modules/rankings/index.js';
import type { RevisionService } from '../../modules/revisions/index.js';
import type { SectionDirectory } from '../../modules/sections/index.js';
import type { SeriesService } from '../../modules/series/index.js';
import type { SettingsService } from '../../modules/settings/index.js';
import { roleHas, type UserService } from '../../modules/users/index.js';
import type { NewsletterIssueService } from '../../modules/newsletters/index.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { sendHtml } from '../http/send-page.js';
import { ArticleBody } from '../site/components/article-body.js';
import { ArticlePage } from '../site/pages/article.page.js';
import type { FieldError } from '../shared/form-fields.js';
import type { SiteContextSource } from '../shared/site-context.js';
import type { StoryChoices } from './components/story-fields.js';
import { newsroomPaths } from './newsroom-paths.js';
import { newsroomRoute, viewerOf, type NewsroomRouteDeps, type StaffContext } from './newsroom-route.js';
import { newsroomTranslator } from './newsroom-translator.js';
import { formField, type FormBody, type Query } from '../shared/form-body.js';
import { StoryDeletePage } from './pages/story-delete.page.js';
import { StoryEditPage } from './pages/story-edit.page.js';
import { SessionEndedPage } from './pages/session-ended.page.js';
import { StoryDiffPage, StoryRevisionsPage } from './pages/story-revisions.page.js';
import { registerStoryListRoute, type StoryListRouteDeps } from './story-list.routes.js';
import { formatZonedDateTime, parseZonedDateTime } from '../../shared/zoned-time.js';
import { newEditingSession, readSaveOptions } from './story-save-form.js';
import { presentConflict, presentPresence, type ConflictView } from './story-saving.presenter.js';
import { registerStorySavingRoutes } from './story-saving.routes.js';
import { registerStoryTranslationRoute, translationViewOf, type StoryTranslationRouteDeps } from './story-translation.routes.js';
import { bodyOf, EMPTY_STORY_FORM, fieldErrorsOf, readStoryForm, storyFormFrom, storyInputFrom, type StoryFormValues } from './story-form.js';

/** The library is picked from a select: the newest images are the ones a story usually needs. */
const MEDIA_CHOICES = 100;

/** The notices an action's redirect may ask the editor page to show (`?done=…`, nr.storyEdit.done.*). */
const NOTICES = ['created', 'saved', 'submitted', 'published', 'scheduled', 'unpublished', 'corrected', 'restored', 'translated'] as const;
type Notice = (typeof NOTICES)[number];

const isNotice = (done: string | undefined): done is Notice => (NOTICES as readonly string[]).includes(done ?? '');

type Request = FastifyRequest<{ Querystring: Query; Body: FormBody }>;

const actorOf = (staff: StaffContext): Actor => ({ id: staff.session.user.id, role: staff.session.user.role });
/** Route parameters; newsroomRoute types only query and body. */
const param = (request: Request, name: string): string => (request.params as Record<string, string | undefined>)[name] ?? '';

/** What the story editor uses. */
export interface StoryRoutesDeps extends NewsroomRouteDeps, StoryListRouteDeps, StoryTranslationRouteDeps {
  site: SiteContextSource;
  clock: Clock;
  settings: SettingsService;
  sections: SectionDirectory;
  editing: ArticleEditingService;
  reading: ReadingService;
  revisions: RevisionService;
  lists: RankedListsService;
  authors: AuthorService;
  series: SeriesService;
  media: MediaUploadService;
  users: UserService;
  presence: PresenceService;
  newsletterIssues: Pick<NewsletterIssueService, 'sendBreaking'>;
  editions: Pick<EditionService, 'all'>;
  translations: Pick<StoryTranslationService, 'translate' | 'view' | 'outdatedAmong'>;
}

/**
 * The story editor: list, create, edit (with autosave and body preview), the workflow steps,
 * revisions and the reader's-eye preview. Every handler names its permission; the editing service
 * then decides own-versus-any and answers with coded errors, shown on the newsroom error page.
 */
export function registerStoryRoutes(scope: FastifyInstance, deps: StoryRoutesDeps): void {
  const site = () => deps.site.current();
  const timeZone = () => deps.settings.publication.timeZone;
  /** The words of the staff member's pages and of the messages put into them. */
  const translatorOf = (staff: StaffContext) => newsroomTranslator(site(), viewerOf(staff));

  const choices = async (): Promise<StoryChoices> => {
    const [authors, series, media] = await Promise.all([
      deps.authors.list(),
      deps.series.list(),
      deps.media.list({ limit: MEDIA_CHOICES, offset: 0 }),
    ]);
    return { editions: deps.editions.all, sections: deps.sections.all, authors, series, media };
  };

  /** The editor for a stored story, optionally with the values and errors of a failed submit. */
  const editPage = async (
    request: Request,
    reply: FastifyReply,
    staff: StaffContext,
    status: number,
    form?: {
      values?: StoryFormValues;
      errors?: FieldError[];
      scheduleValue?: string;
      /** The form's own saving fields (a failed save keeps them), or a refused save's conflict. */
      saving?: { baseVersion?: number | undefined; editingSession?: string | undefined; conflict?: ConflictView };
      notice?: string;
    },
  ) => {
    const id = param(request, 'id');
    const translator = translatorOf(staff);
    await deps.editing.assertMayEdit(actorOf(staff), id);
    const [{ article }, state, others, translation] = await Promise.all([
      deps.reading.preview(id),
      deps.editing.editState(id),
      deps.presence.others(id, staff.session.user.id),
      translationViewOf(deps, id, staff.session.user.role),
    ]);
    const saving = {
      // A refused save's form restarts from the version it was refused by: saving again is the choice to keep it.
      baseVersion: form?.saving?.conflict?.version ?? form?.saving?.baseVersion ?? state.version,
      editingSession: form?.saving?.editingSession ?? newEditingSession(),
      others: presentPresence(others, deps.settings.publication, translator),
      ...(form?.saving?.conflict ? { conflict: form.saving.conflict } : {}),
    };
    const scheduleValue = form?.scheduleValue ?? (article.status === 'scheduled' ? formatZonedDateTime(article.publishedAt, timeZone()) : '');
    return sendHtml(
      request,
      reply,
      status,
      h(StoryEditPage, {
        site: site(),
        viewer: viewerOf(staff),
        values: form?.values ?? storyFormFrom(article, timeZone()),
        choices: await choices(),
        errors: form?.errors ?? [],
        story: { id, status: article.status, scheduleValue },
        notice: form?.notice ?? (isNotice(request.query.done) ? translator.t(`nr.storyEdit.done.${request.query.done}`) : undefined),
        saving,
        translation,
      }),
    );
  };

  const backToEditor = (reply: FastifyReply, id: string, done: Notice) => reply.redirect(`${newsroomPaths.story(id)}?done=${done}`, 303);

  registerStoryListRoute(scope, deps);

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/stories/new',
    permission: 'story.create',
    handler: async (request, reply, staff) => {
      // `?edition=<id>` (the story list's links) starts the story in that edition, with its sections offered.
      const edition = deps.editions.all.find((candidate) => candidate.id === request.query.edition);
      const values = { ...EMPTY_STORY_FORM, editionId: edition?.id ?? '' };
      return sendHtml(request, reply, 200, h(StoryEditPage, { site: site(), viewer: viewerOf(staff), values, choices: await choices() }));
    },
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/stories/new',
    permission: 'story.create',
    onSessionLost: (request, reply, lost) => sessionLostPage(request, reply, lost),
    handler: async (request, reply, staff) => {
      const values = readStoryForm(request.body);
      try {
        const id = await deps.editing.createDraft(actorOf(staff), storyInputFrom(values, timeZone()));
        return backToEditor(reply, id, 'created');
      } catch (error) {
        const errors = fieldErrorsOf(error, translatorOf(staff));
        if (!errors || !(error instanceof AppError)) throw error;
        reply.header('x-error-code', error.code);
        return sendHtml(
          request,
          reply,
          error.status,
          h(StoryEditPage, { site: site(), viewer: viewerOf(staff), values, choices: await choices(), errors }),
        );
      }
    },
  });

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/stories/:id/edit',
    permission: 'story.edit.own',
    handler: async (request, reply, staff) => editPage(request, reply, staff, 200),
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/stories/:id/edit',
    permission: 'story.edit.own',
    // A save over someone else's newer one is refused: the page comes back with the text kept, the diff and the choices.
    onSessionLost: (request, reply, lost) => sessionLostPage(request, reply, lost),
    handler: async (request, reply, staff) => {
      const values = readStoryForm(request.body);
      const options = readSaveOptions(request.body);
      try {
        await deps.editing.save(actorOf(staff), param(request, 'id'), storyInputFrom(values, timeZone()), options);
        return backToEditor(reply, param(request, 'id'), 'saved');
      } catch (error) {
        if (error instanceof StoryConflictError) {
          const names = await deps.users.displayNames(error.conflict.savedByUserId ? [error.conflict.savedByUserId] : []);
          const conflict = presentConflict(error.conflict, names, deps.settings.publication, translatorOf(staff));
          reply.header('x-error-code', error.code);
          return editPage(request, reply, staff, error.status, { values, saving: { ...options, conflict } });
        }
        const errors = fieldErrorsOf(error, translatorOf(staff));
        if (!errors || !(error instanceof AppError)) throw error;
        reply.header('x-error-code', error.code);
        return editPage(request, reply, staff, error.status, { values, errors, saving: options });
      }
    },
  });

  /**
   * A story form posted after its session ended (or changed: signed in again elsewhere): nothing is
   * saved, but the text is not lost. Signed out: a page with the text to copy and a sign-in link.
   * Signed in again: the editor with the text kept and today's CSRF token, to check and save again.
   */
  const sessionLostPage = async (request: Request, reply: FastifyReply, lost: { staff?: StaffContext }) => {
    const values = readStoryForm(request.body);
    const id = param(request, 'id');
    if (lost.staff) {
      const notice = translatorOf(lost.staff).t('nr.storyEdit.signInChanged');
      if (id) return editPage(request, reply, lost.staff, reply.statusCode, { values, saving: readSaveOptions(request.body), notice });
      const page = h(StoryEditPage, { site: site(), viewer: viewerOf(lost.staff), values, choices: await choices(), notice });
      return sendHtml(request, reply, reply.statusCode, page);
    }
    const signInUrl = newsroomPaths.signIn(id ? newsroomPaths.story(id) : newsroomPaths.newStory());
    return sendHtml(request, reply, reply.statusCode, h(SessionEndedPage, { site: site(), values, signInUrl }));
  };

  registerStorySavingRoutes(scope, deps);
  registerStoryTranslationRoute(scope, deps);

  // One renderer: the live preview pane shows the site's own body component's HTML.
  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/stories/preview-body',
    permission: 'story.edit.own',
    handler: async (request, reply) => {
      const parsed = ArticleBodySchema.safeParse(
        bodyOf({ body: formField(request.body, 'body'), bodyBlocks: formField(request.body, 'bodyBlocks') }),
      );
      if (!parsed.success) throw new AppError('ERR_STORY_INPUT_INVALID');
      const figures = await deps.media.findByIds(bodyFigureIds(parsed.data));
      return reply
        .code(200)
        .type('text/html; charset=utf-8')
        .send(renderToString(h(ArticleBody, { body: parsed.data, figures })));
    },
  });

  for (const [action, permission, done] of [
    ['submit', 'story.submit', 'submitted'],
    ['publish', 'story.publish', 'published'],
    ['unpublish', 'story.unpublish', 'unpublished'],
  ] as const) {
    newsroomRoute(scope, deps, {
      method: 'POST',
      url: `/stories/:id/${action}`,
      permission,
      handler: async (request, reply, staff) => {
        const id = param(request, 'id');
        const actor = actorOf(staff);
        try {
          if (action === 'submit') await deps.editing.submitForReview(actor, id);
          else if (action === 'publish') {
            await deps.editing.publish(actor, id);
            if (formField(request.body, 'breaking-alert') === '1' && roleHas(staff.session.user.role, 'newsletters.send')) {
              await deps.newsletterIssues.sendBreaking((await deps.reading.preview(id)).article);
            }
          } else await deps.editing.unpublish(actor, id);
        } catch (error) {
          // Pictures without alt text: the editor again, each one named beside its field.
          if (!(error instanceof StoryAltMissingError)) throw error;
          reply.header('x-error-code', error.code);
          return editPage(request, reply, staff, error.status, { errors: fieldErrorsOf(error, translatorOf(staff)) ?? [] });
        }
        return backToEditor(reply, id, done);
      },
    });
  }

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/stories/:id/schedule',
    permission: 'story.schedule',
    handler: async (request, reply, staff) => {
      const id = param(request, 'id');
      const local = formField(request.body, 'at');
      try {
        // The editor types wall-clock time where the publication is, not where their browser is.
        const at = parseZonedDateTime(local, timeZone());
        if (!at) throw new AppError('ERR_STORY_SCHEDULE_INVALID');
        await deps.editing.schedule(actorOf(staff), id, at);
        return backToEditor(reply, id, 'scheduled');
      } catch (error) {
        if (error instanceof StoryAltMissingError) {
          reply.header('x-error-code', error.code);
          const errors = fieldErrorsOf(error, translatorOf(staff)) ?? [];
          return editPage(request, reply, staff, error.status, { errors, scheduleValue: local.slice(0, 40) });
        }
        if (!(error instanceof AppError) || !['ERR_STORY_SCHEDULE_INVALID', 'ERR_STORY_SCHEDULE_IN_PAST'].includes(error.code)) throw error;
        reply.header('x-error-code', error.code);
        return editPage(request, reply, staff, error.status, {
          errors: [{ field: 'schedule-at', message: translatorOf(staff).error(error.code) }],
          scheduleValue: local.slice(0, 40),
        });
      }
    },
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/stories/:id/corrections',
    permission: 'story.correct',
    handler: async (request, reply, staff) => {
      const id = param(request, 'id');
      await deps.editing.addCorrection(actorOf(staff), id, formField(request.body, 'kind'), formField(request.body, 'text'));
      return backToEditor(reply, id, 'corrected');
    },
  });

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/stories/:id/delete',
    permission: 'story.delete',
    handler: async (request, reply, staff) => {
      const id = param(request, 'id');
      await deps.editing.assertMayEdit(actorOf(staff), id);
      const { article } = await deps.reading.preview(id);
      return sendHtml(request, reply, 200, h(StoryDeletePage, { site: site(), viewer: viewerOf(staff), id, headline: article.headline }));
    },
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/stories/:id/delete',
    permission: 'story.delete',
    handler: async (request, reply, staff) => {
      await deps.editing.delete(actorOf(staff), param(request, 'id'));
      return reply.redirect(newsroomPaths.stories(), 303);
    },
  });

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/stories/:id/revisions',
    permission: 'story.edit.own',
    handler: async (request, reply, staff) => {
      const id = param(request, 'id');
      await deps.editing.assertMayEdit(actorOf(staff), id);
      const revisions = await deps.revisions.listRevisions(id);
      const names = await deps.users.displayNames(revisions.flatMap((revision) => (revision.authorUserId ? [revision.authorUserId] : [])));
      return sendHtml(request, reply, 200, h(StoryRevisionsPage, { site: site(), viewer: viewerOf(staff), id, revisions, names }));
    },
  });

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/stories/:id/revisions/:from/diff/:to',
    permission: 'story.edit.own',
    handler: async (request, reply, staff) => {
      const id = param(request, 'id');
      await deps.editing.assertMayEdit(actorOf(staff), id);
      const diff = await deps.revisions.diffRevisions(id, Number(param(request, 'from')), Number(param(request, 'to')));
      return sendHtml(request, reply, 200, h(StoryDiffPage, { site: site(), viewer: viewerOf(staff), id, diff }));
    },
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/stories/:id/revisions/:number/restore',
    permission: 'story.edit.own',
    handler: async (request, reply, staff) => {
      const id = param(request, 'id');
      await deps.revisions.restore(actorOf(staff), id, Number(param(request, 'number')));
      return backToEditor(reply, id, 'restored');
    },
  });

  // Exactly the reader's page, for a story of any status. Sent with sendHtml, never through the
  // page cache, and the newsroom scope marks it no-store: it exists only behind a session.
  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/stories/:id/preview',
    permission: 'story.edit.own',
    handler: async (request, reply, staff) => {
      const id = param(request, 'id');
      await deps.editing.assertMayEdit(actorOf(staff), id);
      const reading = await deps.reading.preview(id);
      const lists = await deps.lists.besideStory({ id: reading.article.id, sectionId: reading.article.section.id });
      return sendHtml(request, reply, 200, h(ArticlePage, { site: site(), reading, lists, countViews: false }));
    },
  });
}
