import { z } from 'zod';
import { text } from '../../shared/text.js';
import { isTimeZone } from '../../shared/zoned-time.js';

/** Text settings go through the shared rule (src/shared/text.ts): no control characters, NFC. */
export const PublicationSettingsSchema = z.object({
  name: text({ min: 1, max: 120 }),
  tagline: text({ max: 200 }),
  description: text({ max: 500, multiline: true }),
  /** BCP 47 language tag of the publication, used for `<html lang>` and number formats. */
  language: text({ min: 2, max: 35 }),
  /** IANA time zone in which dates are shown. */
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Seoul'),
  contactEmail: z.email(),
  copyrightHolder: text({ max: 200 }),
  foundedYear: z.number().int().min(1600).max(3000),
  /** Popular Now counts the views of this many most recent hours. */
  popularNowHours: z.number().int().min(1).max(24),
  /** Weekly Best ranks only stories published within this many days (the age cap). */
  weeklyBestMaxAgeDays: z.number().int().min(1).max(30),
  /** open: comments appear at once; pre-moderated: an editor approves each first; closed: none. */
  commentsMode: z.enum(['open', 'pre-moderated', 'closed']),
  /** Words or phrases (case-insensitive) that send a comment to the moderation queue. */
  commentBlocklist: z.array(text({ min: 1, max: 100 })).max(500),
  /** A media library image shown in the masthead instead of the name (which becomes its alt text). */
  logoMediaId: z.string().min(1).max(64).optional(),
  /** A media library image for browser tabs, bookmarks and home screens (/favicon.ico); absent: the default icon. */
  iconMediaId: z.string().min(1).max(64).optional(),
  /** What feeds carry for each story: the whole body, or only its standfirst. */
  feedContent: z.enum(['full', 'summary']),
  /** When the Morning Briefing (daily) and the sections' weeklies go out, `HH:MM` in `timeZone`. */
  newsletterTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 07:00'),
  /** The weekday the sections' weeklies go out: 0 Sunday … 6 Saturday. */
  weeklyNewsletterDay: z.number().int().min(0).max(6),
});

export type PublicationSettings = z.infer<typeof PublicationSettingsSchema>;

export const DEFAULT_PUBLICATION: PublicationSettings = {
  name: 'Dateline',
  tagline: 'News, as it happens',
  description: 'An independent news publication.',
  language: 'en',
  timeZone: 'UTC',
  contactEmail: 'newsroom@example.com',
  copyrightHolder: 'Dateline',
  foundedYear: new Date().getUTCFullYear(),
  popularNowHours: 3,
  weeklyBestMaxAgeDays: 7,
  commentsMode: 'open',
  commentBlocklist: [],
  feedContent: 'full',
  newsletterTime: '07:00',
  weeklyNewsletterDay: 1,
};
