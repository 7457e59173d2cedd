// The comments module's public face: other modules and src/web/** import from here, never from its
// files directly. The repositories and their rows stay private.
export { CommentService, commentLimiters, memoryCommentLimiters } from './comment.service.js';
export type { CommentRateLimiters, NewComment } from './comment.service.js';
export {
  BLOCKLIST_MAX_ENTRIES,
  BLOCKLIST_MAX_LENGTH,
  COMMENTS_MODES,
  CommentModerationService,
  MODERATION_STEPS,
  QUEUE_PAGE_SIZE,
  checkModerationSettings,
} from './comment-moderation.service.js';
export type { CommentsMode, ModerationSettingsCheck, ModerationStep, Moderator, QueueItem, QueuePage } from './comment-moderation.service.js';
export { COMMENT_MAX_BYTES, COMMENT_MAX_GRAPHEMES, countGraphemes } from './comment-text.js';
export { COMMENTS_PAGE_SIZE, COMMENT_EDIT_WINDOW_MS, COMMENT_ORDERS, QUEUE_VIEWS } from './comment.types.js';
export type {
  Comment,
  CommentChange,
  CommentOrder,
  CommentPage,
  CommentStatus,
  CommentThread,
  CommentsState,
  HeldReason,
  QueueView,
} from './comment.types.js';
// Bulk writes for importers (the demo, archive imports, generated archives).
export { importStoryComments, importStoryThreads } from './comment-import.service.js';
export type { CommentImport, StoryCommentsImport } from './comment-import.service.js';
export { ReplyMailService } from './reply-mail.service.js';
export { replyMailReaction } from './reply-mail.reaction.js';
