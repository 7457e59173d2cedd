import type { IssueProgress, NewsletterIssue } from '../../../modules/newsletters/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { ErrorSummary, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { formatDateTime } from '../../shared/format.js';
import { Notice } from '../../shared/notice.js';
import type { SiteContext } from '../../shared/site-context.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { STATUS_LABELS } from './newsletter-issues.page.js';

export interface NewsletterIssueProps {
  site: SiteContext;
  viewer: NewsroomViewer;
  issue: NewsletterIssue;
  newsletterName: string;
  progress: IssueProgress;
  /** The message as a recipient gets it (with stand-in links). */
  preview: { html: string; text: string };
  done?: 'saved' | 'sending' | 'held' | 'scheduled';
  /** When the issue would go out by itself (a briefing's or weekly's set time), if that is still ahead. */
  due?: Date;
  errors?: readonly FieldError[];
  /** What was typed, when refused. */
  typed?: { subject: string; intro: string };
}

/** The progress line the page shows and newsletter-progress.js keeps up to date. */
export function progressText(progress: IssueProgress): string {
  const n = (count: number) => count.toLocaleString('en');
  if (progress.status === 'draft' || progress.status === 'scheduled') return 'Not sent yet.';
  const fanOut = progress.fannedOut ? `All ${n(progress.enqueued)} messages queued.` : `${n(progress.enqueued)} messages queued so far.`;
  return `${fanOut} Sent: ${n(progress.sent)}. Waiting: ${n(progress.queued)}. Failed: ${n(progress.failed)}.`;
}

const NOTICES = {
  saved: 'Your changes were saved.',
  sending: 'The issue is being sent.',
  held: 'The issue is held: it will not go out by itself. Send it now when it is ready.',
  scheduled: 'The issue is back on the schedule and will go out by itself at its set time.',
};

/**
 * One issue: its delivery (live with newsletter-progress.js, or by the Refresh link), and while it
 * has not gone out, the form to change its subject, intro and stories and the Send now button; then
 * a preview of the message as recipients get it.
 */
export function NewsletterIssuePage(props: NewsletterIssueProps) {
  const { site, viewer, issue, progress, errors = [] } = props;
  const editable = issue.status === 'draft' || issue.status === 'scheduled';
  const active = issue.status === 'sending' || progress.queued > 0;
  return (
    <NewsroomLayout site={site} title={`${errors.length > 0 ? 'Error: ' : ''}${issue.subject}`} viewer={viewer} current={newsroomPaths.newsletters()}>
      <p>
        <a href={newsroomPaths.newsletters()}>Newsletters</a>
      </p>
      <h1>{issue.subject}</h1>
      <ErrorSummary errors={errors} />
      <Notice text={props.done && NOTICES[props.done]} />
      <dl class="import-facts">
        <dt>Newsletter</dt>
        <dd>{props.newsletterName}</dd>
        <dt>Status</dt>
        <dd>
          {STATUS_LABELS[issue.status]}
          {issue.status === 'scheduled' && issue.scheduledFor ? `: goes out ${formatDateTime(issue.scheduledFor, site.publication)}` : ''}
        </dd>
        {issue.number !== null && (
          <>
            <dt>Issue number</dt>
            <dd>
              <a href={`/newsletters/${issue.newsletterKey}/${issue.number}`}>{issue.number}</a>
            </dd>
          </>
        )}
      </dl>

      <section aria-labelledby="progress-heading" data-newsletter-progress-url={active ? newsroomPaths.newsletterIssueProgress(issue.id) : undefined}>
        <h2 id="progress-heading">Delivery</h2>
        <p id="newsletter-progress" aria-live="polite">
          {progressText(progress)}
        </p>
        {active && (
          <p>
            <a href={newsroomPaths.newsletterIssue(issue.id)}>Refresh</a>
          </p>
        )}
      </section>

      {editable && (
        <>
          <h2 id="edit">Edit</h2>
          <form method="post" action={newsroomPaths.newsletterIssue(issue.id)} class="newsroom-form newsroom-form-page">
            <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
            <RequiredNote />
            <TextField id="subject" label="Subject" type="text" value={props.typed?.subject ?? issue.subject} maxLength={200} errors={errors} />
            <p class="field">
              <label for="intro">Intro (optional)</label>
              <textarea id="intro" name="intro" rows={5} maxLength={2000} aria-describedby="intro-hint">
                {props.typed?.intro ?? issue.intro}
              </textarea>
              <span id="intro-hint" class="field-hint">
                Shown above the stories. Leave a blank line between paragraphs.
              </span>
            </p>
            <fieldset class="newsroom-fieldset">
              <legend>Stories</legend>
              <p class="field-hint">Change the numbers to reorder; untick a story to leave it out.</p>
              <ol class="newsletter-items">
                {issue.items.map((item, i) => (
                  <li key={item.articleId}>
                    <input type="checkbox" id={`keep-${item.articleId}`} name={`keep-${item.articleId}`} value="1" checked />
                    <label for={`keep-${item.articleId}`}>
                      <span class="visually-hidden">Keep </span>
                      {item.headline} <span class="field-hint">({item.label})</span>
                    </label>{' '}
                    <label for={`position-${item.articleId}`} class="visually-hidden">
                      Position of {item.headline}
                    </label>
                    <input
                      type="number"
                      id={`position-${item.articleId}`}
                      name={`position-${item.articleId}`}
                      value={String(i + 1)}
                      min="1"
                      max="99"
                      size={3}
                    />
                  </li>
                ))}
              </ol>
            </fieldset>
            <button type="submit">Save changes</button>
          </form>
          <form method="post" action={newsroomPaths.newsletterIssueSend(issue.id)} class="newsroom-form">
            <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
            <button type="submit">Send now</button>
          </form>
          {issue.status === 'scheduled' && (
            <form method="post" action={newsroomPaths.newsletterIssueHold(issue.id)} class="newsroom-form">
              <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
              <p class="field-hint" id="hold-hint">
                Held, it does not go out by itself; you can still send it now.
              </p>
              <button type="submit" aria-describedby="hold-hint">
                Hold this issue
              </button>
            </form>
          )}
          {issue.status === 'draft' && props.due && (
            <form method="post" action={newsroomPaths.newsletterIssueSchedule(issue.id)} class="newsroom-form">
              <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
              <button type="submit">Send by itself at {formatDateTime(props.due, site.publication)}</button>
            </form>
          )}
        </>
      )}

      <h2 id="preview">Preview</h2>
      <iframe
        class="newsletter-preview"
        title="The message as recipients see it"
        src={newsroomPaths.newsletterIssuePreview(props.issue.id)}
        sandbox=""
        width="100%"
        height="720"
      />
      <details>
        <summary>Plain-text part</summary>
        <pre>{props.preview.text}</pre>
      </details>
      {active && <script src={site.assetUrl('newsletter-progress.js')} defer />}
    </NewsroomLayout>
  );
}
