import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DemoArticle, DemoLiveCoverage } from './demo-content.types.js';
import { liveCoverageKo, liveStoriesKo } from './live-coverage-ko.js';
import { liveCoverage, liveStories } from './live-coverage.js';

const HANGUL = /\p{Script=Hangul}/gu;
/** A translation goes out up to 20 minutes after its original (demo-korean-edition.ts). */
const TRANSLATION_LAG_MINUTES = 20;

/** Each problem of an edition's live coverage as "story: what is wrong", so one run names them all. */
function problems(coverage: readonly DemoLiveCoverage[], stories: readonly DemoArticle[]): string[] {
  return coverage.flatMap((entry) => {
    const found: string[] = [];
    const problem = (text: string) => found.push(`${entry.story}: ${text}`);
    const story = stories.find((candidate) => candidate.slug === entry.story);
    if (!story) return [`${entry.story}: no such story in its edition`];
    const ended = entry.endedMinutesAfter !== undefined;
    if (ended === (story.typeLabel === 'Live')) problem(`typeLabel ${story.typeLabel} while ${ended ? 'ended' : 'live'}`);
    if (entry.updates.length < 8) problem(`${entry.updates.length} updates`);
    if (!entry.updates.some((update) => update.keyEvent)) problem('no key event');
    if (entry.updates.filter((update) => update.pinned).length !== 1) problem('not exactly one pinned update');
    if (entry.summary.length < 4 || entry.summary.length > 10) problem(`${entry.summary.length} key points`);
    if (entry.summary.some((point) => [...point].length > 300)) problem('a key point over 300 characters');
    if (new Set(entry.updates.map((update) => update.author)).size < 2) problem('one author');
    const times = entry.updates.map((update) => update.minutesAfter);
    if (times.some((time, index) => index > 0 && time <= (times[index - 1] ?? 0)) || (times[0] ?? -1) < 0) problem('updates out of order');
    // Every change must lie in the past: a live story's last update before its publication's
    // earliest possible time (a translation's may come TRANSLATION_LAG_MINUTES after its original).
    const lastChange = Math.max(...entry.updates.map((update) => update.editedMinutesAfter ?? update.minutesAfter), entry.endedMinutesAfter ?? 0);
    const horizon = story.hoursAgo * 60 - ('translationOf' in story && story.translationOf ? TRANSLATION_LAG_MINUTES : 0);
    if (lastChange >= horizon) problem(`a change ${lastChange} minutes after publication, which may be in the future`);
    if (ended && (entry.endedMinutesAfter ?? 0) <= Math.max(...times)) problem('ended before its last update');
    for (const update of entry.updates) {
      if (update.editedMinutesAfter !== undefined && update.editedMinutesAfter <= update.minutesAfter) problem('an edit before its update');
      if ([...update.markdown].length > 5000) problem('an update over 5,000 characters');
    }
    const figures = entry.updates.filter((update) => /^\[\[figure\]\]$/m.test(update.markdown)).length;
    if (figures !== (entry.figure ? 1 : 0)) problem(`${figures} figure lines`);
    return found;
  });
}

describe('demo live coverage', () => {
  it('has a running and an ended English live story, complete and consistent', () => {
    assert.deepEqual(problems(liveCoverage, liveStories), []);
    assert.ok(liveCoverage.some((entry) => entry.endedMinutesAfter === undefined && entry.updates.length >= 12));
    assert.ok(liveCoverage.some((entry) => entry.endedMinutesAfter !== undefined));
    const all = liveCoverage.flatMap((entry) => entry.updates.map((update) => update.markdown)).join('\n');
    assert.match(all, /^> — /m, 'a quote with its attribution');
    assert.match(all, /\]\(https:\/\//, 'a link');
  });

  it('has a Korean live story, written in Korean', () => {
    assert.deepEqual(problems(liveCoverageKo, liveStoriesKo), []);
    for (const entry of liveCoverageKo) {
      for (const text of [...entry.summary, ...entry.updates.map((update) => update.markdown)]) {
        assert.ok((text.match(HANGUL)?.length ?? 0) >= 10, text);
      }
    }
  });
});
