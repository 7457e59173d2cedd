import type { ArticleStatus } from '../articles/index.js';
import { parseZonedDateTime } from '../../shared/zoned-time.js';
import { slugify, isValidSlug } from '../../shared/slug.js';
import { checksumOf } from './import-ledger.repository.js';
import { htmlToText, importLine } from './import-text.js';
import type { PlannedComment, PlannedStory, StoryPlan } from './planned-story.js';
import { convertWordPressBody, type BodyImage } from './wordpress-body.js';
import type { WpItem } from './wordpress-export.js';
import type { WordPressScan } from './wordpress-scan.js';

/** WordPress's statuses; private and trashed posts are not the public's and stay behind. */
const STATUSES: Record<string, ArticleStatus> = { publish: 'published', future: 'scheduled', draft: 'draft', pending: 'in_review' };
const NO_DATE = /^0000-00-00/;
const PRIMARY_CATEGORY_KEYS = ['_yoast_wpseo_primary_category', 'rank_math_primary_category', '_primary_term_category'];

/** How one item of the export becomes a story, or why it does not. Pure: nothing is written. */
export function planWordPressStory(item: WpItem, scan: WordPressScan, timeZone: string): StoryPlan {
  if (item.type !== 'post' && item.type !== 'page') return { skipped: `a ${item.type || 'untyped'} item, not a post or page` };
  const status = STATUSES[item.status];
  if (!status) return { skipped: `status "${item.status || 'none'}" is not imported (private, trashed and automatic drafts stay behind)` };
  const warnings: string[] = [];
  const warn = (message: string) => warnings.push(message);

  const publishedAt = wordPressDate(item.dateGmt, item.date, timeZone);
  if ((status === 'published' || status === 'scheduled') && !publishedAt) {
    return { skipped: `its publication date "${item.dateGmt || item.date}" is not a valid date` };
  }
  const body = convertWordPressBody(item.content, { attachment: (id) => scan.attachments.get(id) });
  warnings.push(...body.warnings);
  let headline = importLine(item.title, 300, 'headline', warn);
  if (!headline) {
    headline = importLine(firstWords(htmlToText(item.content)), 80, 'headline', warn) || `Untitled (WordPress ${item.type} ${item.postId})`;
    warn('headline: the post had no title; one was made from its first words');
  }
  const slug = storySlug(item.slug, headline);
  const categories = item.terms.filter((term) => term.domain === 'category' && term.slug).map((term) => term.slug);
  const primary = PRIMARY_CATEGORY_KEYS.map((key) => scan.categoryIdToSlug.get(item.meta.get(key)?.trim() ?? '')).find(Boolean);
  const categorySlugs = primary ? [primary, ...categories.filter((slug) => slug !== primary)] : categories;
  const coAuthors = item.terms.filter((term) => term.domain === 'author').map((term) => term.slug.replace(/^cap-/, ''));
  const authorLogins = coAuthors.length > 0 ? coAuthors : item.creator ? [item.creator] : [];

  const story: Omit<PlannedStory, 'checksum'> = {
    kind: item.type,
    sourceId: item.postId,
    headline,
    standfirst: importLine(htmlToText(item.excerpt), 500, 'standfirst', warn),
    slug,
    status,
    publishedAt: status === 'draft' || status === 'in_review' ? null : publishedAt,
    updatedAt: wordPressDate(item.modifiedGmt, '', timeZone),
    categorySlugs,
    tagNames: item.terms.filter((term) => term.domain === 'post_tag' && term.name).map((term) => term.name),
    authorLogins,
    body,
    hero: heroImage(item, scan),
    comments: approvedComments(item, timeZone),
    oldPaths: oldPaths(item, scan.site.baseUrl, slug, publishedAt, timeZone),
    warnings,
  };
  return { story: { ...story, checksum: checksumOf(item) } };
}

