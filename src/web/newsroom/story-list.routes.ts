import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import type { StoryTranslationService } from '../../modules/articles/index.js';
import type { AuthorService } from '../../modules/authors/index.js';
import type { EditionService } from '../../modules/editions/index.js';
import type { SearchService } from '../../modules/search/index.js';
import type { SectionDirectory } from '../../modules/sections/index.js';
import type { SettingsService } from '../../modules/settings/index.js';
import type { Clock } from '../../shared/clock.js';
import { paginate } from '../../shared/pagination.js';
import { ERROR_CATALOGUE } from '../../shared/errors.js';
import { sendHtml } from '../http/send-page.js';
import type { SiteContextSource } from '../shared/site-context.js';
import { newsroomRoute, viewerOf, type NewsroomRouteDeps } from './newsroom-route.js';
import { newsroomTranslator } from './newsroom-translator.js';
import { StoryListPage } from './pages/story-list.page.js';
import { parseStoryListQuery } from './story-list-query.js';

/** What the story list uses. */
export interface StoryListRouteDeps extends NewsroomRouteDeps {
  site: SiteContextSource;
  clock: Clock;
  settings: SettingsService;
  sections: SectionDirectory;
  authors: AuthorService;
  search: SearchService;
  editions: Pick<EditionService, 'all'>;
  translations: Pick<StoryTranslationService, 'outdatedAmong'>;
}

/**
 * The newsroom's story list (`GET /newsroom/stories`): every story, searched, filtered, sorted and
 * paged from the query string. Bad input answers 400 with the form and each problem beside its
 * field (`x-error-code` the first problem's code), and lists nothing.
 */
export function registerStoryListRoute(scope: FastifyInstance, deps: StoryListRouteDeps): void {
  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/stories',
    permission: 'newsroom.enter',
    handler: async (request, reply, staff) => {
      const { all: editions } = deps.editions;
      const sections = deps.sections.all;
      const authors = await deps.authors.list();
      const site = deps.site.current();
      const viewer = viewerOf(staff);
      const choices = { editions, sections, authors, timeZone: deps.settings.publication.timeZone };
      const parsed = parseStoryListQuery(request.query, choices, newsroomTranslator(site, viewer));
      const { values } = parsed;
      const page = { site, viewer, values, editions, sections, authors, now: deps.clock.now() };
      if (!parsed.query) {
        const code = parsed.code ?? 'ERR_STORY_FILTER_INVALID';
        reply.header('x-error-code', code);
        return sendHtml(request, reply, ERROR_CATALOGUE[code].status, h(StoryListPage, { ...page, errors: parsed.errors }));
      }
      const found = await deps.search.findDeskStories(parsed.query);
      const result = {
        stories: found.stories,
        pagination: paginate(parsed.query.page, parsed.query.pageSize, found.totalItems),
        countCapped: found.countCapped,
        searched: found.searched,
        outdated: await deps.translations.outdatedAmong(found.stories.map((story) => story.id)),
      };
      return sendHtml(request, reply, 200, h(StoryListPage, { ...page, errors: [], result }));
    },
  });
}
