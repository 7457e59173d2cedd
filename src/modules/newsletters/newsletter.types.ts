/** `briefing`, `breaking`, or `weekly-<sectionId>` (one weekly newsletter per section). */
export type NewsletterKey = 'briefing' | 'breaking' | `weekly-${string}`;

export interface NewsletterInfo {
  key: NewsletterKey;
  name: string;
  description: string;
  /** The section of a weekly newsletter; null for the briefing and breaking alerts. */
  sectionId: string | null;
}

/** One address an issue goes to (confirmed and subscribed). */
export interface Recipient {
  subscriberId: string;
  email: string;
  /** The edition they signed up in (its language and pages); absent for the default edition. */
  editionId?: string;
}

/** A subscriber as the newsroom and the preferences page see it. */
export interface Subscriber {
  id: string;
  /** Null once erased. */
  email: string | null;
  readerId: string | null;
  createdAt: Date;
  confirmedAt: Date | null;
  consentAt: Date | null;
  erased: boolean;
}

export interface SubscriptionState {
  key: NewsletterKey;
  subscribed: boolean;
}

/** One day of the growth chart, all newsletters together. */
export interface GrowthDay {
  day: string;
  subscribed: number;
  unsubscribed: number;
}

export const NEWSLETTER_KEY_MAX_LENGTH = 80;

export function isNewsletterKey(value: unknown): value is NewsletterKey {
  if (typeof value !== 'string' || value.length > NEWSLETTER_KEY_MAX_LENGTH) return false;
  return value === 'briefing' || value === 'breaking' || /^weekly-[A-Za-z0-9_-]+$/.test(value);
}
