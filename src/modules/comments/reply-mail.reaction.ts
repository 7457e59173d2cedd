import { defineReaction } from '../../shared/events.js';
import type { ReplyMailService } from './reply-mail.service.js';

/**
 * A reply became visible (posted without moderation, or approved): its parent's author may have
 * asked to be mailed. On the origin node only: the mail queue is in the shared database.
 */
export function replyMailReaction(replies: Pick<ReplyMailService, 'replyPublished'>) {
  return defineReaction({
    name: 'reply-mail',
    runsOn: 'origin',
    events: ['comment.posted', 'comment.moderated'],
    async handle(event) {
      if (event.name === 'comment.moderated' && event.step !== 'approve') return;
      await replies.replyPublished(event.commentId);
    },
  });
}
