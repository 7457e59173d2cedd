import type { MediaAssetInput } from '../modules/media/index.js';
import type { DemoScene } from './content/demo-content.types.js';
import { drawIllustration } from './demo-images.js';
import { illustrationVariants } from './demo-seeder.js';

/** Every scene the generated archives draw (their file photos), in pool order. */
export const SCENES: readonly DemoScene[] = [
  'skyline',
  'harbor',
  'mountains',
  'chart-up',
  'chart-down',
  'sea',
  'fields',
  'podium',
  'rail',
  'forest',
  'bridge',
  'night-city',
];
/** Encoding is CPU-bound in libvips: a few at a time keeps both cores busy without thrashing. */
const CONCURRENCY = 3;

export interface FigurePool {
  assets: MediaAssetInput[];
  /** The pool's images of a scene (every scene has at least one). */
  byScene: ReadonlyMap<DemoScene, readonly MediaAssetInput[]>;
}

/**
 * A modest pool of real images, drawn and encoded through the media pipeline once (the demo's
 * cache makes later runs on the machine file copies) and shared by every story as hero and inline
 * figures, as a newspaper reuses its file photos. The drawings do not depend on the seed, so every
 * archive on a machine shares the cache.
 */
export async function drawFigurePool(mediaDir: string, size: number, newId: () => string): Promise<FigurePool> {
  const jobs = Array.from({ length: Math.max(size, SCENES.length) }, (_, index) => ({ index, scene: SCENES[index % SCENES.length] ?? 'skyline' }));
  const assets: MediaAssetInput[] = jobs.map(() => undefined as unknown as MediaAssetInput);
  const ids = jobs.map(() => newId());
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      if (!job) break;
      const id = ids[job.index] ?? newId();
      const illustration = drawIllustration(job.scene, `archive-figure-${job.index}`);
      const result = await illustrationVariants(mediaDir, id, illustration.svg);
      assets[job.index] = {
        id,
        mimeType: 'image/png',
        width: result.width,
        height: result.height,
        alt: illustration.alt,
        caption: `File illustration: ${illustration.alt.replace(/^Illustration of /, '').replace(/\.$/, '')}.`,
        credit: 'The Dateline Daily graphics desk',
        variants: result.variants,
      };
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const byScene = new Map<DemoScene, MediaAssetInput[]>();
  for (const [index, asset] of assets.entries()) {
    const scene = jobs[index]?.scene ?? 'skyline';
    byScene.set(scene, [...(byScene.get(scene) ?? []), asset]);
  }
  return { assets, byScene };
}
