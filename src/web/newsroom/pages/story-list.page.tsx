import { ARTICLE_STATUSES, type ArticleStatus, type DeskStorySummary } from '../../../modules/articles/index.js';
import { roleHas } from '../../../modules/users/index.js';
import { formatDateTime } from '../../shared/format.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { StoryStatus } from '../components/story-status.js';
import { STATUS_LABELS } from '../components/story-workflow-panel.js';
import { newsroomPaths } from '../newsroom-paths.js';

/** Every story whatever its status, filterable by status with a plain GET form. */
export function StoryListPage({
  site,
  viewer,
  stories,
  status,
  now,
}: {
  site: SiteContext;
  viewer: NewsroomViewer;
  stories: readonly DeskStorySummary[];
  status?: ArticleStatus;
  /** Whether an embargo still holds is a matter of the time. */
  now: Date;
}) {
  return (
    <NewsroomLayout site={site} title="Stories" viewer={viewer} current={newsroomPaths.stories()}>
      <h1>Stories</h1>
      {roleHas(viewer.role, 'story.create') && (
        <p>
          <a href={newsroomPaths.newStory()}>Write a new story</a>
        </p>
      )}
      <form method="get" action={newsroomPaths.stories()} class="story-filter">
        <label for="status">Status</label>
        <select id="status" name="status">
          <option value="">All</option>
          {ARTICLE_STATUSES.map((value) => (
            <option key={value} value={value} selected={value === status}>
              {STATUS_LABELS[value]}
            </option>
          ))}
        </select>
        <button type="submit">Show</button>
      </form>
      {stories.length === 0 ? (
        <p class="empty-note">No stories here yet.</p>
      ) : (
        <DataTable
          class="newsroom-table"
          wrap
          caption={<>{status ? `${STATUS_LABELS[status]} stories` : 'All stories'}, most recently changed first</>}
          columns={['Headline', 'Status', 'Section', 'Updated']}
        >
          {stories.map((story) => (
            <tr key={story.id}>
              <td>
                <a href={newsroomPaths.story(story.id)}>{story.headline}</a>
              </td>
              <td>
                <StoryStatus status={story.status} embargoUntil={story.embargoUntil} now={now} publication={site.publication} />
              </td>
              <td>{story.sectionName}</td>
              <td>
                <time dateTime={story.changedAt.toISOString()}>{formatDateTime(story.changedAt, site.publication)}</time>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </NewsroomLayout>
  );
}
