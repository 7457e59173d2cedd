/** The story editor's browser script (client/editor/) in English: the reference. Keys start with `nr.editor.`. */
export const newsroomEditorEn = {
} as const;
