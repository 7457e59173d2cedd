import { CSRF_FIELD } from '../../http/csrf.js';
import type { SiteContext } from '../../shared/site-context.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';

/** The confirmation step before a story and its history are deleted for good. */
export function StoryDeletePage({ site, viewer, id, headline }: { site: SiteContext; viewer: NewsroomViewer; id: string; headline: string }) {
  const { t } = newsroomTranslator(site, viewer);
  return (
    <NewsroomLayout site={site} title={t('nr.storyDelete.title')} viewer={viewer} current={newsroomPaths.stories()}>
      <h1>{t('nr.storyDelete.heading', { headline })}</h1>
      <p>{t('nr.storyDelete.warning')}</p>
      <form method="post" action={newsroomPaths.storyAction(id, 'delete')}>
        <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
        <button type="submit">{t('nr.storyDelete.confirm')}</button>
      </form>
      <p>
        <a href={newsroomPaths.story(id)}>{t('nr.storyDelete.cancel')}</a>
      </p>
    </NewsroomLayout>
  );
}
