import { bodyPlainText, type ArticleBody } from '../../../modules/articles/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import type { NewsroomViewer } from './newsroom-layout.js';

/** What the editor shows of a story's translations (docs/editions.md). */
export interface TranslationView {
  /** The story this one translates, shown read-only beside the editor. */
  source: { headline: string; standfirst: string; body: ArticleBody; language: string; languageName: string; editUrl: string } | null;
  outdated: boolean;
  /** Switched-on editions its translation group has no story in yet, each with the form's address. */
  targets: ReadonlyArray<{ editionId: string; languageName: string; action: string }>;
}

/** The label the editor page and the story list show for a published translation whose source changed since. */
export const OUTDATED_TEXT = 'Outdated: the source changed since this translation was published';

/** The source's text, read-only, in its own language: plain HTML, so it needs no script. */
export function TranslationSourcePanel({ source }: { source: NonNullable<TranslationView['source']> }) {
  // One paragraph per block of the body; pictures, dividers and embeds carry no words to translate.
  const blocks = source.body.map((block) => bodyPlainText([block])).filter((text) => text.trim() !== '');
  return (
    <aside class="story-source" aria-labelledby="story-source-title">
      <h2 id="story-source-title">
        Source ({source.languageName}) <a href={source.editUrl}>open</a>
      </h2>
      <div class="story-source-text" lang={source.language}>
        <p class="story-source-headline">
          <strong>{source.headline}</strong>
        </p>
        {source.standfirst && <p class="story-source-standfirst">{source.standfirst}</p>}
        {blocks.map((text) => (
          <p>{text}</p>
        ))}
      </div>
    </aside>
  );
}

/** "Translate into …": one form per edition the story may still be translated into. */
export function TranslatePanel({ targets, viewer }: { targets: TranslationView['targets']; viewer: NewsroomViewer }) {
  if (targets.length === 0) return null;
  return (
    <section class="story-panel" aria-labelledby="story-translate-title">
      <h2 id="story-translate-title">Translations</h2>
      <p>Starts a draft in that edition from this story’s text, with this story beside it.</p>
      {targets.map((target) => (
        <form method="post" action={target.action} class="story-action">
          <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
          <input type="hidden" name="edition" value={target.editionId} />
          <button type="submit">Translate into {target.languageName}</button>
        </form>
      ))}
    </section>
  );
}
