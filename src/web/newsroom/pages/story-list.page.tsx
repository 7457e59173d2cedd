import { ARTICLE_STATUSES, DESK_SORTS, type DeskSort, type DeskStory } from '../../../modules/articles/index.js';
import type { Author } from '../../../modules/authors/index.js';
import type { Edition } from '../../../modules/editions/index.js';
import type { Section } from '../../../modules/sections/index.js';
import { roleHas } from '../../../modules/users/index.js';
import type { Pagination } from '../../../shared/pagination.js';
import { ErrorSummary, FieldWrap, type FieldError } from '../../shared/form-fields.js';
import { formatDateTime } from '../../shared/format.js';
import { PageLinks } from '../../shared/page-links.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { StoryStatus } from '../components/story-status.js';
import { OUTDATED_TEXT } from '../components/story-translation.js';
import { STATUS_LABELS } from '../components/story-workflow-panel.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { sectionValue, STORY_FILTERS_ID, storyListHref, type StoryListValues } from '../story-list-query.js';
import { editionLabel } from '../components/edition-label.js';

const SORT_LABELS: Record<DeskSort, string> = { updated: 'Last updated', published: 'Published', headline: 'Headline' };

export interface StoryListResult {
  stories: readonly DeskStory[];
  pagination: Pagination;
  /** More stories match than are counted (the page links stop there). */
  countCapped: boolean;
  /** Whether a search narrowed the list (only its newest matches are listed). */
  searched: boolean;
  /** The page's published translations whose source changed since (docs/editions.md). */
  outdated: ReadonlySet<string>;
}

/**
 * Every story whatever its status: search, filters and sorting in one GET form whose values stay
 * in the address (a list can be bookmarked or sent), 50 to a page. On bad input the form comes
 * back with each problem beside its field and no list.
 */
export function StoryListPage(props: {
  site: SiteContext;
  viewer: NewsroomViewer;
  values: StoryListValues;
  /** With more than one: an edition filter, an edition column, and a new story link per edition. */
  editions: readonly Edition[];
  sections: readonly Section[];
  authors: readonly Author[];
  errors: readonly FieldError[];
  result?: StoryListResult;
  /** Whether an embargo still holds is a matter of the time. */
  now: Date;
}) {
  const { site, viewer, errors, result, editions } = props;
  return (
    <NewsroomLayout site={site} title={errors.length > 0 ? 'Error: Stories' : 'Stories'} viewer={viewer} current={newsroomPaths.stories()}>
      <h1>Stories</h1>
      {roleHas(viewer.role, 'story.create') && (
        <p>
          <a href={newsroomPaths.newStory()}>Write a new story</a>
          {editions.length > 1 &&
            editions.map((edition) => (
              <span key={edition.id}>
                {' · '}
                <a href={`${newsroomPaths.newStory()}?edition=${encodeURIComponent(edition.id)}`}>in {editionLabel(edition)}</a>
              </span>
            ))}
        </p>
      )}
      <ErrorSummary errors={errors} />
      <StoryFilters {...props} />
      {result && <StoryResults {...props} result={result} />}
    </NewsroomLayout>
  );
}

