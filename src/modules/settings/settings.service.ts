import type { Db } from '../../db/database.js';
import type { EventBus } from '../../shared/events.js';
import type { MediaAsset, MediaLibrary } from '../media/index.js';
import { readSettings, writeSettings } from './settings.repository.js';
import { DEFAULT_PUBLICATION, PublicationSettingsSchema, type PublicationSettings } from './settings.types.js';

/** Publication settings, read once and kept in memory; every page needs them. */
export class SettingsService {
  private current: PublicationSettings = DEFAULT_PUBLICATION;
  private logoAsset: MediaAsset | null = null;

  constructor(
    private readonly db: Db,
    private readonly events: EventBus,
    private readonly media: Pick<MediaLibrary, 'find'>,
  ) {}

  async load(): Promise<PublicationSettings> {
    const stored = await readSettings(this.db);
    const merged = { ...DEFAULT_PUBLICATION, ...(stored['publication'] as Partial<PublicationSettings> | undefined) };
    const parsed = PublicationSettingsSchema.safeParse(merged);
    this.current = parsed.success ? parsed.data : DEFAULT_PUBLICATION;
    // Loaded here, not by the site context: both reload side by side, and the logo follows the settings.
    this.logoAsset = this.current.logoMediaId ? ((await this.media.find(this.current.logoMediaId)) ?? null) : null;
    return this.current;
  }

  get publication(): PublicationSettings {
    return this.current;
  }

  /** The masthead logo, when one is set and its image still exists. */
  get logo(): MediaAsset | null {
    return this.logoAsset;
  }

  /**
   * The settings fields that `changes` would leave invalid (empty when all is well), including a
   * logo that is not in the media library. Lets a form show every problem before anything is written.
   */
  async problemsWith(changes: Partial<PublicationSettings>): Promise<Array<keyof PublicationSettings>> {
    const parsed = PublicationSettingsSchema.safeParse({ ...this.current, ...changes });
    const problems = new Set<keyof PublicationSettings>();
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        if (typeof key === 'string' && key in PublicationSettingsSchema.shape) problems.add(key as keyof PublicationSettings);
      }
    }
    if (changes.logoMediaId && !problems.has('logoMediaId') && !(await this.media.find(changes.logoMediaId))) problems.add('logoMediaId');
    return [...problems];
  }

  async updatePublication(changes: Partial<PublicationSettings>): Promise<PublicationSettings> {
    const next = PublicationSettingsSchema.parse({ ...this.current, ...changes });
    await writeSettings(this.db, { publication: next });
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
