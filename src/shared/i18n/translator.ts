/**
 * Messages of the catalogue for one language: `t(key, params)` fills `{name}` placeholders and, for
 * plural messages, picks the form with Intl.PluralRules. The result is plain text, escaped by the
 * TSX renderer like any other string; `rich` splits a message at `<tag>…</tag>` so a page can put a
 * link there without the catalogue ever holding HTML.
 */
import { ERROR_CATALOGUE, type ErrorCode } from '../errors.js';
import { koErrors } from './errors.ko.js';
import { formatDate, formatDateTime, formatNumber } from './date-format.js';
import type { CatalogueLanguage, Message, ParamsOf, PluralMessage } from './i18n.types.js';
import { en, type MessageKey } from './messages.en.js';
import { ko } from './messages.ko.js';

export type { MessageKey } from './messages.en.js';

type En = typeof en;

/** A key's parameters, when it has any: `t('home.latestStories')`, `t('article.views', { count })`. */
type ParamArgs<K extends MessageKey> = keyof ParamsOf<En[K]> extends never ? [params?: undefined] : [params: ParamsOf<En[K]>];

export const CATALOGUES: Readonly<Record<CatalogueLanguage, Readonly<Record<MessageKey, Message>>>> = { en, ko };

export interface Translator {
  /** The BCP 47 tag dates and numbers are formatted for (the publication's, such as `en-GB`). */
  readonly locale: string;
  /** The catalogue the texts come from. */
  readonly language: CatalogueLanguage;
  // Function-valued properties, not methods: pages destructure them (`const { t } = translator`).
  readonly t: <K extends MessageKey>(key: K, ...params: ParamArgs<K>) => string;
  /** The message split at `<tag>text</tag>`: each marked part is handed to `tags[tag]`, the rest stays text. */
  readonly rich: <K extends MessageKey, T>(key: K, tags: Readonly<Record<string, (text: string) => T>>, ...params: ParamArgs<K>) => Array<string | T>;
  readonly dateTime: (date: Date, timeZone: string) => string;
  readonly date: (date: Date, timeZone: string) => string;
  readonly number: (value: number) => string;
  /** A coded error's message for the person who made the request, in the catalogue's language. */
  readonly error: (code: ErrorCode) => string;
}

/** Each language's message for every coded error; English is the error catalogue's own text. */
const ERROR_MESSAGES: Readonly<Record<CatalogueLanguage, Readonly<Record<ErrorCode, string>>>> = {
  en: Object.fromEntries(Object.entries(ERROR_CATALOGUE).map(([code, { message }]) => [code, message])) as Record<ErrorCode, string>,
  ko: koErrors,
};

/** The languages that have a catalogue, in the order a language menu lists them. */
export const CATALOGUE_LANGUAGES: readonly CatalogueLanguage[] = ['en', 'ko'];

export function isCatalogueLanguage(value: string): value is CatalogueLanguage {
  return (CATALOGUE_LANGUAGES as readonly string[]).includes(value);
}

/** The catalogue for a BCP 47 tag: its primary language when there is one, else English. */
export function catalogueLanguage(locale: string): CatalogueLanguage {
  const primary = locale.split('-')[0]?.toLowerCase();
  return primary === 'ko' ? 'ko' : 'en';
}

const PLACEHOLDER = /\{(\w+)\}/g;
const TAG = /<(\w+)>(.*?)<\/\1>/g;

/** Built from closures, not a class, so `const { t } = translator` works in a component. */
function createTranslator(locale: string): Translator {
  const language = catalogueLanguage(locale);
  const catalogue = CATALOGUES[language];
  // The rules of the catalogue's language: its forms are the ones the catalogue was written with.
  const plurals = new Intl.PluralRules(language);
  const number = (value: number) => formatNumber(value, locale);
  const pluralForm = (message: PluralMessage, count: number) => message[plurals.select(count)] ?? message.other;

  function t<K extends MessageKey>(key: K, ...[params]: ParamArgs<K>): string {
    const message = catalogue[key];
    const values = (params ?? {}) as Readonly<Record<string, string | number>>;
    const text = typeof message === 'string' ? message : pluralForm(message, Number(values['count']));
    return text.replace(PLACEHOLDER, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? number(value) : value;
    });
  }

  function rich<K extends MessageKey, T>(key: K, tags: Readonly<Record<string, (text: string) => T>>, ...params: ParamArgs<K>): Array<string | T> {
    const text = t(key, ...params);
    const out: Array<string | T> = [];
    let last = 0;
    for (const match of text.matchAll(TAG)) {
      const [whole, name = '', inner = ''] = match;
      const make = tags[name];
      if (match.index > last) out.push(text.slice(last, match.index));
      out.push(make ? make(inner) : inner);
      last = match.index + whole.length;
    }
    if (last < text.length) out.push(text.slice(last));
    return out;
  }

  return {
    locale,
    language,
    t,
    rich,
    dateTime: (date, timeZone) => formatDateTime(date, { language: locale, timeZone }),
    date: (date, timeZone) => formatDate(date, { language: locale, timeZone }),
    number,
    error: (code) => ERROR_MESSAGES[language][code],
  };
}

const translators = new Map<string, Translator>();

/** One translator per locale for the life of the process: it holds only formatters and rules. */
export function translatorFor(locale: string): Translator {
  let translator = translators.get(locale);
  if (!translator) {
    translator = createTranslator(locale);
    translators.set(locale, translator);
  }
  return translator;
}
