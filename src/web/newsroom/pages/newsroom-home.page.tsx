import type { DeskStory } from '../../../modules/newsroom/index.js';
import { formatDateTime } from '../../shared/format.js';
import { paths } from '../../shared/paths.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

const STATUS_LABELS: Record<string, string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
};

/** The newsroom's front page: a greeting and the latest stories in every status. */
export function NewsroomHomePage({ site, viewer, stories }: { site: SiteContext; viewer: NewsroomViewer; stories: readonly DeskStory[] }) {
  return (
    <NewsroomLayout site={site} title="Newsroom" viewer={viewer} current={newsroomPaths.home()}>
      <h1>Welcome, {viewer.displayName}</h1>
      <section aria-labelledby="latest-stories-title">
        <h2 id="latest-stories-title">Latest stories</h2>
        {stories.length === 0 ? (
          <p class="empty-note">No stories yet.</p>
        ) : (
          <DataTable class="newsroom-table" wrap columns={['Headline', 'Status', 'Last change']}>
            {stories.map((story) => (
              <tr key={story.id}>
                <td>{story.status === 'published' ? <a href={paths.article(story.slug)}>{story.headline}</a> : story.headline}</td>
                <td>
                  <span class={`story-status story-status-${story.status}`}>{STATUS_LABELS[story.status] ?? story.status}</span>
                </td>
                <td>
                  <time dateTime={story.changedAt.toISOString()}>{formatDateTime(story.changedAt, site.publication)}</time>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </NewsroomLayout>
  );
}
