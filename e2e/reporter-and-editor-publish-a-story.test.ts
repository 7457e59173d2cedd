import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, it } from 'node:test';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { newsroomDeskForSuite, openStoryFromList, signIn, submit, todayAtOneUtc } from './support/newsroom-desk.js';
import { browserSuite, visit } from './support/browser.js';
import { assertNoAxeViolations } from './support/axe.js';
import { typeInBody } from './support/rich-editor.js';

const HOUR_MS = 3_600_000;

async function signOut(page: Page): Promise<void> {
  await submit(page, 'Sign out');
}

browserSuite('a reporter writes a story with a photo, an editor publishes it', () => {
  const desk = newsroomDeskForSuite();
  let photoPath: string;

  before(async () => {
    photoPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-photo-')), 'harbour.jpg');
    await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#2a6f97' } })
      .jpeg()
      .toFile(photoPath);
  });

  it('goes from an uploaded photo and a draft to the front page', async () => {
    const { page, reporter, editor } = desk;
    await signIn(page, reporter);

    await visit(page, '/newsroom/media');
    await assertNoAxeViolations(page, 'the media library');
    await page.getByLabel('Image file').setInputFiles(photoPath);
    await page.getByLabel('Alt text').fill('Container cranes at the harbour at dawn');
    await page.getByLabel('Caption (optional)').fill('The harbour reopened on Friday.');
    await page.getByLabel('Credit (optional)').fill('Port Authority');
    await submit(page, 'Upload');
    assert.ok(await page.getByText('Container cranes at the harbour at dawn').first().isVisible());

    await visit(page, '/newsroom/stories/new');
    await page.getByLabel('Headline').fill('Harbour reopens after the storm');
    await page.getByLabel('Standfirst (optional)').fill('Ships are back in port.');
    await typeInBody(
      page,
      'The harbour ',
      { press: 'Control+i' },
      'reopened',
      { press: 'Control+i' },
      ' on Friday.',
      { press: 'Enter' },
      '## What comes next',
      { press: 'Enter' },
      'Inspections continue.',
    );
    await page.getByLabel('Section').selectOption({ label: 'World' });
    await page.getByLabel('Authors').selectOption({ label: 'Ana Kim' });
    // The hero with the media picker (client/editor/media/hero-picker.ts).
    await page.getByRole('button', { name: 'Choose hero picture…' }).click();
    await page
      .getByRole('dialog', { name: 'Choose the hero picture' })
      .getByRole('button', { name: /Container cranes at the harbour at dawn/ })
      .click();
    await page.getByText('Hero picture: Container cranes at the harbour at dawn').waitFor();
    await submit(page, 'Create draft');
    assert.ok(await page.getByText('Status: Draft').isVisible());
    assert.equal(await page.getByRole('button', { name: 'Publish now' }).count(), 0, 'a reporter cannot publish');
    await submit(page, 'Submit for review');
    assert.ok(await page.getByText('Status: In review').isVisible());
    await signOut(page);

    await signIn(page, editor);
    await openStoryFromList(page, 'Harbour reopens after the storm');
    await assertNoAxeViolations(page, 'the story editor with the workflow panel');
    await submit(page, 'Publish now');
    assert.ok(await page.getByText('Status: Published').isVisible());

    await visit(page, '/newsroom/curation');
    await assertNoAxeViolations(page, 'the curation page');

    for (const url of ['/', '/section/world']) {
      await visit(page, url);
      assert.ok(await page.getByRole('link', { name: 'Harbour reopens after the storm' }).first().isVisible(), url);
    }
    await page.getByRole('link', { name: 'Harbour reopens after the storm' }).first().click();
    assert.ok(await page.getByRole('heading', { level: 1, name: 'Harbour reopens after the storm' }).isVisible());
    assert.ok(await page.getByText('The harbour reopened on Friday. (ⓒ Port Authority)').isVisible());
    assert.ok(await page.getByRole('img', { name: 'Container cranes at the harbour at dawn' }).isVisible());
  });

  it('schedules a story that goes live when its time comes', async () => {
    const { server, page } = desk;
    await visit(page, '/newsroom/stories/new');
    await page.getByLabel('Headline').fill('Ferry timetable to change in spring');
    await typeInBody(page, 'The new timetable starts in March.');
    await page.getByLabel('Section').selectOption({ label: 'World' });
    await page.getByLabel('Authors').selectOption({ label: 'Ana Kim' });
    await submit(page, 'Create draft');
    const editUrl = page.url();
    // The publication's time zone is UTC here; the fixed clock reads 01:00 UTC.
    await page.getByLabel('Publish at').fill(`${todayAtOneUtc().toISOString().slice(0, 10)}T03:00`);
    await submit(page, 'Schedule');
    assert.ok(await page.getByText('Status: Scheduled').isVisible());

    const slug = await server.deps.db
      .selectFrom('articles')
      .select('slug')
      .where('headline', '=', 'Ferry timetable to change in spring')
      .executeTakeFirstOrThrow();
    assert.equal(await visit(page, `/article/${slug.slug}`), 404);
    server.clock.advance(3 * HOUR_MS);
    await server.deps.publisher.publishDue();
    // A query string of its own: the browser may keep the earlier 404 for a minute (Cache-Control).
    assert.equal(await visit(page, `/article/${slug.slug}?after-schedule`), 200);
    await visit(page, '/?after-schedule');
    assert.ok(await page.getByRole('link', { name: 'Ferry timetable to change in spring' }).first().isVisible());
    await page.goto(editUrl);
  });

  it('restores an earlier revision of a story', async () => {
    const { page } = desk;
    await openStoryFromList(page, 'Harbour reopens after the storm');
    await page.getByLabel('Headline').fill('Harbour reopens: a mistaken headline');
    await submit(page, 'Save');
    assert.equal(await page.getByLabel('Headline').inputValue(), 'Harbour reopens: a mistaken headline');

    await page.getByRole('link', { name: 'Revisions' }).click();
    await page.waitForURL(/\/revisions$/);
    await assertNoAxeViolations(page, 'the revisions page');
    await submit(page, 'Restore revision 1');
    await visit(page, '/newsroom/stories');
    assert.ok(await page.getByRole('link', { name: 'Harbour reopens after the storm' }).isVisible());
  });
});
