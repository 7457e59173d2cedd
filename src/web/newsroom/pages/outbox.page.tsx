import { MAIL_STATUSES, type MailStatus, type OutboxPage as OutboxPageData } from '../../../modules/mail/index.js';
import { formatCount, formatDateTime } from '../../shared/format.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

export const MAIL_STATUS_LABELS: Record<MailStatus, string> = {
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed (undeliverable)',
};

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
  const when = (date: Date) => <time dateTime={date.toISOString()}>{formatDateTime(date, site.publication)}</time>;
  const label = status ? MAIL_STATUS_LABELS[status as MailStatus] : undefined;
  const title = label ? `Outbox: ${label.toLowerCase()}` : 'Outbox';
  return (
    <NewsroomLayout site={site} title={props.first ? title : `${title} (older)`} viewer={viewer} current={newsroomPaths.outbox()}>
      <h1>{title}</h1>
      {props.outboxDir ? (
        <p>
          No SMTP server is set (SMTP_URL), so nothing leaves this server: each message is written as an <code>.eml</code> file into{' '}
          <code>{props.outboxDir}</code> (DATA_DIR/outbox/) and marked sent. Open one below to see exactly what would have been sent.
        </p>
      ) : (
        <p>Messages are sent through the SMTP server set in SMTP_URL, at most MAIL_RATE_PER_MINUTE a minute; temporary refusals are tried again.</p>
      )}
      <h2>Messages by status</h2>
      <ul class="outbox-counts">
        {MAIL_STATUSES.map((each) => (
          <li key={each}>
            <a href={newsroomPaths.outbox({ status: each })} aria-current={status === each ? 'page' : undefined}>
              {MAIL_STATUS_LABELS[each]}: {formatCount(counts[each], site.publication)}
            </a>
          </li>
        ))}
      </ul>
      <form method="get" action={newsroomPaths.outbox()} class="search-form">
        <p>
          <label for="outbox-status">Show</label>
          <select id="outbox-status" name="status">
            <option value="all" selected={!status}>
              All messages
            </option>
            {MAIL_STATUSES.map((each) => (
              <option key={each} value={each} selected={status === each}>
                {MAIL_STATUS_LABELS[each]}
              </option>
            ))}
          </select>
          <button type="submit">Show</button>
        </p>
      </form>
      {page.messages.length === 0 ? (
        <p class="empty-note">{props.first ? 'No messages yet.' : 'No older messages.'}</p>
      ) : (
        <DataTable
          class="staff-table"
          caption={`${title}, newest first`}
          captionHidden
          wrap
          columns={['Queued', 'To', 'Subject', 'Kind', 'Status', 'Attempts', 'Last error']}
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
              <td>{MAIL_STATUS_LABELS[message.status]}</td>
              <td>{message.attempts}</td>
              <td>{message.lastError ?? '—'}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <nav aria-label="Pages of messages" class="page-links">
        {!props.first && <a href={newsroomPaths.outbox({ status })}>← Newest messages</a>}{' '}
        {page.next && <a href={newsroomPaths.outbox({ status, before: page.next })}>Older messages →</a>}
      </nav>
    </NewsroomLayout>
  );
}
