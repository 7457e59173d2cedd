import type { DemoArticle, DemoLiveCoverage } from './demo-content.types.js';

/**
 * The English edition's live stories (docs/live.md): one still running — an earthquake off Pohang,
 * a few hours old — and one that ended days ago, the budget vote, now an ordinary News story that
 * keeps its updates. As in the rest of the demo, places and institutions are real; the events,
 * figures, people and quotations are invented.
 */

const EARTHQUAKE = 'magnitude-5-1-earthquake-shakes-pohang-aftershocks-damage-and-disruption';
const BUDGET = 'parliament-passes-record-budget-after-last-minute-deal-as-it-happened';

export const liveStories: DemoArticle[] = [
  {
    slug: EARTHQUAKE,
    section: 'latest',
    typeLabel: 'Live',
    headline: 'Magnitude 5.1 earthquake shakes Pohang: aftershocks, damage and disruption',
    standfirst:
      'The strongest quake felt in the east coast city since 2017 cracked walls, stopped trains and sent thousands into the streets. Our reporters follow the latest here.',
    authors: ['min-ji-park', 'daniel-okafor'],
    tags: ['Earthquakes', 'Korea', 'Public Safety'],
    hoursAgo: 4,
    hero: {
      scene: 'harbor',
      caption: 'Pohang’s port and steelworks lie a few kilometres from where the earthquake struck offshore.',
      credit: 'Dateline illustration',
    },
    body: [
      'A magnitude 5.1 earthquake struck off the coast of Pohang in North Gyeongsang province, shaking buildings across the southeast of the peninsula and sending residents of the port city out into the streets. The national weather agency said the quake hit at a depth of about 12 kilometres, roughly 9 kilometres north-east of the city, and was followed within the hour by dozens of smaller aftershocks.',
      'It is the strongest earthquake felt in Pohang since a magnitude 5.4 quake in 2017 damaged thousands of homes and forced the national college entrance exam to be postponed by a week. Tremors were reported as far away as Daegu, Ulsan and Busan, and the weather agency said it had received more than 6,000 calls from people who felt the shaking.',
      '## What we know so far',
      '- No tsunami is expected, the weather agency said, but people have been asked to keep away from the shoreline for a few hours.',
      '- The operator of the nuclear power plants along the east coast said every reactor was operating normally.',
      '- The city opened 37 temporary shelters in schools and community centres for residents of damaged buildings.',
      '- Trains through Pohang were halted while engineers checked tracks and bridges.',
      'Our reporters in Pohang and at the government’s disaster headquarters are following the damage, the injured, the aftershocks and the disruption to travel. The latest updates are below, newest first, and our editors keep the key points current.',
    ],
  },
  {
    slug: BUDGET,
    section: 'latest',
    // Ended: the story took the News label when the coverage closed.
    typeLabel: 'News',
    headline: 'Parliament passes record budget after last-minute deal — as it happened',
    standfirst:
      'Lawmakers approved 752.4 trillion won of spending for next year after the two largest parties agreed to trim the government’s plan. Here is how the day unfolded.',
    authors: ['daniel-okafor', 'min-ji-park'],
    tags: ['Korea', 'Public Finance', 'Politics'],
    hoursAgo: 76,
    hero: {
      scene: 'podium',
      caption: 'Lawmakers voted on the budget in the main chamber of the National Assembly after a day of talks between party leaders.',
      credit: 'Dateline illustration',
    },
    body: [
      'The National Assembly approved a 752.4 trillion won budget for next year, after the ruling and main opposition parties struck a deal that trimmed 4.1 trillion won from the government’s proposal and moved money towards research, regional transport and child care.',
      'The budget passed by 181 votes to 79, with 12 abstentions, several hours after the plenary session was due to begin. It is the largest in the country’s history and 3.3 percent more than this year’s, though the increase is the smallest in four years as the finance ministry tries to slow the growth of national debt.',
      '## What changed in the final deal',
      '- Research and development spending rises by 9 percent to 38 trillion won, restoring cuts made two years ago.',
      '- Local governments receive an extra 1.2 trillion won for buses and rail in rural areas.',
      '- A planned increase in parental leave benefits goes ahead; local gift vouchers sought by the opposition are funded at half the amount it asked for.',
      'The agreement ended a week of stand-off in the budget committee, where the opposition had threatened to pass a smaller budget with its own majority. Neither side claimed victory. “Nobody got what they came for, which is how a budget should feel,” said Yoon Tae-sik, who chairs the committee.',
      'Economists said the spending plan would add little to growth next year but keep the deficit below 3 percent of output, the limit the government has set itself. This page followed the negotiations and the vote as they happened; every update is kept below.',
    ],
  },
];

