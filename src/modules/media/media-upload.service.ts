import sharp, { type Metadata } from 'sharp';
import { z } from 'zod';
import { inTransaction, type Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import type { EventBus } from '../../shared/events.js';
import { newId } from '../../shared/ids.js';
import { TextCharactersError, textProblemOf } from '../../shared/text.js';
import type { RequestRun } from '../../shared/jobs/coalesced-run.js';
import type { AuditService } from '../audit/index.js';
import { AvifVariantsService } from './avif-variants.service.js';
import { MAX_IMAGE_PIXELS, removeMediaFiles, writeImageVariants } from './image-variants.js';
import { findMediaById, findMediaByIds, insertMediaAsset, listMedia, updateMediaDetails } from './media.repository.js';
import { MediaDetailsInput, MediaDraftDetailsInput, type MediaAsset, type MediaDetailsRequest, type MediaLogger } from './media.types.js';
import { searchMediaPage } from './media-search.repository.js';
import { encodeMediaCursor, parseMediaSearch, type MediaSearchRequest } from './media-search.js';

/**
 * A full-resolution camera JPEG is 5–15 MB; 20 MB leaves room for those and refuses the rest
 * before any decoder sees a byte.
 */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/**
 * Longer sides than this are panoramas or crafted files; with MAX_IMAGE_PIXELS it bounds the work
 * and memory of one decode. Both are read from the header, before the pixels are decoded.
 */
export const MAX_IMAGE_SIDE = 12_000;
/** Kept only as text for people to recognise their file, never as a path. */
const MAX_ORIGINAL_NAME_LENGTH = 200;

/** Formats are decided by what sharp finds in the bytes; the name and Content-Type are not trusted. */
const ACCEPTED_FORMATS: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

const ListOptions = z.object({ limit: z.number().int().min(1).max(100), offset: z.number().int().min(0) });

export interface MediaUploadRequest extends MediaDetailsRequest {
  bytes: Buffer;
  /** As the browser sent it; sanitised and reported back, never used for a path. */
  originalName: string;
}

export interface MediaUploadResult {
  asset: MediaAsset;
  originalName: string;
}

/** Who uploaded: the audit entry's actor. */
export interface MediaActor {
  userId: string;
}

export type { MediaLogger };

const stderrLogger: MediaLogger = {
  info: () => {},
  error: (details, message) => console.error(message, details),
};

export interface MediaUploadServiceOptions {
  db: Db;
  clock: Clock;
  events: EventBus;
  mediaDir: string;
  /** Every upload is recorded with the file's name as uploaded, its size and type. */
  audit: Pick<AuditService, 'record'>;
  log?: MediaLogger;
  /** Asks the job runner for a run of avif-variants.job.ts (see AvifVariantsService). */
  requestAvifRun?: RequestRun;
}

/**
 * The newsroom's media library: checks an upload from the cheapest test to the dearest (size,
 * header, then decoding), writes its variants under a server-chosen id, and stores the row last so
 * a failure leaves neither a row nor files. AVIF variants follow in the background
 * (avif-variants.service.ts).
 */
export class MediaUploadService {
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly events: EventBus;
  private readonly mediaDir: string;
  private readonly audit: Pick<AuditService, 'record'>;
  private readonly log: MediaLogger;
  /** Public for the AVIF jobs (avif-variants.job.ts, avif-backlog.job.ts). */
  readonly avif: AvifVariantsService;

  constructor(options: MediaUploadServiceOptions) {
    this.db = options.db;
    this.clock = options.clock;
    this.events = options.events;
    this.mediaDir = options.mediaDir;
    this.audit = options.audit;
    this.log = options.log ?? stderrLogger;
    const { db, events, mediaDir, log } = this;
    this.avif = new AvifVariantsService({ db, events, mediaDir, log, requestRun: options.requestAvifRun });
  }

  /**
   * Stores an image and its WebP and JPEG variants; the asset is usable as soon as this returns.
   * @param options.queueAvif false: no AVIF variants now (an archive import of thousands of pictures
   *   would hold their bytes and a core); they are made by the backlog at the next start, as after
   *   a full queue
   * @param options.alongside written in the asset row's own transaction (an importer's record of
   *   where the picture came from), so a crash, even kill -9, leaves both or neither: never a stored
   *   picture its importer does not know, which its next run would store a second time
   * @param options.altOptional true for the story editor: alt text may be given later (before publishing)
   */
  async upload(
    request: MediaUploadRequest,
    actor?: MediaActor,
    options: { queueAvif?: boolean; alongside?: (trx: Db, asset: MediaAsset) => Promise<void>; altOptional?: boolean } = {},
  ): Promise<MediaUploadResult> {
    const details = parseDetails(request, options.altOptional === true);
    const originalName = sanitiseOriginalName(request.originalName);
    const mimeType = await checkImage(request.bytes);

    const id = newId();
    const result = await writeImageVariants(this.mediaDir, id, request.bytes).catch((error: unknown) => {
      throw isSystemError(error) ? error : new AppError('ERR_MEDIA_UNREADABLE', errorMessage(error));
    });
    const asset: MediaAsset = { id, mimeType, width: result.width, height: result.height, ...details, variants: result.variants };
    try {
      await inTransaction(this.db, async (trx) => {
        await insertMediaAsset(trx, asset, this.clock.now(), { avifPending: true });
        await this.audit.record(
          {
            actorUserId: actor?.userId ?? null,
            action: 'media.uploaded',
            subjectType: 'media',
            subjectId: id,
            details: {
              originalName,
              // What the browser sent, when cleaning it changed it: a path, invisible or
              // direction-changing characters are evidence worth keeping, shown escaped.
              ...(originalName === request.originalName ? {} : { sentName: visibleText(request.originalName) }),
              bytes: request.bytes.length,
              type: mimeType,
              width: asset.width,
              height: asset.height,
            },
          },
          trx,
        );
        await options.alongside?.(trx, asset);
      });
    } catch (error) {
      await removeMediaFiles(
        this.mediaDir,
        asset.variants.map((variant) => variant.file),
      );
      throw error;
    }
    this.log.info({ assetId: id, actorUserId: actor?.userId ?? null, originalName }, 'media uploaded');

    if (options.queueAvif === false) return { asset, originalName };
    const queued = this.avif.queue(id, request.bytes);
    if (!queued) this.log.error({ assetId: id }, 'AVIF queue full; the asset keeps its WebP and JPEG variants until the next start');
    return { asset, originalName };
  }

  /**
   * Changes alt text, caption and credit; readers see them at once. `altOptional` (the story
   * editor): alt text may stay empty on a picture that has none yet, but never be removed from one
   * that has it (ERR_MEDIA_ALT_REQUIRED): a published story's pictures were checked when it went out.
   */
  async updateDetails(id: string, request: MediaDetailsRequest, options: { altOptional?: boolean } = {}): Promise<MediaAsset> {
    const details = parseDetails(request, options.altOptional === true);
    const onlyWithoutAlt = details.alt === '';
    if (!(await updateMediaDetails(this.db, id, details, { onlyWithoutAlt }))) {
      throw new AppError(onlyWithoutAlt && (await findMediaById(this.db, id)) ? 'ERR_MEDIA_ALT_REQUIRED' : 'ERR_MEDIA_NOT_FOUND');
    }
    await this.events.emit({ name: 'media.changed', mediaIds: [id] });
    const asset = await findMediaById(this.db, id);
    if (!asset) throw new AppError('ERR_MEDIA_NOT_FOUND');
    return asset;
  }

  /** One asset, for the newsroom's edit form. */
  async get(id: string): Promise<MediaAsset> {
    const asset = await findMediaById(this.db, id);
    if (!asset) throw new AppError('ERR_MEDIA_NOT_FOUND');
    return asset;
  }

  /** The media library, newest first. */
  list(options: { limit: number; offset: number }): Promise<MediaAsset[]> {
    const parsed = ListOptions.safeParse(options);
    if (!parsed.success) throw new AppError('ERR_BAD_REQUEST', 'limit must be 1–100 and offset 0 or more');
    return listMedia(this.db, parsed.data);
  }

  /**
   * A page of the library for the story editor's picker, newest first: with `q`, only pictures
   * whose alt text, caption or credit contains it (each request reads a bounded window, see
   * media-search.repository.ts); `after` is the `next` of the previous page.
   */
  async search(request: MediaSearchRequest, limit: number): Promise<{ assets: MediaAsset[]; next: string | null }> {
    const query = parseMediaSearch(request);
    const page = await searchMediaPage(this.db, { ...query, limit });
    return { assets: page.assets, next: page.next ? encodeMediaCursor(page.next) : null };
  }

  /** Assets by id (unknown ids are left out), e.g. the figures of a body being previewed. */
  findByIds(ids: readonly string[]): Promise<Map<string, MediaAsset>> {
    return findMediaByIds(this.db, ids);
  }

  /** Resolves when no AVIF work is waiting or running (tests). */
  idle(): Promise<void> {
    return this.avif.idle();
  }
}

function parseDetails(request: MediaDetailsRequest, altOptional = false): MediaDetailsInput {
  const parsed = (altOptional ? MediaDraftDetailsInput : MediaDetailsInput).safeParse({
    alt: request.alt,
    caption: request.caption,
    credit: request.credit,
  });
  if (!parsed.success) {
    const characters = parsed.error.issues.find((issue) => textProblemOf(issue) === 'characters');
    if (characters) throw new TextCharactersError(String(characters.path[0]));
    throw new AppError('ERR_MEDIA_DETAILS_INVALID', parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  }
  return parsed.data;
}

/**
 * Checks size, format and dimensions without decoding pixels, and returns the MIME type of what the
 * bytes really are.
 */
async function checkImage(bytes: Buffer): Promise<string> {
  if (bytes.length === 0) throw new AppError('ERR_MEDIA_UNREADABLE', 'empty file');
  if (bytes.length > MAX_UPLOAD_BYTES) throw new AppError('ERR_MEDIA_FILE_TOO_LARGE');

  let metadata: Metadata;
  try {
    // Reading the header allocates no pixels, so the pixel limit is lifted here to learn the real
    // size and answer 413 rather than a vague decoder error; decoding later keeps the limit.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    // libvips names bytes it recognises as no image format at all (HTML, text) this way; any
    // other failure is a file of a known format that is damaged.
    if (/unsupported image format/i.test(errorMessage(error))) throw new AppError('ERR_MEDIA_UNSUPPORTED_TYPE');
    throw new AppError('ERR_MEDIA_UNREADABLE', errorMessage(error));
  }

  // AVIF is a HEIF container with AV1 inside; HEIC (HEVC inside) is refused, as browsers cannot show it.
  const mimeType = metadata.format === 'heif' && metadata.compression === 'av1' ? 'image/avif' : ACCEPTED_FORMATS[metadata.format];
  if (!mimeType) throw new AppError('ERR_MEDIA_UNSUPPORTED_TYPE', `format ${metadata.format}`);

  const { width, height } = metadata;
  if (!width || !height) throw new AppError('ERR_MEDIA_UNREADABLE', 'no dimensions');
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    throw new AppError('ERR_MEDIA_IMAGE_TOO_LARGE', `${width} × ${height}`);
  }
  return mimeType;
}

/**
 * The file name as text for people: the last path segment only, without control or bidirectional
 * override characters (which can disguise `gpj.exe` as `exe.jpg`), trimmed and bounded.
 */
export function sanitiseOriginalName(name: string): string {
  const lastSegment = name.split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  return [...cleaned].slice(0, MAX_ORIGINAL_NAME_LENGTH).join('') || 'image';
}

/**
 * Text as the audit log keeps it: control and format characters (bidirectional overrides among
 * them) written as `\u{…}` so they show instead of acting, and bounded like the name itself.
 */
function visibleText(text: string): string {
  const escaped = text.replace(/[\p{Cc}\p{Cf}]/gu, (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`);
  return [...escaped].slice(0, MAX_ORIGINAL_NAME_LENGTH * 2).join('');
}

/** Errors from the file system (full disk, permissions) are ours, not the uploader's: they stay 500s. */
function isSystemError(error: unknown): boolean {
  return error instanceof Error && 'syscall' in error;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
