import type { JobStatus } from '../../../shared/jobs/job.types.js';
import type { Translator } from '../../../shared/i18n/index.js';
import type { SiteContext } from '../../shared/site-context.js';
import type { LiveHubStats } from '../../site/live-hub.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;

type Words = Pick<Translator, 't'>;

/** "every 15 seconds", "every minute", "every hour". */
function everyText(ms: number, { t }: Words): string {
  if (ms % HOUR_MS === 0) return ms === HOUR_MS ? t('nr.system.everyHour') : t('nr.system.everyHours', { count: countText(ms / HOUR_MS) });
  if (ms % MINUTE_MS === 0) return ms === MINUTE_MS ? t('nr.system.everyMinute') : t('nr.system.everyMinutes', { count: countText(ms / MINUTE_MS) });
  return ms === SECOND_MS ? t('nr.system.everySecond') : t('nr.system.everySeconds', { count: countText(ms / SECOND_MS) });
}

/** The count as digits, unformatted (as the page always showed it), to one decimal place. */
function countText(count: number): string {
  return String(Number(count.toFixed(1)));
}

/** When a job runs, in words: "At start, then every 15 seconds", "Every second, and once more at stop". */
export function scheduleText(job: Pick<JobStatus, 'everyMs' | 'atStart' | 'atStop'>, words: Words): string {
  const { t } = words;
  const parts = [
    ...(job.atStart ? [t('nr.system.atStart')] : []),
    ...(job.everyMs !== null ? [job.atStart ? t('nr.system.then', { every: everyText(job.everyMs, words) }) : everyText(job.everyMs, words)] : []),
    ...(job.atStop ? [job.everyMs !== null ? t('nr.system.onceMoreAtStop') : t('nr.system.atStop')] : []),
  ];
  const text = parts.length > 0 ? parts.join(t('nr.system.scheduleSeparator')) : t('nr.system.whenQueued');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function durationText(ms: number): string {
  return ms < SECOND_MS ? `${ms} ms` : `${(ms / SECOND_MS).toFixed(1)} s`;
}

function leaderText(job: JobStatus, { t }: Words): string {
  if (!job.leaderOnly) return t('nr.system.leaderNo');
  if (job.leader === null) return t('nr.system.leaderYes');
  return job.leader ? t('nr.system.leaderThisNode') : t('nr.system.leaderAnotherNode');
}

/**
 * To the second: jobs run every few seconds, so minutes are too coarse. English is Intl's format for
 * the locale, as the page always showed it; Korean is composed from the parts ("12월 4일 오후 9:05:07"),
 * for the reason date-format.ts gives (ICU's Korean day period changes between releases).
 */
function timeFormatter(locale: string, timeZone: string): (date: Date) => string {
  const options = { timeZone, month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit' } as const;
  if (!/^ko(?:-|$)/i.test(locale)) {
    const format = new Intl.DateTimeFormat(locale, { ...options, timeZoneName: 'short' });
    return (date) => format.format(date);
  }
  const wall = new Intl.DateTimeFormat('en-US', { ...options, month: 'numeric', hourCycle: 'h23' });
  return (date) => {
    const p = Object.fromEntries(wall.formatToParts(date).map((part) => [part.type, part.value]));
    const hour = Number(p['hour']);
    return `${p['month']}월 ${p['day']}일 ${hour < 12 ? '오전' : '오후'} ${hour % 12 === 0 ? 12 : hour % 12}:${p['minute']}:${p['second']}`;
  };
}

/** The jobs of the node that answered, with when they ran, how long, and what went wrong; its live streams. Read-only. */
export function SystemPage({
  site,
  viewer,
  jobs,
  live,
}: {
  site: SiteContext;
  viewer: NewsroomViewer;
  jobs: readonly JobStatus[];
  live: LiveHubStats;
}) {
  const translator = newsroomTranslator(site, viewer);
  const { t, number } = translator;
  const format = timeFormatter(translator.locale, site.publication.timeZone);
  const Time = ({ date }: { date: Date }) => <time dateTime={date.toISOString()}>{format(date)}</time>;
  return (
    <NewsroomLayout site={site} title={t('nr.nav.system')} viewer={viewer} current={newsroomPaths.system()}>
      <h1>{t('nr.nav.system')}</h1>
      <p>{t('nr.system.intro')}</p>
      {jobs.length === 0 ? (
        <p class="empty-note">{t('nr.system.noJobs')}</p>
      ) : (
        // Focusable, so keyboard users can scroll this wide table, which has no links of its own (WCAG 2.1.1).
        <div class="newsroom-table-wrap" tabIndex={0} role="region" aria-label={t('nr.system.jobsLabel')}>
          <table class="newsroom-table">
            <caption>{t('nr.system.caption', { count: String(jobs.length) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('nr.system.job')}</th>
                <th scope="col">{t('nr.system.schedule')}</th>
                <th scope="col">{t('nr.system.leaderOnly')}</th>
                <th scope="col">{t('nr.system.lastRun')}</th>
                <th scope="col" class="numeric">
                  {t('nr.system.duration')}
                </th>
                <th scope="col">{t('nr.system.lastError')}</th>
                <th scope="col" class="numeric">
                  {t('nr.system.failures')}
                </th>
                <th scope="col" class="numeric">
                  {t('nr.system.runs')}
                </th>
                <th scope="col">{t('nr.system.nextRun')}</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.name}>
                  <th scope="row">
                    <code>{job.name}</code>
                  </th>
                  <td>{scheduleText(job, translator)}</td>
                  <td>{leaderText(job, translator)}</td>
                  <td>
                    {job.lastStartedAt ? <Time date={job.lastStartedAt} /> : t('nr.system.notYet')}
                    {job.running && t('nr.system.runningNow')}
                  </td>
                  <td class="numeric">
                    {job.running ? t('nr.system.running') : job.lastDurationMs === null ? t('nr.system.notYet') : durationText(job.lastDurationMs)}
                  </td>
                  <td>
                    {job.lastError ? (
                      <>
                        {job.lastError.message} (<Time date={job.lastError.at} />)
                      </>
                    ) : (
                      t('nr.system.none')
                    )}
                  </td>
                  <td class="numeric">{number(job.failures)}</td>
                  <td class="numeric">{number(job.runs)}</td>
                  <td>
                    {job.nextRunAt ? <Time date={job.nextRunAt} /> : job.everyMs === null ? t('nr.system.whenAsked') : t('nr.system.notStarted')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="system-live-heading">
        <h2 id="system-live-heading">{t('nr.system.liveHeading')}</h2>
        <dl class="system-live">
          <dt>{t('nr.system.liveConnections')}</dt>
          <dd>{number(live.connections)}</dd>
          <dt>{t('nr.system.liveStories')}</dt>
          <dd>{number(live.stories)}</dd>
          <dt>{t('nr.system.liveDroppedSlow')}</dt>
          <dd>{number(live.droppedSlow)}</dd>
          <dt>{t('nr.system.liveRefused')}</dt>
          <dd>{number(live.refused)}</dd>
        </dl>
      </section>
    </NewsroomLayout>
  );
}
