/**
 * Text every staff field refuses (src/shared/text.ts), for tests across the field families: NUL,
 * BEL, the C1 controls NEL (U+0085) and CSI (U+009B), and a lone surrogate.
 */
export const REFUSED_TEXT = ['\u0000', '\u0007', '\u0085', '\u009B', '\uD800'] as const;

/** A decomposed string ("e" + combining acute) and its NFC form, which is what is stored. */
export const DECOMPOSED = { typed: 'Cafe\u0301', stored: 'Caf\u00e9' } as const;
