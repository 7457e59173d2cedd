import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ArticleBodySchema } from '../../shared/article-body.js';
import { ghostJsonRows, JsonStructureError, type JsonRow } from './ghost-json-stream.js';
import { convertGhostBody, ghostDate } from './ghost-story.js';

// Lexical's nodes as Ghost 5 writes them, made small.
const text = (words: string, format = 0) => ({ type: 'extended-text', text: words, format, detail: 0, mode: 'normal', style: '', version: 1 });
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children, version: 1 });
const lexical = (...children: unknown[]) => JSON.stringify({ root: { type: 'root', children, version: 1 } });
const fromLexical = (children: unknown[], siteUrl = '') => convertGhostBody({ lexical: lexical(...children) }, siteUrl);
const mobiledoc = (doc: Record<string, unknown>) =>
  convertGhostBody({ mobiledoc: JSON.stringify({ version: '0.3.1', atoms: [], cards: [], markups: [], sections: [], ...doc }) }, '');

describe('Ghost bodies: Lexical', () => {
  it('keeps bold, italic and links, and drops what a body may not link to', () => {
    const { body, warnings } = fromLexical([
      paragraph(
        text('plain '),
        text('both', 3),
        { type: 'link', url: '__GHOST_URL__/about/', children: [text('home', 2)] },
        { type: 'autolink', url: 'data:text/html,x', children: [text(' data')] },
      ),
    ]);
    assert.deepEqual(body, [
      {
        type: 'paragraph',
        content: [{ text: 'plain ' }, { text: 'both', marks: ['em', 'strong'] }, { text: 'home', marks: ['em'], href: '/about/' }, { text: ' data' }],
      },
    ]);
    assert.deepEqual(warnings, ['dropped a link that was not http(s), mailto or site-relative (its text kept)']);
  });

  it('turns the cards without a picture into words and links, saying what it dropped', () => {
    const { body, warnings } = fromLexical(
      [
        { type: 'aside', children: [text('An aside')] },
        { type: 'codeblock', code: 'let x = 1;\n', language: 'js' },
        { type: 'callout', calloutEmoji: '⚠️', calloutText: '<p>Roads <b>closed</b></p>' },
        { type: 'toggle', heading: '<span>Why?</span>', content: '<p>Because.</p>' },
        { type: 'button', buttonText: 'Subscribe', buttonUrl: '__GHOST_URL__/#/portal' },
        { type: 'video', src: '__GHOST_URL__/content/media/2024/05/vote.mp4', fileName: 'vote.mp4' },
        { type: 'audio', src: '/content/media/a.mp3', title: 'Podcast' },
        { type: 'paywall' },
        { type: 'nft' },
        { type: 'table', children: [text('cells')] },
        { type: 'markdown', markdown: '[[figure:someone-elses-picture]]\n\n<script>x()</script>Done' },
      ],
      'https://old.example',
    );
    assert.deepEqual(body, [
      { type: 'quote', text: 'An aside' },
      { type: 'paragraph', content: [{ text: 'let x = 1;' }] },
      { type: 'paragraph', content: [{ text: '⚠️ Roads ' }, { text: 'closed', marks: ['strong'] }] },
      { type: 'paragraph', content: [{ text: 'Why?', marks: ['strong'] }] },
      { type: 'paragraph', content: [{ text: 'Because.' }] },
      { type: 'paragraph', content: [{ text: 'Subscribe', href: '/#/portal' }] },
      { type: 'paragraph', content: [{ text: 'vote.mp4', href: 'https://old.example/content/media/2024/05/vote.mp4' }] },
      { type: 'paragraph', content: [{ text: 'Podcast', href: 'https://old.example/content/media/a.mp3' }] },
      { type: 'paragraph', content: [{ text: 'cells' }] },
      { type: 'paragraph', content: [{ text: '[[figure:someone-elses-picture]]' }] },
      { type: 'paragraph', content: [{ text: 'Done' }] },
    ]);
    for (const expected of [/code block/, /video card with a link/, /paywall/, /nft card/, /table block/, /<script>/])
      assert.ok(
        warnings.some((warning) => expected.test(warning)),
        `${expected} in ${warnings.join('; ')}`,
      );
    const unknownSite = fromLexical([{ type: 'file', src: '__GHOST_URL__/content/files/a.pdf', fileTitle: 'Minutes' }]);
    assert.deepEqual(unknownSite.body, []);
    assert.match(unknownSite.warnings.join(), /--site-url/);
  });

  it('fits the body to its limits and always passes the schema', () => {
    const many = fromLexical(Array.from({ length: 2100 }, (_, n) => paragraph(text(`Paragraph ${n}`))));
    assert.equal(many.body.length, 2000);
    assert.ok(many.warnings.some((warning) => /stopped after 2,000 blocks/.test(warning)));
    const long = fromLexical([paragraph(text('word '.repeat(5000)))]);
    assert.equal(long.body[0]?.type === 'paragraph' && long.body[0].content.length, 3, 'a 25,000-character run split at words');
    const list = fromLexical([
      { type: 'list', listType: 'number', children: Array.from({ length: 250 }, (_, n) => ({ type: 'listitem', children: [text(`${n}`)] })) },
    ]);
    assert.deepEqual(
      list.body.map((block) => block.type === 'list' && block.items.length),
      [200, 50],
    );
    // Deeply nested lists, control characters, empty and odd nodes: nothing throws, the schema passes.
    let nested: unknown = { type: 'listitem', children: [text('deep')] };
    for (let depth = 0; depth < 500; depth++) nested = { type: 'listitem', children: [{ type: 'list', children: [nested] }] };
    const odd = fromLexical([
      { type: 'list', children: [nested] },
      paragraph(text('bell\u0007 and nul\u0000 and lone \ud800 surrogate')),
      { type: 'heading', tag: 'h2', children: [text('   ')] },
      { type: 'image', src: 'javascript:alert(1)', alt: 'x' },
      { type: 'image' },
      { type: 'gallery', images: 'not a list' },
      null,
      42,
      { type: 'paragraph', children: 'not a list' },
    ]);
    assert.ok(ArticleBodySchema.safeParse(odd.body).success);
    assert.ok(odd.warnings.some((warning) => /control characters/.test(warning)));
    assert.ok(odd.warnings.some((warning) => /not http\(s\)/.test(warning)));
  });

  it('falls back to the HTML when Lexical does not parse, or is not Lexical', () => {
    for (const broken of ['{"root":', '{"sections":[]}', '[]']) {
      const converted = convertGhostBody({ lexical: broken, html: '<p>From <em>HTML</em></p>' }, '');
      assert.deepEqual(converted.body, [{ type: 'paragraph', content: [{ text: 'From ' }, { text: 'HTML', marks: ['em'] }] }]);
      assert.match(converted.warnings.join(), /Lexical body could not be read/);
    }
    assert.deepEqual(convertGhostBody({ html: '<p>Only   HTML\nhere</p>' }, '').body, [{ type: 'paragraph', content: [{ text: 'Only HTML here' }] }]);
  });
});

