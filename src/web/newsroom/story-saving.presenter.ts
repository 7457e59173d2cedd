import type { StoryConflict } from '../../modules/articles/index.js';
import type { StoryEditorPresence } from '../../modules/presence/index.js';
import type { PublicationSettings } from '../../modules/settings/index.js';
import type { Translator } from '../../shared/i18n/index.js';
import { fieldLabel } from './story-form.js';
import type { ConflictView, PresenceView } from '../../shared/editor-wire.types.js';

export type { ConflictView, PresenceView } from '../../shared/editor-wire.types.js';

/**
 * A refused save for the page and the editor's script, in the words of the person whose save it was
 * (the translator's): who saved, when, and each differing field by its name.
 */
export function presentConflict(
  conflict: StoryConflict,
  names: ReadonlyMap<string, string>,
  publication: Pick<PublicationSettings, 'timeZone'>,
  translator: Translator,
): ConflictView {
  const { t } = translator;
  const shown = (value: unknown): string =>
    value === null || value === undefined || value === '' ? t('nr.storySaving.empty') : typeof value === 'string' ? value : JSON.stringify(value);
  const savedBy = conflict.savedByUserId ? (names.get(conflict.savedByUserId) ?? t('nr.story.removedAccount')) : t('nr.storySaving.someone');
  return {
    version: conflict.version,
    savedBy,
    savedAt: conflict.savedAt?.toISOString() ?? null,
    savedAtText: conflict.savedAt ? translator.dateTime(conflict.savedAt, publication.timeZone) : t('nr.storySaving.recently'),
    fields: conflict.diff.fields.map((change) => ({
      field: change.field,
      label: fieldLabel(translator, change.field),
      theirs: shown(change.before),
      yours: shown(change.after),
    })),
    body: conflict.diff.body.map((line) => ({ op: line.op, text: line.text })),
  };
}

/** Who else has the story open, with since when in the translator's language. */
export function presentPresence(
  others: readonly StoryEditorPresence[],
  publication: Pick<PublicationSettings, 'timeZone'>,
  translator: Pick<Translator, 'dateTime'>,
): PresenceView[] {
  return others.map((other) => ({
    name: other.displayName,
    since: other.since.toISOString(),
    sinceText: translator.dateTime(other.since, publication.timeZone),
  }));
}
