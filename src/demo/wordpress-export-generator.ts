import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { ArticleStatus, BodyBlock, Inline } from '../modules/articles/index.js';
import type { MediaAssetInput } from '../modules/media/index.js';
import { idSource } from './archive-generator.js';
import { SCENES, type FigurePool } from './archive-generator-figures.js';
import { planArchive } from './archive-generator-plan.js';
import { writeStory, type StoryWriterContext, type WrittenStory } from './archive-generator-stories.js';
import type { DemoScene } from './content/demo-content.types.js';
import { drawIllustration, seededRandom } from './demo-images.js';

/**
 * A WordPress export (WXR 1.2) of a generated archive: the same stories `dateline generate` writes
 * into a database (sections as categories, authors, tags, figures, comment threads), as block-editor
 * markup, for the importer's tests and benchmark (bench/import.bench.sh). The pictures are written
 * beside it as a `wp-content/uploads` copy for `--media-dir`.
 */
export interface ExportOptions {
  stories: number;
  seed?: number;
  /** The export file; the pictures go to `<file>.uploads/`. */
  file: string;
  now: Date;
}

const SITE = 'https://generated-gazette.example';
const FIGURES = 24;
const FIRST_ATTACHMENT_ID = 900_000;
const STATUS: Record<ArticleStatus, string> = {
  published: 'publish',
  scheduled: 'future',
  draft: 'draft',
  in_review: 'pending',
  unpublished: 'draft',
};

