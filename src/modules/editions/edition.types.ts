/**
 * An edition of the publication: one language, with its own name, tagline, time zone and address.
 * The default edition lives at `/` (`pathPrefix` empty) and takes its name, tagline and time zone
 * from the publication's settings; the others live under `/<pathPrefix>/`.
 */
export interface Edition {
  id: string;
  /** BCP 47 language tag, canonical (`en`, `ko`, `pt-BR`). */
  code: string;
  /** `''` for the default edition; else its pages' first path segment (`ko`). */
  pathPrefix: string;
  name: string;
  tagline: string;
  timeZone: string;
  enabled: boolean;
  isDefault: boolean;
  position: number;
}

/** What an admin gives for a new edition, or changes on one. */
export interface EditionInput {
  code: string;
  pathPrefix: string;
  name: string;
  tagline: string;
  timeZone: string;
}

/** The publication's settings the default edition takes its own from. */
export interface PublicationDefaults {
  name: string;
  tagline: string;
  timeZone: string;
}

/** One field of an `EditionInput` that cannot be saved: a bad value (400) or one another edition has (409). */
export interface EditionProblem {
  field: keyof EditionInput;
  code: 'ERR_EDITION_INVALID' | 'ERR_EDITION_TAKEN';
}
