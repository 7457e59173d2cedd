import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { CuratedPick, CurationService } from '../../modules/rankings/index.js';
import type { SearchService } from '../../modules/search/index.js';
import { parsePageNumber } from '../../shared/pagination.js';
import { PICKER_QUERY } from './components/story-picker.js';
import type { SettingsService } from '../../modules/settings/index.js';
import type { Clock } from '../../shared/clock.js';
import { AppError, type ErrorCode } from '../../shared/errors.js';
import { sendHtml } from '../http/send-page.js';
import type { FieldError } from '../shared/form-fields.js';
import { idParam } from './media.routes.js';
import { newsroomPaths } from './newsroom-paths.js';
import { newsroomTranslator } from './newsroom-translator.js';
import { newsroomRoute, viewerOf, type NewsroomRouteDeps, type StaffContext } from './newsroom-route.js';
import { formField, type FormBody, type Query } from '../shared/form-body.js';
import type { SiteContextSource } from '../shared/site-context.js';
import { CurationPage, type BannerValues } from './pages/curation.page.js';

/** Published stories offered for picks and the lead: the recent ones are what editors choose from. */
const STORY_CHOICES = 50;

type Request = FastifyRequest<{ Querystring: Query; Body: FormBody }>;

/** What the curation page uses (the clock and time zone show the banner's times). */
export interface CurationRoutesDeps extends NewsroomRouteDeps {
  site: SiteContextSource;
  curation: CurationService;
  settings: SettingsService;
  clock: Clock;
  search: SearchService;
}

/** Matches per page of the story finder. */
const FINDER_PAGE_SIZE = 20;

/**
 * Must-Reads picks, the home page's lead story and the breaking-news banner. Every form posts,
 * then redirects back (303) on success or re-renders the page with the problem on failure.
 */
export function registerCurationRoutes(scope: FastifyInstance, deps: CurationRoutesDeps): void {
  const { curation } = deps;
  const timeZone = () => deps.settings.publication.timeZone;

  const render = async (
    request: Request,
    reply: FastifyReply,
    staff: StaffContext,
    status: number,
    extra: { saved?: string; errors?: FieldError[]; bannerValues?: BannerValues } = {},
  ) => {
    // The finder searches the whole archive (GET ?find=…&page=…); a bad page or an over-long search is a coded 400.
    const text = (request.method === 'GET' ? (request.query[PICKER_QUERY] ?? '') : '').trim();
    const page = parsePageNumber(request.method === 'GET' ? request.query.page : undefined);
    const found = text === '' ? undefined : await deps.search.search({ text, page, pageSize: FINDER_PAGE_SIZE });
    const [picks, stories] = await Promise.all([curation.listPicks(), curation.recentStories(STORY_CHOICES)]);
    return sendHtml(
      request,
      reply,
      status,
      h(CurationPage, {
        site: deps.site.current(),
        viewer: viewerOf(staff),
        now: deps.clock.now(),
        picks,
        stories,
        leadChoice: curation.leadChoice(),
        lead: curation.leadStory(),
        banner: curation.activeBanner(),
        finder: { text: text.slice(0, 200), ...(found ? { result: found } : {}) },
        ...extra,
      }),
    );
  };

  /**
   * Runs a change as the signed-in editor (who the audit log names); a known refusal re-renders the
   * page with its message beside `fields[code]`. `savedAs` picks the notice from what `run` returned.
   */
  const change = <T>(options: {
    url: string;
    saved: string;
    savedAs?: (result: T) => string;
    fields: Partial<Record<ErrorCode, string>>;
    run: (request: Request, actorUserId: string) => Promise<T>;
    bannerValues?: (request: Request) => BannerValues;
  }) =>
    newsroomRoute(scope, deps, {
      method: 'POST',
      url: options.url,
      permission: 'curation.manage',
      handler: async (request, reply, staff) => {
        let saved = options.saved;
        try {
          const result = await options.run(request, staff.session.user.id);
          if (options.savedAs) saved = options.savedAs(result);
        } catch (error) {
          const field = error instanceof AppError ? (options.fields[error.code] ?? fieldForPick(error.code, request)) : undefined;
          if (!(error instanceof AppError) || !field) throw error;
          reply.header('x-error-code', error.code);
          return render(request, reply, staff, error.status, {
            errors: [{ field, message: newsroomTranslator(deps.site.current(), viewerOf(staff)).error(error.code) }],
            bannerValues: options.bannerValues?.(request),
          });
        }
        return reply.redirect(newsroomPaths.curation(saved), 303);
      },
    });

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/curation',
    permission: 'curation.manage',
    handler: async (request, reply, staff) => render(request, reply, staff, 200, { saved: request.query.saved }),
  });

  change({
    url: '/curation/picks',
    saved: 'picks',
    // A pick beyond the ones the site shows is taken, and the notice says it waits its turn.
    savedAs: (pick: CuratedPick) => (pick.standing === 'waiting' ? 'pick-waiting' : 'picks'),
    fields: { ERR_PICK_STORY_INVALID: 'pick-story', ERR_PICK_DUPLICATE: 'pick-story', ERR_PICK_EXPIRY_INVALID: 'pick-expires' },
    run: (request, actor) => curation.addPick(formField(request.body, 'pick-story'), formField(request.body, 'pick-expires'), timeZone(), actor),
  });

  change({
    url: '/curation/picks/:id/move',
    saved: 'picks',
    fields: {},
    run: async (request, actor) => {
      const direction = formField(request.body, 'direction');
      if (direction !== 'up' && direction !== 'down') throw new AppError('ERR_BAD_REQUEST');
      await curation.movePick(idParam(request.params), direction, actor);
    },
  });

  change({
    url: '/curation/picks/:id/expiry',
    saved: 'picks',
    fields: {},
    run: (request, actor) => curation.setPickExpiry(idParam(request.params), formField(request.body, 'expires-at'), timeZone(), actor),
  });

  change({
    url: '/curation/picks/:id/remove',
    saved: 'picks',
    fields: {},
    run: (request, actor) => curation.removePick(idParam(request.params), actor),
  });

  change({
    url: '/curation/lead',
    saved: 'lead',
    fields: { ERR_LEAD_STORY_INVALID: 'lead-story' },
    run: (request, actor) => curation.setLead(formField(request.body, 'lead-story'), actor),
  });

  const bannerValues = (request: Request): BannerValues => ({
    text: formField(request.body, 'banner-text'),
    link: formField(request.body, 'banner-link'),
    endsAt: formField(request.body, 'banner-ends'),
  });
  change({
    url: '/curation/banner',
    saved: 'banner',
    fields: {
      ERR_BANNER_TEXT_INVALID: 'banner-text',
      // The text is the banner form's one field of free text.
      ERR_TEXT_INVALID_CHARACTERS: 'banner-text',
      ERR_BANNER_LINK_INVALID: 'banner-link',
      ERR_BANNER_END_INVALID: 'banner-ends',
    },
    run: async (request, actor) => {
      await curation.setBanner(bannerValues(request), timeZone(), actor);
    },
    bannerValues,
  });

  change({
    url: '/curation/banner/remove',
    saved: 'banner',
    fields: {},
    run: (_request, actor) => curation.clearBanner(actor),
  });
}

/** A bad expiry on one pick's own form belongs to that pick's field. */
function fieldForPick(code: ErrorCode, request: Request): string | undefined {
  if (code !== 'ERR_PICK_EXPIRY_INVALID') return undefined;
  return `expires-${idParam(request.params)}`;
}
