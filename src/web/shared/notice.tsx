/**
 * A confirmation after a change, announced politely (role="status"), in the newsroom and the
 * reader account alike; nothing when there is nothing to say.
 */
export function Notice({ text }: { text: string | false | undefined }) {
  if (!text) return null;
  return (
    <p class="newsroom-notice" role="status">
      {text}
    </p>
  );
}
