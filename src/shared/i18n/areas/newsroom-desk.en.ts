/** The newsroom desk messages in English (the reference; see docs/i18n.md). Keys start with the area's prefix. */
export const newsroomDeskEn = {} as const;
