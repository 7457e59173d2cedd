import type { ComponentChildren } from 'preact';

/**
 * A secret (invitation link, reset link, API key) shown right after it is made and never again:
 * only its hash is kept. `children` says what it is; `after` adds anything below the secret.
 */
export function ShownOnce({ secret, children, after }: { secret: string; children: ComponentChildren; after?: ComponentChildren }) {
  return (
    <div class="newsroom-notice invitation-link" role="status">
      <p>{children}</p>
      <p>
        <code>{secret}</code>
      </p>
      {after}
    </div>
  );
}
