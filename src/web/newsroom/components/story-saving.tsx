import { h, type ComponentChild } from 'preact';
import { conflictDiffMarkup, type MarkupNode } from '../../../shared/conflict-diff.js';
import type { ConflictView, PresenceView } from '../story-saving.presenter.js';

/** The form fields every save carries: the version the editor started from, and which open editor it is. */
export function SavingFields({ baseVersion, editingSession }: { baseVersion: number; editingSession: string }) {
  return (
    <>
      <input type="hidden" name="baseVersion" value={String(baseVersion)} />
      <input type="hidden" name="editingSession" value={editingSession} />
    </>
  );
}

/** Who else has the story open: rendered with the page, then kept fresh by the editor's heartbeat. */
export function StoryPresence({ others }: { others: readonly PresenceView[] }) {
  return (
    <p id="story-presence" class="story-presence" aria-live="polite" aria-atomic="true" hidden={others.length === 0}>
      {others.length > 0 && (
        <>
          Also open by{' '}
          {others.map((other, index) => (
            <span key={other.since + other.name}>
              {index > 0 && ', '}
              <strong>{other.name}</strong> (since <time dateTime={other.since}>{other.sinceText}</time>)
            </span>
          ))}
          . Their saves and yours are checked against each other: nothing is overwritten without a choice.
        </>
      )}
    </p>
  );
}

/**
 * A refused save, inside the story form so its buttons submit the text kept in it: who saved and
 * when, their version against yours, and the choices. Additions and removals are marked in words,
 * not colour alone. The editor's script builds the same region from the JSON answer (saving/), with
 * the same diff (shared/conflict-diff.ts).
 */
export function StoryConflictPanel({ conflict, reloadUrl }: { conflict: ConflictView; reloadUrl: string }) {
  return (
    <section id="story-conflict" class="story-conflict" aria-labelledby="story-conflict-title" tabindex={-1}>
      <h2 id="story-conflict-title">Someone else saved this story</h2>
      <p>
        <strong>{conflict.savedBy}</strong> saved it at{' '}
        {conflict.savedAt ? <time dateTime={conflict.savedAt}>{conflict.savedAtText}</time> : conflict.savedAtText}, after you opened it, so your save
        was not written. Your text is still in the form below.
      </p>
      <ConflictDiff conflict={conflict} />
      <h3>What do you want to keep?</h3>
      <ul class="story-conflict-choices">
        <li>
          <button type="submit" name="resolve" value="keep-mine">
            Keep mine
          </button>{' '}
          saves your version over theirs (theirs stays in the revisions).
        </li>
        <li>
          <a href={reloadUrl}>Take theirs</a> reloads the story as they saved it; your changes are discarded.
        </li>
        <li>Or edit the form below to combine both, then save.</li>
      </ul>
    </section>
  );
}

/** The shared diff tree (shared/conflict-diff.ts) as page markup; text is escaped like any JSX text. */
function ConflictDiff({ conflict }: { conflict: ConflictView }) {
  return <>{conflictDiffMarkup(conflict).map(toVNode)}</>;
}

function toVNode(node: MarkupNode, index: number): ComponentChild {
  return typeof node === 'string' ? node : h(node.tag, { key: index, ...node.attrs }, ...node.children.map(toVNode));
}
