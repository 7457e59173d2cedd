import { createHash } from 'node:crypto';
import { makeIconImages, readIconSource, type MediaAsset } from '../media/index.js';
import type { SettingsService } from './settings.service.js';

/** One icon file as served: its bytes, type, and a hash of the bytes for versioned URLs. */
export interface IconFile {
  body: Buffer;
  contentType: string;
  version: string;
}

/** The publication's icon, as browsers fetch it. */
export interface PublicationIcons {
  /** `/favicon.ico`: 16, 32 and 48 pixel squares. */
  ico: IconFile;
  /** `/apple-touch-icon.png`: a 180 pixel square for home screens. */
  touch: IconFile;
  /** False for the default icon, which browsers that can may also take as an SVG. */
  custom: boolean;
}

export interface PublicationIconDeps {
  settings: Pick<SettingsService, 'icon'>;
  mediaDir: string;
  /** Told of a chosen image that could not be drawn; the default icon is served instead. */
  warn?: (error: unknown, what: string) => void;
}

/**
 * The publication's icon, drawn in memory: the image chosen in the settings (its centre square), or
 * the default icon in the house colours. Redrawn when the settings or media change; an image that
 * cannot be drawn (its files gone) falls back to the default rather than failing the node.
 */
export class PublicationIconService {
  private icons: PublicationIcons;
  /** The media asset the current icon was drawn from, so a reload with no change draws nothing. */
  private drawnFrom: string | null = null;
  /**
   * Loads run one after another: they overlap (an event emitted in the background, then a save),
   * and each must draw from the settings as they are when it runs, finishing after any begun before
   * it, so a caller that awaits its load finds the icon drawn.
   */
  private loading: Promise<void> = Promise.resolve();

  private constructor(
    private readonly deps: PublicationIconDeps,
    private readonly defaults: PublicationIcons,
  ) {
    this.icons = defaults;
  }

  /** Draws the default icon from its SVG once; the chosen one is drawn by `load()`. */
  static async create(deps: PublicationIconDeps, defaultSvg: Buffer): Promise<PublicationIconService> {
    return new PublicationIconService(deps, await drawIcons(defaultSvg, false));
  }

  get current(): PublicationIcons {
    return this.icons;
  }

  load(): Promise<void> {
    const load = this.loading.then(() => this.draw());
    this.loading = load.catch(() => {});
    return load;
  }

  private async draw(): Promise<void> {
    const asset = this.deps.settings.icon;
    const key = asset ? sourceKey(asset) : null;
    if (key === this.drawnFrom) return;
    let icons = this.defaults;
    if (asset) {
      try {
        icons = await drawIcons(await readIconSource(this.deps.mediaDir, asset), true);
      } catch (error) {
        (this.deps.warn ?? warnOnConsole)(error, `drawing the site icon from image ${asset.id}`);
      }
    }
    this.icons = icons;
    this.drawnFrom = key;
  }
}

function warnOnConsole(error: unknown, what: string): void {
  console.warn(`dateline: ${what}: ${error instanceof Error ? error.message : String(error)}; serving the default icon`);
}

async function drawIcons(source: Buffer, custom: boolean): Promise<PublicationIcons> {
  const images = await makeIconImages(source);
  return { ico: iconFile(images.ico, 'image/x-icon'), touch: iconFile(images.touchPng, 'image/png'), custom };
}

function iconFile(body: Buffer, contentType: string): IconFile {
  return { body, contentType, version: createHash('sha1').update(body).digest('hex').slice(0, 12) };
}

/** An asset's files never change under the same name: its id and files say whether to redraw. */
function sourceKey(asset: MediaAsset): string {
  return [asset.id, ...asset.variants.map((variant) => variant.file)].join(' ');
}
