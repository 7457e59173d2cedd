import { inTransaction, type Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { EventBus } from '../../shared/events.js';
import type { AuditService } from '../audit/index.js';
import { publishDueArticles } from './article-editing.repository.js';

/**
 * How often scheduled stories are checked. A story goes live at most this long after its time; the
 * ranked lists refresh every minute anyway, and a check is one indexed UPDATE that usually matches nothing.
 */
export const SCHEDULE_CHECK_INTERVAL_MS = 15_000;

/**
 * Publishes scheduled stories when their time comes. The schedule lives in the database (status
 * `scheduled`, published_at = the time), not in timers, so it survives restarts: the job
 * (scheduled-publish.job.ts) checks at start, which publishes everything that fell due while the
 * server was down, then every 15 seconds.
 */
export class ScheduledPublisher {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly audit: AuditService,
  ) {}

  /**
   * Publishes every scheduled story whose time has come; returns their ids. Idempotent, and safe
   * when several run at once (several processes, or a slow check overlapping the next): each story
   * is published by exactly one of them.
   */
  async publishDue(): Promise<string[]> {
    const ids = await inTransaction(this.db, async (trx) => {
      const published = await publishDueArticles(trx, this.clock.now());
      for (const id of published) {
        await this.audit.record(
          { actorUserId: null, action: 'story.published', subjectType: 'article', subjectId: id, details: { scheduled: true } },
          trx,
        );
      }
      return published;
    });
    if (ids.length > 0) await this.events.emit({ name: 'story.published', articleIds: ids, scheduled: true });
    return ids;
  }
}
