import { loadImage, type ImageBytes, type ImageSourceOptions } from './image-source.js';
import { findLedgerEntries, recordLedgerEntries } from './import-ledger.repository.js';
import type { ImportReportBuilder } from './import-report.js';
import { importLine } from './import-text.js';
import type { ImportDeps } from './import.types.js';
import type { PlannedStory } from './planned-story.js';
import type { BodyImage } from './wordpress-body.js';

/** A story's pictures as media ids: its hero, and its body's figures by index (null: not brought in). */
export interface StoryImageIds {
  hero: string | null;
  body: Array<string | null>;
}

/**
 * A story's pictures through the media pipeline, each once per source: the ledger keys them by
 * address, and a picture many stories share (a file photo) is uploaded the first time only. They
 * are stored before the story's transaction (the pipeline writes files, then its own row with the
 * picture's ledger row in one transaction); a story that then fails, or a process killed after a
 * picture, leaves a picture the next run finds in the ledger, never one it stores again.
 */
export class StoryPictures {
  /** Address → media id, for this run: the ledger holds the same, this saves a statement per picture. */
  private readonly known = new Map<string, string>();

  constructor(
    private readonly deps: ImportDeps,
    private readonly source: string,
    private readonly options: { baseUrl: string; images?: ImageSourceOptions; loadImage?: (url: string) => Promise<ImageBytes> },
    private readonly report: ImportReportBuilder,
  ) {}

  async upload(story: PlannedStory, label: string): Promise<StoryImageIds> {
    const hero = story.hero ? await this.imageId({ ...story.hero, url: this.absolute(story.hero.url) }, story, label) : null;
    const body: Array<string | null> = [];
    for (const image of story.body.images) body.push(await this.imageId({ ...image, url: this.absolute(image.url) }, story, label));
    return { hero, body };
  }

  /** A picture's address as the old site meant it: `/wp-content/…` is on the old site. */
  private absolute(url: string): string {
    try {
      return new URL(url, this.options.baseUrl || undefined).href;
    } catch {
      return url;
    }
  }

  private async imageId(image: BodyImage, story: PlannedStory, label: string): Promise<string | null> {
    const cached = this.known.get(image.url);
    if (cached) return cached;
    const [recorded] = (await findLedgerEntries(this.deps.db, this.source, 'image', [image.url])).values();
    if (recorded) {
      this.known.set(image.url, recorded.targetId);
      return recorded.targetId;
    }
    const loaded = await (this.options.loadImage ?? ((url: string) => loadImage(url, this.options.images ?? {})))(image.url);
    if (!loaded.ok) {
      this.report.failed({ kind: 'image', sourceId: image.url, label: `${label}: ${image.url}`, reason: loaded.reason });
      return null;
    }
    const warn = (reason: string) => this.report.warned({ kind: 'image', sourceId: image.url, label, reason });
    const alt = importLine(image.alt || image.caption || story.headline, 300, 'alt text', warn);
    if (!image.alt) warn('the picture had no alt text: its caption or the headline stands in; check it');
    try {
      const { asset } = await this.deps.media.upload(
        {
          bytes: loaded.bytes,
          originalName: image.url.split('/').pop() ?? 'image',
          alt,
          caption: importLine(image.caption, 1000, 'caption', warn),
          credit: importLine(image.credit, 200, 'credit', warn),
        },
        undefined,
        {
          queueAvif: false,
          // In the asset's own transaction: a picture is never stored without its ledger row.
          alongside: (trx, stored) =>
            recordLedgerEntries(trx, this.source, 'image', [{ sourceId: image.url, targetId: stored.id, checksum: '' }], this.deps.clock.now()),
        },
      );
      this.known.set(image.url, asset.id);
      this.report.imported('image');
      return asset.id;
    } catch (error) {
      this.report.failed({ kind: 'image', sourceId: image.url, label, reason: error instanceof Error ? error.message : String(error) });
      return null;
    }
  }
}
