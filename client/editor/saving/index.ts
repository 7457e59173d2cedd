import { SET_BODY_EVENT } from '../editor-handle.js';
import { editorLocale, msg } from '../messages.js';
import { showConflict, type ConflictView } from './conflict-panel.js';
import { applyFields, clearLocalCopy, formFields, readLocalCopy, sameContent, writeLocalCopy, type LocalCopy } from './local-copy.js';
import { startPresence } from './presence.js';

/** Autosave this long after typing stops… */
const QUIET_MS = 3_000;
/** …and at least this often while typing goes on. */
const MAX_WAIT_MS = 15_000;
/** While signed out or the server is unreachable, try again this often (and on focus, and when back online). */
const RETRY_MS = 15_000;

interface SaveAnswer {
  version?: number;
  savedAt?: string;
  errors?: Array<{ code?: string; field?: string; message?: string }>;
  conflict?: ConflictView;
}

/**
 * Saving that never loses work (docs/editor-saving.md): every change is kept in localStorage at
 * once, autosaved after a pause (version-checked, one revision per editing session), kept through
 * offline spells and ended sessions, and a save over someone else's newer one becomes a choice.
 */
export function startSaving(form: HTMLFormElement): void {
  const url = form.dataset['autosaveUrl'];
  const storyId = form.dataset['storyId'];
  if (!url || !storyId) return;
  const status = statusElement(form);
  const hidden = (name: string) => form.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  const pageFields = formFields(form);

  let changed = 0; // changes typed since the page opened
  let savedChange = 0; // the change the last successful save included
  let firstUnsaved = 0;
  let quietTimer = 0;
  let retryTimer = 0;
  let inFlight = false;
  let again = false;
  let blocked: 'conflict' | 'session' | null = null;

  const setStatus = (text: string, link?: { href: string; text: string }) => {
    status.textContent = text;
    if (link) {
      const anchor = document.createElement('a');
      anchor.href = link.href;
      anchor.target = '_blank';
      anchor.rel = 'noopener';
      anchor.textContent = link.text;
      status.append(' ', anchor);
    }
  };
  const keepLocally = (extra: Partial<LocalCopy> = {}) => {
    const ok = writeLocalCopy(storyId, {
      at: Date.now(),
      baseVersion: hidden('baseVersion')?.value ?? '',
      editingSession: hidden('editingSession')?.value ?? '',
      fields: formFields(form),
      ...extra,
    });
    if (!ok) setStatus(msg('nr.editor.save.notKept'));
  };
  const unsaved = () => changed > savedChange;

  const schedule = () => {
    window.clearTimeout(quietTimer);
    const waited = Date.now() - firstUnsaved;
    quietTimer = window.setTimeout(() => void save(), Math.max(0, Math.min(QUIET_MS, MAX_WAIT_MS - waited)));
  };
  const retryLater = () => {
    window.clearTimeout(retryTimer);
    retryTimer = window.setTimeout(() => void save(), RETRY_MS);
  };

  async function save(): Promise<void> {
    if (!unsaved() || blocked === 'conflict') return;
    if (!navigator.onLine) {
      setStatus(msg('nr.editor.save.offlineWillSave'));
      return;
    }
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    const including = changed;
    try {
      const body = new URLSearchParams(formFields(form));
      body.set('_csrf', hidden('_csrf')?.value ?? '');
      let response = await post(url!, body);
      let answer = await readAnswer(response);
      const code = answer.errors?.[0]?.code;
      if (code === 'ERR_NOT_SIGNED_IN' || code === 'ERR_CSRF_TOKEN_INVALID') {
        // Signed in again elsewhere: today's token, then the same save once more.
        if (await refreshCsrf(form)) {
          body.set('_csrf', hidden('_csrf')?.value ?? '');
          response = await post(url!, body);
          answer = await readAnswer(response);
        }
      }
      handle(response.status, answer, including);
    } catch {
      setStatus(msg(navigator.onLine ? 'nr.editor.save.connectionFailed' : 'nr.editor.save.offline'));
      retryLater();
    } finally {
      inFlight = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  }

  function handle(code: number, answer: SaveAnswer, including: number): void {
    const error = answer.errors?.[0];
    if (code === 200 && typeof answer.version === 'number') {
      const base = hidden('baseVersion');
      if (base) base.value = String(answer.version);
      savedChange = Math.max(savedChange, including);
      blocked = null;
      if (unsaved()) keepLocally();
      else clearLocalCopy(storyId!);
      setStatus(msg('nr.editor.save.savedAt', { time: new Date(answer.savedAt ?? Date.now()).toLocaleTimeString(editorLocale()) }));
      return;
    }
    if (error?.code === 'ERR_STORY_CONFLICT' && answer.conflict) {
      blocked = 'conflict';
      setStatus(msg('nr.editor.save.conflict', { name: answer.conflict.savedBy }));
      resolveConflict(answer.conflict);
      return;
    }
    if (error?.code === 'ERR_NOT_SIGNED_IN' || error?.code === 'ERR_CSRF_TOKEN_INVALID') {
      blocked = 'session';
      setStatus(msg('nr.editor.save.sessionEnded'), {
        href: form.dataset['signInUrl'] ?? '/newsroom/sign-in',
        text: msg('nr.editor.save.signInAgain'),
      });
      retryLater();
      return;
    }
    const messages = (answer.errors ?? []).map((problem) => problem.message).filter(Boolean);
    setStatus(msg('nr.editor.save.refusedBecause', { reasons: messages.join(' ') || msg('nr.editor.save.refused') }));
  }

  function resolveConflict(conflict: ConflictView): void {
    const done = (region: HTMLElement) => {
      const base = hidden('baseVersion');
      if (base) base.value = String(conflict.version);
      blocked = null;
      region.remove();
    };
    const region: HTMLElement = showConflict(form, conflict, {
      keepMine: () => {
        done(region);
        keepLocally();
        void save();
        document.querySelector<HTMLElement>('.ProseMirror, #headline')?.focus();
      },
      takeTheirs: () => {
        clearLocalCopy(storyId!);
        changed = savedChange;
        window.location.reload();
      },
      editFirst: () => {
        done(region);
        keepLocally();
        setStatus(msg('nr.editor.save.editFirst'));
        document.querySelector<HTMLElement>('.ProseMirror, #headline')?.focus();
      },
    });
  }

  form.addEventListener('input', (event) => {
    if ((event.target as Element | null)?.closest?.('#story-conflict')) return;
    if (!unsaved()) firstUnsaved = Date.now();
    changed++;
    keepLocally();
    if (!navigator.onLine) setStatus(msg('nr.editor.save.offline'));
    schedule();
  });
  form.addEventListener('change', () => form.dispatchEvent(new Event('input')));
  form.addEventListener('submit', () => {
    window.clearTimeout(quietTimer);
    keepLocally({ submitted: true });
  });
  window.addEventListener('offline', () => setStatus(msg('nr.editor.save.offline')));
  window.addEventListener('online', () => void save());
  window.addEventListener('focus', () => {
    if (blocked === 'session') void save();
  });

  // A save refused without the script (the form was posted): the page shows the conflict; go to it.
  document.getElementById('story-conflict')?.focus();
  restoreLocalWork(form, storyId, pageFields, setStatus, () => {
    changed++;
    firstUnsaved = Date.now();
    schedule();
  });
  startPresence(form);
}

/**
 * On opening the editor: unsaved work kept on this device is put back at once (never dropped), with
 * a notice and an Undo; it keeps the version it started from, so saving it is conflict-checked.
 * A copy the server already has (the form was submitted and the page says "Saved.") is cleared.
 */
function restoreLocalWork(
  form: HTMLFormElement,
  storyId: string,
  pageFields: Array<[string, string]>,
  setStatus: (text: string) => void,
  restored: () => void,
): void {
  const copy = readLocalCopy(storyId);
  if (!copy) return;
  const saved = /[?&]done=(saved|created)/.test(window.location.search);
  if ((copy.submitted && saved) || sameContent(copy.fields, pageFields)) {
    clearLocalCopy(storyId);
    return;
  }
  // A refused save's page already shows the text posted, with the choices: the copy waits (kept).
  if (document.getElementById('story-conflict')) return;
  const apply = (fields: Array<[string, string]>) => {
    applyFields(form, fields);
    const blocks = fields.find(([name]) => name === 'bodyBlocks')?.[1];
    if (blocks) {
      try {
        document.dispatchEvent(new CustomEvent(SET_BODY_EVENT, { detail: { blocks: JSON.parse(blocks) as unknown } }));
      } catch {
        // A damaged copy: the form's own body stays.
      }
    }
  };
  apply(copy.fields);
  const notice = document.createElement('div');
  notice.className = 'newsroom-notice story-restored';
  notice.setAttribute('role', 'status');
  notice.append(`${msg('nr.editor.restore.notice', { time: new Date(copy.at).toLocaleString(editorLocale()) })} `);
  const undo = document.createElement('button');
  undo.type = 'button';
  undo.textContent = msg('nr.editor.restore.undo');
  undo.addEventListener('click', () => {
    apply(pageFields);
    clearLocalCopy(storyId);
    notice.textContent = msg('nr.editor.restore.undone');
  });
  notice.append(undo);
  form.before(notice);
  setStatus(msg('nr.editor.restore.status'));
  restored();
}

function statusElement(form: HTMLFormElement): HTMLElement {
  const existing = document.getElementById('story-save-status');
  if (existing) return existing;
  const status = document.createElement('p');
  status.id = 'story-save-status';
  status.setAttribute('aria-live', 'polite');
  form.append(status);
  return status;
}

function post(url: string, body: URLSearchParams): Promise<Response> {
  return fetch(url, { method: 'POST', body, credentials: 'same-origin', headers: { accept: 'application/json' } });
}

async function readAnswer(response: Response): Promise<SaveAnswer> {
  try {
    return (await response.json()) as SaveAnswer;
  } catch {
    return { errors: [{ code: response.headers.get('x-error-code') ?? 'ERR_UNKNOWN' }] };
  }
}

/** Asks for the signed-in user's CSRF token and puts it in every form of the page; false when signed out. */
export async function refreshCsrf(form: HTMLFormElement): Promise<boolean> {
  const url = form.dataset['csrfUrl'];
  if (!url) return false;
  try {
    const response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!response.ok) return false;
    const { csrfToken } = (await response.json()) as { csrfToken?: string };
    if (!csrfToken) return false;
    document.querySelectorAll<HTMLInputElement>('input[name="_csrf"]').forEach((input) => (input.value = csrfToken));
    return true;
  } catch {
    return false;
  }
}
