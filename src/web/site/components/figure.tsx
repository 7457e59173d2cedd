import type { MediaAsset } from '../../../modules/media/index.js';
import { Caption } from './caption.js';
import { ResponsiveImage } from './responsive-image.js';

/** A figure always shows its caption and its credit, as `△ caption (ⓒ credit)`. */
export function Figure({ asset, eager = false, className }: { asset: MediaAsset; eager?: boolean; className?: string }) {
  return (
    <figure class={className ?? 'figure'}>
      <ResponsiveImage asset={asset} sizes="(min-width: 760px) 720px, 100vw" eager={eager} />
      <Caption asset={asset} />
    </figure>
  );
}
