// The media module's public face: other modules and src/web/** import from here, never from its
// files directly. Its reads below return domain types; writes and rows stay private.
export { MediaUploadService, MAX_UPLOAD_BYTES, MAX_IMAGE_SIDE } from './media-upload.service.js';
export type { MediaActor, MediaLogger, MediaUploadRequest, MediaUploadResult, MediaUploadServiceOptions } from './media-upload.service.js';
export { VARIANT_SPEC, VARIANT_WIDTHS, writeImageVariants } from './image-variants.js';
export type { VariantResult } from './image-variants.js';
export { ICO_SIZES, TOUCH_ICON_SIZE, makeIconImages, readIconSource } from './icon-images.js';
export type { IconImages } from './icon-images.js';
export { MediaDetailsInput, VARIANT_MIME_TYPES } from './media.types.js';
export type { MediaAsset, MediaAssetInput, MediaDetailsRequest, MediaVariant } from './media.types.js';
export { MediaLibrary } from './media-library.service.js';
export { findMediaByIds } from './media.repository.js';
export type { AvifVariantsService } from './avif-variants.service.js';
// Its jobs (src/job-list.ts).
export { AVIF_VARIANTS_JOB, avifVariantsJob } from './avif-variants.job.js';
export { AVIF_BACKLOG_JOB, avifBacklogJob } from './avif-backlog.job.js';
// Bulk writes for importers (the demo, archive imports, generated archives).
export { importMediaAsset } from './media-import.service.js';
