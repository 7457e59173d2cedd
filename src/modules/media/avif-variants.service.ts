import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/database.js';
import type { EventBus } from '../../shared/events.js';
import { coalesced, type RequestRun } from '../../shared/jobs/coalesced-run.js';
import { removeMediaFiles, writeAvifVariants } from './image-variants.js';
import { findMediaById, listMediaWithoutAvif, updateMediaVariants } from './media.repository.js';
import type { MediaAsset, MediaLogger } from './media.types.js';

/** Each waiting upload holds its bytes in memory (up to 20 MB); eight bound that at ~160 MB. */
const MAX_PENDING_UPLOADS = 8;
/** Assets stored without AVIF variants are read this many at a time, and announced together. */
const BACKLOG_PAGE_SIZE = 10;

export interface AvifVariantsOptions {
  db: Db;
  events: EventBus;
  mediaDir: string;
  log: MediaLogger;
  /**
   * Asks the job runner for a run of avif-variants.job.ts, which calls `addQueued()`; on its own
   * (tests) the service coalesces its runs itself.
   */
  requestRun?: RequestRun;
}

/**
 * AVIF variants, made after an upload has returned: slow (see image-variants.ts), so one at a time,
 * off the request path. Uploads wait in memory with their bytes, bounded; nothing else is kept, so
 * what a stop or a full queue leaves is found again in the database at the next start (every asset
 * stored without an AVIF variant) and encoded from its widest stored variant.
 */
export class AvifVariantsService {
  /** Uploads waiting, oldest first, with their bytes. */
  private readonly pending = new Map<string, Buffer>();
  /** Set at start: assets stored without AVIF variants are looked for once the uploads are done. */
  private backlog = false;
  /** Assets that failed in this process: left for the next start rather than retried in a loop. */
  private readonly failed = new Set<string>();
  private working = false;
  private readonly requestRun: RequestRun;

  constructor(private readonly options: AvifVariantsOptions) {
    this.requestRun = options.requestRun ?? coalesced(() => this.addQueued());
  }

  /** Queues a new upload; false (and nothing queued) when the queue is full. */
  queue(assetId: string, bytes: Buffer): boolean {
    if (this.pending.size >= MAX_PENDING_UPLOADS) return false;
    this.pending.set(assetId, bytes);
    // Failures are logged per asset inside the run; this catches only what stops the run itself.
    void this.requestRun().catch((error: unknown) => this.options.log.error({ err: error }, 'AVIF variants failed'));
    return true;
  }

  /**
   * At start (avif-backlog.job.ts): every asset stored without AVIF variants gets them, after the
   * uploads waiting. Resolves when they are done, or when the node stops.
   */
  queueMissing(): Promise<void> {
    this.backlog = true;
    return this.requestRun();
  }

  /**
   * One run (avif-variants.job.ts): the waiting uploads, oldest first, then the backlog a page at a
   * time, one asset after the other. Returns early when `signal` aborts (the node stops); what is
   * left has no AVIF variant yet and is found again at the next start.
   */
  async addQueued(signal?: AbortSignal): Promise<void> {
    this.working = true;
    try {
      while (!signal?.aborted) {
        const upload = this.pending.entries().next();
        if (!upload.done) {
          const [assetId, bytes] = upload.value;
          this.pending.delete(assetId);
          if (await this.tryAdd(assetId, async () => bytes)) await this.options.events.emit({ name: 'media.changed', mediaIds: [assetId] });
          continue;
        }
        if (!this.backlog || !(await this.addBacklogPage(signal))) return;
      }
    } finally {
      this.working = false;
    }
  }

  /** Resolves when no AVIF work is waiting or running (tests). */
  async idle(): Promise<void> {
    if (this.pending.size === 0 && !this.backlog && !this.working) return;
    await this.requestRun().catch(() => undefined);
  }

  /** One page of the backlog; false once it is empty. Uploads arriving meanwhile go first. */
  private async addBacklogPage(signal?: AbortSignal): Promise<boolean> {
    const assets = await listMediaWithoutAvif(this.options.db, BACKLOG_PAGE_SIZE, [...this.failed]);
    if (assets.length === 0) {
      this.backlog = false;
      return false;
    }
    const added: string[] = [];
    for (const asset of assets) {
      if (signal?.aborted || this.pending.size > 0) break;
      if (await this.tryAdd(asset.id, () => this.widestStoredVariant(asset))) added.push(asset.id);
    }
    // One announcement a page, not an asset: each reloads what every node holds and purges a CDN.
    if (added.length > 0) await this.options.events.emit({ name: 'media.changed', mediaIds: added });
    return true;
  }

  /** True when the asset got its variants; a failure is logged and the asset left for the next start. */
  private async tryAdd(assetId: string, source: () => Promise<Buffer>): Promise<boolean> {
    try {
      return await this.add(assetId, await source());
    } catch (error) {
      this.failed.add(assetId);
      this.options.log.error({ err: error, assetId }, 'AVIF variants failed');
      return false;
    }
  }

  /**
   * Idempotent: replaces any AVIF variants the asset had. If the asset is gone by the time the
   * encodes finish, their files are removed again and false is returned.
   */
  private async add(assetId: string, bytes: Buffer): Promise<boolean> {
    const { db, mediaDir, log } = this.options;
    const started = Date.now();
    const avif = await writeAvifVariants(mediaDir, assetId, bytes);
    const files = avif.map((variant) => variant.file);
    try {
      const asset = await findMediaById(db, assetId);
      const others = asset?.variants.filter((variant) => variant.format !== 'avif') ?? [];
      const stored = asset !== undefined && (await updateMediaVariants(db, assetId, [...others, ...avif]));
      if (!stored) {
        await removeMediaFiles(mediaDir, files);
        return false;
      }
    } catch (error) {
      await removeMediaFiles(mediaDir, files);
      throw error;
    }
    log.info({ assetId, ms: Date.now() - started }, 'AVIF variants added');
    return true;
  }

  /**
   * After a restart the upload's bytes are gone: the widest variant stored stands in. It is upright
   * already and as wide as the widest AVIF variant, so the AVIF widths come out the same.
   */
  private async widestStoredVariant(asset: MediaAsset): Promise<Buffer> {
    const widest = asset.variants.filter((variant) => variant.format !== 'avif').sort((a, b) => b.width - a.width)[0];
    if (!widest) throw new Error(`media asset ${asset.id} has no stored variant to encode from`);
    return fs.readFile(path.join(this.options.mediaDir, widest.file));
  }
}
