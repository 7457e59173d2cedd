import type { MailDocumentParts, MailQueue, OutgoingMail } from '../modules/mail/index.js';

/**
 * INTERIM, until the mail module's MailService (branch mail-core) is merged: a queue held in memory
 * and a bare document renderer, so account mail can be built and tested. Replaced by deps.mail.
 */
export class InterimMailQueue implements MailQueue {
  readonly messages: OutgoingMail[] = [];
  async enqueue(mail: OutgoingMail): Promise<{ id: string }> {
    this.messages.push(mail);
    return { id: String(this.messages.length) };
  }
}

export function interimRender(parts: MailDocumentParts): string {
  return `<!doctype html><html lang="${parts.lang}"><head><title>${parts.title}</title></head><body><h1>${parts.title}</h1>${parts.bodyHtml}${parts.footerHtml ?? ''}</body></html>`;
}
