import type { Translator } from '../../../shared/i18n/index.js';
import { LIVE_TYPE_LABEL } from '../../../modules/live/index.js';
import { typeLabelText } from '../../shared/site-translator.js';

/** The visible LIVE mark of a live story, in the page's language, wherever a list names the story. */
export function LiveBadge({ translator }: { translator: Pick<Translator, 't'> }) {
  return <span class="live-badge">{translator.t('live.badge')}</span>;
}

/** Whether a story is live now (the type label says so; ending the coverage changes it). */
export function isLiveStory(story: { typeLabel: string }): boolean {
  return story.typeLabel === LIVE_TYPE_LABEL;
}

/**
 * A story's type label after its section (" · Analysis"); nothing for plain News; for a live story
 * the LIVE badge, which stands out from the section line so readers spot live coverage in a list.
 */
export function TypeLabel({ label, translator }: { label: string; translator: Pick<Translator, 't'> }) {
  if (label === 'News') return null;
  if (label === LIVE_TYPE_LABEL) {
    return (
      <>
        {' '}
        <LiveBadge translator={translator} />
      </>
    );
  }
  return <span class="type-label"> · {typeLabelText(translator, label)}</span>;
}
