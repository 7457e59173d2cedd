import type { DeskStory } from '../../../modules/newsroom/index.js';
import { paths } from '../../shared/paths.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { StoryStatus } from '../components/story-status.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';

/** The newsroom's front page: a greeting and the latest stories in every status. */
export function NewsroomHomePage({
  site,
  viewer,
  stories,
  now,
}: {
  site: SiteContext;
  viewer: NewsroomViewer;
  stories: readonly DeskStory[];
  now: Date;
}) {
  const { t, dateTime } = newsroomTranslator(site, viewer);
  return (
    <NewsroomLayout site={site} title={t('nr.layout.newsroom')} viewer={viewer} current={newsroomPaths.home()}>
      <h1>{t('nr.home.welcome', { name: viewer.displayName })}</h1>
      <section aria-labelledby="latest-stories-title">
        <h2 id="latest-stories-title">{t('nr.home.latestStories')}</h2>
        {stories.length === 0 ? (
          <p class="empty-note">{t('nr.home.noStories')}</p>
        ) : (
          <DataTable
            class="newsroom-table"
            wrap
            caption={t('nr.home.caption')}
            captionHidden
            columns={[t('nr.home.headline'), t('nr.home.status'), t('nr.home.lastChange')]}
          >
            {stories.map((story) => (
              <tr key={story.id}>
                <td>{readersSee(story, now) ? <a href={paths.article(story.slug)}>{story.headline}</a> : story.headline}</td>
                <td>
                  <StoryStatus status={story.status} embargoUntil={story.embargoUntil} now={now} publication={site.publication} />
                </td>
                <td>
                  <time dateTime={story.changedAt.toISOString()}>{dateTime(story.changedAt, site.publication.timeZone)}</time>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </NewsroomLayout>
  );
}

/** Only a story readers can open is linked to its public page; an embargoed one would answer 404. */
function readersSee(story: DeskStory, now: Date): boolean {
  return story.status === 'published' && (story.embargoUntil === null || story.embargoUntil <= now);
}
