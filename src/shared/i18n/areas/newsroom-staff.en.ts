/** The newsroom staff messages in English (the reference; see docs/i18n.md). Keys start with the area's prefix. */
export const newsroomStaffEn = {} as const;
