// The mail module's public face: other modules and src/web/** import from here, never from its
// files directly. The repository and its rows stay private.
export { MAIL_KINDS } from './mail.types.js';
export type { MailDocumentParts, MailKind, MailQueue, OutgoingMail } from './mail.types.js';
