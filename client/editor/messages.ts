/**
 * The editor's words in the staff member's language. The story edit page puts the `nr.editor.*`
 * messages of the viewer's language in a JSON island (web/newsroom/components/editor-messages.tsx):
 * `<script type="application/json" id="editor-messages" data-language="ko" data-locale="ko">`.
 * It is read once, on the first message asked for.
 *
 * The English area file is compiled in as the fallback: it is about 3 KB compressed (the budget is
 * 200 KB), and it keeps the editor whole when the island is missing or lacks a key (a page cached
 * across a deploy, a page that loads the script without the island, the node tests), instead of
 * showing bare keys. The island stays the one source of every other language.
 */
import type { Message, ParamsOf, PluralMessage } from '../../src/shared/i18n/i18n.types.js';
import { newsroomEditorEn } from '../../src/shared/i18n/areas/newsroom-editor.en.js';

type En = typeof newsroomEditorEn;
export type EditorMessageKey = keyof En;
type ParamArgs<K extends EditorMessageKey> = keyof ParamsOf<En[K]> extends never ? [params?: undefined] : [params: ParamsOf<En[K]>];

export const ISLAND_ID = 'editor-messages';

/** What the island holds, or English alone. */
export interface EditorMessages {
  readonly messages: Readonly<Record<string, Message>>;
  /** The catalogue's language: its plural rules pick the forms. */
  readonly language: string;
  /** The full tag (`en-GB`, `ko`) for dates and times; undefined: the browser's. */
  readonly locale: string | undefined;
}

const ENGLISH: EditorMessages = { messages: {}, language: 'en', locale: undefined };
const PLACEHOLDER = /\{(\w+)\}/g;

/** The island's element as far as it is read (an HTMLElement in the browser, a stand-in in tests). */
export interface IslandElement {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
}

const isMessage = (value: unknown): value is Message =>
  typeof value === 'string' || (typeof value === 'object' && value !== null && typeof (value as { other?: unknown }).other === 'string');

/** Parses the island; anything unreadable leaves English (a damaged island must not stop the editor). */
export function readIsland(element: IslandElement | null): EditorMessages {
  if (!element) return ENGLISH;
  let data: unknown;
  try {
    data = JSON.parse(element.textContent ?? '');
  } catch {
    return ENGLISH;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return ENGLISH;
  const messages: Record<string, Message> = {};
  for (const [key, value] of Object.entries(data)) if (isMessage(value)) messages[key] = value;
  const language = element.getAttribute('data-language') || 'en';
  return { messages, language, locale: element.getAttribute('data-locale') || language };
}

let current: EditorMessages | undefined;

function loaded(): EditorMessages {
  current ??= readIsland(typeof document === 'undefined' ? null : document.getElementById(ISLAND_ID));
  return current;
}

/** Replaces the messages in use (tests; the browser reads the island by itself). */
export function setEditorMessages(messages: EditorMessages | undefined): void {
  current = messages;
}

/** The locale for dates and times the editor writes itself ("Saved at 3:04 PM"). */
export function editorLocale(): string | undefined {
  return loaded().locale;
}

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralForm(message: PluralMessage, language: string, count: number): string {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  return message[rules.select(count)] ?? message.other;
}

/** The text of `key` before filling: the island's, else the compiled English (with English plural rules). */
function text(key: EditorMessageKey, count: number): string {
  const { messages, language } = loaded();
  const own = messages[key];
  const [message, rules] = own === undefined ? [newsroomEditorEn[key] as Message | undefined, 'en'] : [own, language];
  if (message === undefined) return key;
  return typeof message === 'string' ? message : pluralForm(message, rules, count);
}

/**
 * The message with its `{name}` placeholders filled. Numbers are written as plain digits, as the
 * editor always wrote its counts (and English must not change); a plural message's form is chosen
 * by `count`.
 */
export function msg<K extends EditorMessageKey>(key: K, ...[params]: ParamArgs<K>): string {
  return fill<never>(key, params ?? {}).join('');
}

/**
 * The message split at its placeholders, for a sentence with an element inside (a name in
 * `<strong>`): a value that is an object (a DOM node) is put in as it is, the rest as text.
 */
export function msgParts<K extends EditorMessageKey, T extends object = Node>(
  key: K,
  params: { readonly [P in keyof ParamsOf<En[K]>]: string | number | T },
): Array<string | T> {
  return fill<T>(key, params);
}

function fill<T extends object>(key: EditorMessageKey, values: Readonly<Record<string, string | number | T>>): Array<string | T> {
  const template = text(key, Number(values['count'] ?? NaN));
  const parts: Array<string | T> = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const [whole, name = ''] = match;
    const value = values[name];
    if (match.index > last) parts.push(template.slice(last, match.index));
    parts.push(value === undefined ? whole : typeof value === 'object' ? value : String(value));
    last = match.index + whole.length;
  }
  if (last < template.length) parts.push(template.slice(last));
  // Neighbouring strings as one, so a message without elements is one string.
  return parts.reduce<Array<string | T>>((out, part) => {
    const previous = out[out.length - 1];
    if (typeof part === 'string' && typeof previous === 'string') out[out.length - 1] = previous + part;
    else out.push(part);
    return out;
  }, []);
}
