import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { progressText } from './newsletter-issue.page.js';

describe('an issue’s delivery line', () => {
  const sent = { status: 'sent' as const, enqueued: 41, queued: 0, sent: 40, failed: 1, fannedOut: true };

  it('gives what was queued, sent, waiting and failed', () => {
    assert.match(progressText(sent), /41\D+40\D+0\D+1/);
  });

  it('an issue not yet sent says so, whatever the counts', () => {
    assert.doesNotMatch(progressText({ ...sent, status: 'scheduled', enqueued: 0, sent: 0 }), /\d/);
  });
});
