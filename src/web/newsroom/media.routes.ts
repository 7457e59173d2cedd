import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { MAX_UPLOAD_BYTES, type MediaUploadService } from '../../modules/media/index.js';
import { roleHas } from '../../modules/users/index.js';
import { AppError, type ErrorCode } from '../../shared/errors.js';
import { parsePageNumber } from '../../shared/pagination.js';
import { sendHtml } from '../http/send-page.js';
import { formFieldOf, type FieldError } from '../shared/form-fields.js';
import { multipartRefusal, registerMultipart } from './multipart-form.js';
import { newsroomPaths } from './newsroom-paths.js';
import { newsroomTranslator } from './newsroom-translator.js';
import { readSessionToken } from '../http/session-cookie.js';
import { newsroomRoute, viewerOf, type NewsroomRouteDeps } from './newsroom-route.js';
import { formField, type FormBody } from '../shared/form-body.js';
import type { SiteContextSource } from '../shared/site-context.js';
import { MediaEditPage } from './pages/media-edit.page.js';
import { MediaLibraryPage, type MediaDetailsValues } from './pages/media-library.page.js';

const ASSETS_PER_PAGE = 24;

/** Which field each refused upload is about, so the form's error summary links to it. */
const UPLOAD_ERROR_FIELDS: Partial<Record<ErrorCode, string>> = {
  ERR_MEDIA_DETAILS_INVALID: 'alt',
  ERR_MEDIA_UNREADABLE: 'file',
  ERR_MEDIA_FILE_TOO_LARGE: 'file',
  ERR_MEDIA_IMAGE_TOO_LARGE: 'file',
  ERR_MEDIA_UNSUPPORTED_TYPE: 'file',
};

/** Alt text, caption and credit keep their names in the form: text refused for its characters is shown beside its own field. */
const DETAIL_FIELDS = { alt: 'alt', caption: 'caption', credit: 'credit' };

/** The uploaded file as the multipart hook leaves it in the body (see `onFile` below). */
interface UploadedFile {
  filename: string;
  bytes: Buffer;
}

/** What the media library uses (`sessions` also turns strangers away before an upload is parsed). */
export interface MediaRoutesDeps extends NewsroomRouteDeps {
  site: SiteContextSource;
  media: MediaUploadService;
}

/**
 * The media library. Uploads are the only multipart route in the app, so the multipart parser is
 * registered in a scope holding that one route; every other newsroom form stays urlencoded.
 */
