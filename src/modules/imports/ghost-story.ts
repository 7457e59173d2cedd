import { createHash } from 'node:crypto';
import type { ArticleStatus } from '../articles/index.js';
import { isValidSlug, slugify } from '../../shared/slug.js';
import { BodyBuilder, ghostMediaPath } from './ghost-body.js';
import { str, type GhostRecord, type GhostScan } from './ghost-export.js';
import { lexicalToBody } from './ghost-lexical.js';
import { mobiledocToBody } from './ghost-mobiledoc.js';
import { cleanText, oneLine, safeImageUrl, Warnings } from './html-blocks-inline.js';
import { htmlToText, importLine } from './import-text.js';
import type { PlannedComment, PlannedStory, StoryPlan } from './planned-story.js';
import { splitCredit } from './wordpress-body-credits.js';
import type { BodyImage, ConvertedBody } from './wordpress-body.js';

/** Ghost's statuses; a post only sent as a newsletter was never on the site. */
const STATUSES: Record<string, ArticleStatus> = { published: 'published', scheduled: 'scheduled', draft: 'draft' };
/** ISO 8601 as Ghost writes it (`2024-05-31T00:30:00.000Z`), or the database's `2024-05-31 00:30:00` (UTC) of older exports. */
const GHOST_DATE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** The old site: its address ('' when unknown) and the path it lived under ('' or `/blog`). */
export interface GhostSite {
  siteUrl: string;
  pathPrefix: string;
}

/**
 * How one post or page of the export becomes a story, or why it does not. Pure: nothing is written.
 * @param rowText the post's JSON as exported, for its checksum (what `--update` compares)
 */
export function planGhostStory(post: GhostRecord, scan: GhostScan, site: GhostSite, rowText?: string): StoryPlan {
  const type = str(post.type) || 'post';
  if (type !== 'post' && type !== 'page') return { skipped: `a Ghost ${type.slice(0, 40)}, not a post or page` };
  const status = STATUSES[str(post.status)];
  if (!status)
    return {
      skipped:
        post.status === 'sent'
          ? 'sent as a newsletter only: it was never on the site'
          : `status "${str(post.status).slice(0, 40) || 'none'}" is not imported`,
    };
  const id = str(post.id);
  if (!id) return { skipped: 'it has no id, so it could not be told apart on a second run' };
  const warnings: string[] = [];
  const warn = (message: string) => warnings.push(message);

  const publishedAt = ghostDate(post.published_at);
  if ((status === 'published' || status === 'scheduled') && !publishedAt)
    return { skipped: `its publication date ${JSON.stringify(post.published_at ?? null).slice(0, 60)} is not a valid date` };
  const visibility = str(post.visibility) || 'public';
  if (visibility !== 'public')
    warn(
      `it was for ${visibility === 'paid' ? 'paying members' : 'members'} only in Ghost ("${visibility.slice(0, 40)}"): Dateline shows it to every reader`,
    );
  const body = convertGhostBody(post, site.siteUrl);
  warnings.push(...body.warnings);
  let headline = importLine(str(post.title), 300, 'headline', warn);
  if (!headline) {
    const words = str(post.plaintext) || htmlToText(str(post.html));
    headline = importLine(words.split(/\s+/).slice(0, 12).join(' '), 80, 'headline', warn) || `Untitled (Ghost ${type} ${id.slice(0, 40)})`;
    warn(`headline: the ${type} had no title; one was made from its first words`);
  }
  const tagIds = scan.postTags.get(id) ?? [];
  const tags = tagIds.flatMap((tagId) => scan.tags.get(tagId) ?? []).filter((tag) => !tag.internal && tag.slug);
  const [primary, ...others] = tags;
  const userIds = scan.postAuthors.get(id) ?? (str(post.author_id) ? [str(post.author_id)] : []);
  const authorSlugs = userIds.flatMap((userId) => {
    const user = scan.users.get(userId);
    if (!user?.slug) warn(`a byline's author (${userId.slice(0, 40)}) is not in the export's users`);
    return user?.slug ? [user.slug] : [];
  });

  const story: Omit<PlannedStory, 'checksum'> = {
    kind: type,
    sourceId: id,
    headline,
    standfirst: importLine(str(post.custom_excerpt), 500, 'standfirst', warn),
    slug: storySlug(str(post.slug), headline),
    status,
    publishedAt: status === 'draft' ? null : publishedAt,
    updatedAt: ghostDate(post.updated_at),
    categorySlugs: primary ? [primary.slug] : [],
    tagNames: others.map((tag) => tag.name || tag.slug),
    authorLogins: authorSlugs,
    body,
    hero: heroImage(post, scan, warn),
    comments: approvedComments(id, scan),
    oldPaths: oldPaths(post, site),
    warnings,
  };
  // The post as exported (its row's text: hashed as it is, not written out again) and what it refers to.
  const checksum = createHash('sha256')
    .update(rowText ?? JSON.stringify(post))
    .update(JSON.stringify([tagIds, userIds, scan.postMeta.get(id) ?? null]))
    .digest('base64url')
    .slice(0, 22);
  return { story: { ...story, checksum } };
}

