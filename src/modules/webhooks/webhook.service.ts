import { randomBytes } from 'node:crypto';
import { inTransaction, type Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { paginate, type Pagination } from '../../shared/pagination.js';
import { validateText } from '../../shared/text.js';
import type { AuditService } from '../audit/index.js';
import { checkPublicHost, parseWebhookUrl } from './webhook-address.js';
import type { WebhookDispatcher } from './webhook-dispatcher.js';
import {
  countDeliveries,
  deleteWebhook,
  findDelivery,
  findWebhookById,
  insertWebhook,
  latestDelivery,
  listDeliveries,
  listWebhooks,
  requeueFailedDelivery,
  setWebhookActive,
  setWebhookSecret,
  updateWebhook,
} from './webhook.repository.js';
import { WEBHOOK_EVENTS, type Webhook, type WebhookDelivery, type WebhookEvent, type WebhookFields, type WebhookListItem } from './webhook.types.js';

const MAX_NAME_LENGTH = 100;
export const DELIVERIES_PAGE_SIZE = 25;

/** 32 random bytes, base64url: the receiver keeps a copy to check signatures. */
export function newWebhookSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Webhooks for admins (`integrations.manage`): create, edit, enable or disable, delete, rotate the
 * secret, send a test, read the delivery log and redeliver a failed delivery. Every change is
 * audited in its transaction; bad input throws a coded AppError and writes nothing.
 */
export class WebhookService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly dispatcher: WebhookDispatcher,
    private readonly options: { allowPrivate: boolean },
  ) {}

  async list(): Promise<WebhookListItem[]> {
    const webhooks = await listWebhooks(this.db);
    return Promise.all(
      webhooks.map(async (webhook) => {
        const last = await latestDelivery(this.db, webhook.id);
        return { ...webhook, lastDelivery: last ? { status: last.status, at: last.createdAt, statusCode: last.lastStatusCode } : null };
      }),
    );
  }

  async require(id: string): Promise<Webhook> {
    const webhook = await findWebhookById(this.db, id);
    if (!webhook) throw new AppError('ERR_WEBHOOK_NOT_FOUND');
    return webhook;
  }

  async create(input: WebhookFields, actorUserId: string | null): Promise<Webhook> {
    const fields = await this.checkFields(input);
    const id = newId();
    await inTransaction(this.db, async (trx) => {
      await insertWebhook(trx, { id, ...fields, secret: newWebhookSecret(), createdByUserId: actorUserId }, this.clock.now());
      await this.audit.record(
        {
          actorUserId,
          action: 'webhook.created',
          subjectType: 'webhook',
          subjectId: id,
          details: { name: fields.name, url: fields.url, events: fields.events },
        },
        trx,
      );
    });
    return this.require(id);
  }

  async update(id: string, input: WebhookFields, actorUserId: string | null): Promise<Webhook> {
    await this.require(id);
    const fields = await this.checkFields(input);
    await inTransaction(this.db, async (trx) => {
      if (!(await updateWebhook(trx, id, fields))) throw new AppError('ERR_WEBHOOK_NOT_FOUND');
      await this.audit.record(
        {
          actorUserId,
          action: 'webhook.updated',
          subjectType: 'webhook',
          subjectId: id,
          details: { name: fields.name, url: fields.url, events: fields.events },
        },
        trx,
      );
    });
    return this.require(id);
  }

  /** Disabling stops new deliveries; pending ones wait until the webhook is enabled again. */
  async setActive(id: string, active: boolean, actorUserId: string | null): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      if (!(await setWebhookActive(trx, id, active))) throw new AppError('ERR_WEBHOOK_NOT_FOUND');
      await this.audit.record({ actorUserId, action: 'webhook.updated', subjectType: 'webhook', subjectId: id, details: { active } }, trx);
    });
  }

  async delete(id: string, actorUserId: string | null): Promise<void> {
    const webhook = await this.require(id);
    await inTransaction(this.db, async (trx) => {
      if (!(await deleteWebhook(trx, id))) throw new AppError('ERR_WEBHOOK_NOT_FOUND');
      await this.audit.record(
        { actorUserId, action: 'webhook.deleted', subjectType: 'webhook', subjectId: id, details: { name: webhook.name, url: webhook.url } },
        trx,
      );
    });
  }

  /** A new secret at once: deliveries still pending are signed with it when they are sent. */
  async rotateSecret(id: string, actorUserId: string | null): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      if (!(await setWebhookSecret(trx, id, newWebhookSecret()))) throw new AppError('ERR_WEBHOOK_NOT_FOUND');
      // The secret itself is never written to the log.
      await this.audit.record({ actorUserId, action: 'webhook.secret_rotated', subjectType: 'webhook', subjectId: id }, trx);
    });
  }

  /** Queues a `ping` delivery; returns its id. */
  async sendTest(id: string): Promise<string> {
    return this.dispatcher.ping(await this.require(id));
  }

  async deliveries(id: string, page: number): Promise<{ deliveries: WebhookDelivery[]; pagination: Pagination }> {
    await this.require(id);
    const total = await countDeliveries(this.db, id);
    const deliveries = await listDeliveries(this.db, id, { limit: DELIVERIES_PAGE_SIZE, offset: (page - 1) * DELIVERIES_PAGE_SIZE });
    return { deliveries, pagination: paginate(page, DELIVERIES_PAGE_SIZE, total) };
  }

  /** Sends a failed delivery again, the same body under the same id, with a fresh set of attempts. */
  async redeliver(webhookId: string, deliveryId: string): Promise<void> {
    if (!(await findDelivery(this.db, webhookId, deliveryId))) throw new AppError('ERR_WEBHOOK_DELIVERY_NOT_FOUND');
    if (!(await requeueFailedDelivery(this.db, webhookId, deliveryId, this.clock.now()))) throw new AppError('ERR_WEBHOOK_REDELIVER_INVALID');
  }

  private async checkFields(input: WebhookFields): Promise<{ name: string; url: string; events: WebhookEvent[] }> {
    const name = validateText(input.name, { field: 'name', code: 'ERR_WEBHOOK_NAME_INVALID', min: 1, max: MAX_NAME_LENGTH });
    const url = parseWebhookUrl(input.url.trim());
    if (!url) throw new AppError('ERR_WEBHOOK_URL_INVALID');
    const events = WEBHOOK_EVENTS.filter((event) => input.events.includes(event));
    if (events.length === 0 || input.events.some((event) => !(WEBHOOK_EVENTS as readonly string[]).includes(event))) {
      throw new AppError('ERR_WEBHOOK_EVENTS_INVALID');
    }
    if (!this.options.allowPrivate) {
      // A name that does not resolve now may later: it is checked again before every send.
      const check = await checkPublicHost(url);
      if (!check.ok && check.reason === 'private') throw new AppError('ERR_WEBHOOK_URL_PRIVATE');
    }
    return { name, url: url.href, events };
  }
}
