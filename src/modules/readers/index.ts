// The readers module's public face: other modules and src/web/** import from here, never from its
// files directly. The repositories and their rows stay private.
export { ReaderService, MY_COMMENTS_PAGE_SIZE, SIGN_UP_LIMIT, memoryReaderLimiters, readerLimiters } from './reader.service.js';
export type { ReaderLimiters, ReaderSignIn } from './reader.service.js';
export { ReaderSessionService } from './reader-session.service.js';
export type { ActiveReaderSession } from './reader-session.service.js';
export { ReaderPasswordResetService, READER_RESET_LIFETIME_MS } from './reader-password-reset.service.js';
export { ReaderConfirmationService, READER_CONFIRMATION_LIFETIME_MS, CONFIRMATION_RESEND_LIMIT } from './reader-confirmation.service.js';
export { ReaderMail } from './reader-mail.js';
export type { ReaderLinks, ReaderMailDeps, ReplyNotice } from './reader-mail.js';
export { MAX_READER_NAME_LENGTH } from './reader.types.js';
export type { Reader, ReaderComment, ReaderCommentStatus } from './reader.types.js';
// Bulk writes for importers (the demo, archive imports, generated archives).
export { importReader } from './reader-import.service.js';
export type { ReaderImport } from './reader-import.service.js';
