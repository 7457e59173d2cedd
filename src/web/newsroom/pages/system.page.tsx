import type { PublicationSettings } from '../../../modules/settings/index.js';
import type { JobStatus } from '../../../shared/jobs/job.types.js';
import { formatCount } from '../../shared/format.js';
import type { SiteContext } from '../../shared/site-context.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;

/** "every 15 seconds", "every minute", "every hour". */
function everyText(ms: number): string {
  const [unit, size] = ms % HOUR_MS === 0 ? ['hour', HOUR_MS] : ms % MINUTE_MS === 0 ? ['minute', MINUTE_MS] : ['second', SECOND_MS];
  const count = ms / size;
  return count === 1 ? `every ${unit}` : `every ${Number(count.toFixed(1))} ${unit}s`;
}

/** When a job runs, in words: "At start, then every 15 seconds", "Every second, and once more at stop". */
export function scheduleText(job: Pick<JobStatus, 'everyMs' | 'atStart' | 'atStop'>): string {
  const parts = [
    ...(job.atStart ? ['at start'] : []),
    ...(job.everyMs !== null ? [job.atStart ? `then ${everyText(job.everyMs)}` : everyText(job.everyMs)] : []),
    ...(job.atStop ? [job.everyMs !== null ? 'and once more at stop' : 'at stop'] : []),
  ];
  const text = parts.length > 0 ? parts.join(', ') : 'when queued';
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function durationText(ms: number): string {
  return ms < SECOND_MS ? `${ms} ms` : `${(ms / SECOND_MS).toFixed(1)} s`;
}

function leaderText(job: JobStatus): string {
  if (!job.leaderOnly) return 'No, every node';
  if (job.leader === null) return 'Yes';
  return job.leader ? 'Yes, this node' : 'Yes, another node';
}

/** To the second: jobs run every few seconds, so minutes are too coarse. */
function timeFormat(publication: PublicationSettings): Intl.DateTimeFormat {
  const { language, timeZone } = publication;
  return new Intl.DateTimeFormat(language, {
    timeZone,
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
  });
}

/** The jobs of the node that answered, with when they ran, how long, and what went wrong. Read-only. */
export function SystemPage({ site, viewer, jobs }: { site: SiteContext; viewer: NewsroomViewer; jobs: readonly JobStatus[] }) {
  const format = timeFormat(site.publication);
  const Time = ({ date }: { date: Date }) => <time dateTime={date.toISOString()}>{format.format(date)}</time>;
  return (
    <NewsroomLayout site={site} title="System" viewer={viewer} current={newsroomPaths.system()}>
      <h1>System</h1>
      <p>
        The work this server does by itself: on timers, at start and stop, and queued behind uploads. Figures count from this server's last start;
        with several servers, each shows its own, and jobs marked leader-only run on one of them at a time.
      </p>
      {jobs.length === 0 ? (
        <p class="empty-note">No jobs are registered.</p>
      ) : (
        // Focusable, so keyboard users can scroll this wide table, which has no links of its own (WCAG 2.1.1).
        <div class="newsroom-table-wrap" tabIndex={0} role="region" aria-label="Jobs">
          <table class="newsroom-table">
            <caption>{`${jobs.length} jobs, in the order they start and stop`}</caption>
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">Schedule</th>
                <th scope="col">Leader only</th>
                <th scope="col">Last run</th>
                <th scope="col" class="numeric">
                  Duration
                </th>
                <th scope="col">Last error</th>
                <th scope="col" class="numeric">
                  Failures
                </th>
                <th scope="col" class="numeric">
                  Runs
                </th>
                <th scope="col">Next run</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.name}>
                  <th scope="row">
                    <code>{job.name}</code>
                  </th>
                  <td>{scheduleText(job)}</td>
                  <td>{leaderText(job)}</td>
                  <td>
                    {job.lastStartedAt ? <Time date={job.lastStartedAt} /> : 'Not yet'}
                    {job.running && ' (running now)'}
                  </td>
                  <td class="numeric">{job.running ? 'Running' : job.lastDurationMs === null ? 'Not yet' : durationText(job.lastDurationMs)}</td>
                  <td>
                    {job.lastError ? (
                      <>
                        {job.lastError.message} (<Time date={job.lastError.at} />)
                      </>
                    ) : (
                      'None'
                    )}
                  </td>
                  <td class="numeric">{formatCount(job.failures, site.publication)}</td>
                  <td class="numeric">{formatCount(job.runs, site.publication)}</td>
                  <td>{job.nextRunAt ? <Time date={job.nextRunAt} /> : job.everyMs === null ? 'When asked' : 'Not started'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </NewsroomLayout>
  );
}
