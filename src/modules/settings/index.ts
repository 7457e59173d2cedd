// The settings module's public face: other modules and src/web/** import from here, never from its
// files directly.
export { SettingsService, type SettingsProblem } from './settings.service.js';
export { DEFAULT_PUBLICATION, PublicationSettingsSchema } from './settings.types.js';
export type { PublicationSettings } from './settings.types.js';
// Its reaction (src/reactions.ts).
export { settingsReaction } from './settings.reaction.js';
export { publicationIconReaction } from './publication-icon.reaction.js';
// The site icon (/favicon.ico), drawn from the settings.
export { PublicationIconService } from './publication-icon.service.js';
export type { IconFile, PublicationIcons } from './publication-icon.service.js';
// Bulk writes for importers (the demo, archive imports, generated archives).
export { importPublicationSettings } from './settings-import.service.js';
