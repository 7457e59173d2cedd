/**
 * What a reader sees of live coverage (the live story's page, its updates, key points and feed,
 * the LIVE badge in lists, and the words public/assets/site.js writes for it), in English: the
 * reference. Keys start with `live.`.
 */
export const readerLiveEn = {
  'live.badge': 'LIVE',
  'live.heading': 'Live updates',
  'live.summaryHeading': 'Key points',
  'live.keyEventsHeading': 'Key events',
  'live.keyEvent': 'Key event',
  'live.pinned': 'Pinned',
  'live.updated': 'Updated',
  'live.olderUpdates': 'Older updates',
  'live.newestUpdates': 'Back to the newest updates',
  'live.ended': 'Live coverage ended',
  'live.empty': 'No updates yet. This page shows them as they are posted.',
  'live.feedTitle': '{headline}: live updates',
  'live.feedDescription': 'The latest updates of a live story',
  'live.updateTitle': 'Update at {time}',
  'live.newUpdate': '{count} new update',
  'live.newUpdates': '{count} new updates',
  'live.reload': 'New updates: reload the page',
  'live.endedNow': 'Live coverage has ended.',
} as const;
