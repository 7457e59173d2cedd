import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { AuditService } from '../../modules/audit/index.js';
import type { Edition, EditionInput, EditionProblem, EditionService } from '../../modules/editions/index.js';
import { AppError } from '../../shared/errors.js';
import type { MessageKey, Translator } from '../../shared/i18n/index.js';
import { sendHtml } from '../http/send-page.js';
import { formField, type FormBody } from '../shared/form-body.js';
import type { FieldError } from '../shared/form-fields.js';
import type { SiteContextSource } from '../shared/site-context.js';
import { newsroomPaths } from './newsroom-paths.js';
import { newsroomTranslator } from './newsroom-translator.js';
import { newsroomRoute, viewerOf, type NewsroomRouteDeps, type StaffContext } from './newsroom-route.js';
import {
  EDITIONS_LIST_ID,
  EMPTY_EDITION_FORM,
  EditionEditPage,
  EditionsPage,
  type EditionFormValues,
  type EditionsDone,
  type EditionsPageProps,
} from './pages/editions.page.js';

/** Longer than any field takes: what a refused form shows again is cut here. */
const SHOWN_BACK_MAX = 500;

/** The catalogue's messages for a field's bad or taken value. */
type FieldMessage = Extract<MessageKey, `nr.editions.${string}Invalid` | `nr.editions.${string}Taken`>;

/** Each field's form id, and what is said when its value is bad or another edition has it. */
const FIELDS: Record<EditionProblem['field'], { id: keyof EditionFormValues; invalid: FieldMessage; taken?: FieldMessage }> = {
  code: { id: 'code', invalid: 'nr.editions.codeInvalid', taken: 'nr.editions.codeTaken' },
  pathPrefix: { id: 'path-prefix', invalid: 'nr.editions.prefixInvalid', taken: 'nr.editions.prefixTaken' },
  name: { id: 'name', invalid: 'nr.editions.nameInvalid' },
  tagline: { id: 'tagline', invalid: 'nr.editions.taglineInvalid' },
  timeZone: { id: 'time-zone', invalid: 'nr.editions.timeZoneInvalid' },
};

const DONE: readonly EditionsDone[] = ['added', 'saved', 'switched-on', 'switched-off'];

function valuesFrom(body: FormBody): EditionFormValues {
  const read = (name: keyof EditionFormValues) => formField(body, name).slice(0, SHOWN_BACK_MAX);
  return { code: read('code'), 'path-prefix': read('path-prefix'), name: read('name'), tagline: read('tagline'), 'time-zone': read('time-zone') };
}

function valuesOf(edition: Edition): EditionFormValues {
  return { code: edition.code, 'path-prefix': edition.pathPrefix, name: edition.name, tagline: edition.tagline, 'time-zone': edition.timeZone };
}

function inputOf(values: EditionFormValues): EditionInput {
  return { code: values.code, pathPrefix: values['path-prefix'], name: values.name, tagline: values.tagline, timeZone: values['time-zone'] };
}

/** Why a form was not saved: the coded error (its status and code) and each problem, linked to its field. */
interface Refusal {
  error: AppError;
  errors: FieldError[];
}

/** A form's refusal, in the translator's language: a bad value (400) outranks one already taken (409). */
function refusalOf(problems: readonly EditionProblem[], translator: Translator): Refusal | undefined {
  if (problems.length === 0) return undefined;
  const invalid = problems.some((problem) => problem.code === 'ERR_EDITION_INVALID');
  const errors = problems.map(({ field, code }) => {
    const { id, invalid: bad, taken } = FIELDS[field];
    return { field: id, message: translator.t(code === 'ERR_EDITION_TAKEN' && taken ? taken : bad) };
  });
  return { error: new AppError(invalid ? 'ERR_EDITION_INVALID' : 'ERR_EDITION_TAKEN'), errors };
}

/**
 * Writes when the form's own checks found no problem; else, or when the service refuses after all
 * (another node's change meanwhile), the refusal to show. Undefined once written.
 */
async function written(problems: readonly EditionProblem[], translator: Translator, write: () => Promise<unknown>): Promise<Refusal | undefined> {
  const refusal = refusalOf(problems, translator);
  if (refusal) return refusal;
  try {
    await write();
    return undefined;
  } catch (error) {
    if (!(error instanceof AppError) || !error.code.startsWith('ERR_EDITION_')) throw error;
    return { error, errors: [{ field: 'code', message: translator.error(error.code) }] };
  }
}