/**
 * The body from Ghost 5's Lexical, else Ghost 4's Mobiledoc, else (neither there, or not readable)
 * the HTML Ghost rendered from them.
 */
export function convertGhostBody(post: GhostRecord, siteUrl: string): ConvertedBody {
  const body = new BodyBuilder(siteUrl);
  const lexical = str(post.lexical);
  const mobiledoc = str(post.mobiledoc);
  let read = false;
  if (lexical) {
    read = lexicalToBody(lexical, body);
    if (!read) body.warn('its Lexical body could not be read: the HTML Ghost made of it was used instead');
  }
  if (!read && mobiledoc) {
    read = mobiledocToBody(mobiledoc, body);
    if (!read) body.warn('its Mobiledoc body could not be read: the HTML Ghost made of it was used instead');
  }
  if (!read) body.html(str(post.html));
  return body.finish();
}

/** A Ghost date (always UTC unless it says otherwise), or null when it is none. */
export function ghostDate(value: unknown): Date | null {
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) < 8.64e15 ? new Date(value) : null;
  if (typeof value !== 'string') return null;
  const match = GHOST_DATE.exec(value.trim());
  if (!match) return null;
  const [, year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match.map(Number);
  // `2024-02-31` is not a day, though Date would read it as 2 March.
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(`${value.trim().replace(' ', 'T')}${match[7] ? '' : 'Z'}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

function storySlug(ghostSlug: string, headline: string): string {
  const slug = slugify(ghostSlug, 120);
  return isValidSlug(slug) ? slug : slugify(headline, 120) || 'story';
}

/** The feature image, with its alt text and caption (posts_meta in Ghost 5, the post itself in Ghost 4). */
function heroImage(post: GhostRecord, scan: GhostScan, warn: (message: string) => void): BodyImage | null {
  const src = str(post.feature_image).trim();
  if (!src) return null;
  const url = safeImageUrl(ghostMediaPath(src));
  if (!url) {
    warn('dropped the feature image: its address is not http(s) or site-relative');
    return null;
  }
  const meta = scan.postMeta.get(str(post.id));
  const warnings = new Warnings();
  const field = (value: string) => oneLine(cleanText(value, warnings)).normalize('NFC');
  const { caption, credit } = splitCredit(htmlToText(meta?.caption || str(post.feature_image_caption)));
  const image = { url, alt: field(meta?.alt || str(post.feature_image_alt)), caption: field(caption), credit: field(credit), attachmentId: null };
  for (const sentence of warnings.list()) warn(`feature image: ${sentence}`);
  return image;
}

/** Comments, when the export has them (Ghost's native comments usually are not exported): published ones, threads kept. */
function approvedComments(postId: string, scan: GhostScan): PlannedComment[] {
  const kept = new Set<string>();
  const comments: PlannedComment[] = [];
  const dated = (scan.comments.get(postId) ?? []).map((comment) => ({ comment, createdAt: ghostDate(comment.createdAt) }));
  for (const { comment, createdAt } of dated.sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0))) {
    if ((comment.status !== 'published' && comment.status !== 'approved') || !comment.id || !createdAt) continue;
    const body = htmlToText(comment.html).slice(0, 5000);
    if (!body) continue;
    const parent = comment.parentId && kept.has(comment.parentId) ? comment.parentId : null;
    kept.add(comment.id);
    comments.push({ sourceId: comment.id, parentSourceId: parent, authorName: scan.members.get(comment.memberId) || 'Anonymous', body, createdAt });
  }
  return comments;
}

/** Ghost's addresses for a post or page: `/slug/`, and the preview link `/p/<uuid>/` shared before publishing. */
function oldPaths(post: GhostRecord, site: GhostSite): string[] {
  const paths: string[] = [];
  const slug = str(post.slug).trim();
  if (slug && !slug.includes('/')) paths.push(`${site.pathPrefix}/${encodeURI(slug)}/`);
  const uuid = str(post.uuid).trim();
  if (/^[0-9a-f-]{8,64}$/i.test(uuid)) paths.push(`${site.pathPrefix}/p/${uuid}/`);
  return paths;
}
