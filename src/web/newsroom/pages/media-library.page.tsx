import type { MediaAsset } from '../../../modules/media/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import type { SiteContext } from '../../shared/site-context.js';
import { paths } from '../../shared/paths.js';
import { ErrorSummary, FieldLabel, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { Notice } from '../../shared/notice.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

export interface MediaDetailsValues {
  alt: string;
  caption: string;
  credit: string;
}

/** Alt text, caption and credit, shared by the upload and edit forms. */
export function MediaDetailsFields({ values, errors }: { values?: MediaDetailsValues; errors: readonly FieldError[] }) {
  return (
    <>
      <TextField
        id="alt"
        type="text"
        label="Alt text"
        hint="Describe the image for people who cannot see it (up to 300 characters)."
        maxLength={300}
        value={values?.alt}
        errors={errors}
      />
      <TextField id="caption" type="text" label="Caption (optional)" maxLength={1000} required={false} value={values?.caption} errors={errors} />
      <TextField id="credit" type="text" label="Credit (optional)" maxLength={200} required={false} value={values?.credit} errors={errors} />
    </>
  );
}

/** The smallest stored variant: enough for a thumbnail, and always a JPEG or WebP a browser shows. */
function thumbnailOf(asset: MediaAsset) {
  return [...asset.variants].filter((variant) => variant.format !== 'avif').sort((a, b) => a.width - b.width)[0];
}

/** The media library: an upload form, then every asset newest first, a page at a time. */
export function MediaLibraryPage(props: {
  site: SiteContext;
  viewer: NewsroomViewer;
  assets: readonly MediaAsset[];
  page: number;
  hasNext: boolean;
  canEdit: boolean;
  uploaded?: boolean;
  errors?: readonly FieldError[];
  values?: MediaDetailsValues;
}) {
  const errors = props.errors ?? [];
  return (
    <NewsroomLayout site={props.site} title={errors.length > 0 ? 'Error: Media' : 'Media'} viewer={props.viewer} current={newsroomPaths.media()}>
      <h1>Media library</h1>
      <Notice text={props.uploaded && 'The image was uploaded.'} />
      <section aria-labelledby="upload-heading" class="newsroom-form-page">
        <h2 id="upload-heading">Upload an image</h2>
        <ErrorSummary errors={errors} />
        <form method="post" action={newsroomPaths.media()} enctype="multipart/form-data" class="newsroom-form">
          <input type="hidden" name={CSRF_FIELD} value={props.viewer.csrfToken} />
          <RequiredNote />
          <div class={errors.some((error) => error.field === 'file') ? 'field field-has-error' : 'field'}>
            <FieldLabel for="file" label="Image file" required />
            <p id="file-hint" class="field-hint">
              JPEG, PNG, WebP or AVIF, up to 20 MB.
            </p>
            <input id="file" name="file" type="file" accept="image/jpeg,image/png,image/webp,image/avif" required aria-describedby="file-hint" />
          </div>
          <MediaDetailsFields values={props.values} errors={errors} />
          <button type="submit">Upload</button>
        </form>
      </section>
      <section aria-labelledby="library-heading">
        <h2 id="library-heading">Images, newest first</h2>
        {props.assets.length === 0 && <p>No images on this page.</p>}
        <ul class="media-grid">
          {props.assets.map((asset) => {
            const thumbnail = thumbnailOf(asset);
            return (
              <li key={asset.id}>
                {thumbnail && (
                  <img src={paths.media(thumbnail.file)} width={thumbnail.width} height={thumbnail.height} alt={asset.alt} loading="lazy" />
                )}
                <p class="media-alt">
                  <strong>Alt:</strong> {asset.alt || '(none yet: needed before a story with it is published)'}
                </p>
                {asset.caption && <p>{asset.caption}</p>}
                {asset.credit && <p>Credit: {asset.credit}</p>}
                <p>
                  {asset.width} × {asset.height} px
                </p>
                {/* The id a story's hero field and `[[figure:ID]]` take when JavaScript is off. */}
                <p>
                  Id: <code>{asset.id}</code>
                </p>
                {props.canEdit && (
                  <p>
                    <a href={newsroomPaths.mediaAsset(asset.id)}>
                      Edit details<span class="visually-hidden"> of {asset.alt}</span>
                    </a>
                  </p>
                )}
              </li>
            );
          })}
        </ul>
        <nav aria-label="Media pages">
          {props.page > 1 && <a href={newsroomPaths.media(props.page - 1)}>Newer images</a>}{' '}
          {props.hasNext && <a href={newsroomPaths.media(props.page + 1)}>Older images</a>}
        </nav>
      </section>
    </NewsroomLayout>
  );
}