describe('Ghost bodies: Mobiledoc', () => {
  it('reads markers, markups, atoms, pictures and cards', () => {
    const { body, images, warnings } = mobiledoc({
      markups: [['b'], ['a', ['rel', 'x', 'href', 'https://example.com/']], ['i']],
      atoms: [
        ['soft-return', '', {}],
        ['mention', '@ana', {}],
      ],
      cards: [
        ['image', { src: '/content/images/a.jpg', caption: 'A <b>pier</b> — Photo: Ana Souza' }],
        ['mystery', {}],
      ],
      sections: [
        [
          1,
          'P',
          [
            [0, [0, 1], 1, 'bold link'],
            [0, [2], 2, ' italic link'],
            [0, [], 0, ' plain'],
            [1, [], 0, 0],
            [1, [], 0, 1],
          ],
        ],
        [1, 'h2', [[0, [], 0, 'Heading']]],
        [3, 'ol', [[[0, [], 0, 'one']], [[0, [], 0, 'two']]]],
        [10, 0],
        [10, 1],
        [10, 9],
        [2, 'https://example.com/b.png'],
        [99, 'x'],
      ],
    });
    assert.deepEqual(body.slice(0, 3), [
      {
        type: 'paragraph',
        content: [
          { text: 'bold link', marks: ['strong'], href: 'https://example.com/' },
          // Closing one markup closes the innermost open: the link ended with "bold link".
          { text: ' italic link', marks: ['em', 'strong'] },
          { text: ' plain\n@ana' },
        ],
      },
      { type: 'heading', text: 'Heading' },
      { type: 'list', ordered: true, items: [[{ text: 'one' }], [{ text: 'two' }]] },
    ]);
    assert.deepEqual(
      images.map((image) => [image.url, image.caption, image.credit]),
      [
        ['/content/images/a.jpg', 'A pier', 'Ana Souza'],
        ['https://example.com/b.png', '', ''],
      ],
    );
    assert.ok(warnings.some((warning) => /mystery card/.test(warning)));
    assert.ok(warnings.some((warning) => /Mobiledoc section/.test(warning)));
    assert.ok(ArticleBodySchema.safeParse(body).success);
  });
});

