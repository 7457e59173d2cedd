import { VARIANT_MIME_TYPES, type MediaAsset, type MediaVariant } from '../../../modules/media/index.js';
import { paths } from '../../shared/paths.js';

/**
 * An image with AVIF (once made in the background) and WebP `srcset`s and a JPEG `src`; width and
 * height are given so nothing shifts. AVIF comes first: browsers take the first `<source>` they can show.
 */
export function ResponsiveImage({
  asset,
  sizes,
  eager = false,
  decorative = false,
}: {
  asset: MediaAsset;
  sizes: string;
  eager?: boolean;
  /** Beside a headline that says the same, alt text would be read twice. */
  decorative?: boolean;
}) {
  const avif = byWidth(asset.variants, 'avif');
  const webp = byWidth(asset.variants, 'webp');
  const fallback = asset.variants.find((variant) => variant.format === 'jpeg') ?? webp[webp.length - 1];
  if (!fallback) return null;
  return (
    <picture>
      {avif.length > 0 && <source type={VARIANT_MIME_TYPES.avif} srcSet={srcSet(avif)} sizes={sizes} />}
      {webp.length > 0 && <source type={VARIANT_MIME_TYPES.webp} srcSet={srcSet(webp)} sizes={sizes} />}
      <img
        src={paths.media(fallback.file)}
        width={fallback.width}
        height={fallback.height}
        alt={decorative ? '' : asset.alt}
        loading={eager ? 'eager' : 'lazy'}
        decoding="async"
        {...(eager ? { fetchpriority: 'high' } : {})}
      />
    </picture>
  );
}

function byWidth(variants: readonly MediaVariant[], format: MediaVariant['format']): MediaVariant[] {
  return variants.filter((variant) => variant.format === format).sort((a, b) => a.width - b.width);
}

function srcSet(variants: readonly MediaVariant[]): string {
  return variants.map((v) => `${paths.media(v.file)} ${v.width}w`).join(', ');
}
