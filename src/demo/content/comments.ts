/**
 * The demo publication's readers and their comments: a civil, specific conversation under the
 * stories people argue about, written for Dateline. Times are minutes after the story went out.
 */
export interface DemoReader {
  key: string;
  displayName: string;
}

export interface DemoComment {
  key: string;
  reader: string;
  minutesAfter: number;
  body: string;
  likes: number;
  /** The comment this replies to (one level deep). */
  replyTo?: string;
}

export const demoReaders: DemoReader[] = [
  { key: 'jiwoo', displayName: 'Jiwoo K.' },
  { key: 'marcus', displayName: 'Marcus Webb' },
  { key: 'hana', displayName: 'Hana Sato' },
  { key: 'okafor', displayName: 'D. Okafor' },
  { key: 'seoyeon', displayName: 'Seo-yeon' },
  { key: 'lucia', displayName: 'Lucía Ferrer' },
];

export const demoComments: Record<string, DemoComment[]> = {
  'fare-rises-alone-will-not-fix-seouls-subway-finances': [
    {
      key: 'fare-1',
      reader: 'jiwoo',
      minutesAfter: 35,
      likes: 41,
      body: 'I ride Line 2 every day and would happily pay 200 won more if the money went to platform doors and lifts, not to covering the free-ride scheme. Say where the fare goes and people will accept it.',
    },
    {
      key: 'fare-2',
      reader: 'marcus',
      minutesAfter: 52,
      likes: 17,
      replyTo: 'fare-1',
      body: 'Agreed on ring-fencing. The column’s point stands though: the free rides for over-65s are a national policy, so the national budget should pay for them, not Seoul’s commuters.',
    },
    {
      key: 'fare-3',
      reader: 'seoyeon',
      minutesAfter: 80,
      likes: 9,
      body: 'My grandmother only leaves the house because the subway is free for her. Whatever the fix is, please don’t make it her problem.',
    },
    {
      key: 'fare-4',
      reader: 'okafor',
      minutesAfter: 96,
      likes: 6,
      replyTo: 'fare-3',
      body: 'Nobody is arguing for that. Funding it from the right budget keeps it free for her and stops it being the excuse for every fare rise.',
    },
  ],
  'seoul-braces-for-first-cold-snap-as-temperatures-plunge-below-minus-10': [
    {
      key: 'cold-1',
      reader: 'hana',
      minutesAfter: 20,
      likes: 12,
      body: 'Useful list of the heating shelters, thank you. Could you add the opening hours? The one near Yeongdeungpo station closed at 6 last winter.',
    },
    {
      key: 'cold-2',
      reader: 'lucia',
      minutesAfter: 44,
      likes: 3,
      body: 'First winter here. Is minus 10 normal for November, or is this unusual? Everyone at work says “this is nothing” 😅',
    },
    {
      key: 'cold-3',
      reader: 'jiwoo',
      minutesAfter: 58,
      likes: 8,
      replyTo: 'cold-2',
      body: 'Early, not unheard of. January is the real test. Get a long padded coat and thermal layers; you’ll see everyone in them by next week.',
    },
  ],
  'korean-chip-exports-hit-a-record-as-ai-demand-lifts-memory-prices': [
    {
      key: 'chip-1',
      reader: 'okafor',
      minutesAfter: 25,
      likes: 14,
      body: 'Record exports, but how much of this is price rather than volume? Memory prices swing hard. I’d like to see the same chart in units.',
    },
    {
      key: 'chip-2',
      reader: 'marcus',
      minutesAfter: 47,
      likes: 5,
      replyTo: 'chip-1',
      body: 'The story says prices rose about 30% on the year, so most of it is price. Still good news for the trade balance.',
    },
  ],
  'tour-boat-runs-aground-off-busan-coast-guard-rescues-passengers': [
    {
      key: 'boat-1',
      reader: 'seoyeon',
      minutesAfter: 30,
      likes: 22,
      body: 'Relieved everyone is safe. Credit to the coast guard for getting there in under twenty minutes.',
    },
    {
      key: 'boat-2',
      reader: 'hana',
      minutesAfter: 64,
      likes: 11,
      body: 'Will there be an inquiry into why it sailed with the fog warning in force? That seems like the question to follow up.',
    },
  ],
  'ai-tutors-can-help-classrooms-but-only-if-teachers-stay-in-charge': [
    {
      key: 'ai-1',
      reader: 'lucia',
      minutesAfter: 60,
      likes: 19,
      body: 'As a teacher: the tools are good at drills and terrible at knowing when a child is upset. The line “teachers stay in charge” should be in the law, not just the guidelines.',
    },
    {
      key: 'ai-2',
      reader: 'marcus',
      minutesAfter: 95,
      likes: 4,
      replyTo: 'ai-1',
      body: 'What would that look like in practice, though? A cap on hours per week with the tutor?',
    },
    {
      key: 'ai-3',
      reader: 'lucia',
      minutesAfter: 130,
      likes: 7,
      replyTo: 'ai-1',
      body: 'Something like that, plus the teacher seeing every exchange. Parents should be able to ask for it too.',
    },
  ],
};
