import type { StaticPageSlug } from '../../modules/pages/index.js';

/** The demo's static pages, as paragraphs in the same notation as the stories ("## " heads a section). */
export const demoStaticPages: Array<{ slug: StaticPageSlug; title: string; paragraphs: string[] }> = [
  {
    slug: 'about',
    title: 'About The Dateline Daily',
    paragraphs: [
      'The Dateline Daily is an independent English-language newspaper published from Seoul. We report on Korea, the wider Asian region and the world for readers who want to understand what is happening here and why it matters elsewhere.',
      '## Our newsroom',
      'Our reporters and editors work from Seoul and Busan, with contributors across Asia. We publish around the clock, with breaking news in Latest, reporting in World, Asia and Business, and argument in Debate.',
      '## How we are funded',
      'We are funded by our readers and by advertising that never uses third-party tracking. Advertisers have no say over what we report.',
    ],
  },
  {
    slug: 'contact',
    title: 'Contact us',
    paragraphs: [
      'News tips, corrections and letters are read by an editor every day.',
      '- News tips and the newsroom: newsroom@dateline-daily.example',
      '- Corrections: corrections@dateline-daily.example',
      '- Letters to the Debate section: debate@dateline-daily.example',
      'Each reporter’s e-mail address is shown beside their name on every story they write.',
    ],
  },
  {
    slug: 'standards',
    title: 'Editorial standards and corrections policy',
    paragraphs: [
      'We aim to be accurate, fair and clear, and to say so plainly when we fall short.',
      '## Sourcing',
      'We name our sources wherever we can. When we grant anonymity, it is because the source faces a real risk, and an editor knows who the source is.',
      '## Opinion',
      'Columns and editorials in Debate are labelled as opinion. They are written separately from our news reporting and do not change how a story is covered.',
      '## Corrections',
      'When we get something wrong we correct it on the story itself, with a note saying what was changed and when. Updates that add new information are marked the same way. We do not quietly rewrite published stories.',
      '## Withdrawn stories',
      'In rare cases, usually for legal reasons, a story is withdrawn. Its address then says that it has been withdrawn rather than pretending it never existed.',
    ],
  },
  {
    slug: 'privacy',
    title: 'Privacy',
    paragraphs: [
      'Reading The Dateline Daily does not require an account, and we do not sell or share information about our readers.',
      '## What we count',
      'We count how many times each story is read so that lists such as Popular Now are honest. To count each reader once a day we use a scrambled code made from your connection and browser together with a secret that changes every day and is then destroyed. We cannot turn that code back into your address, and we do not keep it past the day.',
      '## No third parties',
      'Our pages load no scripts, fonts or trackers from other companies. Share buttons are plain links: nothing is sent to a social network unless you click one.',
      '## Cookies',
      'Readers who are not signed in receive no cookies from us.',
    ],
  },
];
