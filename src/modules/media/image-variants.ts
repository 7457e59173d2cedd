import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { MediaVariant } from './media.types.js';

/** Widths offered in `srcset`; the largest is capped at the original's width. */
export const VARIANT_WIDTHS = [480, 960, 1440] as const;
/** Social cards and old clients get one JPEG. */
const JPEG_FALLBACK_WIDTH = 1200;
/** Names the widths and encoder settings below; change it whenever they change. */
export const VARIANT_SPEC = 'w480,960,1440:webp-q72-e3:jpeg1200-q78-moz';

export interface VariantResult {
  width: number;
  height: number;
  variants: MediaVariant[];
}

/**
 * Writes responsive WebP variants and a JPEG fallback of an image into `mediaDir`, named from the
 * asset id (never from user input). Metadata (EXIF, GPS) is dropped because sharp keeps none unless
 * asked. Files are written to a temporary name and renamed, so a failure leaves nothing half-written.
 */
export async function writeImageVariants(mediaDir: string, assetId: string, input: Buffer): Promise<VariantResult> {
  await fs.mkdir(mediaDir, { recursive: true });
  const source = sharp(input, { limitInputPixels: 40_000_000 }).rotate();
  const metadata = await source.metadata();
  const originalWidth = metadata.width ?? 0;
  const originalHeight = metadata.height ?? 0;
  if (!originalWidth || !originalHeight) throw new Error('image has no dimensions');

  const widths = [...new Set(VARIANT_WIDTHS.map((width) => Math.min(width, originalWidth)))];
  const plans: Array<{ width: number; format: MediaVariant['format'] }> = [
    ...widths.map((width) => ({ width, format: 'webp' as const })),
    { width: Math.min(JPEG_FALLBACK_WIDTH, originalWidth), format: 'jpeg' as const },
  ];
  const written: string[] = [];
  try {
    const variants = await Promise.all(
      plans.map(async ({ width, format }) => {
        const file = `${assetId}-${width}.${format === 'jpeg' ? 'jpg' : format}`;
        const pipeline = source.clone().resize({ width, withoutEnlargement: true });
        const encoded =
          format === 'jpeg'
            ? pipeline.jpeg({ quality: 78, mozjpeg: true })
            : pipeline.webp({ quality: 72, effort: 3 });
        const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
        const target = path.join(mediaDir, file);
        await fs.writeFile(`${target}.tmp`, data);
        await fs.rename(`${target}.tmp`, target);
        written.push(target);
        return { width: info.width, height: info.height, format, file } satisfies MediaVariant;
      }),
    );
    return { width: originalWidth, height: originalHeight, variants };
  } catch (error) {
    await Promise.all(written.map((file) => fs.rm(file, { force: true })));
    throw error;
  }
}
