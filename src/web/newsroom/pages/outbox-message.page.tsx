import type { ComponentChildren } from 'preact';
import type { MailMessage } from '../../../modules/mail/index.js';
import type { SiteContext } from '../../shared/site-context.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';
import { mailStatusLabel } from './outbox.page.js';

/**
 * One message: its envelope and headers, its text part as text, and its HTML part in a sandboxed
 * frame (a route of its own with a strict CSP), so nothing in it runs or reaches the newsroom.
 */
export function OutboxMessagePage({ site, viewer, message }: { site: SiteContext; viewer: NewsroomViewer; message: MailMessage }) {
  const translator = newsroomTranslator(site, viewer);
  const { t } = translator;
  const when = (date: Date | null) =>
    date ? <time dateTime={date.toISOString()}>{translator.dateTime(date, site.publication.timeZone)}</time> : '—';
  const facts: (readonly [string, ComponentChildren])[] = [
    [t('nr.outbox.to'), message.toName ? `${message.toName} <${message.to}>` : message.to],
    [t('nr.outbox.subject'), message.subject],
    [t('nr.outbox.kind'), <code key="kind">{message.kind}</code>],
    [t('nr.outbox.status'), mailStatusLabel(message.status, translator)],
    [t('nr.outbox.attempts'), String(message.attempts)],
    [t('nr.outbox.queued'), when(message.createdAt)],
    [t('nr.outbox.sent'), when(message.sentAt)],
    ...(message.status === 'queued' && message.attempts > 0 ? ([[t('nr.outbox.nextAttempt'), when(message.nextAttemptAt)]] as const) : []),
    ...(message.lastError ? ([[t('nr.outbox.lastError'), message.lastError]] as const) : []),
    ...(message.batchId ? ([[t('nr.outbox.batch'), <code key="batch">{message.batchId}</code>]] as const) : []),
  ];
  const headers = Object.entries(message.headers);
  return (
    <NewsroomLayout site={site} title={t('nr.outbox.messageTitle', { subject: message.subject })} viewer={viewer} current={newsroomPaths.outbox()}>
      <p>
        <a href={newsroomPaths.outbox()}>{t('nr.outbox.back')}</a>
      </p>
      <h1>{message.subject}</h1>
      <dl class="import-facts">{facts.map(([term, value]) => [<dt key={`${term}-t`}>{term}</dt>, <dd key={`${term}-d`}>{value}</dd>])}</dl>
      <h2>{t('nr.outbox.extraHeaders')}</h2>
      {headers.length === 0 ? (
        <p>{t('nr.outbox.noHeaders')}</p>
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
      <h2>{t('nr.outbox.textPart')}</h2>
      <pre class="outbox-text" tabIndex={0} aria-label={t('nr.outbox.textPart')}>
        {message.text}
      </pre>
      <h2>{t('nr.outbox.htmlPart')}</h2>
      <p>{translator.rich('nr.outbox.htmlPartIntro', { link: (text) => <a href={newsroomPaths.outboxMessageHtml(message.id)}>{text}</a> })}</p>
      <iframe
        class="outbox-preview"
        src={newsroomPaths.outboxMessageHtml(message.id)}
        sandbox=""
        title={t('nr.outbox.htmlPartTitle', { subject: message.subject })}
      />
    </NewsroomLayout>
  );
}
