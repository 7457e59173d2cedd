/** One story in an issue, as it was when the issue was composed (the archive shows it so). */
export interface IssueItem {
  articleId: string;
  slug: string;
  headline: string;
  standfirst: string;
  /** A short label shown above the headline: the section's name. */
  label: string;
}

export const ISSUE_STATUSES = ['draft', 'scheduled', 'sending', 'sent'] as const;
/** draft (held: sent only by hand) | scheduled (goes out at `scheduledFor`) → sending → sent. */
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

export interface NewsletterIssue {
  id: string;
  newsletterKey: string;
  /** What the issue is for: the briefing's or weekly's local date, or `story:<id>` for an alert. */
  edition: string;
  /** Given when it starts sending; the public archive's address. */
  number: number | null;
  subject: string;
  intro: string;
  items: IssueItem[];
  status: IssueStatus;
  scheduledFor: Date | null;
  startedAt: Date | null;
  sentAt: Date | null;
  /** Messages put in the mail queue so far. */
  recipientCount: number;
  /** The delivery counts kept on the issue once its messages may leave the mail queue (null: read from the queue). */
  keptCounts: { sent: number; failed: number } | null;
  createdAt: Date;
}

/** An issue's delivery as the mail queue counts it (by batch id). */
export interface IssueProgress {
  status: IssueStatus;
  /** Messages enqueued by the fan-out so far. */
  enqueued: number;
  queued: number;
  sent: number;
  failed: number;
  /** Whether the fan-out has reached the last subscriber. */
  fannedOut: boolean;
}

/** What an editor may change before an issue starts sending. */
export interface IssueEdit {
  subject: string;
  intro: string;
  /** The stories kept, in their new order (ids of the issue's items; others are removed). */
  order: readonly string[];
}

/** One address an issue goes to (the subscribers' side of the module). */
export interface IssueRecipient {
  subscriberId: string;
  email: string;
  /** The edition they signed up in: the issue's fixed words are in its language, its links lead to its pages. Null (or absent): the default. */
  editionId?: string | null;
}

/** Who an issue goes to, and each one's own links (deps.subscribers). */
export interface RecipientSource {
  /** Confirmed subscribers of `key` after `afterSubscriberId`, in subscriber id order (keyset). */
  recipients(key: string, afterSubscriberId: string | null, limit: number): Promise<IssueRecipient[]>;
  /** Absolute, signed; in the edition at `pathPrefix` (`ko`), the default edition's without. */
  preferencesUrl(subscriberId: string, pathPrefix?: string): string;
  /** Absolute, signed: a POST unsubscribes (RFC 8058). */
  oneClickUnsubscribeUrl(subscriberId: string, key: string, pathPrefix?: string): string;
}

/** The newsletters there are (deps: the catalog). */
export interface NewsletterNames {
  listNow(): Array<{ key: string; name: string; description: string; sectionId: string | null }>;
}
