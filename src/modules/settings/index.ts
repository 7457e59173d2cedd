// The settings module's public face: other modules and src/web/** import from here, never from its
// files directly.
export { SettingsService } from './settings.service.js';
export { DEFAULT_PUBLICATION, PublicationSettingsSchema } from './settings.types.js';
export type { PublicationSettings } from './settings.types.js';
// Its reaction (src/reactions.ts).
export { settingsReaction } from './settings.reaction.js';
// Bulk writes for importers (the demo, archive imports, generated archives).
export { importPublicationSettings } from './settings-import.service.js';
