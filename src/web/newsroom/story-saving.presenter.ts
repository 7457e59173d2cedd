import type { StoryConflict } from '../../modules/articles/index.js';
import type { StoryEditorPresence } from '../../modules/presence/index.js';
import type { PublicationSettings } from '../../modules/settings/index.js';
import { formatDateTime } from '../shared/format.js';
import { FIELD_LABELS } from './story-form.js';
import type { ConflictView, PresenceView } from '../../shared/editor-wire.types.js';

export type { ConflictView, PresenceView } from '../../shared/editor-wire.types.js';

const shown = (value: unknown): string =>
  value === null || value === undefined || value === '' ? '(empty)' : typeof value === 'string' ? value : JSON.stringify(value);

export function presentConflict(conflict: StoryConflict, names: ReadonlyMap<string, string>, publication: PublicationSettings): ConflictView {
  const savedBy = conflict.savedByUserId ? (names.get(conflict.savedByUserId) ?? 'a removed account') : 'someone';
  return {
    version: conflict.version,
    savedBy,
    savedAt: conflict.savedAt?.toISOString() ?? null,
    savedAtText: conflict.savedAt ? formatDateTime(conflict.savedAt, publication) : 'recently',
    fields: conflict.diff.fields.map((change) => ({
      field: change.field,
      label: FIELD_LABELS[change.field] ?? change.field,
      theirs: shown(change.before),
      yours: shown(change.after),
    })),
    body: conflict.diff.body.map((line) => ({ op: line.op, text: line.text })),
  };
}

export function presentPresence(others: readonly StoryEditorPresence[], publication: PublicationSettings): PresenceView[] {
  return others.map((other) => ({ name: other.displayName, since: other.since.toISOString(), sinceText: formatDateTime(other.since, publication) }));
}
