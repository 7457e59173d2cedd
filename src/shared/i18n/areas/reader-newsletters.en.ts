/** The reader's newsletter pages and e-mails in English: the reference. Keys start with `newsletter.`. */
export const readerNewslettersEn = {
} as const;
