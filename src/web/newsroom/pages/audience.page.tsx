import {
  AUDIENCE_PERIODS,
  DAYS_CHARTED,
  HOURS_CHARTED,
  type AudiencePeriod,
  type AudienceReport,
  type GroupViews,
  type NamedRef,
} from '../../../modules/audience/index.js';
import type { PublicationSettings } from '../../../modules/settings/index.js';
import { formatCount } from '../../shared/format.js';
import { paths } from '../../shared/paths.js';
import type { SiteContext } from '../../shared/site-context.js';
import { BarChart, type Bar } from '../components/bar-chart.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

const PERIOD_LABELS: Record<AudiencePeriod, string> = { today: 'Today', '7d': '7 days', '30d': '30 days' };
const PERIOD_PHRASES: Record<AudiencePeriod, string> = { today: 'today so far', '7d': 'in the last 7 days', '30d': 'in the last 30 days' };
/** Axis labels: every sixth local hour (00, 06, 12, 18), every seventh day counting back from today. */
const HOUR_TICK_EVERY = 6;
const DAY_TICK_EVERY = 7;

/** Wall-clock labels in the publication's language and zone (axes use the 24-hour clock: they are narrow). */
function labellers(publication: PublicationSettings) {
  const { language, timeZone } = publication;
  const hour = new Intl.DateTimeFormat(language, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  // Read as a number, so in Latin digits whatever the publication's language.
  const hourOfDay = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
  const dayShort = new Intl.DateTimeFormat(language, { timeZone, month: 'short', day: 'numeric' });
  const dayLong = new Intl.DateTimeFormat(language, { timeZone, weekday: 'short', month: 'short', day: 'numeric' });
  return {
    hourBar: (start: Date) => `${dayLong.format(start)}, ${hour.format(start)}`,
    hourTick: (start: Date): string | undefined => {
      const localHour = Number(hourOfDay.format(start));
      if (localHour % HOUR_TICK_EVERY !== 0) return undefined;
      return localHour === 0 ? dayShort.format(start) : hour.format(start);
    },
    day: (start: Date) => dayLong.format(start),
    dayShort: (start: Date) => dayShort.format(start),
  };
}

/** The Audience dashboard: views per hour and per day, top stories, and views per section and author. */
export function AudiencePage({ site, viewer, report }: { site: SiteContext; viewer: NewsroomViewer; report: AudienceReport }) {
  const count = (value: number) => formatCount(value, site.publication);
  const label = labellers(site.publication);
  const filter = { section: report.section?.slug, author: report.author?.slug };
  const scope = [report.section?.name, report.author?.name].filter(Boolean).join(', ');
  const scoped = (title: string) => (scope ? `${title} (${scope})` : title);
  const hourBars: Bar[] = report.hours.map((hour) => ({ label: label.hourBar(hour.start), value: hour.views, tick: label.hourTick(hour.start) }));
  const dayBars: Bar[] = report.days.map((day, index) => ({
    label: label.day(day.start),
    value: day.views,
    tick: (report.days.length - 1 - index) % DAY_TICK_EVERY === 0 ? label.dayShort(day.start) : undefined,
  }));

  return (
    <NewsroomLayout site={site} title="Audience" viewer={viewer} current={newsroomPaths.audience()}>
      <h1>Audience</h1>
      <p class="audience-lead">
        A view is one reader reading one story on one day, counted by the page once it has loaded. Bots, link prefetches and signed-in staff are not
        counted, and no personal data is stored: readers are told apart only by a hash whose salt changes every day. Hours and days are in the
        publication’s time zone, <strong>{report.timeZone}</strong>; the latest hour and today are still counting.
      </p>

      <nav class="audience-periods" aria-label="Period">
        <ul>
          {AUDIENCE_PERIODS.map((period) => (
            <li key={period}>
              <a href={newsroomPaths.audience({ period, ...filter })} aria-current={period === report.period ? 'true' : undefined}>
                {PERIOD_LABELS[period]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={newsroomPaths.audience()} class="audience-filter">
        <input type="hidden" name="period" value={report.period} />
        <FilterSelect id="audience-section" name="section" label="Section" all="All sections" choices={report.sections} selected={report.section} />
        <FilterSelect id="audience-author" name="author" label="Author" all="All authors" choices={report.authors} selected={report.author} />
        <button type="submit">Show</button>
        {scope && <a href={newsroomPaths.audience({ period: report.period })}>Show all sections and authors</a>}
      </form>

      <p class="audience-total">
        <strong>{count(report.periodViews)}</strong> views {PERIOD_PHRASES[report.period]}
        {scope ? ` for ${scope}` : ''}.
      </p>

      <h2>Views per hour</h2>
      <BarChart
        title={scoped(`Views per hour, last ${HOURS_CHARTED} hours`)}
        bars={hourBars}
        formatValue={count}
        labelHeading="Hour starting"
        valueHeading="Views"
      />

      <h2>Views per day</h2>
      <BarChart
        title={scoped(`Views per day, last ${DAYS_CHARTED} days`)}
        bars={dayBars}
        formatValue={count}
        labelHeading="Day"
        valueHeading="Views"
      />

      <h2>Top stories, {PERIOD_LABELS[report.period].toLowerCase()}</h2>
      {report.topStories.length === 0 ? (
        <p class="empty-note">No views in this period yet.</p>
      ) : (
        <div class="newsroom-table-wrap">
          <table class="newsroom-table audience-table">
            <caption>{scoped(`The most viewed stories ${PERIOD_PHRASES[report.period]}, with their views since publication`)}</caption>
            <thead>
              <tr>
                <th scope="col" class="numeric">
                  Rank
                </th>
                <th scope="col">Story</th>
                <th scope="col">Section</th>
                <th scope="col">Authors</th>
                <th scope="col" class="numeric">
                  Views
                </th>
                <th scope="col" class="numeric">
                  All time
                </th>
              </tr>
            </thead>
            <tbody>
              {report.topStories.map((story) => (
                <tr key={story.articleId}>
                  <td class="numeric">{story.rank}</td>
                  <th scope="row">
                    <a href={newsroomPaths.story(story.articleId)}>{story.headline}</a>
                    {story.status === 'published' && (
                      <>
                        {' '}
                        <a class="audience-site-link" href={paths.article(story.slug)}>
                          On the site<span class="visually-hidden">: {story.headline}</span>
                        </a>
                      </>
                    )}
                  </th>
                  <td>{story.section.name}</td>
                  <td>{story.authors.map((author) => author.name).join(', ')}</td>
                  <td class="numeric">{count(story.views)}</td>
                  <td class="numeric">{count(story.totalViews)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>Views by section</h2>
      <GroupTable
        caption={scoped(`Views per section ${PERIOD_PHRASES[report.period]}`)}
        heading="Section"
        rows={report.bySection}
        link={(row) => newsroomPaths.audience({ period: report.period, section: row.slug, author: filter.author })}
        count={count}
      />

      <h2>Views by author</h2>
      <p class="field-hint">A story with several authors counts in full for each of them, so this column adds up to more than the total.</p>
      <GroupTable
        caption={scoped(`Views per author ${PERIOD_PHRASES[report.period]}`)}
        heading="Author"
        rows={report.byAuthor}
        link={(row) => newsroomPaths.audience({ period: report.period, section: filter.section, author: row.slug })}
        count={count}
      />
    </NewsroomLayout>
  );
}

function FilterSelect({
  id,
  name,
  label,
  all,
  choices,
  selected,
}: {
  id: string;
  name: string;
  label: string;
  all: string;
  choices: readonly NamedRef[];
  selected?: NamedRef;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={name}>
        <option value="">{all}</option>
        {choices.map((choice) => (
          <option key={choice.slug} value={choice.slug} selected={choice.slug === selected?.slug}>
            {choice.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Views grouped by section or author; each name narrows the whole page to it. */
function GroupTable({
  caption,
  heading,
  rows,
  link,
  count,
}: {
  caption: string;
  heading: string;
  rows: readonly GroupViews[];
  link: (row: GroupViews) => string;
  count: (value: number) => string;
}) {
  if (rows.length === 0) return <p class="empty-note">No views in this period yet.</p>;
  return (
    <div class="newsroom-table-wrap">
      <table class="newsroom-table audience-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col" class="numeric">
              Views
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <a href={link(row)}>{row.name}</a>
              </th>
              <td class="numeric">{count(row.views)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
