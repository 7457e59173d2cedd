/**
 * The story form's unsaved state, kept in this browser's localStorage under the story's id on every
 * change and cleared once a save succeeded: what survives a lost connection, a crash or an ended
 * session. Never the CSRF token.
 */
export interface LocalCopy {
  /** When it was written (ms since the epoch). */
  at: number;
  /** The version the unsaved work started from, and the open editor it was typed in. */
  baseVersion: string;
  editingSession: string;
  /** Every form field but the token, in order (multi-value fields repeat). */
  fields: Array<[string, string]>;
  /** Set when the form was submitted: a page answering "Saved." then clears it. */
  submitted?: boolean;
}

const KEY_PREFIX = 'dateline:story-draft:';
const NOT_KEPT = new Set(['_csrf']);

export function localCopyKey(storyId: string): string {
  return KEY_PREFIX + storyId;
}

/** The form's fields as the local copy keeps them. */
export function formFields(form: HTMLFormElement): Array<[string, string]> {
  const fields: Array<[string, string]> = [];
  new FormData(form).forEach((value, name) => {
    if (typeof value === 'string' && !NOT_KEPT.has(name)) fields.push([name, value]);
  });
  return fields;
}

export function readLocalCopy(storyId: string): LocalCopy | undefined {
  try {
    const text = window.localStorage.getItem(localCopyKey(storyId));
    if (!text) return undefined;
    const copy = JSON.parse(text) as LocalCopy;
    return Array.isArray(copy.fields) && typeof copy.at === 'number' ? copy : undefined;
  } catch {
    return undefined;
  }
}

/** Returns false when the browser refused (storage full or disabled): the status then says so. */
export function writeLocalCopy(storyId: string, copy: LocalCopy): boolean {
  try {
    window.localStorage.setItem(localCopyKey(storyId), JSON.stringify(copy));
    return true;
  } catch {
    return false;
  }
}

export function clearLocalCopy(storyId: string): void {
  try {
    window.localStorage.removeItem(localCopyKey(storyId));
  } catch {
    // Nothing kept, nothing to clear.
  }
}

/** Whether two field lists hold the same values (ignoring the saving fields, which change on every save). */
export function sameContent(a: Array<[string, string]>, b: Array<[string, string]>): boolean {
  const content = (fields: Array<[string, string]>) => JSON.stringify(fields.filter(([name]) => name !== 'baseVersion' && name !== 'editingSession'));
  return content(a) === content(b);
}

/**
 * Puts kept fields back into the form: text inputs and textareas, selects (several values for a
 * multiple select) and checkboxes. The rich body goes back through the editor (`bodyBlocks`).
 */
export function applyFields(form: HTMLFormElement, fields: Array<[string, string]>): void {
  const values = new Map<string, string[]>();
  for (const [name, value] of fields) values.set(name, [...(values.get(name) ?? []), value]);
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement)) continue;
    if (!element.name || element.name === '_csrf' || element.name === 'bodyBlocks' || element.disabled) continue;
    const kept = values.get(element.name) ?? [];
    if (element instanceof HTMLSelectElement) {
      for (const option of Array.from(element.options)) option.selected = kept.includes(option.value);
    } else if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) {
      element.checked = kept.includes(element.value);
    } else if (values.has(element.name)) {
      element.value = kept[0] ?? '';
    }
  }
}
