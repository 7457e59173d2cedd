import { ARTICLE_STATUSES, DESK_SORTS, type DeskSort, type DeskStory } from '../../../modules/articles/index.js';
import type { Author } from '../../../modules/authors/index.js';
import type { Edition } from '../../../modules/editions/index.js';
import { LIVE_TYPE_LABEL } from '../../../modules/live/index.js';
import type { Section } from '../../../modules/sections/index.js';
import { roleHas } from '../../../modules/users/index.js';
import type { Pagination } from '../../../shared/pagination.js';
import { ErrorSummary, FieldWrap, type FieldError } from '../../shared/form-fields.js';
import { PageLinks } from '../../shared/page-links.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { StoryStatus, statusText } from '../components/story-status.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { sectionValue, STORY_FILTERS_ID, storyListHref, type StoryListValues } from '../story-list-query.js';
import { editionLabel } from '../components/edition-label.js';
import { newsroomTranslator } from '../newsroom-translator.js';
import { useTranslator } from '../../shared/translator-context.js';

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
  const { t } = newsroomTranslator(site, viewer);
  const title = t('nr.nav.stories');
  return (
    <NewsroomLayout
      site={site}
      title={errors.length > 0 ? t('nr.layout.errorTitle', { title }) : title}
      viewer={viewer}
      current={newsroomPaths.stories()}
    >
      <h1>{title}</h1>
      {roleHas(viewer.role, 'story.create') && (
        <p>
          <a href={newsroomPaths.newStory()}>{t('nr.storyList.new')}</a>
          {editions.length > 1 &&
            editions.map((edition) => (
              <span key={edition.id}>
                {' · '}
                <a href={`${newsroomPaths.newStory()}?edition=${encodeURIComponent(edition.id)}`}>
                  {t('nr.storyList.newIn', { edition: editionLabel(edition) })}
                </a>
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
  const translator = useTranslator();
  const { t } = translator;
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
    <form method="get" action={newsroomPaths.stories()} class="story-filter" id={STORY_FILTERS_ID} role="search" aria-label={t('nr.storyList.find')}>
      <FieldWrap id="q" label={t('nr.storyList.search')} errors={errors}>
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
      {select('status', t('nr.storyList.status'), [
        ['', t('nr.storyList.anyStatus')],
        ...ARTICLE_STATUSES.map((s): [string, string] => [s, statusText(translator, s)]),
      ])}
      {editions.length > 1 &&
        select('edition', t('nr.storyList.edition'), [
          ['', t('nr.storyList.anyEdition')],
          ...editions.map((e): [string, string] => [e.code, editionLabel(e)]),
        ])}
      {select('section', t('nr.storyList.section'), [
        ['', t('nr.storyList.anySection')],
        ...sections.map((s): [string, string] => [
          sectionValue(s, editions),
          editions.length > 1 ? `${s.name} (${editionCode(s, editions)})` : s.name,
        ]),
      ])}
      {select('author', t('nr.storyList.author'), [['', t('nr.storyList.anyAuthor')], ...authors.map((a): [string, string] => [a.slug, a.name])])}
      {date('from', t('nr.storyList.from'))}
      {date('to', t('nr.storyList.to'))}
      {select(
        'sort',
        t('nr.storyList.sortBy'),
        DESK_SORTS.map((s): [string, string] => [s, t(`nr.storyList.sort.${s}`)]),
        t('nr.storyList.sortHint'),
      )}
      {select('order', t('nr.storyList.order'), [
        ['', t('nr.storyList.order.default')],
        ['desc', t('nr.storyList.order.desc')],
        ['asc', t('nr.storyList.order.asc')],
      ])}
      <div class="story-filter-actions">
        <button type="submit">{t('nr.storyList.show')}</button> <a href={newsroomPaths.stories()}>{t('nr.storyList.clear')}</a>
      </div>
    </form>
  );
}

function StoryResults({
  site,
  viewer,
  values,
  result,
  now,
  editions,
}: {
  site: SiteContext;
  viewer: NewsroomViewer;
  values: StoryListValues;
  result: StoryListResult;
  now: Date;
  editions: readonly Edition[];
}) {
  const { t, dateTime } = useTranslator();
  const { pagination } = result;
  const several = editions.length > 1;
  const sort = (values.sort || 'updated') as DeskSort;
  const time = (date: Date | null) => (date ? <time dateTime={date.toISOString()}>{dateTime(date, site.publication.timeZone)}</time> : '—');
  const count = pagination.totalItems;
  return (
    <>
      <p class="story-list-count" role="status">
        {result.countCapped
          ? t(result.searched ? 'nr.storyList.countCappedSearched' : 'nr.storyList.countCapped', { count })
          : t(result.searched ? 'nr.storyList.countSearched' : 'nr.storyList.count', { count })}
        {result.countCapped && <> {t('nr.storyList.narrow')}</>}
      </p>
      {result.stories.length === 0 ? (
        <p class="empty-note">{t('nr.storyList.empty')}</p>
      ) : (
        <DataTable
          class="newsroom-table"
          wrap
          caption={t('nr.storyList.caption', { sort: t(`nr.storyList.sortedBy.${sort}`), page: pagination.page, pages: pagination.totalPages })}
          columns={[
            t('nr.storyList.col.headline'),
            t('nr.storyList.col.status'),
            ...(several ? [t('nr.storyList.col.edition')] : []),
            t('nr.storyList.col.section'),
            t('nr.storyList.col.authors'),
            t('nr.storyList.col.updated'),
            t('nr.storyList.col.published'),
          ]}
        >
          {result.stories.map((story) => (
            <tr key={story.id}>
              <td>
                <a href={newsroomPaths.story(story.id)}>{story.headline}</a>
                {story.typeLabel === LIVE_TYPE_LABEL && roleHas(viewer.role, 'live.post') && (
                  <>
                    {' · '}
                    <a href={newsroomPaths.liveDesk(story.id)} aria-label={t('nr.live.deskLinkOf', { headline: story.headline })}>
                      {t('nr.live.deskLink')}
                    </a>
                  </>
                )}
              </td>
              <td>
                <StoryStatus status={story.status} embargoUntil={story.embargoUntil} now={now} publication={site.publication} />
                {result.outdated.has(story.id) && (
                  <>
                    {' '}
                    <span class="story-outdated" title={t('nr.story.outdated')}>
                      {t('nr.storyList.outdated')}
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
        label={t('nr.storyList.pages')}
        pagination={pagination}
        href={(page) => storyListHref(newsroomPaths.stories(), values, page)}
        previous={t('nr.storyList.previous')}
        next={t('nr.storyList.next')}
      />
    </>
  );
}

/** The language code of a section's edition, to tell apart sections of the same name. */
function editionCode(section: Section, editions: readonly Edition[]): string {
  return editions.find((edition) => edition.id === section.editionId)?.code ?? '';
}
