import fs from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import type { MediaVariant } from './media.types.js';

/** Widths offered in `srcset`; the largest is capped at the original's width. */
export const VARIANT_WIDTHS = [480, 960, 1440] as const;
/** Social cards and old clients get one JPEG. */
const JPEG_FALLBACK_WIDTH = 1200;
/** Names the widths and encoder settings below; change it whenever they change. */
export const VARIANT_SPEC = 'w480,960,1440:webp-q72-e3:jpeg1200-q78-moz';
/**
 * Decoding allocates width × height × 4 bytes, so 40 megapixels (~160 MB) is the most one image
 * may cost; any camera a newsroom uses stays below it. sharp refuses larger images itself.
 */
export const MAX_IMAGE_PIXELS = 40_000_000;
/**
 * AVIF at effort 2 encodes a 2000 px photo's three widths in ~0.7 s on two cores; the default
 * effort 4 took ~8 s for files only a few per cent smaller.
 */
const AVIF_OPTIONS = { quality: 50, effort: 2 } as const;

export interface VariantResult {
  /** The size as shown, after EXIF orientation is applied. */
  width: number;
  height: number;
  variants: MediaVariant[];
}

interface Plan {
  width: number;
  format: MediaVariant['format'];
}

/**
 * Writes responsive WebP variants and a JPEG fallback of an image into `mediaDir`, named from the
 * asset id (never from user input). Metadata (EXIF, GPS) is dropped because sharp keeps none unless
 * asked; pixels are turned upright by the EXIF orientation first. Files are written to a temporary
 * name and renamed, and a failure removes every file of the call, so nothing half-written remains.
 */
export async function writeImageVariants(mediaDir: string, assetId: string, input: Buffer): Promise<VariantResult> {
  const { source, width, height } = await openUpright(input);
  const widths = [...new Set(VARIANT_WIDTHS.map((w) => Math.min(w, width)))];
  const plans: Plan[] = [
    ...widths.map((w) => ({ width: w, format: 'webp' as const })),
    { width: Math.min(JPEG_FALLBACK_WIDTH, width), format: 'jpeg' as const },
  ];
  const variants = await writePlans(mediaDir, assetId, source, plans);
  return { width, height, variants };
}

/**
 * Writes AVIF variants at the same widths as the WebP ones. Slow (see AVIF_OPTIONS), so callers run
 * it off the request path. Same guarantees as `writeImageVariants`.
 */
export async function writeAvifVariants(mediaDir: string, assetId: string, input: Buffer): Promise<MediaVariant[]> {
  const { source, width } = await openUpright(input);
  const widths = [...new Set(VARIANT_WIDTHS.map((w) => Math.min(w, width)))];
  return writePlans(
    mediaDir,
    assetId,
    source,
    widths.map((w) => ({ width: w, format: 'avif' as const })),
  );
}

async function openUpright(input: Buffer): Promise<{ source: Sharp; width: number; height: number }> {
  // failOn 'warning' (also sharp's default) makes a truncated or damaged file an error, not a grey band.
  const source = sharp(input, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'warning' }).rotate();
  const metadata = await source.metadata();
  // `width`/`height` are as stored; a portrait photo stored sideways with orientation 6 is shown
  // with them swapped, and the variants must be planned from what is shown.
  const { width, height } = metadata.autoOrient ?? metadata;
  if (!width || !height) throw new Error('image has no dimensions');
  return { source, width, height };
}

async function writePlans(mediaDir: string, assetId: string, source: Sharp, plans: Plan[]): Promise<MediaVariant[]> {
  await fs.mkdir(mediaDir, { recursive: true });
  // allSettled, not all: cleaning up after the first failure while other encodes are still running
  // would miss the files they write afterwards.
  const outcomes = await Promise.allSettled(plans.map((plan) => writePlan(mediaDir, assetId, source, plan)));
  const failure = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failure) {
    const written = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value.file] : []));
    await removeMediaFiles(mediaDir, written);
    throw failure.reason;
  }
  return outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
}

async function writePlan(mediaDir: string, assetId: string, source: Sharp, { width, format }: Plan): Promise<MediaVariant> {
  const file = `${assetId}-${width}.${format === 'jpeg' ? 'jpg' : format}`;
  const pipeline = source.clone().resize({ width, withoutEnlargement: true });
  const encoded =
    format === 'jpeg'
      ? pipeline.jpeg({ quality: 78, mozjpeg: true })
      : format === 'avif'
        ? pipeline.avif(AVIF_OPTIONS)
        : pipeline.webp({ quality: 72, effort: 3 });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  const target = path.join(mediaDir, file);
  try {
    await fs.writeFile(`${target}.tmp`, data);
    await fs.rename(`${target}.tmp`, target);
  } catch (error) {
    await fs.rm(`${target}.tmp`, { force: true });
    throw error;
  }
  return { width: info.width, height: info.height, format, file };
}

/** Removes variant files by name; files already gone are fine. */
export async function removeMediaFiles(mediaDir: string, files: readonly string[]): Promise<void> {
  await Promise.all(files.map((file) => fs.rm(path.join(mediaDir, file), { force: true })));
}
