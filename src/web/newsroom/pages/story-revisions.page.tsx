import type { Revision, RevisionDiff, RevisionKind } from '../../../modules/revisions/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { formatDateTime } from '../../shared/format.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

/** What made each revision, in words. */
const KIND_LABELS: Record<RevisionKind, string> = {
  save: 'saved',
  autosave: 'autosaved',
  restore: 'restored',
  submit: 'submitted for review',
  publish: 'published',
  schedule: 'scheduled',
  unpublish: 'unpublished',
};

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
  return (
    <NewsroomLayout site={site} title="Revisions" viewer={viewer} current={newsroomPaths.stories()}>
      <h1>Revisions</h1>
      <p>
        <a href={newsroomPaths.story(id)}>Back to the story</a>
      </p>
      {revisions.length === 0 ? (
        <p class="empty-note">No revisions saved yet.</p>
      ) : (
        <ol class="story-revisions" reversed>
          {revisions.map((revision) => (
            <li key={revision.id}>
              Revision {revision.number} ({KIND_LABELS[revision.kind]}),{' '}
              <time dateTime={revision.createdAt.toISOString()}>{formatDateTime(revision.createdAt, site.publication)}</time>
              {revision.authorUserId ? ` by ${names.get(revision.authorUserId) ?? 'a removed account'}` : ''}: “{revision.snapshot.headline}”
              {revision.number > 1 && (
                <>
                  {' '}
                  <a href={newsroomPaths.storyDiff(id, revision.number - 1, revision.number)}>Compare with revision {revision.number - 1}</a>
                </>
              )}
              <form method="post" action={newsroomPaths.storyRestore(id, revision.number)} class="story-restore">
                <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
                <button type="submit">Restore revision {revision.number}</button>
              </form>
            </li>
          ))}
        </ol>
      )}
    </NewsroomLayout>
  );
}

const show = (value: unknown): string =>
  value === null || value === undefined || value === '' ? '(empty)' : typeof value === 'string' ? value : JSON.stringify(value);

/** What changed between two revisions; additions and removals are marked in words, not colour alone. */
export function StoryDiffPage({ site, viewer, id, diff }: { site: SiteContext; viewer: NewsroomViewer; id: string; diff: RevisionDiff }) {
  return (
    <NewsroomLayout site={site} title={`Revision ${diff.from} → ${diff.to}`} viewer={viewer} current={newsroomPaths.stories()}>
      <h1>
        Changes from revision {diff.from} to revision {diff.to}
      </h1>
      <p>
        <a href={newsroomPaths.storyRevisions(id)}>All revisions</a>
      </p>
      <h2>Fields</h2>
      {diff.fields.length === 0 ? (
        <p>No field other than the body changed.</p>
      ) : (
        <DataTable class="newsroom-table" caption="Changed fields" columns={['Field', 'Before', 'After']}>
          {diff.fields.map((change) => (
            <tr key={change.field}>
              <th scope="row">{change.field}</th>
              <td>{show(change.before)}</td>
              <td>{show(change.after)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <h2>Body</h2>
      <ul class="story-diff-body">
        {diff.body.map((line, index) => (
          <li key={index} class={`diff-${line.op}`}>
            {line.op === 'added' ? (
              <ins>
                <span class="visually-hidden">Added: </span>
                {line.text}
              </ins>
            ) : line.op === 'removed' ? (
              <del>
                <span class="visually-hidden">Removed: </span>
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
