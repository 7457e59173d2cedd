import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { progressText } from './newsletter-issue.page.js';

describe('an issue’s delivery line', () => {
  const sent = { status: 'sent' as const, enqueued: 41, queued: 0, sent: 41, failed: 0, fannedOut: true };

  it('counts the queue’s messages of an issue sent from here', () => {
    assert.match(progressText(sent), /41\D+41\D+0\D+0/);
  });

  it('an issue sent before an import (no messages in the queue) gives its recipients, never "sent: 0"', () => {
    const text = progressText({ ...sent, sent: 0 });
    assert.match(text, /41/);
    assert.doesNotMatch(text, /Sent: 0/);
  });

  it('an issue not yet sent says so, whatever the counts', () => {
    assert.doesNotMatch(progressText({ ...sent, status: 'scheduled', enqueued: 0, sent: 0 }), /\d/);
  });
});
