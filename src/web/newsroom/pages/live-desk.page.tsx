import { TYPE_LABELS } from '../../../modules/articles/index.js';
import type { MediaAsset } from '../../../modules/media/index.js';
import { LIVE_TYPE_LABEL, type LiveUpdate } from '../../../modules/live/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { ArticleBody } from '../../site/components/article-body.js';
import { ErrorSummary, RequiredNote, FieldWrap, type FieldError } from '../../shared/form-fields.js';
import { Notice } from '../../shared/notice.js';
import { paths } from '../../shared/paths.js';
import type { SiteContext } from '../../shared/site-context.js';
import { typeLabelText } from '../../shared/site-translator.js';
import { useTranslator } from '../../shared/translator-context.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { PostButton } from '../components/inline-post-form.js';
import type { LiveDeskView } from '../live-desk.js';
import { LiveMarks, LiveTextField, type LiveUpdateValues } from '../live-fields.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';

/** The types a story may take when its live coverage ends (any but Live). */
export const END_TYPE_LABELS = TYPE_LABELS.filter((label) => label !== LIVE_TYPE_LABEL);

export interface LiveDeskPageProps {
  site: SiteContext;
  viewer: NewsroomViewer;
  view: LiveDeskView;
  /** Who is looking: their own updates may be changed, anyone's with `live.manage`. */
  actor: { userId: string; canManage: boolean };
  notice?: string | undefined;
  errors?: readonly FieldError[];
  /** A refused post's text and marks, kept as typed. */
  composer?: LiveUpdateValues;
  /** A refused summary's text, kept as typed. */
  summaryText?: string;
  endTypeLabel?: string;
}

/**
 * A live story's desk: the quick composer, its updates newest first (pinned ones above), the key
 * points and ending the coverage. Works without script; newsroom-live.js posts without a reload and
 * refreshes the list so reporters see each other's updates.
 */
export function LiveDeskPage(props: LiveDeskPageProps) {
  const { site, viewer, view, actor } = props;
  const errors = props.errors ?? [];
  const translator = newsroomTranslator(site, viewer);
  const { t, rich, dateTime } = translator;
  const { story, state } = view;
  const title = t('nr.live.title', { headline: story.headline });
  const live = state === 'live';
  const timeZone = site.publication.timeZone;
  return (
    <NewsroomLayout
      site={site}
      title={errors.length > 0 ? t('nr.layout.errorTitle', { title }) : title}
      viewer={viewer}
      current={newsroomPaths.stories()}
    >
      <h1>{t('nr.live.heading')}</h1>
      <p>
        {rich('nr.live.storyLine', { story: () => <strong>{story.headline}</strong> })}{' '}
        <a href={newsroomPaths.story(story.id)}>{t('nr.live.editStory')}</a>
        {story.status === 'published' && (
          <>
            {' · '}
            <a href={paths.article(story.slug)}>{t('nr.live.viewOnSite')}</a>
          </>
        )}
      </p>
      <Notice text={props.notice} />
      <ErrorSummary errors={errors} />
      {state === 'not-live' && <p class="live-desk-state">{t('nr.live.state.notLive')}</p>}
      {state === 'not-published' && <p class="live-desk-state">{t('nr.live.state.notPublished')}</p>}
      {state === 'ended' && view.endedAt && <p class="live-desk-state">{t('nr.live.state.ended', { time: dateTime(view.endedAt, timeZone) })}</p>}

      {(live || props.composer) && (
        <section aria-labelledby="live-composer-heading">
          <h2 id="live-composer-heading">{t('nr.live.composerHeading')}</h2>
          <form
            method="post"
            action={newsroomPaths.liveAction(story.id, 'updates')}
            class="newsroom-form live-composer"
            data-live-composer
            data-posting={t('nr.live.posting')}
            data-posted={t('nr.live.postedScript')}
            data-failed={t('nr.live.postFailedScript')}
          >
            <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
            <RequiredNote />
            <LiveTextField value={props.composer?.text ?? ''} errors={errors} />
            <LiveMarks values={props.composer ?? { text: '', keyEvent: false, pinned: false }} canManage={actor.canManage} />
            <button type="submit">{t('nr.live.post')}</button>
            <p class="live-composer-status" id="live-composer-status" aria-live="polite" />
          </form>
        </section>
      )}

      <LiveUpdateList {...props} />

      {actor.canManage && (live || props.summaryText !== undefined) && (
        <section aria-labelledby="live-summary-heading">
          <h2 id="live-summary-heading">{t('nr.live.summaryHeading')}</h2>
          <form method="post" action={newsroomPaths.liveAction(story.id, 'summary')} class="newsroom-form">
            <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
            <FieldWrap id="live-summary" label={t('nr.live.summaryLabel')} hint={t('nr.live.summaryHint')} errors={errors}>
              {(describedBy, invalid) => (
                <textarea id="live-summary" name="summary" rows={6} aria-invalid={invalid ? 'true' : undefined} aria-describedby={describedBy}>
                  {props.summaryText ?? view.summary.join('\n')}
                </textarea>
              )}
            </FieldWrap>
            <button type="submit">{t('nr.live.saveSummary')}</button>
          </form>
        </section>
      )}
      {!actor.canManage || !live ? <KeyPoints summary={view.summary} /> : null}

      {actor.canManage && live && (
        <section aria-labelledby="live-end-heading" class="live-end">
          <h2 id="live-end-heading">{t('nr.live.endHeading')}</h2>
          <p class="curation-warning" id="live-end-warning">
            <strong>{t('nr.live.endWarning')}</strong>
          </p>
          <form method="post" action={newsroomPaths.liveAction(story.id, 'end')} class="newsroom-form">
            <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
            <FieldWrap id="live-end-type" label={t('nr.live.endType')} errors={errors}>
              {(describedBy, invalid) => (
                <select id="live-end-type" name="type-label" aria-invalid={invalid ? 'true' : undefined} aria-describedby={describedBy}>
                  {END_TYPE_LABELS.map((label) => (
                    <option key={label} value={label} selected={label === (props.endTypeLabel ?? 'News')}>
                      {typeLabelText(translator, label)}
                    </option>
                  ))}
                </select>
              )}
            </FieldWrap>
            <button type="submit" aria-describedby="live-end-warning">
              {t('nr.live.end')}
            </button>
          </form>
        </section>
      )}
      <script src={site.assetUrl('newsroom-live.js')} defer />
    </NewsroomLayout>
  );
}

