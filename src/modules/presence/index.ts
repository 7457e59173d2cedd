// The presence module's public face: who has a story's editor open. The repository stays private.
export { PresenceService, PRESENCE_TTL_MS, assertEditingSession } from './presence.service.js';
export type { StoryEditorPresence } from './presence.service.js';
