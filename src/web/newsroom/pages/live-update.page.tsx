import type { LiveUpdate } from '../../../modules/live/index.js';
import type { MediaAsset } from '../../../modules/media/index.js';
import { ArticleBody } from '../../site/components/article-body.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { ErrorSummary, RequiredNote, type FieldError } from '../../shared/form-fields.js';
import type { SiteContext } from '../../shared/site-context.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { LiveMarks, LiveTextField, type LiveUpdateValues } from '../live-fields.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';
import { KeptTextPage, signInLink } from './session-ended.page.js';

interface LiveUpdatePageProps {
  site: SiteContext;
  viewer: NewsroomViewer;
  storyId: string;
  update: LiveUpdate;
}

/** Changing one update: its Markdown and marks; a refused change comes back with the text as typed. */
export function LiveUpdateEditPage(
  props: LiveUpdatePageProps & { canManage: boolean; values?: LiveUpdateValues | undefined; errors?: readonly FieldError[] },
) {
  const { site, viewer, storyId, update } = props;
  const errors = props.errors ?? [];
  const { t, dateTime } = newsroomTranslator(site, viewer);
  const title = t('nr.live.editTitle');
  const values = props.values ?? { text: update.source, keyEvent: update.keyEvent, pinned: update.pinned };
  return (
    <NewsroomLayout
      site={site}
      title={errors.length > 0 ? t('nr.layout.errorTitle', { title }) : title}
      viewer={viewer}
      current={newsroomPaths.stories()}
    >
      <h1>{t('nr.live.editHeading', { time: dateTime(update.createdAt, site.publication.timeZone) })}</h1>
      <ErrorSummary errors={errors} />
      <p class="field-hint">{t('nr.live.editNote')}</p>
      <form method="post" action={newsroomPaths.liveUpdate(storyId, update.id, 'edit')} class="newsroom-form">
        <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
        <RequiredNote />
        <LiveTextField value={values.text} errors={errors} rows={10} />
        <LiveMarks values={values} canManage={props.canManage} />
        <button type="submit">{t('nr.live.saveEdit')}</button>
      </form>
      <p>
        <a href={newsroomPaths.liveDesk(storyId)}>{t('nr.live.backToDesk')}</a>
      </p>
    </NewsroomLayout>
  );
}

/** The confirmation step before an update is deleted: works without script, changes nothing itself. */
export function LiveUpdateDeletePage(props: LiveUpdatePageProps & { figures: Map<string, MediaAsset> }) {
  const { site, viewer, storyId, update } = props;
  const { t, dateTime } = newsroomTranslator(site, viewer);
  return (
    <NewsroomLayout site={site} title={t('nr.live.deleteTitle')} viewer={viewer} current={newsroomPaths.stories()}>
      <h1>{t('nr.live.deleteHeading', { time: dateTime(update.createdAt, site.publication.timeZone) })}</h1>
      <p>{t('nr.live.deleteWarning')}</p>
      <div class="live-delete-text">
        <ArticleBody body={update.body} figures={props.figures} />
      </div>
      <form method="post" action={newsroomPaths.liveUpdate(storyId, update.id, 'delete')}>
        <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit">{t('nr.live.deleteConfirm')}</button>
      </form>
      <p>
        <a href={newsroomPaths.liveDesk(storyId)}>{t('nr.live.cancel')}</a>
      </p>
    </NewsroomLayout>
  );
}

/**
 * An update posted after the session ended: nothing was posted (no session to check the form's
 * token against), so its text comes back to copy, with a sign-in link opening in a new tab.
 */
export function LiveKeptPage({ site, text, signInUrl }: { site: SiteContext; text: string; signInUrl: string }) {
  const { t, rich } = newsroomTranslator(site);
  return (
    <KeptTextPage
      site={site}
      title={t('nr.live.keptTitle')}
      heading={t('nr.live.keptTitle')}
      message={rich('nr.live.keptText', { link: signInLink(signInUrl) })}
      fields={[{ id: 'kept-text', label: t('nr.live.keptLabel'), text, rows: 10 }]}
    />
  );
}
