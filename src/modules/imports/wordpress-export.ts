import { XmlRefusedError, xmlElements, type XmlNode, type XmlProblem } from './xml-tree-stream.js';

/** A WordPress export (WXR 1.0–1.2), read as a stream of typed entries. */

export interface WpSite {
  title: string;
  /** The site's address, e.g. `https://example.com` (from `wp:base_site_url`, else the channel's link). */
  baseUrl: string;
  language: string;
  wxrVersion: string;
}

export interface WpAuthor {
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
}

export interface WpTerm {
  termId: string;
  slug: string;
  name: string;
  description: string;
  parentSlug: string;
}

export interface WpComment {
  id: string;
  author: string;
  dateGmt: string;
  date: string;
  content: string;
  approved: string;
  type: string;
  parentId: string;
}

export interface WpItem {
  postId: string;
  type: string;
  status: string;
  title: string;
  slug: string;
  link: string;
  creator: string;
  content: string;
  excerpt: string;
  date: string;
  dateGmt: string;
  modifiedGmt: string;
  parentId: string;
  attachmentUrl: string;
  commentStatus: string;
  /** `<category domain=…>`: category, post_tag, and others (Co-Authors Plus puts bylines in `author`). */
  terms: Array<{ domain: string; slug: string; name: string }>;
  meta: Map<string, string>;
  comments: WpComment[];
  line: number;
}

export type WpEntry =
  | { kind: 'site'; site: WpSite }
  | { kind: 'author'; author: WpAuthor }
  | { kind: 'category'; term: WpTerm }
  | { kind: 'tag'; term: WpTerm }
  | { kind: 'item'; item: WpItem; problem: XmlProblem | null }
  | { kind: 'problem'; problem: XmlProblem };

const PREFIXES = [
  ['http://wordpress.org/export/', 'wp'],
  ['http://purl.org/rss/1.0/modules/content/', 'content'],
  ['http://wordpress.org/export/1.0/excerpt/', 'excerpt'],
  ['http://wordpress.org/export/1.1/excerpt/', 'excerpt'],
  ['http://wordpress.org/export/1.2/excerpt/', 'excerpt'],
  ['http://purl.org/dc/elements/1.1/', 'dc'],
] as const;
// The excerpt namespace starts like the wp one: it must be matched first.
const ORDERED_PREFIXES = [...PREFIXES.slice(2, 5), ...PREFIXES.filter((_, n) => n < 2 || n > 4)];

/**
 * Says what a file is when it is not a WordPress export, from its first characters, so the
 * person importing learns which tool would read it.
 */
export function refuseOtherKinds(start: string): void {
  const text = start.replace(/^\uFEFF/, '').trimStart();
  if (text === '') throw new XmlRefusedError('the file is empty');
  if (text.startsWith('{') || text.startsWith('[')) {
    const ghost = /"db"\s*:|"ghost"|"posts"\s*:/.test(text);
    throw new XmlRefusedError(
      ghost
        ? 'this is a Ghost export (JSON), not a WordPress export: use `dateline import ghost`'
        : 'this is a JSON file, not a WordPress export (WXR)',
    );
  }
  if (text.startsWith('PK'))
    throw new XmlRefusedError('this is a zip file, not a WordPress export (WXR): unzip it, or use `dateline import ghost` for a Ghost zip');
  if (!text.startsWith('<')) throw new XmlRefusedError('this is not an XML file, so not a WordPress export (WXR)');
}

function checkRoot(name: string, namespaces: Record<string, string>): void {
  const declared = Object.values(namespaces);
  if (name === 'rss' && declared.some((uri) => /^http:\/\/wordpress\.org\/export\/1\.[0-2]\/$/.test(uri))) return;
  if (name === 'rss')
    throw new XmlRefusedError('this is an RSS feed, not a WordPress export (WXR): export the site from Tools → Export in WordPress');
  if (name === 'feed' || name.endsWith('}feed')) throw new XmlRefusedError('this is an Atom feed, not a WordPress export (WXR)');
  if (name === 'urlset' || name.endsWith('}urlset') || name.endsWith('}sitemapindex'))
    throw new XmlRefusedError('this is a sitemap, not a WordPress export (WXR)');
  throw new XmlRefusedError(`this XML file's root is <${name}>, not a WordPress export (WXR)`);
}

const childText = (node: XmlNode, name: string): string => node.children.find((child) => child.name === name)?.text.trim() ?? '';
const childRaw = (node: XmlNode, name: string): string => node.children.find((child) => child.name === name)?.text ?? '';

