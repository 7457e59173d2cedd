import type { MediaAsset } from '../../../modules/media/index.js';
import { ResponsiveImage } from './responsive-image.js';

/** A figure always shows its caption and its credit, as "(ⓒ Source)". */
export function Figure({ asset, eager = false, className }: { asset: MediaAsset; eager?: boolean; className?: string }) {
  return (
    <figure class={className ?? 'figure'}>
      <ResponsiveImage asset={asset} sizes="(min-width: 760px) 720px, 100vw" eager={eager} />
      {(asset.caption || asset.credit) && (
        <figcaption>
          {asset.caption}
          {asset.credit && <span class="credit"> (ⓒ {asset.credit})</span>}
        </figcaption>
      )}
    </figure>
  );
}
