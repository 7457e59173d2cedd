import type { FastifyInstance } from 'fastify';
import type { StoryTranslationService } from '../../modules/articles/index.js';
import type { EditionService } from '../../modules/editions/index.js';
import { roleHas } from '../../modules/users/index.js';
import { languageName } from '../../shared/i18n/language-name.js';
import { formField } from '../shared/form-body.js';
import type { TranslationView } from './components/story-translation.js';
import { newsroomPaths } from './newsroom-paths.js';
import { newsroomRoute, type NewsroomRouteDeps } from './newsroom-route.js';

/** What translating a story uses. */
export interface StoryTranslationRouteDeps extends NewsroomRouteDeps {
  translations: Pick<StoryTranslationService, 'translate' | 'view'>;
  editions: Pick<EditionService, 'all'>;
}

/**
 * `POST /newsroom/stories/:id/translate` (field `edition`): a draft translation of the story in that
 * edition, opened in the editor. Refusals are coded AppErrors on the newsroom error page, nothing written.
 */
export function registerStoryTranslationRoute(scope: FastifyInstance, deps: StoryTranslationRouteDeps): void {
  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/stories/:id/translate',
    permission: 'story.create',
    handler: async (request, reply, staff) => {
      const sourceId = (request.params as Record<string, string | undefined>).id ?? '';
      const actor = { id: staff.session.user.id, role: staff.session.user.role };
      const id = await deps.translations.translate(actor, sourceId, formField(request.body, 'edition'));
      return reply.redirect(`${newsroomPaths.story(id)}?done=translated`, 303);
    },
  });
}

/** The editor's view of a story's translations, for a viewer of this role. */
export async function translationViewOf(deps: StoryTranslationRouteDeps, id: string, role: string): Promise<TranslationView> {
  const { source, outdated, groupEditionIds } = await deps.translations.view(id);
  const language = source ? (deps.editions.all.find((edition) => edition.id === source.editionId)?.code ?? 'und') : 'und';
  const targets = roleHas(role, 'story.create')
    ? deps.editions.all
        .filter((edition) => edition.enabled && !groupEditionIds.includes(edition.id))
        .map((edition) => ({ editionId: edition.id, languageName: languageName(edition.code), action: newsroomPaths.storyAction(id, 'translate') }))
    : [];
  return {
    source: source && { ...source, language, languageName: languageName(language), editUrl: newsroomPaths.story(source.id) },
    outdated,
    targets,
  };
}
