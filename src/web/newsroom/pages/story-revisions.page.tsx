import type { Revision, RevisionDiff } from '../../../modules/revisions/index.js';
import type { Translator } from '../../../shared/i18n/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';

/** A story's saves, newest first, each comparable with the one before and restorable. */
export function StoryRevisionsPage({
  site,
  viewer,
  id,
  revisions,
  names,
}: {
  site: SiteContext;
  viewer: NewsroomViewer;
  id: string;
  revisions: readonly Revision[];
  names: ReadonlyMap<string, string>;
}) {
  const translator = newsroomTranslator(site, viewer);
  const { t } = translator;
  return (
    <NewsroomLayout site={site} title={t('nr.storyRevisions.title')} viewer={viewer} current={newsroomPaths.stories()}>
      <h1>{t('nr.storyRevisions.title')}</h1>
      <p>
        <a href={newsroomPaths.story(id)}>{t('nr.storyRevisions.back')}</a>
      </p>
      {revisions.length === 0 ? (
        <p class="empty-note">{t('nr.storyRevisions.empty')}</p>
      ) : (
        <ol class="story-revisions" reversed>
          {revisions.map((revision) => (
            <li key={revision.id}>
              <RevisionLine translator={translator} revision={revision} names={names} timeZone={site.publication.timeZone} />
              {`: “${revision.snapshot.headline}”`}
              {revision.number > 1 && (
                <>
                  {' '}
                  <a href={newsroomPaths.storyDiff(id, revision.number - 1, revision.number)}>
                    {t('nr.storyRevisions.compare', { number: String(revision.number - 1) })}
                  </a>
                </>
              )}
              <form method="post" action={newsroomPaths.storyRestore(id, revision.number)} class="story-restore">
                <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
                <button type="submit">{t('nr.storyRevisions.restore', { number: String(revision.number) })}</button>
              </form>
            </li>
          ))}
        </ol>
      )}
    </NewsroomLayout>
  );
}

/**
 * "Revision 3 (saved), <time>, by Name": what made it, when and who. The name is put in by the
 * `name` tag itself, so whatever it holds is shown as text and never read as the message's markup.
 */
function RevisionLine({
  translator,
  revision,
  names,
  timeZone,
}: {
  translator: Translator;
  revision: Revision;
  names: ReadonlyMap<string, string>;
  timeZone: string;
}) {
  const { t, rich } = translator;
  const when = translator.dateTime(revision.createdAt, timeZone);
  const params = { number: String(revision.number), kind: t(`nr.storyRevisions.kind.${revision.kind}`), when };
  const tags = { time: () => <time dateTime={revision.createdAt.toISOString()}>{when}</time> };
  if (!revision.authorUserId) return <>{rich('nr.storyRevisions.line', tags, params)}</>;
  const name = names.get(revision.authorUserId) ?? t('nr.story.removedAccount');
  return <>{rich('nr.storyRevisions.lineBy', { ...tags, name: () => <>{name}</> }, { ...params, name })}</>;
}

/** What changed between two revisions; additions and removals are marked in words, not colour alone. */
export function StoryDiffPage({ site, viewer, id, diff }: { site: SiteContext; viewer: NewsroomViewer; id: string; diff: RevisionDiff }) {
  const { t } = newsroomTranslator(site, viewer);
  const numbers = { from: String(diff.from), to: String(diff.to) };
  const show = (value: unknown): string =>
    value === null || value === undefined || value === '' ? t('nr.storySaving.empty') : typeof value === 'string' ? value : JSON.stringify(value);
  return (
    <NewsroomLayout site={site} title={t('nr.storyRevisions.diffTitle', numbers)} viewer={viewer} current={newsroomPaths.stories()}>
      <h1>{t('nr.storyRevisions.diffHeading', numbers)}</h1>
      <p>
        <a href={newsroomPaths.storyRevisions(id)}>{t('nr.storyRevisions.all')}</a>
      </p>
      <h2>{t('nr.storyRevisions.fields')}</h2>
      {diff.fields.length === 0 ? (
        <p>{t('nr.storyRevisions.noFieldChanged')}</p>
      ) : (
        <DataTable
          class="newsroom-table"
          caption={t('nr.storyRevisions.changedFields')}
          columns={[t('nr.storyRevisions.col.field'), t('nr.storyRevisions.col.before'), t('nr.storyRevisions.col.after')]}
        >
          {diff.fields.map((change) => (
            <tr key={change.field}>
              <th scope="row">{t(`nr.storyRevisions.field.${change.field}`)}</th>
              <td>{show(change.before)}</td>
              <td>{show(change.after)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <h2>{t('nr.storyRevisions.body')}</h2>
      <ul class="story-diff-body">
        {diff.body.map((line, index) => (
          <li key={index} class={`diff-${line.op}`}>
            {line.op === 'added' ? (
              <ins>
                <span class="visually-hidden">{t('nr.storyRevisions.added')}</span>
                {line.text}
              </ins>
            ) : line.op === 'removed' ? (
              <del>
                <span class="visually-hidden">{t('nr.storyRevisions.removed')}</span>
                {line.text}
              </del>
            ) : (
              line.text
            )}
          </li>
        ))}
      </ul>
    </NewsroomLayout>
  );
}
