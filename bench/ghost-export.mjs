// Writes a Ghost 5 export (JSON, as Ghost's admin exports it) of N generated posts, for measuring
// `dateline import ghost` (docs/importing.md, "Ghost": memory and speed). Each post is the size of
// a newspaper story as Ghost stores it three times over: Lexical, its HTML and its plain text
// (about 17 KB), with a feature image, two tags and one or two bylines. Written as a stream.
//   node bench/ghost-export.mjs <file.json> [posts=100000]
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

const [file, count = '100000'] = process.argv.slice(2);
if (!file || !/^\d+$/.test(count)) {
  console.error('usage: node bench/ghost-export.mjs <file.json> [posts]');
  process.exit(2);
}
const posts = Number(count);
const words = 'harbour council ferry budget vote pier residents mayor plan terminal waterfront tender works parking grant state city'.split(' ');
let seed = 7;
const random = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
const sentence = () => Array.from({ length: 12 + random(10) }, () => words[random(words.length)]).join(' ');
const text = (value, format = 0) => ({ type: 'extended-text', text: value, format, detail: 0, mode: 'normal', style: '', version: 1 });
const id = (kind, n) => `${kind}${n.toString(16).padStart(23, '0')}`.slice(0, 24);

function post(n) {
  const paragraphs = Array.from({ length: 12 }, () => [sentence(), sentence(), sentence()]);
  const children = paragraphs.map(([a, b, c]) => ({
    type: 'paragraph',
    version: 1,
    children: [
      text(`${a}. `),
      text(b, 1),
      text('. '),
      { type: 'link', url: `__GHOST_URL__/story-${random(posts)}/`, children: [text(c)], version: 1 },
    ],
  }));
  children.splice(4, 0, { type: 'extended-heading', tag: 'h2', children: [text(sentence())], version: 1 });
  children.splice(6, 0, {
    type: 'image',
    version: 1,
    src: `__GHOST_URL__/content/images/2024/05/photo-${n % 24}.jpg`,
    alt: sentence(),
    caption: `${sentence()}. Photo: Staff`,
  });
  const html = paragraphs.map(([a, b, c]) => `<p>${a}. <strong>${b}</strong>. <a href="/story-${n}/">${c}</a></p>`).join('');
  return {
    id: id('p', n),
    uuid: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
    title: sentence().slice(0, 90),
    slug: `story-${n}`,
    mobiledoc: null,
    lexical: JSON.stringify({ root: { type: 'root', version: 1, children } }),
    html,
    comment_id: id('p', n),
    plaintext: paragraphs.flat().join('\n\n'),
    feature_image: `__GHOST_URL__/content/images/2024/05/photo-${n % 24}.jpg`,
    featured: false,
    type: 'post',
    status: 'published',
    visibility: 'public',
    created_at: new Date(Date.UTC(2015, 0, 1) + n * 3_600_000).toISOString(),
    updated_at: new Date(Date.UTC(2015, 0, 1) + n * 3_600_000 + 60_000).toISOString(),
    published_at: new Date(Date.UTC(2015, 0, 1) + n * 3_600_000).toISOString(),
    custom_excerpt: sentence(),
  };
}

const out = createWriteStream(file);
const write = async (chunk) => {
  if (!out.write(chunk)) await once(out, 'drain');
};
/** One table: its rows written one at a time, comma-separated. */
async function table(name, rows, first = false) {
  await write(`${first ? '' : ','}"${name}":[`);
  for (let n = 0; n < rows; n++) await write(`${n ? ',' : ''}${JSON.stringify(rowOf(name, n))}`);
  await write(']');
}
function rowOf(name, n) {
  switch (name) {
    case 'posts':
      return post(n);
    case 'posts_tags':
      return { id: id('t', n), post_id: id('p', Math.floor(n / 2)), tag_id: id('g', random(200)), sort_order: n % 2 };
    case 'posts_authors':
      return { id: id('a', n), post_id: id('p', Math.floor(n / 2)), author_id: id('u', random(50)), sort_order: n % 2 };
    case 'posts_meta':
      return { id: id('m', n), post_id: id('p', n), feature_image_alt: sentence(), feature_image_caption: `${sentence()} (Photo: Staff)` };
    case 'tags':
      return { id: id('g', n), name: `Tag ${n}`, slug: `tag-${n}`, description: sentence(), visibility: 'public' };
    case 'users':
      return { id: id('u', n), name: `Reporter ${n}`, slug: `reporter-${n}`, email: `reporter-${n}@example.com`, bio: sentence() };
  }
}
await write('{"db":[{"meta":{"exported_on":1717200000000,"version":"5.82.2"},"data":{');
await table('posts', posts, true);
await table('posts_authors', posts * 2);
await table('posts_meta', posts);
await table('posts_tags', posts * 2);
await table('tags', 200);
await table('users', 50);
await write(',"settings":[{"id":"s1","key":"title","value":"Generated Gazette"}]}}]}\n');
out.end();
await once(out, 'finish');
console.log(`Wrote a Ghost export of ${posts.toLocaleString('en-US')} posts to ${file}.`);
