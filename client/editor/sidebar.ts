import type { EditorHandle } from './editor-handle.js';

/** Word count, reading time, length guides and the slug's address (filled in after the skeleton). */
export function startSidebar(_form: HTMLFormElement, _editor: EditorHandle): void {}