export async function registerMediaRoutes(scope: FastifyInstance, deps: MediaRoutesDeps): Promise<void> {
  const site = () => deps.site.current();

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/media',
    permission: 'newsroom.enter',
    handler: async (request, reply, staff) => {
      const page = parsePageNumber(request.query.page);
      // One extra row says whether an older page exists without counting the table.
      const found = await deps.media.list({ limit: ASSETS_PER_PAGE + 1, offset: (page - 1) * ASSETS_PER_PAGE });
      return sendHtml(
        request,
        reply,
        200,
        h(MediaLibraryPage, {
          site: site(),
          viewer: viewerOf(staff),
          assets: found.slice(0, ASSETS_PER_PAGE),
          page,
          hasNext: found.length > ASSETS_PER_PAGE,
          canEdit: roleHas(staff.session.user.role, 'media.edit'),
          uploaded: request.query.uploaded !== undefined,
        }),
      );
    },
  });

  await scope.register(async (uploads) => {
    // An upload body may be 20 MB: strangers are turned away before a byte of it is parsed.
    // (`newsroomRoute` checks everything again after parsing, the CSRF token included.)
    uploads.addHook('onRequest', async (request) => {
      const session = await deps.sessions.resolve(readSessionToken(request));
      if (!session) throw new AppError('ERR_NOT_SIGNED_IN');
      if (!roleHas(session.user.role, 'media.upload')) throw new AppError('ERR_FORBIDDEN');
    });
    // An error while the multipart body is read is the body's fault (a 400); nothing is stored
    // before the handler runs.
    const isReading = await registerMultipart(uploads, {
      attachFieldsToBody: 'keyValues',
      // Just over the service's limit and not thrown: a larger file arrives cut at this size, and
      // the service answers ERR_MEDIA_FILE_TOO_LARGE like for any other oversized file.
      throwFileSizeLimit: false,
      limits: { files: 1, fileSize: MAX_UPLOAD_BYTES + 1, fields: 8, parts: 9, fieldNameSize: 100, fieldSize: 16 * 1024, headerPairs: 100 },
      // Keeps the browser's file name beside the bytes (keyValues alone would drop it).
      onFile: async (part: MultipartFile) => {
        const file: UploadedFile = { filename: part.filename, bytes: await part.toBuffer() };
        (part as MultipartFile & { value: UploadedFile }).value = file;
      },
    });
    // The multipart hook runs before the route's checks: its own limit errors become ours here.
    uploads.setErrorHandler((error, request, _reply) => {
      throw multipartRefusal(error, isReading(request), 'ERR_MEDIA_FORM_TOO_LARGE');
    });

    newsroomRoute(uploads, deps, {
      method: 'POST',
      url: '/media',
      permission: 'media.upload',
      handler: async (request, reply, staff) => {
        const values = detailsFrom(request.body);
        const file = uploadedFile(request.body);
        try {
          if (!file) throw new AppError('ERR_MEDIA_UNREADABLE', 'no file');
          await deps.media.upload({ ...values, bytes: file.bytes, originalName: file.filename }, { userId: staff.session.user.id });
        } catch (error) {
          const field = error instanceof AppError ? formFieldOf(error, UPLOAD_ERROR_FIELDS, DETAIL_FIELDS) : undefined;
          if (!(error instanceof AppError) || !field) throw error;
          reply.header('x-error-code', error.code);
          const errors: FieldError[] = [{ field, message: newsroomTranslator(site(), viewerOf(staff)).error(error.code) }];
          const assets = await deps.media.list({ limit: ASSETS_PER_PAGE + 1, offset: 0 });
          return sendHtml(
            request,
            reply,
            error.status,
            h(MediaLibraryPage, {
              site: site(),
              viewer: viewerOf(staff),
              assets: assets.slice(0, ASSETS_PER_PAGE),
              page: 1,
              hasNext: assets.length > ASSETS_PER_PAGE,
              canEdit: roleHas(staff.session.user.role, 'media.edit'),
              errors,
              values,
            }),
          );
        }
        return reply.redirect(`${newsroomPaths.media()}?uploaded`, 303);
      },
    });
  });

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/media/:id',
    permission: 'media.edit',
    handler: async (request, reply, staff) => {
      const asset = await deps.media.get(idParam(request.params));
      return sendHtml(
        request,
        reply,
        200,
        h(MediaEditPage, { site: site(), viewer: viewerOf(staff), asset, saved: request.query.saved !== undefined }),
      );
    },
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/media/:id',
    permission: 'media.edit',
    handler: async (request, reply, staff) => {
      const id = idParam(request.params);
      const values = detailsFrom(request.body);
      try {
        await deps.media.updateDetails(id, values);
      } catch (error) {
        const field = error instanceof AppError ? formFieldOf(error, { ERR_MEDIA_DETAILS_INVALID: 'alt' }, DETAIL_FIELDS) : undefined;
        if (!(error instanceof AppError) || !field) throw error;
        reply.header('x-error-code', error.code);
        const asset = await deps.media.get(id);
        const errors: FieldError[] = [{ field, message: newsroomTranslator(site(), viewerOf(staff)).error(error.code) }];
        return sendHtml(request, reply, error.status, h(MediaEditPage, { site: site(), viewer: viewerOf(staff), asset, errors, values }));
      }
      return reply.redirect(`${newsroomPaths.mediaAsset(id)}?saved`, 303);
    },
  });
}

function detailsFrom(body: FormBody): MediaDetailsValues {
  return { alt: formField(body, 'alt'), caption: formField(body, 'caption'), credit: formField(body, 'credit') };
}

function uploadedFile(body: FormBody): UploadedFile | undefined {
  const value: unknown = (body as Record<string, unknown> | undefined)?.['file'];
  if (typeof value !== 'object' || value === null || !('bytes' in value) || !Buffer.isBuffer(value.bytes)) return undefined;
  return { bytes: value.bytes, filename: 'filename' in value && typeof value.filename === 'string' ? value.filename : '' };
}

/** The `:id` of the route; Fastify always sets it, the check keeps the type honest. */
export function idParam(params: unknown): string {
  const id = typeof params === 'object' && params !== null && 'id' in params ? params.id : undefined;
  if (typeof id !== 'string' || id === '') throw new AppError('ERR_NOT_FOUND');
  return id;
}
