import type { MediaAsset } from '../../../modules/media/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import type { SiteContext } from '../../shared/site-context.js';
import { paths } from '../../shared/paths.js';
import { ErrorSummary, FieldLabel, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { Notice } from '../../shared/notice.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';
import { useTranslator } from '../../shared/translator-context.js';

export interface MediaDetailsValues {
  alt: string;
  caption: string;
  credit: string;
}

/** Alt text, caption and credit, shared by the upload and edit forms. */
export function MediaDetailsFields({ values, errors }: { values?: MediaDetailsValues; errors: readonly FieldError[] }) {
  const { t } = useTranslator();
  return (
    <>
      <TextField
        id="alt"
        type="text"
        label={t('nr.media.altLabel')}
        hint={t('nr.media.altHint')}
        maxLength={300}
        value={values?.alt}
        errors={errors}
      />
      <TextField
        id="caption"
        type="text"
        label={t('nr.media.captionLabel')}
        maxLength={1000}
        required={false}
        value={values?.caption}
        errors={errors}
      />
      <TextField id="credit" type="text" label={t('nr.media.creditLabel')} maxLength={200} required={false} value={values?.credit} errors={errors} />
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
  const { t, rich } = newsroomTranslator(props.site, props.viewer);
  const title = t('nr.nav.media');
  return (
    <NewsroomLayout
      site={props.site}
      title={errors.length > 0 ? t('nr.layout.errorTitle', { title }) : title}
      viewer={props.viewer}
      current={newsroomPaths.media()}
    >
      <h1>{t('nr.media.heading')}</h1>
      <Notice text={props.uploaded && t('nr.media.uploaded')} />
      <section aria-labelledby="upload-heading" class="newsroom-form-page">
        <h2 id="upload-heading">{t('nr.media.uploadHeading')}</h2>
        <ErrorSummary errors={errors} />
        <form method="post" action={newsroomPaths.media()} enctype="multipart/form-data" class="newsroom-form">
          <input type="hidden" name={CSRF_FIELD} value={props.viewer.csrfToken} />
          <RequiredNote />
          <div class={errors.some((error) => error.field === 'file') ? 'field field-has-error' : 'field'}>
            <FieldLabel for="file" label={t('nr.media.fileLabel')} required />
            <p id="file-hint" class="field-hint">
              {t('nr.media.fileHint')}
            </p>
            <input id="file" name="file" type="file" accept="image/jpeg,image/png,image/webp,image/avif" required aria-describedby="file-hint" />
          </div>
          <MediaDetailsFields values={props.values} errors={errors} />
          <button type="submit">{t('nr.media.upload')}</button>
        </form>
      </section>
      <section aria-labelledby="library-heading">
        <h2 id="library-heading">{t('nr.media.libraryHeading')}</h2>
        {props.assets.length === 0 && <p>{t('nr.media.empty')}</p>}
        <ul class="media-grid">
          {props.assets.map((asset) => {
            const thumbnail = thumbnailOf(asset);
            return (
              <li key={asset.id}>
                {thumbnail && (
                  <img src={paths.media(thumbnail.file)} width={thumbnail.width} height={thumbnail.height} alt={asset.alt} loading="lazy" />
                )}
                <p class="media-alt">
                  <strong>{t('nr.media.altPrefix')}</strong> {asset.alt || t('nr.media.altNone')}
                </p>
                {asset.caption && <p>{asset.caption}</p>}
                {asset.credit && <p>{t('nr.media.credit', { credit: asset.credit })}</p>}
                {/* Strings, not numbers: the pixel sizes are printed as they are, without a thousands separator. */}
                <p>{t('nr.media.size', { width: String(asset.width), height: String(asset.height) })}</p>
                {/* The id a story's hero field and `[[figure:ID]]` take when JavaScript is off. */}
                <p>{rich('nr.media.id', { code: (text) => <code>{text}</code> }, { id: asset.id })}</p>
                {props.canEdit && (
                  <p>
                    <a href={newsroomPaths.mediaAsset(asset.id)}>
                      {t('nr.media.editDetails')}
                      <span class="visually-hidden">{t('nr.media.editDetailsOf', { alt: asset.alt })}</span>
                    </a>
                  </p>
                )}
              </li>
            );
          })}
        </ul>
        <nav aria-label={t('nr.media.pagesLabel')}>
          {props.page > 1 && <a href={newsroomPaths.media(props.page - 1)}>{t('nr.media.newer')}</a>}{' '}
          {props.hasNext && <a href={newsroomPaths.media(props.page + 1)}>{t('nr.media.older')}</a>}
        </nav>
      </section>
    </NewsroomLayout>
  );
}
