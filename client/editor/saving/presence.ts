import type { PresenceView } from '../../../src/shared/editor-wire.types.js';
import { msgParts } from '../messages.js';

/** Every open editor says so this often; the server forgets one silent for 60 s. */
const HEARTBEAT_MS = 20_000;

interface PresenceAnswer {
  others?: PresenceView[];
}

/**
 * Who else has the story open: a heartbeat to the presence endpoint, whose answer refreshes the
 * page's aria-live line (rendered by the server at load too). The line changes only when the people
 * do, so screen readers hear arrivals and departures, not every heartbeat.
 */
export function startPresence(form: HTMLFormElement): void {
  const url = form.dataset['presenceUrl'];
  const line = document.getElementById('story-presence');
  if (!url || !line) return;
  const fields = (extra: Record<string, string> = {}) => {
    const body = new URLSearchParams({
      _csrf: form.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '',
      editingSession: form.querySelector<HTMLInputElement>('input[name="editingSession"]')?.value ?? '',
      ...extra,
    });
    return body;
  };
  let shown = line.hidden ? '' : (line.textContent ?? '');

  const beat = async () => {
    if (!navigator.onLine) return;
    try {
      const response = await fetch(url, { method: 'POST', body: fields(), credentials: 'same-origin', headers: { accept: 'application/json' } });
      if (!response.ok) return;
      const { others = [] } = (await response.json()) as PresenceAnswer;
      const key = others.map((other) => `${other.name} ${other.since}`).join('|');
      if (key === shown) return;
      shown = key;
      line.replaceChildren();
      line.hidden = others.length === 0;
      if (others.length === 0) return;
      const people = document.createDocumentFragment();
      others.forEach((other, index) => {
        if (index > 0) people.append(', ');
        const name = document.createElement('strong');
        name.textContent = other.name;
        const time = document.createElement('time');
        time.dateTime = other.since;
        time.textContent = other.sinceText;
        people.append(...msgParts('nr.editor.presence.person', { name, time }));
      });
      line.append(...msgParts('nr.editor.presence.line', { people }));
    } catch {
      // Offline or the server is away: the next beat tries again.
    }
  };
  void beat();
  window.setInterval(() => void beat(), HEARTBEAT_MS);
  window.addEventListener('online', () => void beat());
  // Closing the editor says so at once; a crash is covered by the expiry.
  window.addEventListener('pagehide', () => navigator.sendBeacon(url, fields({ leaving: '1' })));
}
