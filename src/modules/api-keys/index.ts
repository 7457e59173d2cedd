// The api-keys module's public face: other modules and src/web/** import from here, never from its
// files directly. The repository and its rows stay private.
export { ApiKeyService, DEFAULT_API_KEY_LIMITS, API_KEY_PREFIX, hashApiKey } from './api-key.service.js';
export type { ApiKeyLimits, ApiKeyServiceOptions } from './api-key.service.js';
export type { ApiKey } from './api-key.types.js';