export const liveCoverage: DemoLiveCoverage[] = [
  {
    story: EARTHQUAKE,
    summary: [
      'A magnitude 5.1 earthquake struck 9 km off Pohang at a depth of 12 km, the strongest felt in the city since 2017',
      '23 people have been treated for minor injuries; no deaths have been reported',
      'More than 40 aftershocks have followed, the strongest of magnitude 3.8',
      'Trains through Pohang are running again after inspections; the city’s schools will close for a day',
      'No tsunami is expected, and the nuclear plants on the east coast are operating normally',
    ],
    figure: {
      scene: 'chart-down',
      caption: 'Aftershocks recorded each hour since the main quake, according to the national weather agency.',
      credit: 'Dateline graphics desk',
    },
    updates: [
      {
        minutesAfter: 0,
        author: 'min-ji-park',
        keyEvent: true,
        markdown:
          '**A magnitude 5.1 earthquake has struck off Pohang**, on the east coast, the national weather agency says. It hit at a depth of about 12 kilometres, 9 kilometres north-east of the city. Shaking was felt across North Gyeongsang province and as far away as Busan.\n\nWe are gathering details and will update this page as we learn more.',
      },
      {
        minutesAfter: 6,
        author: 'daniel-okafor',
        markdown:
          'No tsunami warning has been issued. The weather agency says the quake was too small to move large volumes of water, but it has asked people to stay away from the shoreline in Pohang and Yeongdeok for the next few hours as a precaution.',
      },
      {
        minutesAfter: 13,
        author: 'min-ji-park',
        markdown:
          'Residents describe a sharp jolt followed by several seconds of rolling. Hundreds of people have gathered in school playgrounds and car parks in Buk district, many still in slippers.\n\n> The shelves came down first, then the lights went out. I grabbed my daughter and ran for the stairs without thinking.\n>\n> — Kim Seo-yeon, who runs a dried fish stall near Jukdo market',
      },
      {
        minutesAfter: 21,
        author: 'daniel-okafor',
        keyEvent: true,
        markdown:
          'Korail has **stopped all trains** on lines through Pohang and slowed KTX services between Dongdaegu and Singyeongju to 90 km/h while engineers inspect tracks and bridges. Passengers on east coast routes should expect delays of at least an hour.',
      },
      {
        minutesAfter: 29,
        author: 'min-ji-park',
        markdown:
          'The city says it has opened 37 temporary shelters in schools and community centres. Firefighters have taken more than 400 calls, mostly about falling objects, smells of gas and people stuck in lifts. Nobody has been reported seriously hurt so far.',
      },
      {
        minutesAfter: 34,
        author: 'min-ji-park',
        pinned: true,
        markdown:
          '**If you are in Pohang:** keep away from damaged buildings and walls, use the stairs rather than lifts, and keep a torch and water to hand in case of further aftershocks. Shelters are listed by district on the [national disaster safety portal](https://www.safekorea.go.kr/). In an emergency, call 119.',
      },
      {
        minutesAfter: 42,
        author: 'daniel-okafor',
        markdown:
          'The operator of the nuclear plants on the coast says all reactors at Wolseong and Hanul are **operating normally**, and that the shaking measured at both sites was well below their design limits. The steelworks on Pohang’s waterfront paused its rolling mills for safety checks; its blast furnaces, which cannot easily be stopped, kept running.',
      },
      {
        minutesAfter: 56,
        author: 'min-ji-park',
        keyEvent: true,
        markdown:
          '**The strongest aftershock so far, of magnitude 3.8**, has just rattled the city again. The weather agency has counted 41 aftershocks since the main quake, most of them too small to feel.',
      },
      {
        minutesAfter: 73,
        author: 'daniel-okafor',
        editedMinutesAfter: 91,
        markdown:
          'The interior ministry’s disaster headquarters says **23 people** have been treated for minor injuries, most of them cuts from broken glass and falls on stairs. Two older residents were taken to hospital with suspected fractures.',
      },
      {
        minutesAfter: 89,
        author: 'min-ji-park',
        markdown:
          'Cracks have appeared in the outer walls of at least 14 apartment blocks in Heunghae, the town north of the city that was worst hit in 2017. City engineers are checking the buildings one by one, and residents of two blocks have been asked to stay at a shelter until the checks are done.',
      },
      {
        minutesAfter: 106,
        author: 'hana-lee',
        markdown:
          'The regional education office says **schools in Pohang will close for a day** so that engineers can inspect every building. Two universities in the city have postponed exams that were due to be held over the next two days.',
      },
      {
        minutesAfter: 127,
        author: 'daniel-okafor',
        markdown:
          'Aftershocks are coming less often. The weather agency’s hourly count shows the usual pattern after a shallow quake: dozens in the first hour, then a steady decline.\n\n[[figure]]\n\nSeismologists warn that an aftershock of magnitude 4 or more remains possible over the coming days.',
      },
      {
        minutesAfter: 153,
        author: 'min-ji-park',
        markdown:
          'The weather agency says it is too early to say which fault moved. Jang Hyun-woo, a seismologist at a university in Daegu, says the quake should speed up work to strengthen older buildings:\n\n> This fault system has been under stress since 2017. A quake of this size is not a surprise, but it is a reminder that the southeast has not finished its retrofitting.\n>\n> — Jang Hyun-woo, seismologist',
      },
      {
        minutesAfter: 187,
        author: 'daniel-okafor',
        keyEvent: true,
        markdown:
          'Korail has **resumed services** on the Donghae line through Pohang after inspections found no damage to tracks or bridges. KTX trains are running at normal speed again, though some departures are still 30 to 40 minutes late.',
      },
      {
        minutesAfter: 214,
        author: 'min-ji-park',
        markdown:
          'The prime minister has arrived in Pohang and is meeting city officials at the disaster headquarters in Buk district. The government is considering declaring parts of the city a special disaster zone, which would release central funds for repairs, an official told reporters.',
      },
    ],
  },
  {
    story: BUDGET,
    endedMinutesAfter: 415,
    summary: [
      'Parliament approved a 752.4 trillion won budget for next year by 181 votes to 79, with 12 abstentions',
      'The final deal trimmed 4.1 trillion won from the government’s plan',
      'Research spending rises 9 percent; local gift vouchers got half of what the opposition sought',
      'The vote came several hours after the plenary session was due to start',
    ],
    updates: [
      {
        minutesAfter: 0,
        author: 'daniel-okafor',
        markdown:
          'Welcome to our live coverage of the budget vote. Negotiators for the two largest parties are meeting again at the National Assembly, with the constitutional deadline for passing next year’s budget only hours away. The government has proposed 756.5 trillion won of spending.',
      },
      {
        minutesAfter: 38,
        author: 'min-ji-park',
        markdown:
          'The plenary session, which was due to begin now, has been **postponed** while the floor leaders keep talking. Lawmakers are waiting in the main chamber; some have gone back to their offices.',
      },
      {
        minutesAfter: 84,
        author: 'daniel-okafor',
        markdown:
          'The sticking point is the opposition’s demand for 2 trillion won for local gift vouchers, which can only be spent in the area that issues them, against the ruling party’s push to restore research funding. Officials on both sides say almost everything else is agreed.',
      },
      {
        minutesAfter: 141,
        author: 'min-ji-park',
        keyEvent: true,
        markdown:
          '**The floor leaders have announced a deal.** The government’s plan will be cut by 4.1 trillion won overall, research spending restored, and 1 trillion won set aside for local gift vouchers — half of what the opposition asked for.',
      },
      {
        minutesAfter: 166,
        author: 'daniel-okafor',
        markdown:
          'The chair of the budget committee, Yoon Tae-sik, sounded relieved as he left the talks:\n\n> Neither side got what it wanted, which is usually a sign that the numbers are roughly right.\n>\n> — Yoon Tae-sik, chair of the budget committee',
      },
      {
        minutesAfter: 212,
        author: 'min-ji-park',
        markdown:
          'The budget committee has approved the revised plan and sent it to the plenary. Officials are now printing the final figures, several hundred pages of them, before lawmakers can vote.',
      },
      {
        minutesAfter: 258,
        author: 'daniel-okafor',
        markdown:
          'Some of the numbers in the final deal:\n\n- Research and development: 38 trillion won, up 9 percent\n- Rural buses and rail: an extra 1.2 trillion won for local governments\n- Local gift vouchers: 1 trillion won\n- Parental leave benefits: the planned increase goes ahead in full',
      },
      {
        minutesAfter: 301,
        author: 'min-ji-park',
        keyEvent: true,
        markdown:
          '**The plenary session has begun**, more than four hours late. The speaker has put the budget bill to the chamber first, ahead of 23 related tax bills.',
      },
      {
        minutesAfter: 338,
        author: 'daniel-okafor',
        keyEvent: true,
        pinned: true,
        markdown:
          '**The budget has passed**: 181 votes in favour, 79 against and 12 abstentions. At 752.4 trillion won it is the largest in the country’s history, and 3.3 percent more than this year’s.',
      },
      {
        minutesAfter: 372,
        author: 'min-ji-park',
        markdown:
          'What happens next: the cabinet will approve the spending plan at its next meeting, and ministries can begin spending in January. The finance ministry says it aims to spend 70 percent of the budget in the first half of the year to support growth.',
      },
      {
        minutesAfter: 404,
        author: 'daniel-okafor',
        markdown:
          'That is where we end our live coverage. Thank you for following. For what the budget means for interest rates, read [why the central bank is in no hurry to cut them](/article/why-koreas-central-bank-is-in-no-hurry-to-cut-rates).',
      },
    ],
  },
];