function StoryFilters({
  values,
  editions,
  sections,
  authors,
  errors,
}: {
  values: StoryListValues;
  editions: readonly Edition[];
  sections: readonly Section[];
  authors: readonly Author[];
  errors: readonly FieldError[];
}) {
  const select = (id: keyof StoryListValues, label: string, options: ReadonlyArray<[string, string]>, hint?: string) => (
    <FieldWrap id={id} label={label} hint={hint} errors={errors}>
      {(describedBy, invalid) => (
        <select id={id} name={id} aria-invalid={invalid ? 'true' : undefined} aria-describedby={describedBy}>
          {options.map(([value, text]) => (
            <option key={value} value={value} selected={value === values[id]}>
              {text}
            </option>
          ))}
        </select>
      )}
    </FieldWrap>
  );
  const date = (id: 'from' | 'to', label: string) => (
    <FieldWrap id={id} label={label} errors={errors}>
      {(describedBy, invalid) => (
        <input id={id} name={id} type="date" value={values[id]} aria-invalid={invalid ? 'true' : undefined} aria-describedby={describedBy} />
      )}
    </FieldWrap>
  );
  return (
    <form method="get" action={newsroomPaths.stories()} class="story-filter" id={STORY_FILTERS_ID} role="search" aria-label="Find stories">
      <FieldWrap id="q" label="Search headlines and text" errors={errors}>
        {(describedBy, invalid) => (
          <input
            id="q"
            name="q"
            type="search"
            value={values.q}
            maxLength={200}
            aria-invalid={invalid ? 'true' : undefined}
            aria-describedby={describedBy}
          />
        )}
      </FieldWrap>
      {select('status', 'Status', [['', 'Any status'], ...ARTICLE_STATUSES.map((s): [string, string] => [s, STATUS_LABELS[s]])])}
      {editions.length > 1 &&
        select('edition', 'Edition', [['', 'Any edition'], ...editions.map((e): [string, string] => [e.code, editionLabel(e)])])}
      {select('section', 'Section', [
        ['', 'Any section'],
        ...sections.map((s): [string, string] => [
          sectionValue(s, editions),
          editions.length > 1 ? `${s.name} (${editionCode(s, editions)})` : s.name,
        ]),
      ])}
      {select('author', 'Author', [['', 'Any author'], ...authors.map((a): [string, string] => [a.slug, a.name])])}
      {date('from', 'From (day)')}
      {date('to', 'To (day, included)')}
      {select(
        'sort',
        'Sort by',
        DESK_SORTS.map((s): [string, string] => [s, SORT_LABELS[s]]),
        'The dates filter the publication date when sorted by it, otherwise the last update.',
      )}
      {select('order', 'Order', [
        ['', 'Default (newest first, A to Z)'],
        ['desc', 'Descending (newest first, Z to A)'],
        ['asc', 'Ascending (oldest first, A to Z)'],
      ])}
      <div class="story-filter-actions">
        <button type="submit">Show stories</button> <a href={newsroomPaths.stories()}>Clear</a>
      </div>
    </form>
  );
}

function StoryResults({
  site,
  values,
  result,
  now,
  editions,
}: {
  site: SiteContext;
  values: StoryListValues;
  result: StoryListResult;
  now: Date;
  editions: readonly Edition[];
}) {
  const { pagination } = result;
  const several = editions.length > 1;
  const sort = (values.sort || 'updated') as DeskSort;
  const time = (date: Date | null) => (date ? <time dateTime={date.toISOString()}>{formatDateTime(date, site.publication)}</time> : '—');
  return (
    <>
      <p class="story-list-count" role="status">
        {result.countCapped ? `More than ${pagination.totalItems.toLocaleString('en')}` : pagination.totalItems.toLocaleString('en')}{' '}
        {pagination.totalItems === 1 && !result.countCapped ? 'story' : 'stories'}
        {result.searched ? ' among the newest matches of the search' : ''}.
        {result.countCapped && ' Narrow the list with a search, a filter or dates to reach older ones.'}
      </p>
      {result.stories.length === 0 ? (
        <p class="empty-note">No stories match.</p>
      ) : (
        <DataTable
          class="newsroom-table"
          wrap
          caption={
            <>
              Stories, sorted by {SORT_LABELS[sort].toLowerCase()}, page {pagination.page} of {pagination.totalPages}
            </>
          }
          columns={['Headline', 'Status', ...(several ? ['Edition'] : []), 'Section', 'Authors', 'Updated', 'Published']}
        >
          {result.stories.map((story) => (
            <tr key={story.id}>
              <td>
                <a href={newsroomPaths.story(story.id)}>{story.headline}</a>
              </td>
              <td>
                <StoryStatus status={story.status} embargoUntil={story.embargoUntil} now={now} publication={site.publication} />
                {result.outdated.has(story.id) && (
                  <>
                    {' '}
                    <span class="story-outdated" title={OUTDATED_TEXT}>
                      Outdated translation
                    </span>
                  </>
                )}
              </td>
              {several && <td>{editions.find((edition) => edition.id === story.editionId)?.code ?? '—'}</td>}
              <td>{story.sectionName}</td>
              <td>{story.authorNames.length > 0 ? story.authorNames.join(', ') : '—'}</td>
              <td>{time(story.updatedAt)}</td>
              <td>{time(story.publishedAt)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <PageLinks
        label="Pages of stories"
        pagination={pagination}
        href={(page) => storyListHref(newsroomPaths.stories(), values, page)}
        previous="Previous page"
        next="Next page"
      />
    </>
  );
}

/** The language code of a section's edition, to tell apart sections of the same name. */
function editionCode(section: Section, editions: readonly Edition[]): string {
  return editions.find((edition) => edition.id === section.editionId)?.code ?? '';
}
