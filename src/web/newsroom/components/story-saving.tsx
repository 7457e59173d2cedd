import { h, type ComponentChild } from 'preact';
import { conflictDiffMarkup, type MarkupNode } from '../../../shared/conflict-diff.js';
import { useTranslator } from '../../shared/translator-context.js';
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
  const { t, rich } = useTranslator();
  return (
    <p id="story-presence" class="story-presence" aria-live="polite" aria-atomic="true" hidden={others.length === 0}>
      {others.length > 0 && (
        <>
          {t('nr.storySaving.alsoOpenBy')}{' '}
          {others.map((other, index) => (
            <span key={other.since + other.name}>
              {index > 0 && ', '}
              <strong>{other.name}</strong>{' '}
              {rich('nr.storySaving.since', { time: () => <time dateTime={other.since}>{other.sinceText}</time> }, { since: other.sinceText })}
            </span>
          ))}
          {'. '}
          {t('nr.storySaving.checked')}
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
  const { t, rich } = useTranslator();
  // The name and time are put in by their tags, so what they hold is shown as text, never read as markup.
  const who = () => <strong>{conflict.savedBy}</strong>;
  const when = () => (conflict.savedAt ? <time dateTime={conflict.savedAt}>{conflict.savedAtText}</time> : conflict.savedAtText);
  return (
    <section id="story-conflict" class="story-conflict" aria-labelledby="story-conflict-title" tabindex={-1}>
      <h2 id="story-conflict-title">{t('nr.storySaving.conflictHeading')}</h2>
      <p>{rich('nr.storySaving.conflictText', { who, when }, { who: conflict.savedBy, when: conflict.savedAtText })}</p>
      <ConflictDiff conflict={conflict} />
      <h3>{t('nr.storySaving.keepQuestion')}</h3>
      <ul class="story-conflict-choices">
        <li>
          <button type="submit" name="resolve" value="keep-mine">
            {t('nr.storySaving.keepMine')}
          </button>{' '}
          {t('nr.storySaving.keepMineNote')}
        </li>
        <li>{rich('nr.storySaving.takeTheirs', { link: (text) => <a href={reloadUrl}>{text}</a> })}</li>
        <li>{t('nr.storySaving.combine')}</li>
      </ul>
    </section>
  );
}

/** The shared diff tree (shared/conflict-diff.ts) as page markup; text is escaped like any JSX text. */
function ConflictDiff({ conflict }: { conflict: ConflictView }) {
  const { t } = useTranslator();
  const words = {
    fieldsDiffer: t('nr.editor.conflict.fieldsDiffer'),
    field: t('nr.editor.conflict.field'),
    theirs: t('nr.editor.conflict.theirs'),
    yours: t('nr.editor.conflict.yours'),
    bodyHeading: t('nr.editor.conflict.bodyHeading'),
    onlyYours: t('nr.editor.conflict.onlyYours'),
    onlyTheirs: t('nr.editor.conflict.onlyTheirs'),
    sameBody: t('nr.editor.conflict.sameBody'),
  };
  return <>{conflictDiffMarkup(conflict, words).map(toVNode)}</>;
}

function toVNode(node: MarkupNode, index: number): ComponentChild {
  return typeof node === 'string' ? node : h(node.tag, { key: index, ...node.attrs }, ...node.children.map(toVNode));
}