describe('Ghost exports: the streamed reader', () => {
  async function rows(text: string, size: number): Promise<JsonRow[]> {
    const chunks = Array.from({ length: Math.ceil(text.length / size) }, (_, n) => text.slice(n * size, (n + 1) * size));
    const found: JsonRow[] = [];
    for await (const row of ghostJsonRows(
      (async function* () {
        yield* chunks;
      })(),
      () => 'read',
    ))
      found.push(row);
    return found;
  }

  it('hands out every row as JSON.parse reads it, however the text is cut', async () => {
    const text = await readFile(path.join(import.meta.dirname, 'fixtures', 'ghost-5-lexical.json'), 'utf8');
    const whole = JSON.parse(text) as { db: Array<{ data: Record<string, unknown[]>; meta: unknown }> };
    const expected = Object.entries(whole.db[0]?.data ?? {}).flatMap(([table, list]) => list.map((row) => [table, row]));
    for (const size of [1, 7, 4096]) {
      const found = (await rows(text, size)).filter((row) => row.table !== 'meta').map((row) => [row.table, JSON.parse(row.text ?? '') as unknown]);
      assert.deepEqual(found, expected, `chunks of ${size}`);
    }
  });

  it('says where the structure breaks', async () => {
    for (const [text, where] of [
      ['{"data":{"posts":[{"a":1}}}', /line 1, column 26 \(data\.posts\[0\]\): expected "," or "\]"/],
      ['{"data":{"posts":[]}', /ends before/],
      ['{"data":{"posts":[nul]}}', /unexpected "nul"/],
      ['{"data":{"posts":[]}} {}', /after the end/],
      ['{"data":\n\n  {"posts":[1,,2]}}', /line 3, column 15/],
    ] as const) {
      await assert.rejects(rows(text, 3), (error: unknown) => error instanceof JsonStructureError && where.test(error.message));
    }
  });

  it('reads Ghost dates, and refuses what is not one', () => {
    assert.equal(ghostDate('2024-05-31T00:30:00.000Z')?.toISOString(), '2024-05-31T00:30:00.000Z');
    assert.equal(ghostDate('2024-05-31 00:30:00')?.toISOString(), '2024-05-31T00:30:00.000Z');
    assert.equal(ghostDate(1717115400000)?.toISOString(), '2024-05-31T00:30:00.000Z');
    for (const bad of ['2024-02-30T00:00:00Z', '0000-00-00 00:00:00', 'soon', '', null, Number.NaN, {}])
      assert.equal(ghostDate(bad), null, JSON.stringify(bad));
  });
});
