import type { MediaAsset, MediaVariant } from '../../modules/media/index.js';
import type { PictureWithoutAlt } from '../../modules/articles/index.js';
import { paths } from '../shared/paths.js';
import type { EditorPictureJson, EditorPicturePageJson } from '../../shared/editor-wire.types.js';

export type { EditorPictureJson } from '../../shared/editor-wire.types.js';

/** The figure in the editor is at most ~760 px wide: the first variant at least this wide. */
const EDITOR_WIDTH = 960;

export function editorPictureJson(asset: MediaAsset): EditorPictureJson {
  const browserReadable = (variant: MediaVariant) => variant.format !== 'avif';
  const sorted = asset.variants.filter(browserReadable).sort((a, b) => a.width - b.width || formatRank(a) - formatRank(b));
  const thumb = sorted[0];
  const column = sorted.find((variant) => variant.width >= EDITOR_WIDTH && variant.format === 'webp') ?? sorted.at(-1);
  return {
    id: asset.id,
    thumbnailUrl: thumb ? paths.media(thumb.file) : '',
    src: column ? paths.media(column.file) : '',
    width: asset.width,
    height: asset.height,
    alt: asset.alt,
    caption: asset.caption,
    credit: asset.credit,
  };
}

/** WebP before JPEG at the same width: smaller files for the same picture. */
function formatRank(variant: MediaVariant): number {
  return variant.format === 'webp' ? 0 : 1;
}

/** A page of the picker: the pictures and where the next page starts (null: the library ends here). */
export function editorPicturePageJson(page: { assets: readonly MediaAsset[]; next: string | null }): EditorPicturePageJson {
  return { items: page.assets.map(editorPictureJson), next: page.next };
}

/** The pictures an ERR_STORY_ALT_MISSING refusal is about, for a JSON error body. */
export function picturesWithoutAltJson(pictures: readonly PictureWithoutAlt[]) {
  return pictures.map((picture) => ({ kind: picture.kind, position: picture.position ?? null, mediaId: picture.mediaId }));
}
