import type { IssueProgress, NewsletterIssue } from '../../../modules/newsletters/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { ErrorSummary, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { translatorFor, type Translator } from '../../../shared/i18n/index.js';
import { Notice } from '../../shared/notice.js';
import type { SiteContext } from '../../shared/site-context.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';
import { statusLabel } from './newsletter-issues.page.js';

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

/**
 * The progress line the page shows and newsletter-progress.js keeps up to date (the JSON it polls
 * carries this text, in the viewer's language).
 */
export function progressText(progress: IssueProgress, { t }: Translator = translatorFor('en')): string {
  if (progress.status === 'draft' || progress.status === 'scheduled') return t('nr.newsletters.progress.notSent');
  const fanOut = progress.fannedOut
    ? t('nr.newsletters.progress.allQueued', { count: progress.enqueued })
    : t('nr.newsletters.progress.queuedSoFar', { count: progress.enqueued });
  return `${fanOut} ${t('nr.newsletters.progress.counts', { sent: progress.sent, waiting: progress.queued, failed: progress.failed })}`;
}

/**
 * One issue: its delivery (live with newsletter-progress.js, or by the Refresh link), and while it
 * has not gone out, the form to change its subject, intro and stories and the Send now button; then
 * a preview of the message as recipients get it.
 */
export function NewsletterIssuePage(props: NewsletterIssueProps) {
  const { site, viewer, issue, progress, errors = [] } = props;
  const editable = issue.status === 'draft' || issue.status === 'scheduled';
  const active = issue.status === 'sending' || progress.queued > 0;
  const translator = newsroomTranslator(site, viewer);
  const { t } = translator;
  const when = (date: Date) => translator.dateTime(date, site.publication.timeZone);
  return (
    <NewsroomLayout
      site={site}
      title={errors.length > 0 ? t('nr.layout.errorTitle', { title: issue.subject }) : issue.subject}
      viewer={viewer}
      current={newsroomPaths.newsletters()}
    >
      <p>
        <a href={newsroomPaths.newsletters()}>{t('nr.nav.newsletters')}</a>
      </p>
      <h1>{issue.subject}</h1>
      <ErrorSummary errors={errors} />
      <Notice text={props.done && t(`nr.newsletters.notice.${props.done}`)} />
      <dl class="import-facts">
        <dt>{t('nr.newsletters.newsletter')}</dt>
        <dd>{props.newsletterName}</dd>
        <dt>{t('nr.newsletters.status')}</dt>
        <dd>
          {issue.status === 'scheduled' && issue.scheduledFor
            ? t('nr.newsletters.statusGoesOut', { status: statusLabel(issue.status, translator), when: when(issue.scheduledFor) })
            : statusLabel(issue.status, translator)}
        </dd>
        {issue.number !== null && (
          <>
            <dt>{t('nr.newsletters.issueNumber')}</dt>
            <dd>
              <a href={`/newsletters/${issue.newsletterKey}/${issue.number}`}>{issue.number}</a>
            </dd>
          </>
        )}
      </dl>

      <section aria-labelledby="progress-heading" data-newsletter-progress-url={active ? newsroomPaths.newsletterIssueProgress(issue.id) : undefined}>
        <h2 id="progress-heading">{t('nr.newsletters.deliveryHeading')}</h2>
        <p id="newsletter-progress" aria-live="polite">
          {progressText(progress, translator)}
        </p>
        {active && (
          <p>
            <a href={newsroomPaths.newsletterIssue(issue.id)}>{t('nr.newsletters.refresh')}</a>
          </p>
        )}
      </section>

      {editable && (
        <>
          <h2 id="edit">{t('nr.newsletters.editHeading')}</h2>
          <form method="post" action={newsroomPaths.newsletterIssue(issue.id)} class="newsroom-form newsroom-form-page">
            <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
            <RequiredNote />
            <TextField
              id="subject"
              label={t('nr.newsletters.subject')}
              type="text"
              value={props.typed?.subject ?? issue.subject}
              maxLength={200}
              errors={errors}
            />
            <p class="field">
              <label for="intro">{t('nr.newsletters.introLabel')}</label>
              <textarea id="intro" name="intro" rows={5} maxLength={2000} aria-describedby="intro-hint">
                {props.typed?.intro ?? issue.intro}
              </textarea>
              <span id="intro-hint" class="field-hint">
                {t('nr.newsletters.introHint')}
              </span>
            </p>
            <fieldset class="newsroom-fieldset">
              <legend>{t('nr.newsletters.storiesLegend')}</legend>
              <p class="field-hint">{t('nr.newsletters.storiesHint')}</p>
              <ol class="newsletter-items">
                {issue.items.map((item, i) => (
                  <li key={item.articleId}>
                    <input type="checkbox" id={`keep-${item.articleId}`} name={`keep-${item.articleId}`} value="1" checked />
                    <label for={`keep-${item.articleId}`}>
                      <span class="visually-hidden">{t('nr.newsletters.keep')}</span>
                      {item.headline} <span class="field-hint">({item.label})</span>
                    </label>{' '}
                    <label for={`position-${item.articleId}`} class="visually-hidden">
                      {t('nr.newsletters.positionOf', { headline: item.headline })}
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
            <button type="submit">{t('nr.newsletters.saveChanges')}</button>
          </form>
          <form method="post" action={newsroomPaths.newsletterIssueSend(issue.id)} class="newsroom-form">
            <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
            <button type="submit">{t('nr.newsletters.sendNow')}</button>
          </form>
          {issue.status === 'scheduled' && (
            <form method="post" action={newsroomPaths.newsletterIssueHold(issue.id)} class="newsroom-form">
              <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
              <p class="field-hint" id="hold-hint">
                {t('nr.newsletters.holdHint')}
              </p>
              <button type="submit" aria-describedby="hold-hint">
                {t('nr.newsletters.hold')}
              </button>
            </form>
          )}
          {issue.status === 'draft' && props.due && (
            <form method="post" action={newsroomPaths.newsletterIssueSchedule(issue.id)} class="newsroom-form">
              <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
              <button type="submit">{t('nr.newsletters.sendAt', { when: when(props.due) })}</button>
            </form>
          )}
        </>
      )}

      <h2 id="preview">{t('nr.newsletters.previewHeading')}</h2>
      <iframe
        class="newsletter-preview"
        title={t('nr.newsletters.previewTitle')}
        src={newsroomPaths.newsletterIssuePreview(props.issue.id)}
        sandbox=""
        width="100%"
        height="720"
      />
      <details>
        <summary>{t('nr.newsletters.plainText')}</summary>
        <pre>{props.preview.text}</pre>
      </details>
      {active && <script src={site.assetUrl('newsletter-progress.js')} defer />}
    </NewsroomLayout>
  );
}