/** The key points as a list, for those who read but do not edit them. */
function KeyPoints({ summary }: { summary: readonly string[] }) {
  const { t } = useTranslator();
  return (
    <section aria-labelledby="live-points-heading">
      <h2 id="live-points-heading">{t('nr.live.summaryHeading')}</h2>
      {summary.length === 0 ? (
        <p>{t('nr.live.noSummary')}</p>
      ) : (
        <ul>
          {summary.map((point, index) => (
            <li key={index}>{point}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The updates, pinned first, then newest first; the script swaps this section when it refreshes. */
function LiveUpdateList(props: LiveDeskPageProps) {
  const { t } = useTranslator();
  const { view } = props;
  const { pinned, updates, olderCursor } = view.page;
  const item = (update: LiveUpdate) => <LiveDeskItem key={update.id} update={update} figures={view.figures} {...props} />;
  return (
    <section id="live-desk-updates" aria-labelledby="live-updates-heading" data-live-refresh={view.state === 'live' && !view.older ? '' : undefined}>
      {pinned.length > 0 && (
        <>
          <h2 id="live-pinned-heading">{t('nr.live.pinnedHeading')}</h2>
          <ol class="live-desk-list" aria-labelledby="live-pinned-heading">
            {pinned.map(item)}
          </ol>
        </>
      )}
      <h2 id="live-updates-heading">{t('nr.live.updatesHeading')}</h2>
      {updates.length === 0 ? <p>{t('nr.live.noUpdates')}</p> : <ol class="live-desk-list">{updates.map(item)}</ol>}
      {(olderCursor || view.older) && (
        <p>
          {view.older && <a href={newsroomPaths.liveDesk(view.story.id)}>{t('nr.live.newest')}</a>}
          {view.older && olderCursor && ' · '}
          {olderCursor && (
            <a rel="next" href={newsroomPaths.liveDesk(view.story.id, { before: olderCursor })}>
              {t('nr.live.older')}
            </a>
          )}
        </p>
      )}
    </section>
  );
}

function LiveDeskItem({ update, figures, view, viewer, site, actor }: LiveDeskPageProps & { update: LiveUpdate; figures: Map<string, MediaAsset> }) {
  const { t, rich, dateTime } = useTranslator();
  const timeZone = site.publication.timeZone;
  const posted = dateTime(update.createdAt, timeZone);
  const mayChange = view.state === 'live' && (actor.canManage || update.userId === actor.userId);
  const context = t('nr.live.ofUpdate', { time: posted });
  return (
    <li class="live-desk-update" id={`update-${update.id}`} data-update-id={update.id}>
      <p class="live-desk-meta">
        {rich('nr.live.by', { author: () => <strong>{update.authorName}</strong> })} · <time dateTime={update.createdAt.toISOString()}>{posted}</time>
        {update.keyEvent && <span class="live-desk-mark"> · {t('nr.live.keyEventMark')}</span>}
        {update.pinned && <span class="live-desk-mark"> · {t('nr.live.pinnedMark')}</span>}
        {update.editedAt && <span class="live-desk-mark"> · {t('nr.live.edited', { time: dateTime(update.editedAt, timeZone) })}</span>}
      </p>
      <ArticleBody body={update.body} figures={figures} />
      {mayChange && (
        <div class="live-desk-actions">
          <a href={newsroomPaths.liveUpdate(view.story.id, update.id, 'edit')}>
            {t('nr.live.edit')}
            <span class="visually-hidden">{context}</span>
          </a>{' '}
          <PostButton
            action={newsroomPaths.liveUpdate(view.story.id, update.id, 'delete')}
            csrfToken={viewer.csrfToken}
            label={t('nr.live.delete')}
            context={context}
          />
        </div>
      )}
    </li>
  );
}
