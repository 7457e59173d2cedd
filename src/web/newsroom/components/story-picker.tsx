import type { SearchResult } from '../../../modules/search/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { PageLinks } from '../../shared/page-links.js';
import { paths } from '../../shared/paths.js';
import type { SiteContext } from '../../shared/site-context.js';
import { useTranslator } from '../../shared/translator-context.js';
import { newsroomPaths } from '../newsroom-paths.js';
import type { NewsroomViewer } from './newsroom-layout.js';

/** The query parameter of the picker's search box (`?find=`), kept apart from the page's `saved`. */
export const PICKER_QUERY = 'find';

/** Where the picker's results begin: each results page links here. */
const RESULTS_ID = 'story-finder';

/** The picker's address for a search and a page of its results. */
export function pickerHref(text: string, page: number): string {
  const params = new URLSearchParams({ [PICKER_QUERY]: text });
  if (page > 1) params.set('page', String(page));
  return `${newsroomPaths.curation()}?${params.toString()}#${RESULTS_ID}`;
}

/**
 * Finds any published story readers can see, however old, by its words (the site's search, best
 * first among the newest matches), each with a button to make it a Must-Read or the lead story.
 * A GET form and POST buttons: it works without script.
 */
export function StoryPicker({ site, viewer, text, result }: { site: SiteContext; viewer: NewsroomViewer; text: string; result?: SearchResult }) {
  const { t } = useTranslator();
  return (
    <section aria-labelledby="finder-heading" id={RESULTS_ID}>
      <h2 id="finder-heading">{t('nr.curation.finderHeading')}</h2>
      <form
        method="get"
        action={`${newsroomPaths.curation()}#${RESULTS_ID}`}
        role="search"
        aria-label={t('nr.curation.finderLabel')}
        class="story-filter"
      >
        <div class="field">
          <label for="find">{t('nr.curation.finderWords')}</label>
          <p id="find-hint" class="field-hint">
            {t('nr.curation.finderHint')}
          </p>
          <input id="find" name={PICKER_QUERY} type="search" value={text} maxLength={200} aria-describedby="find-hint" />
        </div>
        <div class="story-filter-actions">
          <button type="submit">{t('nr.curation.finderSubmit')}</button>
        </div>
      </form>
      {result && <PickerResults site={site} viewer={viewer} text={text} result={result} />}
    </section>
  );
}

function PickerResults({ site, viewer, text, result }: { site: SiteContext; viewer: NewsroomViewer; text: string; result: SearchResult }) {
  const { t, dateTime } = useTranslator();
  if (result.hits.length === 0) {
    return (
      <p class="empty-note" role="status">
        {t('nr.curation.finderNone', { text })}
      </p>
    );
  }
  return (
    <>
      <p role="status">{t(result.newestOnly ? 'nr.curation.finderNewest' : 'nr.curation.finderBest', { count: result.pagination.totalItems })}</p>
      <ol class="story-picker-results">
        {result.hits.map(({ story }) => (
          <li key={story.id}>
            <a href={paths.article(story.slug)}>{story.headline}</a>{' '}
            <span class="field-hint">
              {story.section.name}, <time dateTime={story.publishedAt.toISOString()}>{dateTime(story.publishedAt, site.publication.timeZone)}</time>
            </span>
            <div>
              <PickButton
                viewer={viewer}
                action={newsroomPaths.curationPicks()}
                field="pick-story"
                id={story.id}
                label={t('nr.curation.addPick')}
                what={story.headline}
              />
              <PickButton
                viewer={viewer}
                action={newsroomPaths.curationLead()}
                field="lead-story"
                id={story.id}
                label={t('nr.curation.makeLead')}
                what={story.headline}
              />
            </div>
          </li>
        ))}
      </ol>
      <PageLinks
        label={t('nr.curation.finderPages')}
        pagination={result.pagination}
        href={(page) => pickerHref(text, page)}
        previous={t('nr.curation.finderPrevious')}
        next={t('nr.curation.finderNext')}
      />
    </>
  );
}

function PickButton(props: { viewer: NewsroomViewer; action: string; field: string; id: string; label: string; what: string }) {
  return (
    <form method="post" action={props.action} class="curation-inline">
      <input type="hidden" name={CSRF_FIELD} value={props.viewer.csrfToken} />
      <input type="hidden" name={props.field} value={props.id} />
      {props.field === 'pick-story' && <input type="hidden" name="pick-expires" value="" />}
      <button type="submit">
        {props.label}
        <span class="visually-hidden">: {props.what}</span>
      </button>
    </form>
  );
}
