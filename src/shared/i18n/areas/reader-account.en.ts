/** The reader account messages in English (the reference; see docs/i18n.md). Keys start with the area's prefix. */
export const readerAccountEn = {} as const;
