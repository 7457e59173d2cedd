import type { LivePage } from '../../../modules/live/index.js';
import { translatorFor } from '../../../shared/i18n/index.js';
import { paths } from '../../shared/paths.js';
import { LiveEndedNote, LiveUpdateItem, type LiveRenderContext } from './live-update.js';

/** A live story's coverage as its article page shows it (see docs of the live protocol). */
export interface LiveCoverageView {
  page: LivePage;
  /** While live: the stream the page's script follows (absent once ended, and on older pages). */
  streamPath: string | null;
  /** The `before` cursor this page was asked for (an older page), else undefined. */
  before: string | undefined;
  articleSlug: string;
  context: LiveRenderContext;
}

/**
 * The live updates section: pinned ones on top (first page only), then newest first, the link to
 * older ones, and once ended, the ended note. Script-free: reloading shows every change; site.js
 * follows `data-live-stream` and holds new updates behind a button so the reader never jumps.
 */
export function LiveCoverage({ view }: { view: LiveCoverageView }) {
  const { page, context, streamPath, before } = view;
  const { t } = translatorFor(context.publication.language);
  const pinned = before === undefined ? page.pinned : [];
  const pinnedIds = new Set(pinned.map((update) => update.id));
  const updates = page.updates.filter((update) => !pinnedIds.has(update.id));
  const { endedAt } = page.coverage;
  return (
    <section
      class="live-coverage"
      id="live"
      aria-labelledby="live-heading"
      {...(streamPath ? { 'data-live-stream': streamPath, 'data-live-sequence': String(page.coverage.lastSequence) } : {})}
      data-msg-new-one={t('live.newUpdate', { count: '{count}' })}
      data-msg-new-other={t('live.newUpdates', { count: '{count}' })}
      data-msg-reload={t('live.reload')}
      data-msg-ended={t('live.endedNow')}
    >
      <h2 id="live-heading">{t('live.heading')}</h2>
      {endedAt && <LiveEndedNote endedAt={endedAt} publication={context.publication} />}
      <div class="live-new" hidden>
        <button type="button" class="live-new-button" />
      </div>
      <p class="live-status visually-hidden" role="status" />
      {pinned.length > 0 && (
        <ol class="live-pinned">
          {pinned.map((update) => (
            <LiveUpdateItem key={update.id} update={update} context={context} />
          ))}
        </ol>
      )}
      {pinned.length === 0 && updates.length === 0 && before === undefined && <p class="live-empty empty-note">{t('live.empty')}</p>}
      <ol class="live-updates">
        {updates.map((update) => (
          <LiveUpdateItem key={update.id} update={update} context={context} />
        ))}
      </ol>
      {(before !== undefined || page.olderCursor) && (
        <nav class="live-pages" aria-label={t('live.heading')}>
          {before !== undefined && <a href={`${paths.article(view.articleSlug)}#live`}>{t('live.newestUpdates')}</a>}{' '}
          {page.olderCursor && (
            <a rel="next" href={`${paths.article(view.articleSlug)}?before=${encodeURIComponent(page.olderCursor)}#live`}>
              {t('live.olderUpdates')}
            </a>
          )}
        </nav>
      )}
    </section>
  );
}
