import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { createNewsroomTestApp } from '../../testing/newsroom-client.js';
import { rawPost, sendRaw } from '../../testing/raw-http.js';
import type { TestApp } from '../../testing/test-app.js';

const BOUNDARY = 'dateline-test-boundary';

/** Malformed multipart bodies over a real socket: each is a coded 400, and nothing is stored. */
describe('newsroom media upload: malformed multipart bodies', () => {
  let t: TestApp;
  let cookie: string;
  let csrf: string;
  let port: number;
  let jpeg: Buffer;

  before(async () => {
    ({ t, cookie, csrf } = await createNewsroomTestApp('reporter', '/newsroom/media'));
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
    jpeg = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#36c' } })
      .jpeg()
      .toBuffer();
  });
  after(async () => {
    await t.deps.media.idle();
    await t.close();
  });

  /** A well-formed upload as a browser encodes it; the cases below break it in one place each. */
  const wellFormed = () =>
    Buffer.concat([
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n` +
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="alt"\r\n\r\nA blue square\r\n` +
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="blue.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      jpeg,
      Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
    ]);
  /** The body cut inside the file's bytes: its part never closes. */
  const cutInsideTheFile = () => wellFormed().subarray(0, wellFormed().indexOf(jpeg) + Math.floor(jpeg.length / 2));
  const post = (body: Buffer, contentType: string | undefined, contentLength?: number | null) =>
    rawPost('/newsroom/media', body, { cookie, 'Content-Type': contentType }, contentLength);

  /** Every file under DATA_DIR but the SQLite database itself. */
  function filesInDataDir(): string[] {
    return (fs.readdirSync(t.config.dataDir, { recursive: true }) as string[])
      .filter((name) => !/dateline\.sqlite/.test(name) && fs.statSync(`${t.config.dataDir}/${name}`).isFile())
      .sort();
  }
  const mediaRows = async () => (await t.deps.media.list({ limit: 100, offset: 0 })).length;

  it('stores a well-formed upload sent the same way (the cases below differ from it in one place)', async () => {
    const answer = await sendRaw(port, post(wellFormed(), `multipart/form-data; boundary=${BOUNDARY}`));
    assert.equal(answer.status, 303);
    assert.equal(await mediaRows(), 1);
    await t.deps.media.idle();
  });

  const cases: Array<{ name: string; request: () => Buffer; halfCloseAfterMs?: number; codes?: string[] }> = [
    { name: 'no boundary in the Content-Type', request: () => post(wellFormed(), 'multipart/form-data') },
    { name: 'an empty boundary', request: () => post(wellFormed(), 'multipart/form-data; boundary=') },
    { name: 'a boundary the body does not use', request: () => post(wellFormed(), 'multipart/form-data; boundary=another-boundary') },
    {
      name: 'a part that never closes (the body ends inside the file)',
      request: () => post(cutInsideTheFile(), `multipart/form-data; boundary=${BOUNDARY}`),
    },
    {
      name: 'a part that never closes, sent chunked',
      request: () => {
        const body = cutInsideTheFile();
        const head = `POST /newsroom/media HTTP/1.1\r\nHost: news.example\r\nConnection: close\r\nCookie: ${cookie}\r\nContent-Type: multipart/form-data; boundary=${BOUNDARY}\r\nTransfer-Encoding: chunked\r\n\r\n`;
        return Buffer.concat([Buffer.from(`${head}${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]);
      },
    },
    { name: 'a body that is not multipart at all', request: () => post(Buffer.from('just some text'), `multipart/form-data; boundary=${BOUNDARY}`) },
    {
      // Node's parser sees the connection end before Content-Length bytes: answered before the app.
      name: 'a client that gives up mid-body (Content-Length promises more)',
      request: () => post(cutInsideTheFile(), `multipart/form-data; boundary=${BOUNDARY}`, wellFormed().length),
      halfCloseAfterMs: 100,
      codes: ['ERR_BAD_REQUEST', 'ERR_MULTIPART_MALFORMED'],
    },
  ];
  for (const { name, request, halfCloseAfterMs, codes = ['ERR_MULTIPART_MALFORMED'] } of cases) {
    it(`answers ${codes.join(' or ')} (400) to ${name}, and writes nothing`, async () => {
      const rowsBefore = await mediaRows();
      const filesBefore = filesInDataDir();
      const answer = await sendRaw(port, request(), halfCloseAfterMs === undefined ? {} : { halfCloseAfterMs });
      assert.equal(answer.status, 400);
      assert.ok(codes.includes(answer.headers['x-error-code'] ?? ''), `x-error-code ${answer.headers['x-error-code']}`);
      await t.deps.media.idle();
      assert.equal(await mediaRows(), rowsBefore, 'no media row');
      assert.deepEqual(filesInDataDir(), filesBefore, 'no file left in DATA_DIR');
    });
  }
});
