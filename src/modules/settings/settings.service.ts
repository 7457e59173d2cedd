import type { Db } from '../../db/database.js';
import { LatestLoad } from '../../shared/latest-load.js';
import { AppError } from '../../shared/errors.js';
import type { EventBus } from '../../shared/events.js';
import { textProblemOf } from '../../shared/text.js';
import type { MediaAsset, MediaLibrary } from '../media/index.js';
import { readSettings, writeSettings } from './settings.repository.js';
import { DEFAULT_PUBLICATION, PublicationSettingsSchema, type PublicationSettings } from './settings.types.js';

/** A setting that a change would leave invalid; `characters` when its text has characters no field may hold. */
export interface SettingsProblem {
  setting: keyof PublicationSettings;
  characters: boolean;
}

/** Publication settings, read once and kept in memory; every page needs them. */
export class SettingsService {
  private current: PublicationSettings = DEFAULT_PUBLICATION;
  /** Loads overlap (an event emitted in the background, then a save): only the latest applies. */
  private readonly loads = new LatestLoad();
  private logoAsset: MediaAsset | null = null;
  private iconAsset: MediaAsset | null = null;

  constructor(
    private readonly db: Db,
    private readonly events: EventBus,
    private readonly media: Pick<MediaLibrary, 'find'>,
  ) {}

  async load(): Promise<PublicationSettings> {
    const isLatest = this.loads.begin();
    const stored = await readSettings(this.db);
    const merged = { ...DEFAULT_PUBLICATION, ...(stored['publication'] as Partial<PublicationSettings> | undefined) };
    const current = readableSettings(merged);
    // Loaded here, not by the site context: both reload side by side, and the logo follows the settings.
    const logoAsset = current.logoMediaId ? ((await this.media.find(current.logoMediaId)) ?? null) : null;
    const iconAsset = current.iconMediaId ? ((await this.media.find(current.iconMediaId)) ?? null) : null;
    if (isLatest()) {
      this.current = current;
      this.logoAsset = logoAsset;
      this.iconAsset = iconAsset;
    }
    return this.current;
  }

  get publication(): PublicationSettings {
    return this.current;
  }

  /** The masthead logo, when one is set and its image still exists. */
  get logo(): MediaAsset | null {
    return this.logoAsset;
  }

  /** The site icon's image, when one is set and still exists (PublicationIconService draws it). */
  get icon(): MediaAsset | null {
    return this.iconAsset;
  }

  /**
   * The settings fields that `changes` would leave invalid (empty when all is well), including a
   * logo or icon that is not in the media library. Lets a form show every problem before anything is written.
   */
  async problemsWith(changes: Partial<PublicationSettings>): Promise<SettingsProblem[]> {
    const parsed = PublicationSettingsSchema.safeParse({ ...this.current, ...changes });
    const problems = new Map<keyof PublicationSettings, boolean>();
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        if (typeof key !== 'string' || !(key in PublicationSettingsSchema.shape)) continue;
        const setting = key as keyof PublicationSettings;
        problems.set(setting, (problems.get(setting) ?? false) || textProblemOf(issue) === 'characters');
      }
    }
    if (changes.logoMediaId && !problems.has('logoMediaId') && !(await this.media.find(changes.logoMediaId))) problems.set('logoMediaId', false);
    if (changes.iconMediaId && !problems.has('iconMediaId') && !(await this.media.find(changes.iconMediaId))) problems.set('iconMediaId', false);
    return [...problems].map(([setting, characters]) => ({ setting, characters }));
  }

  /** Saves changes to the settings; invalid ones are refused whole (ERR_SETTINGS_INVALID) and nothing is written. */
  async updatePublication(changes: Partial<PublicationSettings>): Promise<PublicationSettings> {
    const parsed = PublicationSettingsSchema.safeParse({ ...this.current, ...changes });
    if (!parsed.success) throw new AppError('ERR_SETTINGS_INVALID', parsed.error.issues.map((issue) => issue.path.join('.')).join(', '));
    const next = parsed.data;
    await writeSettings(this.db, { publication: next });
    this.loads.supersede();
    this.current = next;
    await this.events.emit({ name: 'settings.changed' });
    return next;
  }

  /**
   * Every stored key, for modules that keep their own keys in the settings store (curation: lead,
   * banner). Read afresh: only `publication` is kept in memory here.
   */
  readStored(): Promise<Record<string, unknown>> {
    return readSettings(this.db);
  }

  /** Writes other modules' keys through their database handle or transaction (`db` first). */
  writeIn(db: Db, values: Record<string, unknown>): Promise<void> {
    return writeSettings(db, values);
  }
}

/**
 * Stored settings as the site can use them: a value that no longer passes the rules (saved before a
 * rule was added, or edited by hand) falls back to its default alone, rather than taking every other
 * setting with it.
 */
function readableSettings(stored: Record<string, unknown>): PublicationSettings {
  const parsed = PublicationSettingsSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  const invalid = new Set(parsed.error.issues.map((issue) => issue.path[0]));
  const repaired = Object.fromEntries(Object.entries(stored).filter(([key]) => !invalid.has(key)));
  const retried = PublicationSettingsSchema.safeParse({ ...DEFAULT_PUBLICATION, ...repaired });
  return retried.success ? retried.data : DEFAULT_PUBLICATION;
}
