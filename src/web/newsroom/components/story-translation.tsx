import { bodyPlainText, type ArticleBody } from '../../../modules/articles/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { useTranslator } from '../../shared/translator-context.js';
import type { NewsroomViewer } from './newsroom-layout.js';

/** What the editor shows of a story's translations (docs/editions.md). */
export interface TranslationView {
  /** The story this one translates, shown read-only beside the editor. */
  source: { headline: string; standfirst: string; body: ArticleBody; language: string; languageName: string; editUrl: string } | null;
  outdated: boolean;
  /** Switched-on editions its translation group has no story in yet, each with the form's address. */
  targets: ReadonlyArray<{ editionId: string; languageName: string; action: string }>;
}

/** The source's text, read-only, in its own language: plain HTML, so it needs no script. */
export function TranslationSourcePanel({ source }: { source: NonNullable<TranslationView['source']> }) {
  // One paragraph per block of the body; pictures, dividers and embeds carry no words to translate.
  const blocks = source.body.map((block) => bodyPlainText([block])).filter((text) => text.trim() !== '');
  const { rich } = useTranslator();
  return (
    <aside class="story-source" aria-labelledby="story-source-title">
      <h2 id="story-source-title">
        {rich('nr.storyTranslation.source', { link: (text) => <a href={source.editUrl}>{text}</a> }, { language: source.languageName })}
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
  const { t } = useTranslator();
  if (targets.length === 0) return null;
  return (
    <section class="story-panel" aria-labelledby="story-translate-title">
      <h2 id="story-translate-title">{t('nr.storyTranslation.heading')}</h2>
      <p>{t('nr.storyTranslation.intro')}</p>
      {targets.map((target) => (
        <form method="post" action={target.action} class="story-action">
          <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
          <input type="hidden" name="edition" value={target.editionId} />
          <button type="submit">{t('nr.storyTranslation.into', { language: target.languageName })}</button>
        </form>
      ))}
    </section>
  );
}