/** What the Editions page uses. */
export interface EditionRoutesDeps extends NewsroomRouteDeps {
  site: SiteContextSource;
  editions: Pick<EditionService, 'all' | 'find' | 'problemsWith' | 'create' | 'update' | 'setEnabled'>;
  audit: AuditService;
}

/**
 * The publication's editions, in Settings (`settings.manage`): the list, adding one, changing one
 * and switching it off or on. A refusal shows the form again with each problem and its coded 4xx,
 * nothing written; each change is audited, and the service's `editions.changed` reloads every node.
 */
export function registerEditionRoutes(scope: FastifyInstance, deps: EditionRoutesDeps): void {
  const { editions } = deps;
  const translatorOf = (staff: StaffContext) => newsroomTranslator(deps.site.current(), viewerOf(staff));

  function listPage(request: FastifyRequest, reply: FastifyReply, staff: StaffContext, status: number, extra: Partial<EditionsPageProps> = {}) {
    const props = { site: deps.site.current(), viewer: viewerOf(staff), editions: editions.all, values: EMPTY_EDITION_FORM, ...extra };
    return sendHtml(request, reply, status, h(EditionsPage, props));
  }

  /** An edition this page may change: not the default one, which is the publication (Settings). */
  function changeable(request: FastifyRequest): Edition {
    const edition = editions.find((request.params as { id: string }).id);
    if (edition.isDefault) throw new AppError('ERR_EDITION_DEFAULT_FIXED');
    return edition;
  }

  const audited = (
    staff: StaffContext,
    action: 'edition.created' | 'edition.updated' | 'edition.switched_on' | 'edition.switched_off',
    edition: Edition,
  ) =>
    deps.audit.record({
      actorUserId: staff.session.user.id,
      action,
      subjectType: 'edition',
      subjectId: edition.id,
      details: { code: edition.code, pathPrefix: edition.pathPrefix },
    });

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/settings/editions',
    permission: 'settings.manage',
    handler: async (request, reply, staff) => {
      const done = DONE.find((candidate) => candidate === request.query.done);
      return listPage(request, reply, staff, 200, { done });
    },
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/settings/editions',
    permission: 'settings.manage',
    handler: async (request, reply, staff) => {
      const values = valuesFrom(request.body);
      const input = inputOf(values);
      const refusal = await written(editions.problemsWith(input), translatorOf(staff), async () =>
        audited(staff, 'edition.created', await editions.create(input)),
      );
      if (!refusal) return reply.redirect(newsroomPaths.editions('added'), 303);
      reply.header('x-error-code', refusal.error.code);
      return listPage(request, reply, staff, refusal.error.status, { values, errors: refusal.errors });
    },
  });

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/settings/editions/:id',
    permission: 'settings.manage',
    handler: async (request, reply, staff) => {
      const edition = changeable(request);
      const props = { site: deps.site.current(), viewer: viewerOf(staff), edition, values: valuesOf(edition) };
      return sendHtml(request, reply, 200, h(EditionEditPage, props));
    },
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/settings/editions/:id',
    permission: 'settings.manage',
    handler: async (request, reply, staff) => {
      const edition = changeable(request);
      const values = valuesFrom(request.body);
      const input = inputOf(values);
      const refusal = await written(editions.problemsWith(input, edition.id), translatorOf(staff), async () =>
        audited(staff, 'edition.updated', await editions.update(edition.id, input)),
      );
      if (!refusal) return reply.redirect(newsroomPaths.editions('saved'), 303);
      reply.header('x-error-code', refusal.error.code);
      const props = { site: deps.site.current(), viewer: viewerOf(staff), edition, values, errors: refusal.errors };
      return sendHtml(request, reply, refusal.error.status, h(EditionEditPage, props));
    },
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/settings/editions/:id/switch',
    permission: 'settings.manage',
    handler: async (request, reply, staff) => {
      const to = formField(request.body, 'to');
      try {
        if (to !== 'on' && to !== 'off') throw new AppError('ERR_BAD_REQUEST');
        const edition = changeable(request);
        await audited(staff, to === 'on' ? 'edition.switched_on' : 'edition.switched_off', await editions.setEnabled(edition.id, to === 'on'));
        return reply.redirect(newsroomPaths.editions(to === 'on' ? 'switched-on' : 'switched-off'), 303);
      } catch (error) {
        // Shown on the list, whose table is what the refusal is about.
        if (!(error instanceof AppError)) throw error;
        reply.header('x-error-code', error.code);
        const errors = [{ field: EDITIONS_LIST_ID, message: translatorOf(staff).error(error.code) }];
        return listPage(request, reply, staff, error.status, { errors });
      }
    },
  });
}
