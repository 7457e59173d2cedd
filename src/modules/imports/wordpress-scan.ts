import type { WordPressAttachment } from './wordpress-body.js';
import { readWordPressExport, type WpAuthor, type WpSite, type WpTerm } from './wordpress-export.js';
import type { XmlProblem } from './xml-tree-stream.js';

/**
 * The first of an import's two passes over the file: what the stories refer to (authors, terms,
 * attachments, which may come after the posts that use them) and how many items there are, for
 * the progress bar. Only attachments' addresses and texts are kept, a few hundred bytes each.
 */
export interface WordPressScan {
  site: WpSite;
  authors: Map<string, WpAuthor>;
  categories: Map<string, WpTerm>;
  /** Category slugs by term id: the primary category (Yoast, Rank Math) is named by id. */
  categoryIdToSlug: Map<string, string>;
  tags: Map<string, WpTerm>;
  attachments: Map<string, WordPressAttachment>;
  /** Items the second pass will import or report (posts and pages; attachments and menus are not counted). */
  items: number;
  problems: XmlProblem[];
}

const STORY_TYPES = new Set(['post', 'page']);

export async function scanWordPressExport(source: AsyncIterable<string>): Promise<WordPressScan> {
  const scan: WordPressScan = {
    site: { title: '', baseUrl: '', language: '', wxrVersion: '' },
    authors: new Map(),
    categories: new Map(),
    categoryIdToSlug: new Map(),
    tags: new Map(),
    attachments: new Map(),
    items: 0,
    problems: [],
  };
  for await (const entry of readWordPressExport(source)) {
    switch (entry.kind) {
      case 'site':
        scan.site = entry.site;
        break;
      case 'author':
        if (entry.author.login) scan.authors.set(entry.author.login, entry.author);
        break;
      case 'category':
        if (entry.term.slug) {
          scan.categories.set(entry.term.slug, entry.term);
          if (entry.term.termId) scan.categoryIdToSlug.set(entry.term.termId, entry.term.slug);
        }
        break;
      case 'tag':
        if (entry.term.slug) scan.tags.set(entry.term.slug, entry.term);
        break;
      case 'problem':
        scan.problems.push(entry.problem);
        break;
      case 'item': {
        const { item } = entry;
        if (item.type === 'attachment' && item.postId && item.attachmentUrl) {
          scan.attachments.set(item.postId, {
            url: item.attachmentUrl,
            alt: item.meta.get('_wp_attachment_image_alt')?.trim() ?? '',
            caption: item.excerpt.trim(),
            credit: creditFromMetadata(item.meta.get('_wp_attachment_metadata') ?? ''),
          });
        } else if (STORY_TYPES.has(item.type)) {
          scan.items += 1;
        }
        break;
      }
    }
  }
  return scan;
}

/**
 * The photographer's credit WordPress read from the picture's IPTC data, stored in a PHP-serialised
 * array (`s:6:"credit";s:10:"Jane Smith";`). Its lengths count UTF-8 bytes, so it is cut by bytes.
 */
export function creditFromMetadata(serialised: string): string {
  const bytes = Buffer.from(serialised, 'utf8');
  const marker = Buffer.from('s:6:"credit";s:', 'utf8');
  const at = bytes.indexOf(marker);
  if (at < 0) return '';
  const rest = bytes.subarray(at + marker.length, at + marker.length + 12).toString('latin1');
  const length = /^(\d+):"/.exec(rest);
  if (!length?.[1]) return '';
  const start = at + marker.length + length[1].length + 2;
  return bytes
    .subarray(start, start + Number(length[1]))
    .toString('utf8')
    .trim();
}