/** Entries in file order: the site and its authors, categories and tags come before the items. */
export async function* readWordPressExport(source: AsyncIterable<string>): AsyncGenerator<WpEntry> {
  const site: WpSite = { title: '', baseUrl: '', language: '', wxrVersion: '' };
  let siteSent = false;
  // The channel's own fields are its children at depth 2, like the items; they come first.
  for await (const entry of xmlElements(source, { depth: 2, prefixes: ORDERED_PREFIXES, checkRoot })) {
    if (!entry.node) {
      yield { kind: 'problem', problem: entry.problem };
      continue;
    }
    yield* channelEntries(
      entry.node,
      site,
      () => {
        const first = !siteSent;
        siteSent = true;
        return first;
      },
      entry.problem,
    );
  }
  if (!siteSent) yield { kind: 'site', site };
}

function* channelEntries(node: XmlNode, site: WpSite, firstSite: () => boolean, problem: XmlProblem | null): Generator<WpEntry> {
  switch (node.name) {
    case 'title':
      site.title = node.text.trim();
      return;
    case 'link':
      site.baseUrl ||= node.text.trim();
      return;
    case 'language':
      site.language = node.text.trim();
      return;
    case 'wp:wxr_version':
      site.wxrVersion = node.text.trim();
      return;
    case 'wp:base_site_url':
      site.baseUrl = node.text.trim();
      return;
    case 'wp:author':
      if (firstSite()) yield { kind: 'site', site: { ...site } };
      yield {
        kind: 'author',
        author: {
          login: childText(node, 'wp:author_login'),
          email: childText(node, 'wp:author_email'),
          displayName: childText(node, 'wp:author_display_name'),
          firstName: childText(node, 'wp:author_first_name'),
          lastName: childText(node, 'wp:author_last_name'),
        },
      };
      return;
    case 'wp:category':
    case 'wp:tag':
    case 'wp:term': {
      if (firstSite()) yield { kind: 'site', site: { ...site } };
      const term = readTerm(node);
      if (term) yield term;
      return;
    }
    case 'item':
      if (firstSite()) yield { kind: 'site', site: { ...site } };
      yield { kind: 'item', item: readItem(node), problem };
      return;
  }
}

function readTerm(node: XmlNode): WpEntry | null {
  if (node.name === 'wp:category') {
    return {
      kind: 'category',
      term: {
        termId: childText(node, 'wp:term_id'),
        slug: childText(node, 'wp:category_nicename'),
        name: childText(node, 'wp:cat_name'),
        description: childText(node, 'wp:category_description'),
        parentSlug: childText(node, 'wp:category_parent'),
      },
    };
  }
  if (node.name === 'wp:tag') {
    return {
      kind: 'tag',
      term: {
        termId: childText(node, 'wp:term_id'),
        slug: childText(node, 'wp:tag_slug'),
        name: childText(node, 'wp:tag_name'),
        description: childText(node, 'wp:tag_description'),
        parentSlug: '',
      },
    };
  }
  // <wp:term> (WXR 1.2) repeats categories and tags as terms; only their ids are new, and items name terms by slug.
  return null;
}

function readItem(node: XmlNode): WpItem {
  const meta = new Map<string, string>();
  const terms: WpItem['terms'] = [];
  const comments: WpComment[] = [];
  for (const child of node.children) {
    if (child.name === 'wp:postmeta') meta.set(childText(child, 'wp:meta_key'), childRaw(child, 'wp:meta_value'));
    else if (child.name === 'category')
      terms.push({ domain: child.attributes.domain ?? 'category', slug: child.attributes.nicename ?? '', name: child.text.trim() });
    else if (child.name === 'wp:comment') comments.push(readComment(child));
  }
  return {
    postId: childText(node, 'wp:post_id'),
    type: childText(node, 'wp:post_type') || 'post',
    status: childText(node, 'wp:status'),
    title: childText(node, 'title'),
    slug: childText(node, 'wp:post_name'),
    link: childText(node, 'link'),
    creator: childText(node, 'dc:creator'),
    content: childRaw(node, 'content:encoded'),
    excerpt: childRaw(node, 'excerpt:encoded'),
    date: childText(node, 'wp:post_date'),
    dateGmt: childText(node, 'wp:post_date_gmt'),
    modifiedGmt: childText(node, 'wp:post_modified_gmt'),
    parentId: childText(node, 'wp:post_parent'),
    attachmentUrl: childText(node, 'wp:attachment_url'),
    commentStatus: childText(node, 'wp:comment_status'),
    terms,
    meta,
    comments,
    line: node.line,
  };
}

function readComment(node: XmlNode): WpComment {
  return {
    id: childText(node, 'wp:comment_id'),
    author: childText(node, 'wp:comment_author'),
    dateGmt: childText(node, 'wp:comment_date_gmt'),
    date: childText(node, 'wp:comment_date'),
    content: childRaw(node, 'wp:comment_content'),
    approved: childText(node, 'wp:comment_approved'),
    type: childText(node, 'wp:comment_type'),
    parentId: childText(node, 'wp:comment_parent'),
  };
}