export async function generateWordPressExport(
  options: ExportOptions,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<{ uploads: string }> {
  const { stories, seed = 1, now } = options;
  const random = seededRandom(`dateline-archive:${seed}`);
  const plan = planArchive(random, stories, now);
  const uploads = `${options.file}.uploads`;
  const figures = await writeFigures(path.join(uploads, 'figures'));
  const context: StoryWriterContext = {
    plan,
    random,
    activity: seededRandom(`dateline-archive:${seed}:activity`),
    now,
    newId: idSource(seed, 1),
    newCommentId: idSource(seed, 2),
    figures,
    sectionIds: plan.sections.map((section) => section.slug),
    authorIds: plan.authors.map((author) => author.slug),
    seriesIds: [],
    readerIds: plan.readers.map((reader) => reader.displayName),
    headlines: new Set(),
    slugs: new Set(),
  };

  const out = createWriteStream(options.file, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(channelHead(context));
  for (const [n, asset] of figures.assets.entries()) await write(attachmentItem(asset, FIRST_ATTACHMENT_ID + n));
  const attachmentIds = new Map(figures.assets.map((asset, n) => [asset.id, FIRST_ATTACHMENT_ID + n]));
  onProgress(0, stories);
  for (let index = 0; index < stories; index++) {
    await write(storyItem(writeStory(context, index), 1000 + index, attachmentIds));
    if ((index + 1) % 500 === 0 || index + 1 === stories) onProgress(index + 1, stories);
  }
  await write('</channel>\n</rss>\n');
  out.end();
  await once(out, 'finish');
  return { uploads };
}

async function writeFigures(folder: string): Promise<FigurePool> {
  await mkdir(folder, { recursive: true });
  const assets: MediaAssetInput[] = [];
  const byScene = new Map<DemoScene, MediaAssetInput[]>();
  for (let n = 0; n < FIGURES; n++) {
    const scene = SCENES[n % SCENES.length] ?? 'skyline';
    const { svg, alt } = drawIllustration(scene, `wxr-figure-${n}`);
    await sharp(Buffer.from(svg))
      .resize(1200)
      .jpeg({ quality: 80 })
      .toFile(path.join(folder, `figure-${n}.jpg`));
    const asset: MediaAssetInput = {
      id: `figure-${n}`,
      mimeType: 'image/jpeg',
      width: 1200,
      height: 675,
      alt,
      caption: `File photo: ${alt.replace(/^Illustration of /, '').replace(/\.$/, '')}.`,
      credit: 'Gazette staff',
      variants: [],
    };
    assets.push(asset);
    byScene.set(scene, [...(byScene.get(scene) ?? []), asset]);
  }
  return { assets, byScene };
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** CDATA cannot hold `]]>`: it is split across two sections. */
const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const wpDate = (date: Date) => date.toISOString().slice(0, 19).replace('T', ' ');
const figureUrl = (id: string) => `${SITE}/wp-content/uploads/figures/${id}.jpg`;

function channelHead(context: StoryWriterContext): string {
  const { plan } = context;
  const authors = plan.authors
    .map(
      (author, n) =>
        `\t<wp:author><wp:author_id>${n + 2}</wp:author_id><wp:author_login>${cdata(author.slug)}</wp:author_login><wp:author_email>${cdata(author.email)}</wp:author_email><wp:author_display_name>${cdata(author.name)}</wp:author_display_name></wp:author>\n`,
    )
    .join('');
  const categories = plan.sections
    .map(
      (section, n) =>
        `\t<wp:category><wp:term_id>${n + 2}</wp:term_id><wp:category_nicename>${cdata(section.slug)}</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>${cdata(section.name)}</wp:cat_name><wp:category_description>${cdata(section.description)}</wp:category_description></wp:category>\n`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
\t<title>The Generated Gazette</title>
\t<link>${SITE}</link>
\t<language>en-US</language>
\t<wp:wxr_version>1.2</wp:wxr_version>
\t<wp:base_site_url>${SITE}</wp:base_site_url>
\t<wp:base_blog_url>${SITE}</wp:base_blog_url>
${authors}${categories}`;
}

function attachmentItem(asset: MediaAssetInput, postId: number): string {
  return `\t<item><title>${cdata(asset.id)}</title><wp:post_id>${postId}</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status><excerpt:encoded>${cdata(asset.caption)}</excerpt:encoded><wp:attachment_url>${cdata(figureUrl(asset.id))}</wp:attachment_url><wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>${cdata(asset.alt)}</wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_wp_attachment_metadata</wp:meta_key><wp:meta_value>${cdata(`a:1:{s:10:"image_meta";a:1:{s:6:"credit";s:${Buffer.byteLength(asset.credit)}:"${asset.credit}";}}`)}</wp:meta_value></wp:postmeta></item>\n`;
}

function storyItem(story: WrittenStory, postId: number, attachmentIds: ReadonlyMap<string, number>): string {
  const { article, comments } = story;
  const draft = article.status === 'draft' || article.status === 'in_review';
  const date = article.publishedAt ?? article.createdAt;
  const day = wpDate(date).slice(0, 10).replace(/-/g, '/');
  const terms = [
    `<category domain="category" nicename="${escapeXml(article.sectionId)}">${cdata(article.sectionId)}</category>`,
    ...story.tagNames.map(
      (name) => `<category domain="post_tag" nicename="${escapeXml(name.toLowerCase().replace(/[^a-z0-9]+/g, '-'))}">${cdata(name)}</category>`,
    ),
    ...article.authorIds.slice(1).map((login) => `<category domain="author" nicename="cap-${escapeXml(login)}">${cdata(login)}</category>`),
  ];
  const hero = article.heroMediaId ? attachmentIds.get(article.heroMediaId) : undefined;
  const meta = hero ? `<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>${hero}</wp:meta_value></wp:postmeta>` : '';
  const commentXml = comments
    .map(
      (comment, n) =>
        `<wp:comment><wp:comment_id>${postId * 1000 + n}</wp:comment_id><wp:comment_author>${cdata(comment.readerId)}</wp:comment_author><wp:comment_date_gmt>${wpDate(comment.createdAt)}</wp:comment_date_gmt><wp:comment_content>${cdata(comment.body)}</wp:comment_content><wp:comment_approved>${comment.status === 'published' ? 1 : 0}</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>${comment.parentId ? postId * 1000 + comments.findIndex((other) => other.id === comment.parentId) : 0}</wp:comment_parent></wp:comment>`,
    )
    .join('');
  // Co-Authors Plus lists every byline; the first is also the post's author.
  const coAuthors =
    article.authorIds.length > 1
      ? `<category domain="author" nicename="cap-${escapeXml(article.authorIds[0] ?? '')}">${cdata(article.authorIds[0] ?? '')}</category>`
      : '';
  return `\t<item><title>${cdata(article.headline)}</title><link>${SITE}/${day}/${article.slug}/</link><dc:creator>${cdata(article.authorIds[0] ?? '')}</dc:creator><content:encoded>${cdata(bodyMarkup(article.body, attachmentIds))}</content:encoded><excerpt:encoded>${cdata(article.standfirst)}</excerpt:encoded><wp:post_id>${postId}</wp:post_id><wp:post_date>${wpDate(date)}</wp:post_date><wp:post_date_gmt>${draft ? '0000-00-00 00:00:00' : wpDate(date)}</wp:post_date_gmt><wp:post_modified_gmt>${wpDate(article.updatedAt ?? date)}</wp:post_modified_gmt><wp:comment_status>open</wp:comment_status><wp:post_name>${cdata(draft ? '' : article.slug)}</wp:post_name><wp:status>${STATUS[article.status]}</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type>${coAuthors}${terms.join('')}${meta}${commentXml}</item>\n`;
}

function inlineMarkup(runs: readonly Inline[]): string {
  return runs
    .map((run) => {
      let html = escapeXml(run.text).replace(/\n/g, '<br>');
      if (run.marks?.includes('em')) html = `<em>${html}</em>`;
      if (run.marks?.includes('strong')) html = `<strong>${html}</strong>`;
      return run.href ? `<a href="${escapeXml(run.href)}">${html}</a>` : html;
    })
    .join('');
}

function bodyMarkup(blocks: readonly BodyBlock[], attachmentIds: ReadonlyMap<string, number>): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
          return `<!-- wp:paragraph -->\n<p>${inlineMarkup(block.content)}</p>\n<!-- /wp:paragraph -->`;
        case 'heading':
          return `<!-- wp:heading -->\n<h2 class="wp-block-heading">${escapeXml(block.text)}</h2>\n<!-- /wp:heading -->`;
        case 'quote':
          return `<!-- wp:quote -->\n<blockquote class="wp-block-quote"><p>${escapeXml(block.text)}</p>${block.attribution ? `<cite>${escapeXml(block.attribution)}</cite>` : ''}</blockquote>\n<!-- /wp:quote -->`;
        case 'list': {
          const tag = block.ordered ? 'ol' : 'ul';
          return `<!-- wp:list -->\n<${tag}>${block.items.map((item) => `<li>${inlineMarkup(item)}</li>`).join('')}</${tag}>\n<!-- /wp:list -->`;
        }
        case 'figure': {
          const id = attachmentIds.get(block.mediaId) ?? 0;
          return `<!-- wp:image {"id":${id}} -->\n<figure class="wp-block-image size-large"><img src="${figureUrl(block.mediaId)}" alt="" class="wp-image-${id}"/></figure>\n<!-- /wp:image -->`;
        }
        case 'divider':
          return `<!-- wp:separator -->\n<hr class="wp-block-separator"/>\n<!-- /wp:separator -->`;
        case 'embed':
          return `<!-- wp:paragraph -->\n<p><a href="${escapeXml(block.url)}">${escapeXml(block.url)}</a></p>\n<!-- /wp:paragraph -->`;
      }
    })
    .join('\n\n');
}
