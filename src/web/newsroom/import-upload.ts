import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ImportRunService, StoredUpload } from '../../modules/import-runs/index.js';
import { roleHas } from '../../modules/users/index.js';
import { AppError } from '../../shared/errors.js';
import { CSRF_FIELD, csrfTokenFor, isValidCsrfToken } from '../http/csrf.js';
import { readSessionToken } from '../http/session-cookie.js';
import { multipartFieldValue, multipartRefusal } from './multipart-form.js';
import { newsroomPaths } from './newsroom-paths.js';
import { newsroomRoute, type NewsroomRouteDeps, type StaffContext } from './newsroom-route.js';

/** Room for the form's other fields and the multipart framing, past the file's own limit. */
const FORM_OVERHEAD_BYTES = 1024 * 1024;
/** Answered with the newsroom's plain error page; every other refusal shows the Import page again. */
const PLAIN_ERRORS = new Set(['ERR_NOT_SIGNED_IN', 'ERR_FORBIDDEN', 'ERR_CSRF_TOKEN_INVALID']);

/** One upload as the hooks below see it. */
interface UploadState {
  token: string;
  staff: StaffContext;
  upload?: StoredUpload;
  /** Why the file was not kept (read and dropped), answered once the form has been read. */
  refused?: AppError;
  /** Handed to a run: no longer ours to remove. */
  claimed: boolean;
}

export interface ImportUploadDeps extends NewsroomRouteDeps {
  importRuns: Pick<ImportRunService, 'maxBytes' | 'assertIdle' | 'receive' | 'discard' | 'parseOptions' | 'start'>;
}

/** Shows the Import page again with a refusal (import.routes.ts). */
export type ImportRefusal = (request: FastifyRequest, reply: FastifyReply, staff: StaffContext, error: AppError) => Promise<FastifyReply>;

/**
 * `POST /newsroom/import`, the one multipart route besides media uploads, in a scope of its own.
 * Before a byte of the body is read: a session with `imports.run`, a declared size within
 * IMPORT_MAX_BYTES, no import already running. The file is streamed to disk (modules/import-runs)
 * only after the form's token, which comes before it, was found valid; whatever is refused is
 * read and dropped, and an upload not handed to a run is removed when the answer is sent.
 */
export async function registerImportUpload(scope: FastifyInstance, deps: ImportUploadDeps, refusal: ImportRefusal): Promise<void> {
  const states = new WeakMap<FastifyRequest, UploadState>();
  const release = async (request: FastifyRequest) => {
    const state = states.get(request);
    if (!state?.upload || state.claimed) return;
    const { upload } = state;
    state.upload = undefined;
    await deps.importRuns.discard(upload);
  };

  await scope.register(async (uploads) => {
    uploads.addHook('onRequest', async (request) => {
      const token = readSessionToken(request);
      const session = await deps.sessions.resolve(token);
      if (!session || token === undefined) throw new AppError('ERR_NOT_SIGNED_IN');
      if (!roleHas(session.user.role, 'imports.run')) throw new AppError('ERR_FORBIDDEN');
      states.set(request, { token, staff: { session, csrfToken: csrfTokenFor(token) }, claimed: false });
      const declared = Number(request.headers['content-length']);
      if (declared > deps.importRuns.maxBytes + FORM_OVERHEAD_BYTES) throw new AppError('ERR_IMPORT_FILE_TOO_LARGE');
      await deps.importRuns.assertIdle();
    });
    // As for media uploads: an error while the multipart body is read is the body's fault (a 400).
    const reading = new WeakSet<FastifyRequest>();
    uploads.addHook('preValidation', async (request) => {
      reading.add(request);
    });
    await uploads.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      // The stream ends one byte past the limit, and the upload is refused for it (storeUpload).
      throwFileSizeLimit: false,
      limits: {
        files: 1,
        fileSize: deps.importRuns.maxBytes + 1,
        fields: 14,
        parts: 15,
        fieldNameSize: 100,
        fieldSize: 64 * 1024,
        headerPairs: 100,
      },
      onFile: async function (this: FastifyRequest, part: MultipartFile) {
        const state = states.get(this);
        if (!state) return void part.file.resume();
        const refuse = (error: AppError) => {
          state.refused ??= error;
          part.file.resume();
        };
        if (state.upload || state.refused) return refuse(new AppError('ERR_IMPORT_FORM_INVALID'));
        if (!isValidCsrfToken(state.token, multipartFieldValue(part.fields, CSRF_FIELD))) return refuse(new AppError('ERR_CSRF_TOKEN_INVALID'));
        if (part.fieldname !== 'file') return refuse(new AppError('ERR_IMPORT_FORM_INVALID'));
        try {
          state.upload = await deps.importRuns.receive(part.file, part.filename);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          state.refused = !part.filename && error.code === 'ERR_IMPORT_FILE_EMPTY' ? new AppError('ERR_IMPORT_FILE_MISSING') : error;
        }
      },
    });
    uploads.addHook('preHandler', async (request) => {
      reading.delete(request);
    });
    uploads.addHook('onResponse', release);
    uploads.addHook('onRequestAbort', release);
    uploads.setErrorHandler(async (error, request, reply) => {
      // Gone before the answer is sent: the hooks above only catch what slips past (a client gone).
      await release(request);
      const appError = multipartRefusal(error, reading.has(request), 'ERR_IMPORT_FORM_INVALID');
      const state = states.get(request);
      if (!(appError instanceof AppError) || !state || PLAIN_ERRORS.has(appError.code)) throw appError;
      return refusal(request, reply, state.staff, appError);
    });

    newsroomRoute(uploads, deps, {
      method: 'POST',
      url: '/import',
      permission: 'imports.run',
      handler: async (request, reply, staff) => {
        const state = states.get(request);
        if (state?.refused) throw state.refused;
        if (!state?.upload) throw new AppError('ERR_IMPORT_FILE_MISSING');
        const options = deps.importRuns.parseOptions(importFormValues(request.body));
        const run = await deps.importRuns.start(state.upload, options, staff.session.user.id);
        state.claimed = true;
        return reply.redirect(newsroomPaths.import({ run: run.id }), 303);
      },
    });
  });
}

/** The form's choices from a parsed body (empty when the body was never read). */
export function importFormValues(body: unknown) {
  const field = (name: string): string => {
    const value: unknown = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
    return typeof value === 'string' ? value : '';
  };
  return {
    sectionMap: field('section-map'),
    unmapped: field('unmapped'),
    dryRun: field('dry-run') === 'yes',
    fetchImages: field('fetch-images') === 'yes',
    defaultSection: field('default-section'),
    timeZone: field('time-zone'),
    siteUrl: field('site-url'),
    update: field('update') === 'yes',
  };
}
