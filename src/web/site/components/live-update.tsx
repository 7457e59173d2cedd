import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { LiveUpdate } from '../../../modules/live/index.js';
import type { MediaAsset } from '../../../modules/media/index.js';
import type { PublicationSettings } from '../../../modules/settings/index.js';
import { bodyFigureIds, bodyPlainText } from '../../../shared/article-body.js';
import { translatorFor } from '../../../shared/i18n/index.js';
import { formatDateTime } from '../../shared/format.js';
import { ArticleBody } from './article-body.js';

/**
 * What one update needs to be rendered, the same for the page and for the SSE frames: the edition's
 * publication settings (its language and time zone: `site.current(edition).publication`) and the
 * images its figure blocks show (`liveFigures`).
 */
export interface LiveRenderContext {
  publication: PublicationSettings;
  figures: Map<string, MediaAsset>;
}

/** A media lookup (the running site's `media`), for the images updates show. */
export interface LiveMediaLookup {
  findByIds(ids: readonly string[]): Promise<Map<string, MediaAsset>>;
}

/** The images the updates' figure blocks show, in one lookup whatever the number of updates. */
export async function liveFigures(media: LiveMediaLookup, updates: readonly LiveUpdate[]): Promise<Map<string, MediaAsset>> {
  const ids = [...new Set(updates.flatMap((update) => bodyFigureIds(update.body)))];
  return ids.length === 0 ? new Map() : media.findByIds(ids);
}

/** The element id an update is linked by (`#update-<id>`): key events, feeds and JSON-LD point here. */
export function liveUpdateAnchor(updateId: string): string {
  return `update-${updateId}`;
}

/** The first words of an update, for a key event's link and a feed entry's title. */
export function liveUpdateGist(update: Pick<LiveUpdate, 'body'>, max = 120): string {
  const text = bodyPlainText(update.body).replace(/\s+/g, ' ').trim();
  const chars = Array.from(text);
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/**
 * One update as readers see it: its time (a link to itself), the Pinned and Key event marks, its
 * author, its body through the article page's own renderer, and when corrected, the time of that.
 */
export function LiveUpdateItem({ update, context }: { update: LiveUpdate; context: LiveRenderContext }) {
  const { publication } = context;
  const { t } = translatorFor(publication.language);
  const anchor = liveUpdateAnchor(update.id);
  const classes = ['live-update', update.pinned && 'is-pinned', update.keyEvent && 'is-key-event'].filter(Boolean).join(' ');
  return (
    <li class={classes} id={anchor} data-update-id={update.id}>
      <p class="live-update-meta">
        <a class="live-update-time" href={`#${anchor}`}>
          <time dateTime={update.createdAt.toISOString()}>{formatDateTime(update.createdAt, publication)}</time>
        </a>
        {update.pinned && <span class="live-mark live-mark-pinned">{t('live.pinned')}</span>}
        {update.keyEvent && <span class="live-mark live-mark-key">{t('live.keyEvent')}</span>}
        <span class="live-update-author">{update.authorName}</span>
      </p>
      <ArticleBody body={update.body} figures={context.figures} />
      {update.editedAt && (
        <p class="live-update-edited">
          {t('live.updated')} <time dateTime={update.editedAt.toISOString()}>{formatDateTime(update.editedAt, publication)}</time>
        </p>
      )}
    </li>
  );
}

/** One `<li class="live-update">` as HTML: the page's lists and the SSE `update` frames use this one function. */
export function renderLiveUpdateItem(update: LiveUpdate, context: LiveRenderContext): string {
  return renderToString(h(LiveUpdateItem, { update, context }));
}

/** The key points box: the editors' points, then the key events, each linking to its update. */
export function LiveSummary({
  summary,
  keyEvents,
  context,
}: {
  summary: readonly string[];
  keyEvents: readonly LiveUpdate[];
  context: LiveRenderContext;
}) {
  const { publication } = context;
  const { t } = translatorFor(publication.language);
  const empty = summary.length === 0 && keyEvents.length === 0;
  // Rendered even when empty (hidden): the SSE `summary` frame replaces it in place.
  return (
    <section class="live-summary" aria-labelledby="live-summary-heading" hidden={empty}>
      <h2 id="live-summary-heading">{t('live.summaryHeading')}</h2>
      {summary.length > 0 && (
        <ul class="live-summary-points">
          {summary.map((point, index) => (
            <li key={index}>{point}</li>
          ))}
        </ul>
      )}
      {keyEvents.length > 0 && (
        <>
          <h3 class="live-key-events-heading">{t('live.keyEventsHeading')}</h3>
          <ol class="live-key-events">
            {keyEvents.map((update) => (
              <li key={update.id}>
                <a href={`#${liveUpdateAnchor(update.id)}`}>
                  <time dateTime={update.createdAt.toISOString()}>{formatDateTime(update.createdAt, publication)}</time>{' '}
                  <span class="live-key-event-gist">{liveUpdateGist(update)}</span>
                </a>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** The key points box as HTML (the page and the SSE `summary` frame). */
export function renderLiveSummary(summary: readonly string[], keyEvents: readonly LiveUpdate[], context: LiveRenderContext): string {
  return renderToString(h(LiveSummary, { summary, keyEvents, context }));
}

/** "Live coverage ended <time>", shown on the page once the coverage ended, and sent in the SSE `end` frame. */
export function LiveEndedNote({ endedAt, publication }: { endedAt: Date; publication: PublicationSettings }) {
  const { t } = translatorFor(publication.language);
  return (
    <p class="live-ended">
      {t('live.ended')} <time dateTime={endedAt.toISOString()}>{formatDateTime(endedAt, publication)}</time>
    </p>
  );
}

export function renderLiveEndedNote(endedAt: Date, context: Pick<LiveRenderContext, 'publication'>): string {
  return renderToString(h(LiveEndedNote, { endedAt, publication: context.publication }));
}
