import { CSRF_FIELD } from '../../http/csrf.js';
import type { SiteContext } from '../../shared/site-context.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

/** The confirmation step before a story and its history are deleted for good. */
export function StoryDeletePage({ site, viewer, id, headline }: { site: SiteContext; viewer: NewsroomViewer; id: string; headline: string }) {
  return (
    <NewsroomLayout site={site} title="Delete story" viewer={viewer} current={newsroomPaths.stories()}>
      <h1>Delete “{headline}”?</h1>
      <p>The story, its revisions and its corrections are deleted for good. Readers following a link to it will find nothing.</p>
      <form method="post" action={newsroomPaths.storyAction(id, 'delete')}>
        <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
        <button type="submit">Yes, delete this story</button>
      </form>
      <p>
        <a href={newsroomPaths.story(id)}>No, go back to the story</a>
      </p>
    </NewsroomLayout>
  );
}
