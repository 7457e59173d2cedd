/**
 * The shapes of a message catalogue. The English catalogue (messages.en.ts) is the reference: its
 * keys are the key type, and every other language must have exactly those keys (TypeScript checks
 * it with `satisfies CatalogueOf<typeof en>`; i18n.test.ts checks placeholders and plural forms).
 */

/** CLDR plural categories, as Intl.PluralRules names them. */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/**
 * A message that changes with a number, ICU style: one text per plural category of the language
 * (English: one and other; Korean: other only). `{count}` is the number, formatted for the language.
 */
export type PluralMessage = { readonly other: string } & Partial<Readonly<Record<Exclude<PluralCategory, 'other'>, string>>>;

export type Message = string | PluralMessage;

export type Catalogue = Readonly<Record<string, Message>>;

/** Another language's catalogue for the reference `C`: the same keys, plain texts where `C` has them, plural ones where `C` has them. */
export type CatalogueOf<C extends Catalogue> = { readonly [K in keyof C]: C[K] extends string ? string : PluralMessage };

/** The `{name}` placeholders of a message text, as a union of names. */
type PlaceholdersOf<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholdersOf<Rest> : never;

/** The text of every form of a message, for finding its placeholders. */
type TextsOf<M> = M extends string ? M : M extends PluralMessage ? M[keyof M] & string : never;

/** What a message needs filled in: each placeholder (a plural message's `count` is a number). */
export type ParamsOf<M> = M extends string
  ? { readonly [P in PlaceholdersOf<M>]: string | number }
  : { readonly count: number } & { readonly [P in Exclude<PlaceholdersOf<TextsOf<M>>, 'count'>]: string | number };

/** The language codes that have a catalogue. */
export type CatalogueLanguage = 'en' | 'ko';
