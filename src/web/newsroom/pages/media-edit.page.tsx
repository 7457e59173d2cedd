import type { MediaAsset } from '../../../modules/media/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { paths } from '../../shared/paths.js';
import type { SiteContext } from '../../shared/site-context.js';
import { ErrorSummary, RequiredNote, type FieldError } from '../../shared/form-fields.js';
import { Notice } from '../../shared/notice.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';
import { MediaDetailsFields, type MediaDetailsValues } from './media-library.page.js';

/** Editing the words that travel with one image; readers see the change at once. */
export function MediaEditPage(props: {
  site: SiteContext;
  viewer: NewsroomViewer;
  asset: MediaAsset;
  saved?: boolean;
  errors?: readonly FieldError[];
  values?: MediaDetailsValues;
}) {
  const errors = props.errors ?? [];
  const preview = props.asset.variants.find((variant) => variant.format === 'jpeg');
  const { t } = newsroomTranslator(props.site, props.viewer);
  const title = t('nr.media.editTitle');
  return (
    <NewsroomLayout
      site={props.site}
      title={errors.length > 0 ? t('nr.layout.errorTitle', { title }) : title}
      viewer={props.viewer}
      current={newsroomPaths.media()}
    >
      <div class="newsroom-form-page">
        <h1>{title}</h1>
        <p>
          <a href={newsroomPaths.media()}>{t('nr.media.back')}</a>
        </p>
        <Notice text={props.saved && t('nr.media.saved')} />
        {preview && (
          <img
            src={paths.media(preview.file)}
            width={preview.width}
            height={preview.height}
            alt={props.asset.alt}
            style="max-width:100%;height:auto"
          />
        )}
        <ErrorSummary errors={errors} />
        <form method="post" action={newsroomPaths.mediaAsset(props.asset.id)} class="newsroom-form">
          <input type="hidden" name={CSRF_FIELD} value={props.viewer.csrfToken} />
          <RequiredNote />
          <MediaDetailsFields values={props.values ?? props.asset} errors={errors} />
          <button type="submit">{t('nr.media.save')}</button>
        </form>
      </div>
    </NewsroomLayout>
  );
}
