import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ImportRunService, StoredUpload } from '../../modules/import-runs/index.js';
import { AppError } from '../../shared/errors.js';
import { registerUploadScope, type UploadState } from './multipart-form.js';
import { newsroomPaths } from './newsroom-paths.js';
import { newsroomRoute, type NewsroomRouteDeps, type StaffContext } from './newsroom-route.js';

/** Room for the form's other fields and the multipart framing, past the file's own limit. */
const FORM_OVERHEAD_BYTES = 1024 * 1024;

/** One upload as the hooks see it. */
interface ImportUploadState extends UploadState {
  upload?: StoredUpload;
  /** Handed to a run: no longer ours to remove. */
  claimed: boolean;
}

export interface ImportUploadDeps extends NewsroomRouteDeps {
  importRuns: Pick<ImportRunService, 'maxBytes' | 'assertIdle' | 'receive' | 'discard' | 'parseOptions' | 'start'>;
}

/** Shows the Import page again with a refusal (import.routes.ts). */
export type ImportRefusal = (request: FastifyRequest, reply: FastifyReply, staff: StaffContext, error: AppError) => Promise<FastifyReply>;

/**
 * `POST /newsroom/import`, an upload scope of its own (multipart-form.ts). Before a byte of the body
 * is read: a session with `imports.run`, a declared size within IMPORT_MAX_BYTES, no import already
 * running. The file is streamed to disk (modules/import-runs) only after the form's token, which
 * comes before it, was found valid; whatever is refused is read and dropped, and an upload not
 * handed to a run is removed when the answer is sent.
 */
export async function registerImportUpload(scope: FastifyInstance, deps: ImportUploadDeps, refusal: ImportRefusal): Promise<void> {
  await scope.register(async (uploads) => {
    const { stateOf } = await registerUploadScope<ImportUploadState>(uploads, deps, {
      permission: 'imports.run',
      state: (base) => ({ ...base, claimed: false }),
      maxBodyBytes: deps.importRuns.maxBytes + FORM_OVERHEAD_BYTES,
      tooLarge: 'ERR_IMPORT_FILE_TOO_LARGE',
      beforeBody: () => deps.importRuns.assertIdle(),
      // The file's limit is one byte past the import's: the upload is refused for it (storeUpload).
      limits: { fileSize: deps.importRuns.maxBytes + 1, fields: 14, parts: 15, fieldSize: 64 * 1024 },
      formInvalid: 'ERR_IMPORT_FORM_INVALID',
      receive: async (part, state) => {
        try {
          state.upload = await deps.importRuns.receive(part.file, part.filename);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          state.refused = !part.filename && error.code === 'ERR_IMPORT_FILE_EMPTY' ? new AppError('ERR_IMPORT_FILE_MISSING') : error;
        }
      },
      // Gone before the answer is sent: the hooks below only catch what slips past (a client gone).
      onError: (request) => release(request),
      refused: (request, reply, state, error) => refusal(request, reply, state.staff, error),
    });
    const release = async (request: FastifyRequest) => {
      const state = stateOf(request);
      if (!state?.upload || state.claimed) return;
      const { upload } = state;
      state.upload = undefined;
      await deps.importRuns.discard(upload);
    };
    uploads.addHook('onResponse', release);
    uploads.addHook('onRequestAbort', release);

    newsroomRoute(uploads, deps, {
      method: 'POST',
      url: '/import',
      permission: 'imports.run',
      handler: async (request, reply, staff) => {
        const state = stateOf(request);
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
