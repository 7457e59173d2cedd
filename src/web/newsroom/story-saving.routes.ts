import type { FastifyInstance, FastifyRequest } from 'fastify';
import { StoryConflictError, type ArticleEditingService } from '../../modules/articles/index.js';
import type { PresenceService } from '../../modules/presence/index.js';
import type { SettingsService } from '../../modules/settings/index.js';
import type { UserService } from '../../modules/users/index.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { formField, type FormBody, type Query } from '../shared/form-body.js';
import { newsroomRoute, viewerOf, type NewsroomRouteDeps, type StaffContext } from './newsroom-route.js';
import { newsroomTranslator } from './newsroom-translator.js';
import { readSaveOptions } from './story-save-form.js';
import { fieldErrorsOf, readStoryForm, storyInputFrom } from './story-form.js';
import { presentConflict, presentPresence } from './story-saving.presenter.js';

/** What the editor's saving script calls. */
export interface StorySavingRoutesDeps extends NewsroomRouteDeps {
  settings: SettingsService;
  editing: ArticleEditingService;
  users: UserService;
  presence: PresenceService;
  clock: Clock;
}

type Request = FastifyRequest<{ Querystring: Query; Body: FormBody }>;
const storyId = (request: Request): string => (request.params as Record<string, string | undefined>)['id'] ?? '';

/**
 * The JSON endpoints of the editor's saving script (docs/editor-saving.md): autosave (version
 * checked, one revision per editing session), presence heartbeats, and a fresh CSRF token after
 * signing in again. Every refusal is `{ errors: [{ code, message }] }` with its status.
 */
export function registerStorySavingRoutes(scope: FastifyInstance, deps: StorySavingRoutesDeps): void {
  // The answers' words are the staff member's newsroom language: the editor's script shows them as they are.
  const translatorOf = (staff: StaffContext) => newsroomTranslator({ publication: deps.settings.publication }, viewerOf(staff));
  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/stories/:id/autosave',
    permission: 'story.edit.own',
    json: true,
    handler: async (request, reply, staff) => {
      const actor = { id: staff.session.user.id, role: staff.session.user.role };
      try {
        // Inside the try: reading the body's blocks may already refuse them, field by field.
        const input = storyInputFrom(readStoryForm(request.body), deps.settings.publication.timeZone);
        const saved = await deps.editing.save(actor, storyId(request), input, { ...readSaveOptions(request.body), autosave: true });
        return reply.code(200).send({ savedAt: deps.clock.now().toISOString(), version: saved.version, revision: saved.revision });
      } catch (error) {
        if (error instanceof StoryConflictError) {
          const names = await deps.users.displayNames(error.conflict.savedByUserId ? [error.conflict.savedByUserId] : []);
          const translator = translatorOf(staff);
          const conflict = presentConflict(error.conflict, names, deps.settings.publication, translator);
          const errors = [{ code: error.code, message: translator.error(error.code) }];
          return reply.code(error.status).header('x-error-code', error.code).send({ errors, conflict });
        }
        const fields = fieldErrorsOf(error, translatorOf(staff));
        if (!fields || !(error instanceof AppError)) throw error;
        const errors = fields.map((field) => ({ code: error.code, field: field.field, message: field.message }));
        return reply.code(error.status).header('x-error-code', error.code).send({ errors });
      }
    },
  });

  // Every open editor says so every 20 seconds; the answer is who else has the story open.
  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/stories/:id/presence',
    permission: 'story.edit.own',
    json: true,
    handler: async (request, reply, staff) => {
      const id = storyId(request);
      const userId = staff.session.user.id;
      await deps.editing.assertMayEdit({ id: userId, role: staff.session.user.role }, id);
      const session = formField(request.body, 'editingSession');
      if (formField(request.body, 'leaving') === '1') {
        await deps.presence.leave(id, userId, session);
        return reply.code(200).send({ others: [] });
      }
      const others = await deps.presence.heartbeat(id, userId, session);
      return reply.code(200).send({ others: presentPresence(others, deps.settings.publication, translatorOf(staff)) });
    },
  });

  // Signing in again (in another tab) changes the session and so the CSRF token of every form.
  // Another site cannot read this answer (no CORS), so handing the token out is as safe as a page.
  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/session/csrf',
    permission: 'newsroom.enter',
    json: true,
    handler: async (_request, reply, staff) => reply.code(200).send({ csrfToken: staff.csrfToken }),
  });
}
