import type { EditorHandle } from '../editor-handle.js';

/** Stub: the media part (figure NodeView, uploads, picker, pasted images) replaces this file. */
export function startMedia(_editor: EditorHandle): void {}
