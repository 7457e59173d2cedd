// The settings module's public face: other modules and src/web/** import from here, never from its
// files directly.
export { SettingsService } from './settings.service.js';
export { DEFAULT_PUBLICATION, PublicationSettingsSchema } from './settings.types.js';
export type { PublicationSettings } from './settings.types.js';
// The key-value store itself, for modules that keep their own keys in it (curation: lead, banner).
export { readSettings, writeSettings } from './settings.repository.js';
