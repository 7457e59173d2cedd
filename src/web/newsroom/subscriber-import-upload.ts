import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { IMPORT_FILE_MAX_BYTES, IMPORT_MAX_BYTES, type ImportReport, type SubscriberAdminService } from '../../modules/newsletters/index.js';
import { AppError, type ErrorCode } from '../../shared/errors.js';
import { formField, type FormBody } from '../shared/form-body.js';
import type { FieldError } from '../shared/form-fields.js';
import { registerUploadScope, type UploadState } from './multipart-form.js';
import { newsroomRoute, viewerOf, type NewsroomRouteDeps, type StaffContext } from './newsroom-route.js';
import { newsroomTranslator } from './newsroom-translator.js';
import type { SiteContextSource } from '../shared/site-context.js';

/** Room for the token, a paste sent along (refused, but read) and the multipart framing. */
const FORM_OVERHEAD_BYTES = IMPORT_MAX_BYTES + 64 * 1024;
/** Which field of the import form each refusal is about (the error summary links to it). */
const FIELDS: Partial<Record<ErrorCode, string>> = {
  ERR_SUBSCRIBER_FILE_TOO_LARGE: 'subscriber-file',
  ERR_SUBSCRIBER_FILE_EMPTY: 'subscriber-file',
  ERR_SUBSCRIBER_FILE_NOT_CSV: 'subscriber-file',
  ERR_SUBSCRIBER_IMPORT_FORM_INVALID: 'subscriber-file',
  ERR_SUBSCRIBER_IMPORT_MISSING: 'subscriber-file',
  ERR_SUBSCRIBER_IMPORT_TWO_SOURCES: 'subscriber-file',
  ERR_MULTIPART_MALFORMED: 'subscriber-file',
  ERR_SUBSCRIBER_IMPORT_INVALID: 'subscriber-csv',
};

/** One import as the hooks see it. */
interface SubscriberUploadState extends UploadState {
  file?: { name: string; bytes: Buffer };
}

export interface SubscriberImportDeps extends NewsroomRouteDeps {
  site: SiteContextSource;
  subscriberAdmin: Pick<SubscriberAdminService, 'importCsv' | 'importCsvFile'>;
}

/** Shows the Subscribers page with an import's report, or with a refusal and the rows pasted. */
export type SubscriberImportPage = (
  request: FastifyRequest,
  reply: FastifyReply,
  staff: StaffContext,
  status: number,
  shown: { report: ImportReport } | { errors: FieldError[]; pasted: string },
) => Promise<FastifyReply>;

/**
 * `POST /newsroom/subscribers/import`: a CSV file (multipart, as import-upload.ts receives an
 * export) or rows pasted in the same form, or sent alone as an urlencoded form. An upload scope of
 * its own (multipart-form.ts), the only one here that reads multipart. Before a byte of the body
 * is read: a session with `subscribers.manage` and a declared size within the limits. The file is
 * read (into memory: at most IMPORT_FILE_MAX_BYTES) only after the form's token, which comes
 * before it, was found valid.
 */
export async function registerSubscriberImport(scope: FastifyInstance, deps: SubscriberImportDeps, page: SubscriberImportPage): Promise<void> {
  await scope.register(async (uploads) => {
    const { stateOf } = await registerUploadScope<SubscriberUploadState>(uploads, deps, {
      permission: 'subscribers.manage',
      state: (base) => base,
      maxBodyBytes: IMPORT_FILE_MAX_BYTES + FORM_OVERHEAD_BYTES,
      tooLarge: 'ERR_SUBSCRIBER_FILE_TOO_LARGE',
      // One byte past the file's limit, and past the paste's: a longer paste is cut there, and
      // importCsv refuses it.
      limits: { fileSize: IMPORT_FILE_MAX_BYTES + 1, fields: 4, parts: 5, fieldSize: IMPORT_MAX_BYTES + 1 },
      formInvalid: 'ERR_SUBSCRIBER_IMPORT_FORM_INVALID',
      receive: async (part, state) => {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file as AsyncIterable<Buffer>) chunks.push(chunk);
        const bytes = Buffer.concat(chunks);
        // busboy leaves the name undefined when the part has none (typed as a string all the same).
        const name = typeof part.filename === 'string' ? part.filename : '';
        if (bytes.length > IMPORT_FILE_MAX_BYTES) state.refused ??= new AppError('ERR_SUBSCRIBER_FILE_TOO_LARGE');
        // What a browser sends for a file field left empty: no name, no bytes. The paste is used.
        else if (name !== '' || bytes.length > 0) state.file = { name, bytes };
      },
      bodyRefusal,
      refused: (request, reply, state, error) => {
        const field = FIELDS[error.code];
        if (!field) throw error;
        reply.header('x-error-code', error.code);
        const pasted = formField(request.body as FormBody, 'csv');
        const errors = [{ field, message: newsroomTranslator(deps.site.current(), viewerOf(state.staff)).error(error.code) }];
        return page(request, reply, state.staff, error.status, { errors, pasted: Buffer.byteLength(pasted) > IMPORT_MAX_BYTES ? '' : pasted });
      },
    });

    newsroomRoute(uploads, deps, {
      method: 'POST',
      url: '/subscribers/import',
      permission: 'subscribers.manage',
      handler: async (request, reply, staff) => {
        const state = stateOf(request);
        if (state?.refused) throw state.refused;
        const pasted = formField(request.body, 'csv');
        const file = state?.file;
        if (file && pasted.trim() !== '') throw new AppError('ERR_SUBSCRIBER_IMPORT_TWO_SOURCES');
        const actor = staff.session.user.id;
        const report = file ? await deps.subscriberAdmin.importCsvFile(file, actor) : await deps.subscriberAdmin.importCsv(pasted, actor);
        return page(request, reply, staff, 200, { report });
      },
    });
  });
}

/** A pasted form (urlencoded) over the app's body limit: the paste's own refusal. */
function bodyRefusal(error: unknown): AppError | undefined {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? new AppError('ERR_SUBSCRIBER_IMPORT_INVALID') : undefined;
}