/** The featured image (`_thumbnail_id`), with the attachment's texts. */
function heroImage(item: WpItem, scan: WordPressScan): BodyImage | null {
  const id = item.meta.get('_thumbnail_id')?.trim();
  const attachment = id ? scan.attachments.get(id) : undefined;
  return attachment && id ? { ...attachment, attachmentId: id } : null;
}

/** `post_date_gmt` when WordPress recorded it (drafts have zeros), else `post_date` in the site's zone. */
export function wordPressDate(gmt: string, local: string, timeZone: string): Date | null {
  const asIso = (value: string) => value.trim().replace(' ', 'T');
  if (gmt && !NO_DATE.test(gmt)) return parseZonedDateTime(asIso(gmt), 'UTC') ?? null;
  if (local && !NO_DATE.test(local)) return parseZonedDateTime(asIso(local), timeZone) ?? null;
  return null;
}

/** WordPress stores a non-ASCII slug percent-encoded (`%ec%84%9c…`); Dateline keeps the letters. */
function storySlug(postName: string, headline: string): string {
  let decoded = postName;
  try {
    decoded = decodeURIComponent(postName);
  } catch {
    // A malformed escape: the slug is made from the headline instead.
  }
  const slug = slugify(decoded, 120);
  return isValidSlug(slug) ? slug : slugify(headline, 120) || 'story';
}

function firstWords(text: string): string {
  return text.split(/\s+/).slice(0, 12).join(' ');
}

function approvedComments(item: WpItem, timeZone: string): PlannedComment[] {
  const kept = new Set<string>();
  const comments: PlannedComment[] = [];
  // WordPress lists a thread in id order, so a parent comes before its replies.
  const ordered = [...item.comments].sort((a, b) => Number(a.id) - Number(b.id));
  for (const comment of ordered) {
    if (comment.approved !== '1' || (comment.type && comment.type !== 'comment')) continue;
    const createdAt = wordPressDate(comment.dateGmt, comment.date, timeZone);
    const body = htmlToText(comment.content).slice(0, 5000);
    if (!createdAt || !body) continue;
    // A reply to a comment left behind (spam, pending) joins the thread at the top.
    const parent = comment.parentId && comment.parentId !== '0' && kept.has(comment.parentId) ? comment.parentId : null;
    kept.add(comment.id);
    comments.push({ sourceId: comment.id, parentSourceId: parent, authorName: comment.author || 'Anonymous', body, createdAt });
  }
  return comments;
}

/**
 * Every address the story had: its permalink as exported, `?p=` / `?page_id=`, and the common
 * permalink shapes (day and name, month and name, post name), so links made under an earlier
 * permalink setting keep working too.
 */
function oldPaths(item: WpItem, baseUrl: string, slug: string, publishedAt: Date | null, timeZone: string): string[] {
  const paths = new Set<string>();
  const permalink = pathOn(item.link, baseUrl);
  if (permalink && permalink !== '/') paths.add(permalink);
  paths.add(item.type === 'page' ? `/?page_id=${item.postId}` : `/?p=${item.postId}`);
  const name = item.slug || slug;
  if (item.type === 'post' && publishedAt) {
    const [year, month, day] = dayFormat(timeZone).format(publishedAt).split('-');
    paths.add(`/${year}/${month}/${day}/${name}/`);
    paths.add(`/${year}/${month}/${name}/`);
  }
  if (name) paths.add(`/${name}/`);
  return [...paths];
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** `2024-05-31` in the zone: made once per zone, since making a formatter costs more than a story's other work. */
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** The path (and query) of `link` when it is on the old site, else null. */
export function pathOn(link: string, baseUrl: string): string | null {
  try {
    const url = new URL(link, baseUrl || undefined);
    const base = baseUrl ? new URL(baseUrl) : null;
    if (base && url.host !== base.host) return null;
    // A site installed in a folder (`https://example.com/news`) has its paths below that folder.
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
}
