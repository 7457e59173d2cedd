import { AppError } from '../../shared/errors.js';
import type { ArticleStatus } from './article.types.js';

/**
 * Every status change the newsroom allows, as data: from → the statuses it may move to. Who may make
 * each move is a permission (users/permissions.ts), checked by ArticleEditingService.
 *
 * - scheduled → scheduled: an editor moves the publishing time.
 * - scheduled → published: the time came (ScheduledPublisher) or an editor publishes early.
 * - unpublished → published/scheduled: a withdrawn story may be put back.
 * Nothing returns to draft or review yet; that arrives with the newsroom's review screens.
 */
export const STATUS_TRANSITIONS: Readonly<Record<ArticleStatus, readonly ArticleStatus[]>> = {
  draft: ['in_review', 'scheduled', 'published'],
  in_review: ['scheduled', 'published'],
  scheduled: ['scheduled', 'published'],
  published: ['unpublished'],
  unpublished: ['scheduled', 'published'],
};

export function canTransition(from: ArticleStatus, to: ArticleStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

/** Throws ERR_STORY_TRANSITION_INVALID (409) when the table does not allow the move. */
export function assertTransition(from: ArticleStatus, to: ArticleStatus): void {
  if (!canTransition(from, to)) throw new AppError('ERR_STORY_TRANSITION_INVALID', `${from} → ${to} is not allowed`);
}
