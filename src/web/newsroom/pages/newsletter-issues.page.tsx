import type { NewsletterIssue } from '../../../modules/newsletters/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { ErrorSummary, type FieldError } from '../../shared/form-fields.js';
import { Notice } from '../../shared/notice.js';
import type { SiteContext } from '../../shared/site-context.js';
import type { Translator } from '../../../shared/i18n/index.js';
import { DataTable } from '../components/data-table.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';

/** An issue's status in words. */
export function statusLabel(status: NewsletterIssue['status'], { t }: Translator): string {
  return t(`nr.newsletters.status.${status}`);
}

/** Sunday first, as `weeklyNewsletterDay` counts them. */
const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

function weekdayName(day: number, { t }: Translator): string {
  return t(`nr.newsletters.weekday.${WEEKDAYS[day] ?? 0}`);
}

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
  const translator = newsroomTranslator(site, viewer);
  const { t } = translator;
  const timeZone = site.publication.timeZone;
  const title = t('nr.nav.newsletters');
  return (
    <NewsroomLayout
      site={site}
      title={errors.length > 0 ? t('nr.layout.errorTitle', { title }) : title}
      viewer={viewer}
      current={newsroomPaths.newsletters()}
    >
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      <Notice text={props.done === 'schedule' ? t('nr.newsletters.scheduleSaved') : undefined} />
      <p>{t('nr.newsletters.intro', { time: schedule.time, timeZone, weekday: weekdayName(schedule.weekday, translator) })}</p>

      <h2 id="compose">{t('nr.newsletters.composeHeading')}</h2>
      <form method="post" action={newsroomPaths.newsletterCompose()} class="newsroom-form">
        <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
        <label for="newsletter-key">{t('nr.newsletters.newsletter')}</label>
        <select id="newsletter-key" name="key">
          {composable.map((info) => (
            <option key={info.key} value={info.key}>
              {info.name}
            </option>
          ))}
        </select>
        <button type="submit">{t('nr.newsletters.compose')}</button>
      </form>

      <h2 id="issues">{t('nr.newsletters.issuesHeading')}</h2>
      {issues.length === 0 ? (
        <p>{t('nr.newsletters.noIssues')}</p>
      ) : (
        <DataTable
          class="newsroom-table"
          wrap
          caption={t('nr.newsletters.issuesCaption')}
          columns={[
            t('nr.newsletters.subject'),
            t('nr.newsletters.newsletter'),
            t('nr.newsletters.status'),
            t('nr.newsletters.recipients'),
            t('nr.newsletters.composed'),
          ]}
        >
          {issues.map((issue) => (
            <tr key={issue.id}>
              <th scope="row">
                <a href={newsroomPaths.newsletterIssue(issue.id)}>{issue.subject}</a>
              </th>
              <td>{nameOf(issue.newsletterKey)}</td>
              <td>
                {issue.status === 'scheduled' && issue.scheduledFor
                  ? t('nr.newsletters.statusScheduledFor', {
                      status: statusLabel(issue.status, translator),
                      when: translator.dateTime(issue.scheduledFor, timeZone),
                    })
                  : statusLabel(issue.status, translator)}
              </td>
              <td>{translator.number(issue.recipientCount)}</td>
              <td>
                <time dateTime={issue.createdAt.toISOString()}>{translator.dateTime(issue.createdAt, timeZone)}</time>
              </td>
            </tr>
          ))}
        </DataTable>
      )}

      {viewer.mayChangeSchedule && (
        <>
          <h2 id="schedule">{t('nr.newsletters.scheduleHeading')}</h2>
          <form method="post" action={newsroomPaths.newsletterSchedule()} class="newsroom-form newsroom-form-page">
            <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
            <p class="field">
              <label for="newsletter-time">{t('nr.newsletters.timeLabel', { timeZone })}</label>
              <input id="newsletter-time" name="newsletter-time" type="time" value={schedule.time} required />
            </p>
            <p class="field">
              <label for="weekly-day">{t('nr.newsletters.dayLabel')}</label>
              <select id="weekly-day" name="weekly-day">
                {WEEKDAYS.map((day) => (
                  <option key={day} value={String(day)} selected={day === schedule.weekday}>
                    {weekdayName(day, translator)}
                  </option>
                ))}
              </select>
            </p>
            <button type="submit">{t('nr.newsletters.saveSchedule')}</button>
          </form>
        </>
      )}
    </NewsroomLayout>
  );
}
