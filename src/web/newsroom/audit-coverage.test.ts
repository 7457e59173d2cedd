import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import type { AuditAction, AuditEntry } from '../../modules/audit/index.js';
import { HOUR_MS } from '../../shared/clock.js';
import { postForm, signInStaff, type StaffSession } from '../../testing/newsroom-client.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

/** A multipart body as a browser sends it, built by the platform's own FormData encoder. */
async function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer; type: string }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const request = new Request('https://news.example/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type') ?? '' };
}

/** The audit page's rows as [label and code, by, details], newest first. */
function auditRows(html: string): string[][] {
  return [
    ...html.matchAll(/<tr><td><time[^>]*>[^<]*<\/time><\/td><td>([\s\S]*?)<\/td><td>([^<]*)<\/td><td class="audit-details">([^<]*)<\/td><\/tr>/g),
  ].map((match) => [match[1] ?? '', match[2] ?? '', match[3] ?? '']);
}

describe('the audit log records uploads, curation, corrections and restores made over HTTP', () => {
  let t: TestApp;
  let editor: StaffSession;
  let admin: StaffSession;
  const post = (url: string, fields: Record<string, string>) => postForm(t.app, url, { _csrf: editor.csrf, ...fields }, { cookie: editor.cookie });
  const entries = (action: AuditAction): Promise<AuditEntry[]> => t.deps.audit.list({ limit: 100, action });
  const auditPage = async () => {
    const page = await t.app.inject({ url: '/newsroom/audit', headers: { cookie: admin.cookie } });
    assert.equal(page.statusCode, 200);
    return auditRows(page.body);
  };

  before(async () => {
    t = await createTestApp();
    await t.deps.settings.updatePublication({ timeZone: 'Asia/Seoul' });
    editor = await signInStaff(t, 'editor', '/newsroom/curation', { displayName: 'Desk Editor' });
    admin = await signInStaff(t, 'admin', '/newsroom/audit');
  });
  after(async () => {
    await t.deps.media.idle();
    await t.close();
  });

  it('records an upload with the file name as uploaded, its size and its type; a refused one records nothing', async () => {
    const bytes = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#246' } })
      .png()
      .toBuffer();
    const upload = async (name: string, file: Buffer) => {
      const body = await multipart({ _csrf: editor.csrf, alt: 'A blue square' }, { name, bytes: file, type: 'image/jpeg' });
      return t.app.inject({
        method: 'POST',
        url: '/newsroom/media',
        payload: body.payload,
        headers: { cookie: editor.cookie, 'content-type': body.contentType },
      });
    };
    assert.equal((await upload('Harbour at dawn.JPG', bytes)).statusCode, 303);
    const [entry] = await entries('media.uploaded');
    const [asset] = await t.deps.media.list({ limit: 1, offset: 0 });
    assert.equal(entry?.actorUserId, editor.user.id);
    assert.equal(entry.subjectType, 'media');
    assert.equal(entry.subjectId, asset?.id);
    // The name as the file had it, not the server's id; the type is what the bytes are, not what the browser claimed.
    assert.deepEqual(entry.details, { originalName: 'Harbour at dawn.JPG', bytes: bytes.length, type: 'image/png', width: 40, height: 30 });

    // A right-to-left override disguising a name: the log shows the clean name and, escaped, what was sent.
    assert.equal((await upload('photo\u202Egpj.exe', bytes)).statusCode, 303);
    // Both uploads share the test clock's instant: the entry is found by what it holds, not its place.
    const disguised = (await entries('media.uploaded')).find((candidate) => candidate.details['originalName'] !== 'Harbour at dawn.JPG');
    assert.equal(disguised?.details['originalName'], 'photogpj.exe');
    assert.equal(disguised.details['sentName'], 'photo\\u{202e}gpj.exe');

    const refused = await upload('notes.jpg', Buffer.from('<html>not an image</html>'));
    assert.equal(refused.statusCode, 415);
    assert.equal((await entries('media.uploaded')).length, 2);

    // The test clock stands still, so entries of one instant are found by what they hold, not their order.
    const row = (await auditPage()).find((cells) => cells[2]?.includes('sentName'));
    assert.match(row?.[0] ?? '', /^Image uploaded<br\/?><code>media\.uploaded<\/code>$/);
    assert.equal(row?.[1], 'Desk Editor');
    assert.match(row?.[2] ?? '', /originalName: photogpj\.exe, sentName: photo\\u\{202e\}gpj\.exe, bytes: \d+, type: image\/png/);
  });

  it('records every curation change: picks added, moved, given an expiry and removed, the lead story and the banner', async () => {
    const first = await t.factories.article({ slug: 'first-pick' });
    const second = await t.factories.article({ slug: 'second-pick' });
    assert.equal((await post('/newsroom/curation/picks', { 'pick-story': first.id, 'pick-expires': '' })).statusCode, 303);
    assert.equal((await post('/newsroom/curation/picks', { 'pick-story': second.id, 'pick-expires': '' })).statusCode, 303);
    // A refused change records nothing.
    assert.equal((await post('/newsroom/curation/picks', { 'pick-story': first.id, 'pick-expires': '' })).statusCode, 409);
    assert.deepEqual((await entries('curation.pick_added')).map((entry) => entry.details['slug']).sort(), ['first-pick', 'second-pick']);

    const secondPick = (await t.deps.curation.listPicks())[1]?.id ?? '';
    assert.equal((await post(`/newsroom/curation/picks/${secondPick}/move`, { direction: 'up' })).statusCode, 303);
    // Already at the top: nothing changes, nothing is recorded.
    assert.equal((await post(`/newsroom/curation/picks/${secondPick}/move`, { direction: 'up' })).statusCode, 303);
    const moves = await entries('curation.pick_moved');
    assert.equal(moves.length, 1);
    assert.deepEqual(moves[0]?.details, { slug: 'second-pick', direction: 'up', from: 2, to: 1 });
    assert.equal(moves[0].subjectId, second.id);

    // 21:00 in Seoul on the test day (TEST_NOW is 12:00 there) is 12:00 UTC.
    assert.equal((await post(`/newsroom/curation/picks/${secondPick}/expiry`, { 'expires-at': '2026-11-20T21:00' })).statusCode, 303);
    assert.equal((await post(`/newsroom/curation/picks/${secondPick}/expiry`, { 'expires-at': '' })).statusCode, 303);
    assert.deepEqual(
      (await entries('curation.pick_expiry_changed')).map((entry) => entry.details).sort((a, b) => String(a['was']).localeCompare(String(b['was']))),
      [
        { slug: 'second-pick', expiresAt: null, was: '2026-11-20T12:00:00.000Z' },
        { slug: 'second-pick', expiresAt: '2026-11-20T12:00:00.000Z', was: null },
      ],
    );
    assert.equal((await post(`/newsroom/curation/picks/${secondPick}/remove`, {})).statusCode, 303);
    assert.equal((await post(`/newsroom/curation/picks/${secondPick}/remove`, {})).statusCode, 404);
    const removed = await entries('curation.pick_removed');
    assert.equal(removed.length, 1);
    assert.deepEqual(removed[0]?.details, { slug: 'second-pick' });

    assert.equal((await post('/newsroom/curation/lead', { 'lead-story': first.id })).statusCode, 303);
    assert.equal((await post('/newsroom/curation/lead', { 'lead-story': '' })).statusCode, 303);
    const leads = await entries('curation.lead_changed');
    assert.equal(leads.length, 2);
    assert.ok(leads.some((entry) => entry.subjectId === first.id && entry.details['slug'] === 'first-pick'));

    const ends = new Date(t.clock.now().getTime() + HOUR_MS + 9 * HOUR_MS).toISOString().slice(0, 16);
    assert.equal((await post('/newsroom/curation/banner', { 'banner-text': 'Polls close', 'banner-link': '', 'banner-ends': ends })).statusCode, 303);
    assert.equal((await post('/newsroom/curation/banner', { 'banner-text': ' ', 'banner-link': '', 'banner-ends': ends })).statusCode, 400);
    assert.equal((await post('/newsroom/curation/banner/remove', {})).statusCode, 303);
    const [set] = await entries('curation.banner_set');
    assert.deepEqual(set?.details, { text: 'Polls close', link: null, endsAt: new Date(t.clock.now().getTime() + HOUR_MS).toISOString() });
    assert.equal((await entries('curation.banner_set')).length, 1);
    assert.deepEqual((await entries('curation.banner_cleared'))[0]?.details, { text: 'Polls close' });

    const all = await t.deps.audit.list({ limit: 100 });
    for (const entry of all.filter((candidate) => candidate.action.startsWith('curation.'))) assert.equal(entry.actorUserId, editor.user.id);

    const labels = (await auditPage()).map((row) => row[0] ?? '');
    for (const [label, code] of [
      ['Must-Read added', 'curation.pick_added'],
      ['Must-Read moved', 'curation.pick_moved'],
      ['Must-Read expiry changed', 'curation.pick_expiry_changed'],
      ['Must-Read removed', 'curation.pick_removed'],
      ['Lead story changed', 'curation.lead_changed'],
      ['Breaking-news banner set', 'curation.banner_set'],
      ['Breaking-news banner removed', 'curation.banner_cleared'],
    ]) {
      assert.ok(
        labels.some((cell) => cell.startsWith(`${label}<br`) && cell.endsWith(`<code>${code}</code>`)),
        `${code} is listed as “${label}”`,
      );
    }
  });

  it('records a correction added to a story, with its kind and text', async () => {
    const story = await t.factories.article({ slug: 'corrected-over-http' });
    const added = await post(`/newsroom/stories/${story.id}/corrections`, { kind: 'correction', text: 'An earlier version misnamed the port.' });
    assert.equal(added.statusCode, 303);
    assert.equal((await post(`/newsroom/stories/${story.id}/corrections`, { kind: 'correction', text: '  ' })).statusCode, 400);
    const corrections = await entries('story.corrected');
    assert.equal(corrections.length, 1);
    assert.equal(corrections[0]?.actorUserId, editor.user.id);
    assert.equal(corrections[0].subjectId, story.id);
    assert.deepEqual(corrections[0].details, { slug: 'corrected-over-http', kind: 'correction', text: 'An earlier version misnamed the port.' });
    const row = (await auditPage()).find((cells) => cells[0]?.endsWith('<code>story.corrected</code>'));
    assert.match(row?.[0] ?? '', /^Correction or update added to a story<br\/?><code>story\.corrected<\/code>$/);
  });

  it('records a revision restore: which revision, and the new one it was saved as', async () => {
    const actor = { id: editor.user.id, role: 'editor' };
    const id = await t.deps.editing.createDraft(actor, await t.factories.articleInput({ headline: 'First words', slug: 'restored-over-http' }));
    await t.deps.editing.update(actor, id, await t.factories.articleInput({ headline: 'Second words', slug: 'restored-over-http' }));
    assert.equal((await entries('story.revision_restored')).length, 0, 'a plain save is no restore');
    assert.equal((await post(`/newsroom/stories/${id}/revisions/99/restore`, {})).statusCode, 404);
    const restored = await post(`/newsroom/stories/${id}/revisions/1/restore`, {});
    assert.equal(restored.statusCode, 303);
    const restores = await entries('story.revision_restored');
    assert.equal(restores.length, 1);
    assert.equal(restores[0]?.actorUserId, editor.user.id);
    assert.equal(restores[0].subjectId, id);
    assert.deepEqual(restores[0].details, { slug: 'restored-over-http', revision: 1, savedAs: 3 });
    const row = (await auditPage()).find((cells) => cells[0]?.endsWith('<code>story.revision_restored</code>'));
    assert.match(row?.[0] ?? '', /^Story revision restored<br\/?><code>story\.revision_restored<\/code>$/);
  });
});
