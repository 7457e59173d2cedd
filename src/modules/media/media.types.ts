export interface MediaVariant {
  width: number;
  height: number;
  format: 'webp' | 'jpeg' | 'avif';
  /** File name under DATA_DIR/media, chosen by the server. */
  file: string;
}

export interface MediaAsset {
  id: string;
  mimeType: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  variants: MediaVariant[];
}

/** What is stored for a new asset: the same fields, the id chosen by the server. */
export type MediaAssetInput = MediaAsset;
