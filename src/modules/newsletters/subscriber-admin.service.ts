import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import { inTransaction, type Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { AuditService } from '../audit/index.js';
import { isMailAddress, MAX_ADDRESS_LENGTH, type MailService } from '../mail/index.js';
import type { NewsletterCatalog } from './newsletter-catalog.js';
import type { GrowthDay, NewsletterInfo, NewsletterKey, Subscriber, SubscriptionState } from './newsletter.types.js';
import { csvCell, csvFileText, parseCsv, parseCsvInTurns, type ParsedCsv } from './subscriber-csv.js';
import {
  countSubscribed,
  eraseSubscriberRow,
  findSubscriberByEmail,
  findSubscriberById,
  insertSubscriber,
  listGrowth,
  listSubscribersPage,
  listSubscriptionStates,
  markSubscriberConfirmed,
  searchSubscribers,
  setSubscription,
} from './subscriber.repository.js';
import type { SubscriberService } from './subscriber.service.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Days the growth chart shows. */
export const GROWTH_DAYS = 30;
export const SEARCH_LIMIT = 50;
/** Under the newsroom's 1 MiB form limit: about 20,000 rows a paste. */
export const IMPORT_MAX_BYTES = 1000 * 1000;
export const IMPORT_MAX_ROWS = 50_000;
/** An uploaded file: five times a paste, and at most 100,000 rows (a few minutes of writing at worst). */
export const IMPORT_FILE_MAX_BYTES = 5 * 1000 * 1000;
export const IMPORT_FILE_MAX_ROWS = 100_000;
/**
 * Rows written in one transaction before the event loop gets a turn: on SQLite every query runs
 * synchronously, so an import not cut into batches would hold the whole node for its length.
 */
export const IMPORT_BATCH_ROWS = 50;
/** Rows of a file read between turns of the event loop (a few milliseconds' work). */
const PARSE_TURN_ROWS = 5000;
const EXPORT_BATCH = 500;

export interface ImportProblem {
  line: number;
  reason: string;
}

export interface ImportReport {
  imported: number;
  /** Of `imported`, those without a consent date: sent a confirmation link instead. */
  awaitingConfirmation: number;
  problems: ImportProblem[];
}

/**
 * The newsroom's Subscribers page (`subscribers.manage`): counts and growth, search, CSV export and
 * import, unsubscribing and erasing an address. Every change is in the audit log (never the address).
 */
export class SubscriberAdminService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly catalog: NewsletterCatalog,
    private readonly subscribers: SubscriberService,
    /** Erasing an address also deletes the mail queued or kept for it. */
    private readonly mail: Pick<MailService, 'eraseAddress'>,
  ) {}

  async counts(): Promise<Array<NewsletterInfo & { subscribed: number }>> {
    const counts = await countSubscribed(this.db);
    return (await this.catalog.list()).map((info) => ({ ...info, subscribed: counts.get(info.key) ?? 0 }));
  }

  /** The last GROWTH_DAYS UTC days, oldest first, days without changes as zeros. */
  async growth(): Promise<GrowthDay[]> {
    const today = this.clock.now().getTime();
    const days = Array.from({ length: GROWTH_DAYS }, (_, i) => new Date(today - (GROWTH_DAYS - 1 - i) * DAY_MS).toISOString().slice(0, 10));
    const rows = new Map((await listGrowth(this.db, days[0] ?? '')).map((row) => [row.day, row]));
    return days.map((day) => rows.get(day) ?? { day, subscribed: 0, unsubscribed: 0 });
  }

  /** Addresses starting with `query` (case-insensitive), at most SEARCH_LIMIT. */
  async search(query: string): Promise<Subscriber[]> {
    const prefix = query.trim().toLowerCase();
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    if (prefix.length > MAX_ADDRESS_LENGTH || /[\u0000-\u001f]/.test(prefix)) throw new AppError('ERR_SUBSCRIBER_SEARCH_INVALID');
    if (prefix === '') return [];
    return searchSubscribers(this.db, prefix, SEARCH_LIMIT);
  }

  async subscriber(id: string): Promise<{ subscriber: Subscriber; states: SubscriptionState[] }> {
    const subscriber = await findSubscriberById(this.db, id);
    if (!subscriber || subscriber.erased) throw new AppError('ERR_SUBSCRIBER_NOT_FOUND');
    return { subscriber, states: await listSubscriptionStates(this.db, id) };
  }

  /** The CSV export, a few hundred rows at a time (keyset by id): address, newsletters, consent date. */
  async *exportCsv(actorUserId: string): AsyncGenerator<string> {
    await this.audit.record({ actorUserId, action: 'subscribers.exported', subjectType: 'subscribers' });
    yield 'address,newsletters,consent date\r\n';
    let after: string | null = null;
    for (;;) {
      const page = await listSubscribersPage(this.db, after, EXPORT_BATCH);
      if (page.length === 0) return;
      yield page
        .filter((row) => row.email !== null)
        .map((row) => `${[csvCell(row.email ?? ''), csvCell(row.keys.join(' ')), row.consentAt?.toISOString() ?? ''].join(',')}\r\n`)
        .join('');
      after = page.at(-1)?.id ?? null;
    }
  }

  /**
   * Imports pasted `address,newsletters,consent date` rows (a header row is skipped): each bad row is
   * reported with its line and reason, the others imported. Only a row with a consent date counts as
   * confirmed; one without gets a confirmation link by mail, as a sign-up would.
   */
  async importCsv(text: string, actorUserId: string): Promise<ImportReport> {
    if (text.replace(/^\uFEFF/, '').trim() === '') throw new AppError('ERR_SUBSCRIBER_IMPORT_MISSING');
    if (Buffer.byteLength(text) > IMPORT_MAX_BYTES) throw new AppError('ERR_SUBSCRIBER_IMPORT_INVALID');
    const parsed = parseCsv(text.replace(/^\uFEFF/, ''));
    if (parsed.rows.length > IMPORT_MAX_ROWS) throw new AppError('ERR_SUBSCRIBER_IMPORT_INVALID');
    return this.importRows(parsed, actorUserId, 'paste');
  }

  /**
   * The same rows from an uploaded file (up to IMPORT_FILE_MAX_BYTES): refused whole, before any row
   * is written, when it is empty, not UTF-8 text (a spreadsheet, UTF-16, a picture) or too long.
   */
  async importCsvFile(file: { name: string; bytes: Buffer }, actorUserId: string): Promise<ImportReport> {
    if (file.bytes.length > IMPORT_FILE_MAX_BYTES) throw new AppError('ERR_SUBSCRIBER_FILE_TOO_LARGE');
    const parsed = await parseCsvInTurns(csvFileText(file), { maxRows: IMPORT_FILE_MAX_ROWS, rowsPerTurn: PARSE_TURN_ROWS });
    if (!parsed) throw new AppError('ERR_SUBSCRIBER_FILE_TOO_LARGE');
    return this.importRows(parsed, actorUserId, 'file');
  }

  private async importRows(parsed: ParsedCsv, actorUserId: string, from: 'paste' | 'file'): Promise<ImportReport> {
    const { rows, unclosedAt } = parsed;
    const known = new Set((await this.catalog.list()).map((info) => info.key));
    const report: ImportReport = { imported: 0, awaitingConfirmation: 0, problems: [] };
    if (unclosedAt !== undefined)
      report.problems.push({ line: unclosedAt, reason: 'A quoted value is never closed; this row and the rest were not read.' });
    const now = this.clock.now();
    const start = rows[0]?.cells[0]?.trim().toLowerCase() === 'address' ? 1 : 0;
    for (let first = start; first < rows.length; first += IMPORT_BATCH_ROWS) {
      const batch: Array<{ email: string; keys: NewsletterKey[]; consentAt: Date | null }> = [];
      for (const row of rows.slice(first, first + IMPORT_BATCH_ROWS)) {
        const checked = checkRow(row.cells, known, now);
        if (typeof checked === 'string') report.problems.push({ line: row.line, reason: checked });
        else batch.push(checked);
      }
      if (batch.length > 0) {
        await inTransaction(this.db, async (trx) => {
          for (const checked of batch) await this.importRow(trx, checked, now);
        });
      }
      report.imported += batch.length;
      report.awaitingConfirmation += batch.filter((checked) => !checked.consentAt).length;
      await nextTurnOfEventLoop();
    }
    await this.audit.record({
      actorUserId,
      action: 'subscribers.imported',
      subjectType: 'subscribers',
      details: { from, imported: report.imported, awaitingConfirmation: report.awaitingConfirmation, refused: report.problems.length },
    });
    return report;
  }

  private async importRow(trx: Db, checked: { email: string; keys: NewsletterKey[]; consentAt: Date | null }, now: Date): Promise<void> {
    if (!checked.consentAt) {
      await this.subscribers.requestConfirmation(trx, checked.email, checked.keys, null);
      return;
    }
    await insertSubscriber(trx, {
      id: newId(),
      email: checked.email,
      readerId: null,
      at: now,
      confirmedAt: checked.consentAt,
      consentAt: checked.consentAt,
    });
    const subscriber = await findSubscriberByEmail(trx, checked.email);
    if (!subscriber) throw new AppError('ERR_INTERNAL');
    await markSubscriberConfirmed(trx, subscriber.id, checked.consentAt, null);
    for (const key of checked.keys) await setSubscription(trx, subscriber.id, key, true, now);
  }

  async unsubscribe(id: string, actorUserId: string): Promise<void> {
    await this.subscriber(id);
    await inTransaction(this.db, async (trx) => {
      const changed = await this.subscribers.unsubscribe(id, null, trx);
      await this.audit.record(
        { actorUserId, action: 'subscriber.unsubscribed', subjectType: 'subscriber', subjectId: id, details: { newsletters: changed } },
        trx,
      );
    });
  }

  /** Erases the address: its subscriptions end (counted as unsubscribes), its personal data is emptied. */
  async erase(id: string, actorUserId: string): Promise<void> {
    const { subscriber } = await this.subscriber(id);
    await inTransaction(this.db, async (trx) => {
      if (subscriber.email !== null) await this.mail.eraseAddress(subscriber.email, trx);
      await this.subscribers.unsubscribe(id, null, trx);
      await eraseSubscriberRow(trx, id, this.clock.now());
      await this.audit.record({ actorUserId, action: 'subscriber.erased', subjectType: 'subscriber', subjectId: id }, trx);
    });
  }
}

