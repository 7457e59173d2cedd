import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { loadImage } from '../../modules/imports/index.js';
import { MAX_UPLOAD_BYTES, type MediaUploadService } from '../../modules/media/index.js';
import { roleHas } from '../../modules/users/index.js';
import { AppError } from '../../shared/errors.js';
import { TextCharactersError } from '../../shared/text.js';
import { readSessionToken } from '../http/session-cookie.js';
import { formField, type FormBody } from '../shared/form-body.js';
import type { SiteContextSource } from '../shared/site-context.js';
import { idParam } from './media.routes.js';
import { editorPictureJson, editorPicturePageJson } from './media-presenter.js';
import { newsroomRoute, requestStaffLanguage, type NewsroomRouteDeps, type StaffContext } from './newsroom-route.js';
import { newsroomTranslator } from './newsroom-translator.js';

/** A picker page: four rows of six thumbnails. */
export const PICKER_PAGE_SIZE = 24;
/** A pasted picture must arrive within this; the reporter is waiting for it in the editor. */
const FETCH_TIMEOUT_MS = 10_000;
const MAX_FETCH_URL_LENGTH = 2000;

/** What the story editor's picture endpoints use. */
export interface MediaJsonRoutesDeps extends NewsroomRouteDeps {
  site: SiteContextSource;
  media: MediaUploadService;
}

/**
 * The story editor's pictures as JSON (docs/editor-pictures.md): the picker's pages, uploads,
 * details saved in place and pictures fetched from a pasted address. Same session, CSRF token and
 * permission checks as every newsroom route; refusals are `{ errors: [{ code, message }] }`, the
 * message in the newsroom language of whoever asked.
 */
export async function registerMediaJsonRoutes(scope: FastifyInstance, deps: MediaJsonRoutesDeps): Promise<void> {
  await scope.register(async (json) => {
    json.setErrorHandler(async (error: FastifyError, request, reply) => {
      const refusal = jsonRefusal(error, request);
      const language = await requestStaffLanguage(request, deps.sessions);
      return sendJsonError(reply, refusal, newsroomTranslator(deps.site.current(), { language }).error(refusal.code));
    });

    newsroomRoute(json, deps, {
      method: 'GET',
      url: '/media.json',
      permission: 'media.upload',
      handler: async (request, reply) => {
        // `ids`: the pictures already in a story's body, for the editor to show them (at most a page's worth per call).
        if (request.query.ids !== undefined) {
          const ids = idList(request.query.ids);
          const found = await deps.media.findByIds(ids);
          return sendJson(reply, 200, editorPicturePageJson({ assets: ids.flatMap((id) => found.get(id) ?? []), next: null }));
        }
        const page = await deps.media.search({ q: request.query.q, after: request.query.after }, PICKER_PAGE_SIZE);
        return sendJson(reply, 200, editorPicturePageJson(page));
      },
    });

    newsroomRoute(json, deps, {
      method: 'POST',
      url: '/media/:id/details.json',
      permission: 'media.upload',
      handler: async (request, reply, staff) => {
        const id = idParam(request.params);
        const current = await deps.media.get(id);
        // Contributors (upload but not edit) may describe a picture only while it has no alt text
        // yet: the one they just put into their story, not the library's others.
        if (!roleHas(staff.session.user.role, 'media.edit') && current.alt !== '') throw new AppError('ERR_FORBIDDEN');
        // Each field saves on its own (on blur): a field left out of the body keeps its value.
        const body = request.body ?? {};
        const given = (name: 'alt' | 'caption' | 'credit') => (name in body ? formField(body, name) : current[name]);
        const details = { alt: given('alt'), caption: given('caption'), credit: given('credit') };
        const asset = await deps.media.updateDetails(id, details, { altOptional: true });
        return sendJson(reply, 200, editorPictureJson(asset));
      },
    });

    newsroomRoute(json, deps, {
      method: 'POST',
      url: '/media/fetch.json',
      permission: 'media.upload',
      handler: async (request, reply, staff) => {
        const url = fetchableUrl(formField(request.body, 'url'));
        const fetched = await loadImage(url.href, { fetch: true, timeoutMs: FETCH_TIMEOUT_MS });
        if (!fetched.ok) throw new AppError(fetched.privateAddress ? 'ERR_MEDIA_FETCH_REFUSED' : 'ERR_MEDIA_FETCH_FAILED', fetched.reason);
        const originalName = url.pathname.split('/').pop() || url.hostname;
        return uploaded(reply, staff, { ...detailsOf(request.body), bytes: fetched.bytes, originalName });
      },
    });

    await json.register(async (uploads) => {
      // A body may be 20 MB: strangers are turned away before a byte of it is parsed (as media.routes.ts).
      uploads.addHook('onRequest', async (request) => {
        const session = await deps.sessions.resolve(readSessionToken(request));
        if (!session) throw new AppError('ERR_NOT_SIGNED_IN');
        if (!roleHas(session.user.role, 'media.upload')) throw new AppError('ERR_FORBIDDEN');
      });
      await uploads.register(fastifyMultipart, {
        attachFieldsToBody: 'keyValues',
        throwFileSizeLimit: false,
        limits: { files: 1, fileSize: MAX_UPLOAD_BYTES + 1, fields: 8, parts: 9, fieldNameSize: 100, fieldSize: 16 * 1024, headerPairs: 100 },
        onFile: async (part: MultipartFile) => {
          (part as MultipartFile & { value: unknown }).value = { filename: part.filename, bytes: await part.toBuffer() };
        },
      });
      newsroomRoute(uploads, deps, {
        method: 'POST',
        url: '/media/upload.json',
        permission: 'media.upload',
        handler: async (request, reply, staff) => {
          const file = fileOf(request.body);
          if (!file) throw new AppError('ERR_MEDIA_UNREADABLE', 'no file');
          return uploaded(reply, staff, { ...detailsOf(request.body), bytes: file.bytes, originalName: file.filename });
        },
      });
    });
  });

  async function uploaded(reply: FastifyReply, staff: StaffContext, request: Parameters<MediaUploadService['upload']>[0]): Promise<FastifyReply> {
    const { asset } = await deps.media.upload(request, { userId: staff.session.user.id }, { altOptional: true });
    return sendJson(reply, 201, editorPictureJson(asset));
  }
}

