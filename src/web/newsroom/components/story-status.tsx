import type { ArticleStatus } from '../../../modules/articles/index.js';
import type { PublicationSettings } from '../../../modules/settings/index.js';
import { formatDateTime } from '../../shared/format.js';
import { STATUS_LABELS } from './story-workflow-panel.js';

/**
 * A story's status in a desk list. A published story under an embargo is not yet visible to
 * readers, so it reads "Embargoed until …" rather than "Published"; any other status with an
 * embargo still ahead names it too. Times are the publication's.
 */
export function StoryStatus({
  status,
  embargoUntil,
  now,
  publication,
}: {
  status: ArticleStatus;
  embargoUntil: Date | null;
  now: Date;
  publication: PublicationSettings;
}) {
  const embargo = embargoUntil !== null && embargoUntil > now ? embargoUntil : null;
  const until = embargo && <time dateTime={embargo.toISOString()}>{formatDateTime(embargo, publication)}</time>;
  if (status === 'published' && until) {
    return (
      <>
        <span class="story-status story-status-embargoed">Embargoed</span> until {until}
      </>
    );
  }
  return (
    <>
      <span class={`story-status story-status-${status}`}>{STATUS_LABELS[status]}</span>
      {until && <> (embargo until {until})</>}
    </>
  );
}
