import { Schema, type DOMOutputSpec, type MarkSpec, type NodeSpec } from 'prosemirror-model';
import { isSafeHref } from '../../src/shared/safe-url.js';
import { msg } from './messages.js';

/**
 * The editor's schema is Dateline's block model (src/shared/article-body.ts) and nothing more: a
 * document can only hold what a story body holds, so pasted or typed content outside it (tables,
 * colours, fonts, images by reference) has nowhere to go and is dropped by ProseMirror's parser.
 */

/** A figure as the editor holds it; only `mediaId` is saved (src, alt, caption and credit are for display). */
export interface FigureAttrs {
  mediaId: string | null;
  src: string | null;
  alt: string;
  caption: string;
  credit: string;
  /** While an upload runs: the id the media part uses to find the figure again. */
  uploadId: string | null;
  /** An upload that failed: shown on the figure, which is never saved. */
  error: string | null;
}

export interface EmbedAttrs {
  url: string;
  title: string | null;
}

const figureDefaults: { [K in keyof FigureAttrs]: { default: FigureAttrs[K] } } = {
  mediaId: { default: null },
  src: { default: null },
  alt: { default: '' },
  caption: { default: '' },
  credit: { default: '' },
  uploadId: { default: null },
  error: { default: null },
};

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'block+' },
  paragraph: {
    group: 'block',
    content: 'inline*',
    parseDOM: [{ tag: 'p' }, { tag: 'div', priority: 0 }],
    toDOM: (): DOMOutputSpec => ['p', 0],
  },
  heading: {
    group: 'block',
    content: 'text*',
    marks: '',
    defining: true,
    parseDOM: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((tag) => ({ tag })),
    toDOM: (): DOMOutputSpec => ['h2', 0],
  },
  quote: {
    group: 'block',
    content: 'quote_text quote_attribution',
    defining: true,
    parseDOM: [{ tag: 'blockquote' }],
    toDOM: (): DOMOutputSpec => ['blockquote', 0],
  },
  quote_text: {
    content: 'text*',
    marks: '',
    parseDOM: [{ tag: 'p', context: 'quote/' }],
    toDOM: (): DOMOutputSpec => ['p', 0],
  },
  quote_attribution: {
    content: 'text*',
    marks: '',
    parseDOM: [
      { tag: 'footer', context: 'quote/' },
      { tag: 'cite', context: 'quote/' },
    ],
    toDOM: (): DOMOutputSpec => ['footer', { class: 'editor-attribution', 'data-placeholder': msg('nr.editor.quote.attributionPlaceholder') }, 0],
  },
  bullet_list: {
    group: 'block',
    content: 'list_item+',
    parseDOM: [{ tag: 'ul' }],
    toDOM: (): DOMOutputSpec => ['ul', 0],
  },
  ordered_list: {
    group: 'block',
    content: 'list_item+',
    parseDOM: [{ tag: 'ol' }],
    toDOM: (): DOMOutputSpec => ['ol', 0],
  },
  // One level of list, as in the body: an item holds one paragraph and no nested list.
  list_item: {
    content: 'paragraph',
    defining: true,
    parseDOM: [{ tag: 'li' }],
    toDOM: (): DOMOutputSpec => ['li', 0],
  },
  figure: {
    group: 'block',
    atom: true,
    draggable: true,
    selectable: true,
    attrs: figureDefaults,
    parseDOM: [
      {
        tag: 'figure[data-media-id]',
        getAttrs: (dom) => ({ mediaId: dom.getAttribute('data-media-id'), alt: dom.querySelector('img')?.getAttribute('alt') ?? '' }),
      },
    ],
    toDOM: (node): DOMOutputSpec => {
      const attrs = node.attrs as FigureAttrs;
      const image: DOMOutputSpec = attrs.src
        ? ['img', { src: attrs.src, alt: attrs.alt }]
        : ['span', { class: 'editor-figure-empty' }, attrs.alt || msg('nr.editor.figure.imagePlaceholder')];
      return ['figure', { class: 'editor-figure', 'data-media-id': attrs.mediaId ?? '' }, image, ['figcaption', attrs.error ?? attrs.caption]];
    },
  },
  divider: {
    group: 'block',
    atom: true,
    selectable: true,
    parseDOM: [{ tag: 'hr' }],
    toDOM: (): DOMOutputSpec => ['hr'],
  },
  embed: {
    group: 'block',
    atom: true,
    selectable: true,
    attrs: { url: { default: '' }, title: { default: null } },
    parseDOM: [{ tag: 'div[data-embed-url]', getAttrs: (dom) => ({ url: dom.getAttribute('data-embed-url') ?? '' }) }],
    toDOM: (node): DOMOutputSpec => {
      const attrs = node.attrs as EmbedAttrs;
      return [
        'div',
        { class: 'editor-embed', 'data-embed-url': attrs.url },
        ['span', { class: 'editor-embed-label' }, msg('nr.editor.embed.cardLabel')],
        ['span', attrs.url],
      ];
    },
  },
  text: { group: 'inline' },
};

/** Word's and Google Docs' bold and italic come as styles on spans; only their meaning is kept. */
const BOLD_WEIGHT = /^(bold(er)?|[6-9]\d\d)$/;

const marks: Record<string, MarkSpec> = {
  link: {
    attrs: { href: {} },
    inclusive: false,
    // A pasted javascript: or data: link keeps its words and loses the link.
    parseDOM: [
      {
        tag: 'a[href]',
        getAttrs: (dom) => {
          const href = (dom.getAttribute('href') ?? '').trim();
          return isSafeHref(href) ? { href } : false;
        },
      },
    ],
    toDOM: (mark): DOMOutputSpec => ['a', { href: String(mark.attrs['href']), rel: 'noopener nofollow' }, 0],
  },
  em: {
    parseDOM: [
      { tag: 'i' },
      { tag: 'em' },
      { style: 'font-style=italic' },
      { style: 'font-style=normal', clearMark: (mark) => mark.type.name === 'em' },
    ],
    toDOM: (): DOMOutputSpec => ['em', 0],
  },
  strong: {
    parseDOM: [
      { tag: 'strong' },
      // Google Docs wraps a whole paste in <b style="font-weight:normal">: not bold at all.
      { tag: 'b', getAttrs: (dom) => dom.style.fontWeight !== 'normal' && null },
      { style: 'font-weight=400', clearMark: (mark) => mark.type.name === 'strong' },
      { style: 'font-weight', getAttrs: (value) => BOLD_WEIGHT.test(value) && null },
    ],
    toDOM: (): DOMOutputSpec => ['strong', 0],
  },
};

export const schema = new Schema({ nodes, marks });
