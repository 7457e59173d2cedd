import { defineReaction } from '../../shared/events.js';
import type { WebhookDispatcher } from './webhook-dispatcher.js';

/**
 * Queues webhook deliveries for story changes, on the origin node only (one row per delivery in the
 * shared database; WebhookSender sends them). A deleted story readers could see is announced as
 * `story.unpublished`, from what the event kept of it; a correction is a `story.updated`.
 */
export function webhooksReaction(dispatcher: Pick<WebhookDispatcher, 'storiesChanged' | 'storiesDeleted'>) {
  return defineReaction({
    name: 'webhooks',
    runsOn: 'origin',
    events: ['story.published', 'story.updated', 'story.corrected', 'story.unpublished', 'story.deleted'],
    async handle(event) {
      switch (event.name) {
        case 'story.published':
          return dispatcher.storiesChanged('story.published', event.articleIds);
        case 'story.updated':
        case 'story.corrected':
          return dispatcher.storiesChanged('story.updated', event.articleIds);
        case 'story.unpublished':
          return dispatcher.storiesChanged('story.unpublished', event.articleIds);
        case 'story.deleted':
          return dispatcher.storiesDeleted(event.removed);
      }
    },
  });
}
