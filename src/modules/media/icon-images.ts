import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { MAX_IMAGE_PIXELS } from './image-variants.js';
import type { MediaAsset } from './media.types.js';

/** The sizes inside favicon.ico: browser tabs (16, 32 on high-density screens) and shortcuts (48). */
export const ICO_SIZES = [16, 32, 48] as const;
/** iOS and Android home-screen icons (`apple-touch-icon`). */
export const TOUCH_ICON_SIZE = 180;
/** Renders an SVG source (the default icon) sharp enough for the largest size: 300 dpi ≈ 4× a 64-unit drawing. */
const SVG_DENSITY = 300;

/** A publication's icon as browsers fetch it. */
export interface IconImages {
  /** favicon.ico: a PNG of each of ICO_SIZES in an ICO container (readable by every browser since IE 11 and Windows Vista). */
  ico: Buffer;
  /** A TOUCH_ICON_SIZE square PNG. */
  touchPng: Buffer;
}

/**
 * Squares of an image for a site icon: a raster image is cropped to its centre square, an SVG
 * (the default icon) drawn at each size. Transparency is kept.
 */
export async function makeIconImages(input: Buffer): Promise<IconImages> {
  const square = (size: number) =>
    sharp(input, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'warning', density: SVG_DENSITY })
      .rotate()
      .resize(size, size, { fit: 'cover', position: 'centre' })
      .png()
      .toBuffer();
  const [touchPng, ...icoPngs] = await Promise.all([square(TOUCH_ICON_SIZE), ...ICO_SIZES.map(square)]);
  if (!touchPng) throw new Error('no touch icon');
  return { ico: icoContainer(ICO_SIZES.map((size, index) => ({ size, png: icoPngs[index] ?? Buffer.alloc(0) }))), touchPng };
}

/**
 * The file of a media asset to draw its icon from: its widest WebP (which keeps an uploaded PNG's
 * transparency), else its JPEG. Null when it has neither.
 */
export function iconSourcePath(mediaDir: string, asset: Pick<MediaAsset, 'variants'>): string | null {
  const candidates = [...asset.variants].filter((variant) => variant.format === 'webp' || variant.format === 'jpeg');
  candidates.sort((a, b) => (a.format === b.format ? b.width - a.width : a.format === 'webp' ? -1 : 1));
  const best = candidates[0];
  return best ? path.join(mediaDir, best.file) : null;
}

/** Reads a media asset's icon source; rejects when the asset has no usable file or it is gone. */
export async function readIconSource(mediaDir: string, asset: Pick<MediaAsset, 'variants'>): Promise<Buffer> {
  const file = iconSourcePath(mediaDir, asset);
  if (!file) throw new Error('the image has no WebP or JPEG variant');
  return fs.readFile(file);
}

/**
 * An ICO file holding PNG images: a 6-byte header (reserved 0, type 1 = icon, count), a 16-byte
 * directory entry per image (width and height, 0 meaning 256; no palette; 1 plane; 32 bits per
 * pixel; byte length; offset), then the PNGs themselves.
 */
function icoContainer(images: ReadonlyArray<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt8(0, entry + 2);
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}
