import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { IMPORT_FILE_MAX_BYTES, IMPORT_MAX_BYTES, type ImportReport, type SubscriberAdminService } from '../../modules/newsletters/index.js';
import { roleHas } from '../../modules/users/index.js';
import { AppError, type ErrorCode } from '../../shared/errors.js';
import { CSRF_FIELD, csrfTokenFor, isValidCsrfToken } from '../http/csrf.js';
import { readSessionToken } from '../http/session-cookie.js';
import { formField, type FormBody } from '../shared/form-body.js';
import type { FieldError } from '../shared/form-fields.js';
import { multipartFieldValue, multipartRefusal } from './multipart-form.js';
import { newsroomRoute, type NewsroomRouteDeps, type StaffContext } from './newsroom-route.js';

/** Room for the token, a paste sent along (refused, but read) and the multipart framing. */
const FORM_OVERHEAD_BYTES = IMPORT_MAX_BYTES + 64 * 1024;
/** Answered with the newsroom's plain error page; every other refusal shows the Subscribers page again. */
const PLAIN_ERRORS = new Set<ErrorCode>(['ERR_NOT_SIGNED_IN', 'ERR_FORBIDDEN', 'ERR_CSRF_TOKEN_INVALID']);
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

/** One import as the hooks below see it. */
interface UploadState {
  token: string;
  staff: StaffContext;
  file?: { name: string; bytes: Buffer };
  /** Why the file was not kept (read and dropped), answered once the form has been read. */
  refused?: AppError;
}

export interface SubscriberImportDeps extends NewsroomRouteDeps {
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
 * export) or rows pasted in the same form, or sent alone as an urlencoded form. In a scope of its
 * own, the only one here that reads multipart. Before a byte of the body is read: a session with
 * `subscribers.manage` and a declared size within the limits. The file is read (into memory: at
 * most IMPORT_FILE_MAX_BYTES) only after the form's token, which comes before it, was found valid.
 */
export async function registerSubscriberImport(scope: FastifyInstance, deps: SubscriberImportDeps, page: SubscriberImportPage): Promise<void> {
  const states = new WeakMap<FastifyRequest, UploadState>();

  await scope.register(async (uploads) => {
    uploads.addHook('onRequest', async (request) => {
      const token = readSessionToken(request);
      const session = await deps.sessions.resolve(token);
      if (!session || token === undefined) throw new AppError('ERR_NOT_SIGNED_IN');
      if (!roleHas(session.user.role, 'subscribers.manage')) throw new AppError('ERR_FORBIDDEN');
      states.set(request, { token, staff: { session, csrfToken: csrfTokenFor(token) } });
      const declared = Number(request.headers['content-length']);
      if (declared > IMPORT_FILE_MAX_BYTES + FORM_OVERHEAD_BYTES) throw new AppError('ERR_SUBSCRIBER_FILE_TOO_LARGE');
    });
    // As for the Import page: an error while the multipart body is read is the body's fault (a 400).
    const reading = new WeakSet<FastifyRequest>();
    uploads.addHook('preValidation', async (request) => {
      reading.add(request);
    });
    await uploads.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      // The stream ends one byte past the limit, and the file is refused for it below.
      throwFileSizeLimit: false,
      limits: {
        files: 1,
        fileSize: IMPORT_FILE_MAX_BYTES + 1,
        fields: 4,
        parts: 5,
        fieldNameSize: 100,
        // One byte past the paste's limit: a longer paste is cut there, and importCsv refuses it.
        fieldSize: IMPORT_MAX_BYTES + 1,
        headerPairs: 100,
      },
      onFile: async function (this: FastifyRequest, part: MultipartFile) {
        const state = states.get(this);
        if (!state) return void part.file.resume();
        const refuse = (error: AppError) => {
          state.refused ??= error;
          part.file.resume();
        };
        if (!isValidCsrfToken(state.token, multipartFieldValue(part.fields, CSRF_FIELD))) return refuse(new AppError('ERR_CSRF_TOKEN_INVALID'));
        if (part.fieldname !== 'file') return refuse(new AppError('ERR_SUBSCRIBER_IMPORT_FORM_INVALID'));
        const chunks: Buffer[] = [];
        for await (const chunk of part.file as AsyncIterable<Buffer>) chunks.push(chunk);
        const bytes = Buffer.concat(chunks);
        // busboy leaves the name undefined when the part has none (typed as a string all the same).
        const name = typeof part.filename === 'string' ? part.filename : '';
        if (bytes.length > IMPORT_FILE_MAX_BYTES) state.refused ??= new AppError('ERR_SUBSCRIBER_FILE_TOO_LARGE');
        // What a browser sends for a file field left empty: no name, no bytes. The paste is used.
        else if (name !== '' || bytes.length > 0) state.file = { name, bytes };
      },
    });
    uploads.addHook('preHandler', async (request) => {
      reading.delete(request);
    });
    uploads.setErrorHandler(async (error, request, reply) => {
      const appError = bodyRefusal(error) ?? multipartRefusal(error, reading.has(request), 'ERR_SUBSCRIBER_IMPORT_FORM_INVALID');
      const state = states.get(request);
      const field = appError instanceof AppError ? FIELDS[appError.code] : undefined;
      if (!(appError instanceof AppError) || !state || PLAIN_ERRORS.has(appError.code) || !field) throw appError;
      reply.header('x-error-code', appError.code);
      const pasted = formField(request.body as FormBody, 'csv');
      const errors = [{ field, message: appError.publicMessage }];
      return page(request, reply, state.staff, appError.status, { errors, pasted: Buffer.byteLength(pasted) > IMPORT_MAX_BYTES ? '' : pasted });
    });

    newsroomRoute(uploads, deps, {
      method: 'POST',
      url: '/subscribers/import',
      permission: 'subscribers.manage',
      handler: async (request, reply, staff) => {
        const state = states.get(request);
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
