import { CHANGE_EVENTS, COMMENT_EVENTS, commentedStories, defineReaction, STORY_EVENTS, type DomainEvent } from '../../shared/events.js';
import type { CdnPurger } from './cdn-purger.js';

/**
 * Tells the CDN which surrogate keys changed, on the origin node only: the other nodes reload
 * their memory and must not purge again. Stories purge their own keys and the pages listing them;
 * comments their story and the lists; anything else may show on every page (`site`).
 */
export function cdnPurgeReaction(cdn: Pick<CdnPurger, 'storiesChanged' | 'commentsChanged' | 'siteChanged'>) {
  return defineReaction({
    name: 'cdn-purge',
    runsOn: 'origin',
    events: CHANGE_EVENTS,
    handle(event) {
      if (isOneOf(event, STORY_EVENTS)) {
        cdn.storiesChanged(event.articleIds, event.name === 'story.deleted' ? event.removed.map((story) => story.id) : []);
      } else if (isOneOf(event, COMMENT_EVENTS)) {
        cdn.commentsChanged(commentedStories(event));
      } else {
        cdn.siteChanged();
      }
    },
  });
}

function isOneOf<K extends DomainEvent['name']>(event: DomainEvent, names: readonly K[]): event is Extract<DomainEvent, { name: K }> {
  return (names as readonly string[]).includes(event.name);
}