function checkRow(cells: string[], known: ReadonlySet<string>, now: Date): { email: string; keys: NewsletterKey[]; consentAt: Date | null } | string {
  if (cells.length < 2 || cells.length > 3) return 'Give three columns: address, newsletters and consent date (which may be empty).';
  const email = (cells[0] ?? '').trim();
  if (!isMailAddress(email)) return 'The address is not one e-mail address (or is longer than 254 characters, or has a line break).';
  const keys = (cells[1] ?? '').split(/[\s;|]+/).filter((key) => key !== '');
  if (keys.length === 0) return 'No newsletter is named; give keys such as briefing, breaking or weekly-<section id>, separated by spaces.';
  const unknown = keys.find((key) => !known.has(key));
  if (unknown !== undefined) return `“${unknown.slice(0, 80)}” is not one of our newsletters.`;
  const consent = (cells[2] ?? '').trim();
  if (consent === '') return { email, keys: [...new Set(keys)] as NewsletterKey[], consentAt: null };
  const consentAt = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+Z?)?$/.test(consent) ? new Date(consent) : new Date(Number.NaN);
  if (Number.isNaN(consentAt.getTime())) return 'The consent date is not a date such as 2026-05-31.';
  if (consentAt.getTime() > now.getTime()) return 'The consent date is in the future.';
  return { email, keys: [...new Set(keys)] as NewsletterKey[], consentAt };
}
