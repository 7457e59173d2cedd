import {
  AUDIENCE_PERIODS,
  DAYS_CHARTED,
  HOURS_CHARTED,
  type AudiencePeriod,
  type AudienceReport,
  type GroupViews,
  type NamedRef,
} from '../../../modules/audience/index.js';
import type { MessageKey } from '../../../shared/i18n/index.js';
import { paths } from '../../shared/paths.js';
import type { SiteContext } from '../../shared/site-context.js';
import { BarChart, type Bar } from '../components/bar-chart.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';
import { useTranslator } from '../../shared/translator-context.js';

/** The audience module's period codes, as the page names them: a link, a phrase in a sentence, a heading. */
const PERIOD_LABELS: Record<AudiencePeriod, MessageKey> = {
  today: 'nr.audience.period.today',
  '7d': 'nr.audience.period.7d',
  '30d': 'nr.audience.period.30d',
};
const PERIOD_PHRASES: Record<AudiencePeriod, MessageKey> = {
  today: 'nr.audience.phrase.today',
  '7d': 'nr.audience.phrase.7d',
  '30d': 'nr.audience.phrase.30d',
};
const TOP_STORIES_HEADINGS: Record<AudiencePeriod, MessageKey> = {
  today: 'nr.audience.topStories.today',
  '7d': 'nr.audience.topStories.7d',
  '30d': 'nr.audience.topStories.30d',
};
/** Axis labels: every sixth local hour (00, 06, 12, 18), every seventh day counting back from today. */
const HOUR_TICK_EVERY = 6;
const DAY_TICK_EVERY = 7;

/**
 * Wall-clock labels in the reader of the page's language (the translator's locale: the staff
 * member's, else the publication's) and the publication's zone (axes use the 24-hour clock: they are narrow).
 */
function labellers(language: string, timeZone: string) {
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
  const { t, rich, number: count, locale } = newsroomTranslator(site, viewer);
  const label = labellers(locale, site.publication.timeZone);
  const filter = { section: report.section?.slug, author: report.author?.slug };
  const scope = [report.section?.name, report.author?.name].filter(Boolean).join(', ');
  const scoped = (title: string) => (scope ? t('nr.audience.scoped', { title, scope }) : title);
  const phrase = t(PERIOD_PHRASES[report.period]);
  const strong = (text: string) => <strong>{text}</strong>;
  const hourBars: Bar[] = report.hours.map((hour) => ({ label: label.hourBar(hour.start), value: hour.views, tick: label.hourTick(hour.start) }));
  const dayBars: Bar[] = report.days.map((day, index) => ({
    label: label.day(day.start),
    value: day.views,
    tick: (report.days.length - 1 - index) % DAY_TICK_EVERY === 0 ? label.dayShort(day.start) : undefined,
  }));

  return (
    <NewsroomLayout site={site} title={t('nr.nav.audience')} viewer={viewer} current={newsroomPaths.audience()}>
      <h1>{t('nr.nav.audience')}</h1>
      <p class="audience-lead">{rich('nr.audience.lead', { strong }, { timeZone: report.timeZone })}</p>

      <nav class="audience-periods" aria-label={t('nr.audience.periodLabel')}>
        <ul>
          {AUDIENCE_PERIODS.map((period) => (
            <li key={period}>
              <a href={newsroomPaths.audience({ period, ...filter })} aria-current={period === report.period ? 'true' : undefined}>
                {t(PERIOD_LABELS[period])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={newsroomPaths.audience()} class="audience-filter">
        <input type="hidden" name="period" value={report.period} />
        <FilterSelect
          id="audience-section"
          name="section"
          label={t('nr.audience.section')}
          all={t('nr.audience.allSections')}
          choices={report.sections}
          selected={report.section}
        />
        <FilterSelect
          id="audience-author"
          name="author"
          label={t('nr.audience.author')}
          all={t('nr.audience.allAuthors')}
          choices={report.authors}
          selected={report.author}
        />
        <button type="submit">{t('nr.audience.show')}</button>
        {scope && <a href={newsroomPaths.audience({ period: report.period })}>{t('nr.audience.showAll')}</a>}
      </form>

      <p class="audience-total">
        {scope
          ? rich('nr.audience.totalFor', { strong, scope: () => <>{scope}</> }, { views: count(report.periodViews), period: phrase })
          : rich('nr.audience.total', { strong }, { views: count(report.periodViews), period: phrase })}
      </p>

      <h2>{t('nr.audience.perHourHeading')}</h2>
      <BarChart
        title={scoped(t('nr.audience.perHourTitle', { hours: HOURS_CHARTED }))}
        bars={hourBars}
        formatValue={count}
        labelHeading={t('nr.audience.hourStarting')}
        valueHeading={t('nr.audience.views')}
      />

      <h2>{t('nr.audience.perDayHeading')}</h2>
      <BarChart
        title={scoped(t('nr.audience.perDayTitle', { days: DAYS_CHARTED }))}
        bars={dayBars}
        formatValue={count}
        labelHeading={t('nr.audience.day')}
        valueHeading={t('nr.audience.views')}
      />

      <h2>{t(TOP_STORIES_HEADINGS[report.period])}</h2>
      {report.topStories.length === 0 ? (
        <p class="empty-note">{t('nr.audience.noViews')}</p>
      ) : (
        <div class="newsroom-table-wrap">
          <table class="newsroom-table audience-table">
            <caption>{scoped(t('nr.audience.topCaption', { period: phrase }))}</caption>
            <thead>
              <tr>
                <th scope="col" class="numeric">
                  {t('nr.audience.rank')}
                </th>
                <th scope="col">{t('nr.audience.story')}</th>
                <th scope="col">{t('nr.audience.section')}</th>
                <th scope="col">{t('nr.audience.authors')}</th>
                <th scope="col" class="numeric">
                  {t('nr.audience.views')}
                </th>
                <th scope="col" class="numeric">
                  {t('nr.audience.allTime')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.topStories.map((story) => (
                <tr key={story.articleId}>
                  <td class="numeric">{count(story.rank)}</td>
                  <th scope="row">
                    <a href={newsroomPaths.story(story.articleId)}>{story.headline}</a>
                    {story.status === 'published' && (
                      <>
                        {' '}
                        <a class="audience-site-link" href={paths.article(story.slug)}>
                          {t('nr.audience.onSite')}
                          <span class="visually-hidden">: {story.headline}</span>
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

      <h2>{t('nr.audience.bySectionHeading')}</h2>
      <GroupTable
        caption={scoped(t('nr.audience.bySectionCaption', { period: phrase }))}
        heading={t('nr.audience.section')}
        rows={report.bySection}
        link={(row) => newsroomPaths.audience({ period: report.period, section: row.slug, author: filter.author })}
        count={count}
      />

      <h2>{t('nr.audience.byAuthorHeading')}</h2>
      <p class="field-hint">{t('nr.audience.byAuthorHint')}</p>
      <GroupTable
        caption={scoped(t('nr.audience.byAuthorCaption', { period: phrase }))}
        heading={t('nr.audience.author')}
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
  const { t } = useTranslator();
  if (rows.length === 0) return <p class="empty-note">{t('nr.audience.noViews')}</p>;
  return (
    <div class="newsroom-table-wrap">
      <table class="newsroom-table audience-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col" class="numeric">
              {t('nr.audience.views')}
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
