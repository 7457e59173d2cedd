import type { ComponentChildren } from 'preact';
import type { MailMessage } from '../../../modules/mail/index.js';
import { formatDateTime } from '../../shared/format.js';
import type { SiteContext } from '../../shared/site-context.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { MAIL_STATUS_LABELS } from './outbox.page.js';

/**
 * One message: its envelope and headers, its text part as text, and its HTML part in a sandboxed
 * frame (a route of its own with a strict CSP), so nothing in it runs or reaches the newsroom.
 */
export function OutboxMessagePage({ site, viewer, message }: { site: SiteContext; viewer: NewsroomViewer; message: MailMessage }) {
  const when = (date: Date | null) => (date ? <time dateTime={date.toISOString()}>{formatDateTime(date, site.publication)}</time> : '—');
  const facts: (readonly [string, ComponentChildren])[] = [
    ['To', message.toName ? `${message.toName} <${message.to}>` : message.to],
    ['Subject', message.subject],
    ['Kind', <code key="kind">{message.kind}</code>],
    ['Status', MAIL_STATUS_LABELS[message.status]],
    ['Attempts', String(message.attempts)],
    ['Queued', when(message.createdAt)],
    ['Sent', when(message.sentAt)],
    ...(message.status === 'queued' && message.attempts > 0 ? ([['Next attempt', when(message.nextAttemptAt)]] as const) : []),
    ...(message.lastError ? ([['Last error', message.lastError]] as const) : []),
    ...(message.batchId ? ([['Batch', <code key="batch">{message.batchId}</code>]] as const) : []),
  ];
  const headers = Object.entries(message.headers);
  return (
    <NewsroomLayout site={site} title={`Message: ${message.subject}`} viewer={viewer} current={newsroomPaths.outbox()}>
      <p>
        <a href={newsroomPaths.outbox()}>Back to the outbox</a>
      </p>
      <h1>{message.subject}</h1>
      <dl class="import-facts">{facts.map(([term, value]) => [<dt key={`${term}-t`}>{term}</dt>, <dd key={`${term}-d`}>{value}</dd>])}</dl>
      <h2>Extra headers</h2>
      {headers.length === 0 ? (
        <p>None.</p>
      ) : (
        <dl class="import-facts">
          {headers.map(([name, value]) => [
            <dt key={`${name}-t`}>
              <code>{name}</code>
            </dt>,
            <dd key={`${name}-d`}>
              <code>{value}</code>
            </dd>,
          ])}
        </dl>
      )}
      <h2>Text part</h2>
      <pre class="outbox-text" tabIndex={0} aria-label="Text part">
        {message.text}
      </pre>
      <h2>HTML part</h2>
      <p>
        Shown as the recipient's mail program would, without scripts or forms.{' '}
        <a href={newsroomPaths.outboxMessageHtml(message.id)}>Open the HTML part alone</a>.
      </p>
      <iframe class="outbox-preview" src={newsroomPaths.outboxMessageHtml(message.id)} sandbox="" title={`HTML part of “${message.subject}”`} />
    </NewsroomLayout>
  );
}
