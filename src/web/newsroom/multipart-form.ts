import fastifyMultipart, { type FastifyMultipartAttachFieldsToBodyOptions, type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { roleHas, type Permission } from '../../modules/users/index.js';
import { AppError, type ErrorCode } from '../../shared/errors.js';
import { CSRF_FIELD, csrfTokenFor, isValidCsrfToken } from '../http/csrf.js';
import { readSessionToken } from '../http/session-cookie.js';
import type { NewsroomRouteDeps, StaffContext } from './newsroom-route.js';

/**
 * A multipart field's value as busboy handed it (`part.fields`), before the body is flattened: how
 * an upload's `onFile` reads the CSRF token sent ahead of the file.
 */
export function multipartFieldValue(fields: unknown, name: string): unknown {
  const entry: unknown = typeof fields === 'object' && fields !== null ? (fields as Record<string, unknown>)[name] : undefined;
  return typeof entry === 'object' && entry !== null && 'value' in entry ? entry.value : undefined;
}

/**
 * The multipart plugin's own errors as coded refusals: a limit on parts, files or fields (its 413s)
 * is `overLimit`, anything else while the body was read is a broken body, other 4xx a bad request.
 */
export function multipartRefusal(error: unknown, whileReading: boolean, overLimit: ErrorCode): unknown {
  if (error instanceof AppError) return error;
  const status = typeof error === 'object' && error !== null && 'statusCode' in error ? Number(error.statusCode) : 500;
  if (status === 413) return new AppError(overLimit);
  if (whileReading) return new AppError('ERR_MULTIPART_MALFORMED');
  if (status >= 400 && status < 500) return new AppError('ERR_BAD_REQUEST');
  return error;
}

/**
 * Registers the multipart plugin in the scope `uploads`, between two hooks that tell whether a
 * request's body was being read: an error raised while it is (busboy's own for no or another
 * boundary or a part that never closes, which carry no status; the client going away mid-body) is
 * the body's fault, a coded 400 (multipartRefusal), never a 500.
 */
export async function registerMultipart(
  uploads: FastifyInstance,
  options: FastifyMultipartAttachFieldsToBodyOptions,
): Promise<(request: FastifyRequest) => boolean> {
  const reading = new WeakSet<FastifyRequest>();
  // Runs before the plugin's parsing hook, the `preHandler` below after it.
  uploads.addHook('preValidation', async (request) => {
    reading.add(request);
  });
  await uploads.register(fastifyMultipart, options);
  uploads.addHook('preHandler', async (request) => {
    reading.delete(request);
  });
  return (request) => reading.has(request);
}

/** Refusals answered with the newsroom's plain error page, never the upload's form again. */
const PLAIN_ERRORS = new Set<ErrorCode>(['ERR_NOT_SIGNED_IN', 'ERR_FORBIDDEN', 'ERR_CSRF_TOKEN_INVALID']);

/** One upload as an upload scope's hooks see it, from its first hook on. */
export interface UploadState {
  token: string;
  staff: StaffContext;
  /** Why the file was not kept (read and dropped), answered once the form has been read. */
  refused?: AppError;
}

export interface UploadScopeOptions<S extends UploadState> {
  /** What the signed-in user must be allowed, checked before a byte of the body is read. */
  permission: Permission;
  /** The upload's state once its session is known. */
  state(base: UploadState): S;
  /** The largest body a request may declare (content-length), its file and the rest of the form. */
  maxBodyBytes: number;
  /** Answered for a larger declared body. */
  tooLarge: ErrorCode;
  /** Checks after the size, still before the body is read (an import already running). */
  beforeBody?: () => Promise<void>;
  /** The form's own limits; one file only, always. */
  limits: { fileSize: number; fields: number; parts: number; fieldSize: number };
  /** A file in another field than `file`, a second file, or the plugin's refusal of the form. */
  formInvalid: ErrorCode;
  /** Reads the file, sent in `file` after a valid CSRF token. */
  receive(part: MultipartFile, state: S): Promise<void>;
  /** A refusal before the multipart plugin's (an urlencoded body over the app's limit). */
  bodyRefusal?: (error: unknown) => AppError | undefined;
  /** Runs first when the scope answers with an error (removing what was stored). */
  onError?: (request: FastifyRequest) => Promise<void>;
  /** Answers a coded refusal with the form again (or throws it for the plain error page). */
  refused(request: FastifyRequest, reply: FastifyReply, state: S, error: AppError): Promise<FastifyReply>;
}

/**
 * A newsroom form that uploads one file (multipart), in the encapsulated scope `uploads`: before a
 * byte of the body is read, a session with `permission` and a declared size within `maxBodyBytes`;
 * the file is read only after the form's CSRF token, which comes before it, was found valid, and
 * whatever is refused is read and dropped. An error while the multipart body is read is the body's
 * fault (a 400). Register the route in `uploads` after this; `stateOf` is its upload.
 */
export async function registerUploadScope<S extends UploadState>(
  uploads: FastifyInstance,
  deps: Pick<NewsroomRouteDeps, 'sessions'>,
  options: UploadScopeOptions<S>,
): Promise<{ stateOf: (request: FastifyRequest) => S | undefined }> {
  const states = new WeakMap<FastifyRequest, S>();
  /** Requests whose file was handed to `receive`: a second one is refused. */
  const received = new WeakSet<FastifyRequest>();
  uploads.addHook('onRequest', async (request) => {
    const token = readSessionToken(request);
    const session = await deps.sessions.resolve(token);
    if (!session || token === undefined) throw new AppError('ERR_NOT_SIGNED_IN');
    if (!roleHas(session.user.role, options.permission)) throw new AppError('ERR_FORBIDDEN');
    states.set(request, options.state({ token, staff: { session, csrfToken: csrfTokenFor(token) } }));
    const declared = Number(request.headers['content-length']);
    if (declared > options.maxBodyBytes) throw new AppError(options.tooLarge);
    await options.beforeBody?.();
  });
  const isReading = await registerMultipart(uploads, {
    attachFieldsToBody: 'keyValues',
    // The stream ends one byte past the limit, and `receive` refuses the file for it.
    throwFileSizeLimit: false,
    limits: { files: 1, fieldNameSize: 100, headerPairs: 100, ...options.limits },
    onFile: async function (this: FastifyRequest, part: MultipartFile) {
      const state = states.get(this);
      if (!state) return void part.file.resume();
      const refuse = (error: AppError) => {
        state.refused ??= error;
        part.file.resume();
      };
      if (received.has(this) || state.refused) return refuse(new AppError(options.formInvalid));
      if (!isValidCsrfToken(state.token, multipartFieldValue(part.fields, CSRF_FIELD))) return refuse(new AppError('ERR_CSRF_TOKEN_INVALID'));
      if (part.fieldname !== 'file') return refuse(new AppError(options.formInvalid));
      received.add(this);
      await options.receive(part, state);
    },
  });
  uploads.setErrorHandler(async (error, request, reply) => {
    await options.onError?.(request);
    const refusal = options.bodyRefusal?.(error) ?? multipartRefusal(error, isReading(request), options.formInvalid);
    const state = states.get(request);
    if (!(refusal instanceof AppError) || !state || PLAIN_ERRORS.has(refusal.code)) throw refusal;
    return options.refused(request, reply, state, refusal);
  });
  return { stateOf: (request) => states.get(request) };
}
