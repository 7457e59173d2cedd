import type { MediaAsset } from '../../../modules/media/media.types.js';
import { paths } from '../paths.js';

/** An image with WebP `srcset` and a JPEG `src`; width and height are given so nothing shifts. */
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
  const webp = asset.variants.filter((variant) => variant.format === 'webp').sort((a, b) => a.width - b.width);
  const fallback = asset.variants.find((variant) => variant.format === 'jpeg') ?? webp[webp.length - 1];
  if (!fallback) return null;
  return (
    <picture>
      {webp.length > 0 && (
        <source type="image/webp" srcSet={webp.map((v) => `${paths.media(v.file)} ${v.width}w`).join(', ')} sizes={sizes} />
      )}
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