function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

/**
 * Every refusal gets a code. Errors that are not ours but carry a 4xx (the multipart parser's
 * limits, a malformed JSON body) get the nearest one; anything else is thrown on, the app's 500.
 */
function jsonRefusal(error: FastifyError, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (error.statusCode === 413) return new AppError('ERR_MEDIA_FORM_TOO_LARGE');
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError(request.headers['content-type']?.startsWith('multipart/') ? 'ERR_MULTIPART_MALFORMED' : 'ERR_BAD_REQUEST');
  }
  throw error;
}

/** A refusal as JSON with its code, and its message in the asker's language. */
function sendJsonError(reply: FastifyReply, appError: AppError, message: string): FastifyReply {
  const field = appError instanceof TextCharactersError ? { field: appError.field } : {};
  reply.header('x-error-code', appError.code);
  return sendJson(reply, appError.status, { errors: [{ code: appError.code, message, ...field }] });
}

/** Up to 100 comma-separated ids of the form the server gives (UUIDs); anything else is a 400. */
function idList(raw: unknown): string[] {
  const ids = typeof raw === 'string' ? raw.split(',') : [];
  if (ids.length === 0 || ids.length > 100 || ids.some((id) => !/^[A-Za-z0-9_-]{1,64}$/.test(id))) throw new AppError('ERR_MEDIA_SEARCH_INVALID');
  return [...new Set(ids)];
}

function detailsOf(body: FormBody): { alt: string; caption: string; credit: string } {
  return { alt: formField(body, 'alt'), caption: formField(body, 'caption'), credit: formField(body, 'credit') };
}

function fileOf(body: FormBody): { filename: string; bytes: Buffer } | undefined {
  const value: unknown = (body as Record<string, unknown> | undefined)?.['file'];
  if (typeof value !== 'object' || value === null || !('bytes' in value) || !Buffer.isBuffer(value.bytes)) return undefined;
  return { bytes: value.bytes, filename: 'filename' in value && typeof value.filename === 'string' ? value.filename : '' };
}

/** An absolute http(s) address without credentials, as pasted HTML gives an `<img src>`. */
function fetchableUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('ERR_MEDIA_FETCH_URL_INVALID');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.href.length > MAX_FETCH_URL_LENGTH) {
    throw new AppError('ERR_MEDIA_FETCH_URL_INVALID');
  }
  return url;
}
