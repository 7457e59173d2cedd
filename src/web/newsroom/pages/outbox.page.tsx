import { MAIL_STATUSES, type MailStatus, type OutboxPage as OutboxPageData } from '../../../modules/mail/index.js';
import type { Translator } from '../../../shared/i18n/index.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';

/** A message's status in words. */
export function mailStatusLabel(status: MailStatus, { t }: Translator): string {
  return t(`nr.outbox.status.${status}`);
}

function isMailStatus(status: string | undefined): status is MailStatus {
  return (MAIL_STATUSES as readonly (string | undefined)[]).includes(status);
}

/** Every message the site sent or will send, newest first, by status, one page at a time. Read-only. */
export function OutboxPage(props: {
  site: SiteContext;
  viewer: NewsroomViewer;
  page: OutboxPageData;
  counts: Record<MailStatus, number>;
  status: string | undefined;
  /** Whether this is the newest page (no `before`). */
  first: boolean;
  /** Set when there is no SMTP_URL: where the messages are written instead. */
  outboxDir: string | undefined;
}) {
  const { site, viewer, page, counts, status } = props;
  const translator = newsroomTranslator(site, viewer);
  const { t } = translator;
  const when = (date: Date) => <time dateTime={date.toISOString()}>{translator.dateTime(date, site.publication.timeZone)}</time>;
  const title = isMailStatus(status) ? t('nr.outbox.titleStatus', { status: mailStatusLabel(status, translator).toLowerCase() }) : t('nr.nav.outbox');
  return (
    <NewsroomLayout site={site} title={props.first ? title : t('nr.outbox.titleOlder', { title })} viewer={viewer} current={newsroomPaths.outbox()}>
      <h1>{title}</h1>
      {props.outboxDir ? (
        <p>
          {translator.rich('nr.outbox.noSmtp', { code: (text) => <code>{text}</code>, dir: (text) => <code>{text}</code> }, { dir: props.outboxDir })}
        </p>
      ) : (
        <p>{t('nr.outbox.smtp')}</p>
      )}
      <h2>{t('nr.outbox.byStatusHeading')}</h2>
      <ul class="outbox-counts">
        {MAIL_STATUSES.map((each) => (
          <li key={each}>
            <a href={newsroomPaths.outbox({ status: each })} aria-current={status === each ? 'page' : undefined}>
              {t('nr.outbox.statusCount', { status: mailStatusLabel(each, translator), count: counts[each] })}
            </a>
          </li>
        ))}
      </ul>
      <form method="get" action={newsroomPaths.outbox()} class="search-form">
        <p>
          <label for="outbox-status">{t('nr.outbox.showLabel')}</label>
          <select id="outbox-status" name="status">
            <option value="all" selected={!status}>
              {t('nr.outbox.allMessages')}
            </option>
            {MAIL_STATUSES.map((each) => (
              <option key={each} value={each} selected={status === each}>
                {mailStatusLabel(each, translator)}
              </option>
            ))}
          </select>
          <button type="submit">{t('nr.outbox.show')}</button>
        </p>
      </form>
      {page.messages.length === 0 ? (
        <p class="empty-note">{props.first ? t('nr.outbox.noMessages') : t('nr.outbox.noOlderMessages')}</p>
      ) : (
        <DataTable
          class="staff-table"
          caption={t('nr.outbox.caption', { title })}
          captionHidden
          wrap
          columns={[
            t('nr.outbox.queued'),
            t('nr.outbox.to'),
            t('nr.outbox.subject'),
            t('nr.outbox.kind'),
            t('nr.outbox.status'),
            t('nr.outbox.attempts'),
            t('nr.outbox.lastError'),
          ]}
        >
          {page.messages.map((message) => (
            <tr key={message.id}>
              <td>{when(message.createdAt)}</td>
              <td>{message.toName ? `${message.toName} <${message.to}>` : message.to}</td>
              <th scope="row">
                <a href={newsroomPaths.outboxMessage(message.id)}>{message.subject}</a>
              </th>
              <td>
                <code>{message.kind}</code>
              </td>
              <td>{mailStatusLabel(message.status, translator)}</td>
              <td>{message.attempts}</td>
              <td>{message.lastError ?? '—'}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <nav aria-label={t('nr.outbox.pagesLabel')} class="page-links">
        {!props.first && <a href={newsroomPaths.outbox({ status })}>{t('nr.outbox.newest')}</a>}{' '}
        {page.next && <a href={newsroomPaths.outbox({ status, before: page.next })}>{t('nr.outbox.older')}</a>}
      </nav>
    </NewsroomLayout>
  );
}
