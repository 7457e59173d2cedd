import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from './config/config.js';
import { startupMessages } from './startup-messages.js';

describe('startup messages', () => {
  const announcement = { publicationName: 'The Daily', databaseDescription: 'SQLite', port: 3000, firstAdmin: null };

  it('warns when WEBHOOK_ALLOW_PRIVATE lets webhooks reach private addresses, and says nothing of it otherwise', () => {
    const warned = startupMessages(loadConfig({ WEBHOOK_ALLOW_PRIVATE: '1' }), announcement);
    assert.ok(warned.some((line) => /WEBHOOK_ALLOW_PRIVATE/.test(line)));
    const quiet = startupMessages(loadConfig({}), announcement);
    assert.ok(!quiet.some((line) => /WEBHOOK_ALLOW_PRIVATE/.test(line)));
    assert.match(quiet[0] ?? '', /^Dateline is serving The Daily at http:\/\/localhost:3000/);
  });
});
