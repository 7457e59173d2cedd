import type { MediaAsset } from '../../../modules/media/index.js';

/** The mark every caption starts with, in the house format `△ caption (ⓒ credit)`. */
export const CAPTION_MARK = '△';

/**
 * A figure's caption in the house format, `△ caption (ⓒ credit)`, or nothing when the image has
 * neither. The triangle only marks where a caption starts, so it is hidden from screen readers (which
 * would say "white up-pointing triangle"); ⓒ says whose the picture is and stays. Many systems have
 * no font with ⓒ: site.css loads a two-glyph font for both marks (public/assets/caption-marks.woff2).
 */
export function Caption({ asset }: { asset: Pick<MediaAsset, 'caption' | 'credit'> }) {
  if (!asset.caption && !asset.credit) return null;
  return (
    <figcaption>
      <span class="caption-mark" aria-hidden="true">
        {`${CAPTION_MARK} `}
      </span>
      {asset.caption}
      {asset.credit && <span class="credit">{`${asset.caption ? ' ' : ''}(ⓒ ${asset.credit})`}</span>}
    </figcaption>
  );
}
