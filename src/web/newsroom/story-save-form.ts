import { randomUUID } from 'node:crypto';
import type { SaveOptions } from '../../modules/articles/index.js';
import { AppError } from '../../shared/errors.js';
import { formField, type FormBody } from '../shared/form-body.js';

/** An editing session id as the page makes it (a UUID); the editor's script may make its own alike. */
const EDITING_SESSION = /^[A-Za-z0-9_-]{8,64}$/;
const VERSION = /^\d{1,9}$/;

/** A new editing session: one per opening of the editor page. */
export function newEditingSession(): string {
  return randomUUID();
}

/**
 * The saving fields of a story form (`baseVersion`, `editingSession`); either may be absent (a
 * client that does not send them is not version-checked), but a present one must be well formed.
 */
export function readSaveOptions(body: FormBody): Pick<SaveOptions, 'baseVersion' | 'editingSession'> {
  const base = formField(body, 'baseVersion');
  const session = formField(body, 'editingSession');
  if ((base !== '' && !VERSION.test(base)) || (session !== '' && !EDITING_SESSION.test(session))) {
    throw new AppError('ERR_STORY_SAVE_INVALID');
  }
  return { baseVersion: base === '' ? undefined : Number(base), editingSession: session === '' ? undefined : session };
}
