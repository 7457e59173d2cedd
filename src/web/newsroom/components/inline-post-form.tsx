import type { ComponentChildren } from 'preact';
import { CSRF_FIELD } from '../../http/csrf.js';

/** A small POST form that sits inside a table cell or a row of actions, carrying the CSRF token. */
export function InlinePostForm({ action, csrfToken, children }: { action: string; csrfToken: string; children: ComponentChildren }) {
  return (
    <form method="post" action={action} class="inline-form">
      <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
      {children}
    </form>
  );
}

/**
 * A one-button POST form. `context` is read only by screen readers, so that ten "Revoke" buttons
 * in a table each say which row they act on.
 */
export function PostButton({ action, csrfToken, label, context }: { action: string; csrfToken: string; label: string; context: string }) {
  return (
    <InlinePostForm action={action} csrfToken={csrfToken}>
      <button type="submit">
        {label}
        <span class="visually-hidden">{context}</span>
      </button>
    </InlinePostForm>
  );
}
