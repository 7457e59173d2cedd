import type { ArticleSummary } from '../../../modules/articles/index.js';
import type { ListMarker } from '../../../modules/audience/index.js';
import { slugify } from '../../../shared/slug.js';
import { paths } from '../../shared/paths.js';

/**
 * A titled list of stories. `numbered` lists (Popular Now, Must-Reads…) are ordered lists whose
 * rank is visible; each item may carry its section label.
 */
export function RankedList({
  title,
  stories,
  numbered = false,
  showSection = false,
  listId,
}: {
  title: string;
  stories: ArticleSummary[];
  numbered?: boolean;
  showSection?: boolean;
  /** Names the list in markup and marks its links, so a view from a click here does not feed this list. */
  listId?: ListMarker;
}) {
  if (stories.length === 0) return null;
  const id = `list-${listId ?? slugify(title)}`;
  const items = stories.map((story) => (
    <li key={story.id}>
      {showSection && <span class="section-label">{story.section.name}</span>}
      <a href={listId ? paths.articleFromList(story.slug, listId) : paths.article(story.slug)}>{story.headline}</a>
      {story.commentCount > 0 && <small class="list-comment-count"> Comments {story.commentCount}</small>}
    </li>
  ));
  return (
    <section class={`ranked-list${numbered ? ' ranked-list-numbered' : ''}`} aria-labelledby={id} data-list={listId}>
      <h2 id={id}>{title}</h2>
      {numbered ? <ol>{items}</ol> : <ul>{items}</ul>}
    </section>
  );
}
