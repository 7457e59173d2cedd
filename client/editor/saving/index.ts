/**
 * Stub: the saving part (autosave, conflicts, presence, offline) replaces this file. Until then it
 * keeps the old behaviour: save the form every ten seconds when it changed.
 */
export function startSaving(form: HTMLFormElement): void {
  const url = form.getAttribute('data-autosave-url');
  const status = document.getElementById('story-save-status');
  if (!url) return;
  let dirty = false;
  form.addEventListener('input', () => (dirty = true));
  form.addEventListener('change', () => (dirty = true));
  form.addEventListener('submit', () => (dirty = false));
  window.setInterval(() => {
    if (!dirty) return;
    dirty = false;
    const body = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
    fetch(url, { method: 'POST', body, credentials: 'same-origin' })
      .then((response) => response.json() as Promise<{ savedAt?: string }>)
      .then((result) => {
        if (status && result.savedAt) status.textContent = `Saved at ${new Date(result.savedAt).toLocaleTimeString()}`;
      })
      .catch(() => {
        dirty = true;
      });
  }, 10_000);
}
