/** A newsroom staff account as the rest of the code sees it: never with its password hash. */
export interface User {
  id: string;
  /** Lower-cased. */
  email: string;
  displayName: string;
  /** One of ROLES when written by Dateline; an unknown stored value holds no permission (`roleHas`). */
  role: string;
  active: boolean;
  authorId: string | null;
  createdAt: Date;
  passwordChangedAt: Date;
  /** The newsroom's language chosen for this account (`en`, `ko`); null: the publication's language. */
  language: string | null;
}

/** What a person types to create a staff account; validated by UserService. */
export interface NewStaffUser {
  email: string;
  displayName: string;
  /** One of ROLES once UserService has validated it; whatever was typed until then. */
  role: string;
  password: string;
}

/** OWASP's floor for passwords without composition rules; length is what makes them strong. */
export const MIN_PASSWORD_LENGTH = 12;
/** Far beyond any passphrase; hashing megabytes on request would be a cheap denial of service. */
export const MAX_PASSWORD_LENGTH = 256;
export const MAX_DISPLAY_NAME_LENGTH = 100;
