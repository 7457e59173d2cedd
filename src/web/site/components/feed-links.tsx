import type { PageFeed } from './layout.js';

/** A list page's own feeds, under its heading; the sentence gives the links their purpose. */
export function FeedLinks({ feed }: { feed: PageFeed }) {
  return (
    <p class="feed-links">
      Follow {feed.title} in a feed reader:{' '}
      <a href={feed.rss} type="application/rss+xml">
        RSS
      </a>{' '}
      or{' '}
      <a href={feed.atom} type="application/atom+xml">
        Atom
      </a>
    </p>
  );
}
