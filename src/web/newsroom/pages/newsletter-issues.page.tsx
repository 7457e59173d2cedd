import type { NewsletterIssue } from '../../../modules/newsletters/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { ErrorSummary, type FieldError } from '../../shared/form-fields.js';
import { formatDateTime } from '../../shared/format.js';
import { Notice } from '../../shared/notice.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

export const STATUS_LABELS: Record<NewsletterIssue['status'], string> = {
  draft: 'Draft (sent only by hand)',
  scheduled: 'Scheduled',
  sending: 'Sending',
  sent: 'Sent',
};

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export interface NewsletterIssuesProps {
  site: SiteContext;
  viewer: NewsletterViewer;
  issues: readonly NewsletterIssue[];
  newsletters: ReadonlyArray<{ key: string; name: string; sectionId: string | null }>;
  schedule: { time: string; weekday: number };
  done?: 'schedule';
  errors?: readonly FieldError[];
}

export type NewsletterViewer = NewsroomViewer & { mayChangeSchedule: boolean };

/**
 * Newsletter issues for editors: compose today's briefing or a section's weekly, the issues newest
 * first (each a link to its page: preview, edit, send, progress), and the set time they go out at.
 */
export function NewsletterIssuesPage(props: NewsletterIssuesProps) {
  const { site, viewer, issues, newsletters, schedule, errors = [] } = props;
  const nameOf = (key: string) => newsletters.find((info) => info.key === key)?.name ?? key;
  const composable = newsletters.filter((info) => info.key !== 'breaking');
  return (
    <NewsroomLayout site={site} title={`${errors.length > 0 ? 'Error: ' : ''}Newsletters`} viewer={viewer} current={newsroomPaths.newsletters()}>
      <h1>Newsletters</h1>
      <ErrorSummary errors={errors} />
      <Notice text={props.done === 'schedule' ? 'The newsletters’ schedule was saved.' : undefined} />
      <p>
        The Morning Briefing is composed an hour before {schedule.time} ({site.publication.timeZone}) every day and goes out by itself at{' '}
        {schedule.time}; the sections’ weeklies do the same every {WEEKDAYS[schedule.weekday]}. Until then you can preview an issue, write its intro,
        reorder or remove its stories, or send it at once. Breaking alerts go out from the story editor when you publish.
      </p>

      <h2 id="compose">Compose today’s issue</h2>
      <form method="post" action={newsroomPaths.newsletterCompose()} class="newsroom-form">
        <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
        <label for="newsletter-key">Newsletter</label>
        <select id="newsletter-key" name="key">
          {composable.map((info) => (
            <option key={info.key} value={info.key}>
              {info.name}
            </option>
          ))}
        </select>
        <button type="submit">Compose or open today’s issue</button>
      </form>

      <h2 id="issues">Issues</h2>
      {issues.length === 0 ? (
        <p>No issue yet.</p>
      ) : (
        <DataTable
          class="newsroom-table"
          wrap
          caption="Newsletter issues, newest first"
          columns={['Subject', 'Newsletter', 'Status', 'Recipients', 'Composed']}
        >
          {issues.map((issue) => (
            <tr key={issue.id}>
              <th scope="row">
                <a href={newsroomPaths.newsletterIssue(issue.id)}>{issue.subject}</a>
              </th>
              <td>{nameOf(issue.newsletterKey)}</td>
              <td>
                {STATUS_LABELS[issue.status]}
                {issue.status === 'scheduled' && issue.scheduledFor ? `, ${formatDateTime(issue.scheduledFor, site.publication)}` : ''}
              </td>
              <td>{issue.recipientCount.toLocaleString('en')}</td>
              <td>
                <time dateTime={issue.createdAt.toISOString()}>{formatDateTime(issue.createdAt, site.publication)}</time>
              </td>
            </tr>
          ))}
        </DataTable>
      )}

      {viewer.mayChangeSchedule && (
        <>
          <h2 id="schedule">Schedule</h2>
          <form method="post" action={newsroomPaths.newsletterSchedule()} class="newsroom-form newsroom-form-page">
            <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
            <p class="field">
              <label for="newsletter-time">Time the briefing and weeklies go out ({site.publication.timeZone})</label>
              <input id="newsletter-time" name="newsletter-time" type="time" value={schedule.time} required />
            </p>
            <p class="field">
              <label for="weekly-day">Day the weeklies go out</label>
              <select id="weekly-day" name="weekly-day">
                {WEEKDAYS.map((day, i) => (
                  <option key={day} value={String(i)} selected={i === schedule.weekday}>
                    {day}
                  </option>
                ))}
              </select>
            </p>
            <button type="submit">Save schedule</button>
          </form>
        </>
      )}
    </NewsroomLayout>
  );
}
