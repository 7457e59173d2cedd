import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { RemovedStory } from '../../shared/events.js';
import { newId } from '../../shared/ids.js';
import { findArticleById, type Article } from '../articles/index.js';
import { insertDeliveries, listActiveWebhooksFor, type NewDelivery } from './webhook.repository.js';
import type { Webhook, WebhookEvent } from './webhook.types.js';

/** The story as a payload describes it; an unpublished or deleted story carries only id, slug, url and headline. */
export type ArticlePayload = Record<string, unknown> & { id: string; slug: string; url: string; headline: string };

/**
 * Turns story changes into deliveries: one `webhook_deliveries` row per active webhook subscribed
 * to the event, holding the exact body to send. Rows are written before the event's flow returns,
 * so a restart loses nothing; `WebhookSender` sends them.
 */
export class WebhookDispatcher {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    /** The story's absolute public URL in its edition (web/shared/absolute-urls.ts); no edition: the default one. */
    private readonly articleUrl: (slug: string, editionId?: string) => string,
  ) {}

  /** `event` for each of these stories that is in the state the event describes (others are skipped). */
  async storiesChanged(event: WebhookEvent, articleIds: readonly string[]): Promise<void> {
    const webhooks = await listActiveWebhooksFor(this.db, event);
    if (webhooks.length === 0) return;
    await this.queueAll(webhooks, event, await this.articlesFor(event, articleIds));
  }

  /** Deleted stories that readers could see: `story.unpublished`, from what the event kept of them. */
  async storiesDeleted(removed: readonly RemovedStory[]): Promise<void> {
    if (removed.length === 0) return;
    const webhooks = await listActiveWebhooksFor(this.db, 'story.unpublished');
    if (webhooks.length === 0) return;
    const articles = removed.map((story) => ({
      id: story.id,
      slug: story.slug,
      url: this.articleUrl(story.slug, story.editionId),
      headline: story.headline,
    }));
    await this.queueAll(webhooks, 'story.unpublished', articles);
  }

  /** The newsroom's "send a test delivery": a `ping` to one webhook, whatever it subscribes to. */
  async ping(webhook: Pick<Webhook, 'id' | 'name'>): Promise<string> {
    const [id] = await this.queue([webhook], 'ping', null, (deliveryId, occurredAt) => ({
      id: deliveryId,
      event: 'ping',
      occurred_at: occurredAt,
      webhook: { id: webhook.id, name: webhook.name },
    }));
    return id ?? '';
  }

  private async queueAll(webhooks: ReadonlyArray<Pick<Webhook, 'id'>>, event: WebhookEvent, articles: readonly ArticlePayload[]): Promise<void> {
    for (const article of articles) {
      await this.queue(webhooks, event, article.id, (id, occurredAt) => ({ id, event, occurred_at: occurredAt, article }));
    }
  }

  private async queue(
    webhooks: ReadonlyArray<Pick<Webhook, 'id'>>,
    event: string,
    articleId: string | null,
    body: (deliveryId: string, occurredAt: string) => Record<string, unknown>,
  ): Promise<string[]> {
    const now = this.clock.now();
    const deliveries: NewDelivery[] = webhooks.map((webhook) => {
      const id = newId();
      return { id, webhookId: webhook.id, event, articleId, payload: JSON.stringify(body(id, now.toISOString())), createdAt: now };
    });
    await insertDeliveries(this.db, deliveries);
    return deliveries.map((delivery) => delivery.id);
  }

  /** The stories as the payload describes them; stories in another state are skipped. */
  private async articlesFor(event: WebhookEvent, articleIds: readonly string[]): Promise<ArticlePayload[]> {
    const payloads: ArticlePayload[] = [];
    for (const id of articleIds) {
      const article = await findArticleById(this.db, id);
      if (!article) continue;
      if (event === 'story.unpublished') {
        if (article.status === 'unpublished')
          payloads.push({ id, slug: article.slug, url: this.articleUrl(article.slug, article.editionId), headline: article.headline });
      } else if (article.status === 'published') {
        payloads.push(this.describe(article));
      }
    }
    return payloads;
  }

  private describe(article: Article): ArticlePayload {
    return {
      id: article.id,
      slug: article.slug,
      url: this.articleUrl(article.slug, article.editionId),
      headline: article.headline,
      section: { slug: article.section.slug, name: article.section.name },
      authors: article.authors.map((author) => ({ slug: author.slug, name: author.name })),
      published_at: article.publishedAt.toISOString(),
      updated_at: article.updatedAt?.toISOString() ?? null,
    };
  }
}
