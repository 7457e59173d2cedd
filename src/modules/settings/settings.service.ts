import type { Db } from '../../db/database.js';
import type { EventBus } from '../../shared/events.js';
import { readSettings, writeSettings } from './settings.repository.js';
import { DEFAULT_PUBLICATION, PublicationSettingsSchema, type PublicationSettings } from './settings.types.js';

/** Publication settings, read once and kept in memory; every page needs them. */
export class SettingsService {
  private current: PublicationSettings = DEFAULT_PUBLICATION;

  constructor(
    private readonly db: Db,
    private readonly events: EventBus,
  ) {}

  async load(): Promise<PublicationSettings> {
    const stored = await readSettings(this.db);
    const merged = { ...DEFAULT_PUBLICATION, ...(stored['publication'] as Partial<PublicationSettings> | undefined) };
    const parsed = PublicationSettingsSchema.safeParse(merged);
    this.current = parsed.success ? parsed.data : DEFAULT_PUBLICATION;
    return this.current;
  }

  get publication(): PublicationSettings {
    return this.current;
  }

  async updatePublication(changes: Partial<PublicationSettings>): Promise<PublicationSettings> {
    const next = PublicationSettingsSchema.parse({ ...this.current, ...changes });
    await writeSettings(this.db, { publication: next });
    this.current = next;
    await this.events.emit('content.changed', { reason: 'settings' });
    return next;
  }
}
