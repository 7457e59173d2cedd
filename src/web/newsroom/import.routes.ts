import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { ImportRun, ImportRunService } from '../../modules/import-runs/index.js';
import type { SectionDirectory } from '../../modules/sections/index.js';
import type { UserService } from '../../modules/users/index.js';
import { AppError, type ErrorCode } from '../../shared/errors.js';
import type { Translator } from '../../shared/i18n/index.js';
import { sendHtml } from '../http/send-page.js';
import type { FieldError } from '../shared/form-fields.js';
import type { SiteContextSource } from '../shared/site-context.js';
import { fileSize } from './components/import-run-panel.js';
import { runJson } from './import-presenter.js';
import { importFormValues, registerImportUpload, type ImportUploadDeps } from './import-upload.js';
import { idParam } from './media.routes.js';
import { newsroomRoute, viewerOf, type StaffContext } from './newsroom-route.js';
import { newsroomTranslator } from './newsroom-translator.js';
import { DEFAULT_IMPORT_VALUES, ImportPage, type ImportFormValues } from './pages/import.page.js';

/** Runs listed on the page, newest first. */
const RUNS_SHOWN = 10;

/** Which field of the form each refusal is about (the error summary links to it). */
const FIELDS: Partial<Record<ErrorCode, string>> = {
  ERR_IMPORT_FILE_MISSING: 'file',
  ERR_IMPORT_FILE_EMPTY: 'file',
  ERR_IMPORT_FILE_TOO_LARGE: 'file',
  ERR_IMPORT_FILE_REFUSED: 'file',
  ERR_IMPORT_FORM_INVALID: 'file',
  ERR_MULTIPART_MALFORMED: 'file',
  ERR_IMPORT_SECTION_MAP_INVALID: 'section-map',
  ERR_IMPORT_DEFAULT_SECTION_INVALID: 'default-section',
  ERR_IMPORT_TIME_ZONE_INVALID: 'time-zone',
  ERR_IMPORT_SITE_URL_INVALID: 'site-url',
  // The run in progress, shown above the form.
  ERR_IMPORT_RUNNING: 'import-run-heading',
};

/** What the Import page uses. */
export interface ImportRoutesDeps extends ImportUploadDeps {
  site: SiteContextSource;
  importRuns: Pick<ImportRunService, 'list' | 'get' | 'report'> & ImportUploadDeps['importRuns'];
  users: Pick<UserService, 'displayNames'>;
  sections: Pick<SectionDirectory, 'inEdition'>;
}

/**
 * The Import page for admins (`imports.run`): the current or last run with its progress and report,
 * the upload form (import-upload.ts), a run's progress as JSON for the page's script, and a finished
 * run's whole report to download.
 */
export async function registerImportRoutes(scope: FastifyInstance, deps: ImportRoutesDeps): Promise<void> {
  const { importRuns } = deps;
  const translatorOf = (staff: StaffContext) => newsroomTranslator(deps.site.current(), viewerOf(staff));

  async function importPage(
    request: FastifyRequest,
    reply: FastifyReply,
    staff: StaffContext,
    status: number,
    options: { runId?: string; values?: ImportFormValues; errors?: FieldError[] } = {},
  ) {
    const runs = await importRuns.list(RUNS_SHOWN);
    const run: ImportRun | undefined = options.runId ? await importRuns.get(options.runId) : runs[0];
    const report = run?.status === 'finished' ? await importRuns.report(run.id) : null;
    const names = await deps.users.displayNames([...new Set([...runs, ...(run ? [run] : [])].map((entry) => entry.startedBy))]);
    const page = h(ImportPage, {
      site: deps.site.current(),
      viewer: viewerOf(staff),
      runs,
      ...(run ? { shown: { run, report } } : {}),
      names,
      maxBytes: importRuns.maxBytes,
      // Imported stories go to the default edition.
      sections: deps.sections.inEdition(),
      values: options.values ?? DEFAULT_IMPORT_VALUES,
      ...(options.errors ? { errors: options.errors } : {}),
    });
    return sendHtml(request, reply, status, page);
  }

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/import',
    permission: 'imports.run',
    handler: async (request, reply, staff) => {
      const runId = request.query.run;
      return importPage(request, reply, staff, 200, runId ? { runId } : {});
    },
  });

  await registerImportUpload(scope, deps, async (request, reply, staff, error) => {
    const field = FIELDS[error.code];
    if (!field) throw error;
    reply.header('x-error-code', error.code);
    const errors = [{ field, message: refusalMessage(error, importRuns.maxBytes, translatorOf(staff)) }];
    const values = request.body === undefined ? DEFAULT_IMPORT_VALUES : importFormValues(request.body);
    return importPage(request, reply, staff, error.status, { values, errors });
  });

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/import/runs/:id.json',
    permission: 'imports.run',
    handler: async (request, reply, staff) => {
      const run = await importRuns.get(idParam(request.params));
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(runJson(run, translatorOf(staff))));
    },
  });

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/import/runs/:id/report.json',
    permission: 'imports.run',
    handler: async (request, reply) => {
      const run = await importRuns.get(idParam(request.params));
      const report = await importRuns.report(run.id);
      if (!report) throw new AppError('ERR_IMPORT_RUN_NOT_FOUND', 'the run has no report: it has not finished');
      const day = (run.finishedAt ?? run.createdAt).toISOString().slice(0, 10);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${run.kind}-${day}-${run.id.slice(0, 8)}.json"`)
        .send(`${JSON.stringify({ file: run.fileName, ...report }, null, 2)}\n`);
    },
  });
}

/**
 * The catalogue's sentence, with what this refusal adds: what the file is, the section named, the
 * limit. The detail comes from the importer and is English; it names what was wrong (a slug, a
 * pair), so it is kept in every language.
 */
function refusalMessage(error: AppError, maxBytes: number, translator: Translator): string {
  const { t } = translator;
  const message = translator.error(error.code);
  const detail = error.message !== error.publicMessage ? error.message : '';
  switch (error.code) {
    case 'ERR_IMPORT_FILE_TOO_LARGE':
      return t('nr.import.refusal.tooLarge', { message, size: fileSize(maxBytes) });
    case 'ERR_IMPORT_FILE_REFUSED':
      // The catalogue's sentence names WordPress only (the CLI's `import wordpress`); this page takes both.
      return detail ? t('nr.import.refusal.fileRefused', { detail }) : message;
    case 'ERR_IMPORT_SECTION_MAP_INVALID':
    case 'ERR_IMPORT_DEFAULT_SECTION_INVALID':
      return detail ? t('nr.import.refusal.withDetail', { detail, message }) : message;
    default:
      return message;
  }
}
