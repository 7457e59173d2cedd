import type { ArticleSummary } from '../../../modules/articles/index.js';
import type { ListMarker } from '../../../modules/audience/index.js';
import { translatorFor, type Translator } from '../../../shared/i18n/index.js';
import { slugify } from '../../../shared/slug.js';
import { paths } from '../../shared/paths.js';
import { FragmentCache } from './fragment.js';
import { isLiveStory, LiveBadge } from './live-badge.js';

interface RankedListProps {
  title: string;
  stories: ArticleSummary[];
  numbered?: boolean;
  showSection?: boolean;
  /** Names the list in markup and marks its links, so a view from a click here does not feed this list. */
  listId?: ListMarker;
  /** The site's translator (site-translator.ts), for the comment counts; English when not given. */
  translator?: Translator;
}

/** Each list's HTML, kept beside the stories of the list snapshot it shows (fragment.tsx). */
const renderedLists = new FragmentCache<ArticleSummary>();

/**
 * A titled list of stories. `numbered` lists (Popular Now, Must-Reads…) are ordered lists whose
 * rank is visible; each item may carry its section label. The site-wide lists repeat on every page
 * until the lists are recomputed (new story objects), so each is rendered once per snapshot; You
 * May Also Like is the story's own, read per page, and rendered in place.
 */
export function RankedList(props: RankedListProps) {
  const { stories } = props;
  const first = stories[0];
  if (!first || props.listId === 'related') return <RankedListMarkup {...props} />;
  const variant = `${props.listId ?? ''}|${props.translator?.locale ?? ''}|${props.title}|${props.numbered ? 1 : 0}${props.showSection ? 1 : 0}`;
  return renderedLists.render(first, variant, () => <RankedListMarkup {...props} />, stories);
}

/** The list's markup, rendered in place (exported for the test that compares it with the cached copy). */
export function RankedListMarkup({
  title,
  stories,
  numbered = false,
  showSection = false,
  listId,
  translator = translatorFor('en'),
}: RankedListProps) {
  if (stories.length === 0) return null;
  const { t } = translator;
  const id = `list-${listId ?? slugify(title)}`;
  const items = stories.map((story) => (
    <li key={story.id}>
      {showSection && <span class="section-label">{story.section.name}</span>}
      {isLiveStory(story) && (
        <>
          <LiveBadge translator={translator} />{' '}
        </>
      )}
      <a href={listId ? paths.articleFromList(story.slug, listId) : paths.article(story.slug)}>{story.headline}</a>
      {story.commentCount > 0 && <small class="list-comment-count"> {t('list.commentCount', { count: story.commentCount })}</small>}
    </li>
  ));
  return (
    <section class={`ranked-list${numbered ? ' ranked-list-numbered' : ''}`} aria-labelledby={id} data-list={listId}>
      <h2 id={id}>{title}</h2>
      {numbered ? <ol>{items}</ol> : <ul>{items}</ul>}
    </section>
  );
}
