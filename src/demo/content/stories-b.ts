/**
 * Demo stories, set B: debate (opinion), latest (domestic news), plus a few Asia and business
 * stories for "The Dateline Daily". All events, people and quotations are invented.
 */

import type { DemoArticle } from './demo-content.types.js';

export const storiesB: DemoArticle[] = [
  // ---------------------------------------------------------------------------------------------
  // latest
  // ---------------------------------------------------------------------------------------------
  {
    slug: 'seoul-braces-for-first-cold-snap-as-temperatures-plunge-below-minus-10',
    section: 'latest',
    typeLabel: 'News',
    headline: 'Seoul braces for first cold snap as temperatures plunge below minus 10',
    standfirst:
      'Forecasters issued a cold-wave warning for the capital and much of the central region, with wind chill expected to make it feel like minus 18 by dawn.',
    authors: ['min-ji-park'],
    tags: ['Weather', 'Seoul', 'Public Health'],
    hoursAgo: 1,
    hero: {
      scene: 'night-city',
      caption:
        'Seoul is expected to record its coldest morning of the season so far as a cold wave moves in from the north.',
      credit: 'Dateline illustration',
    },
    body: [
      'Seoul and most of the central region were placed under a cold-wave warning this afternoon as a mass of Arctic air spilled south across the peninsula, bringing the first hard freeze of the season. Forecasters said morning lows in the capital would fall to minus 11 degrees Celsius, with wind chill making it feel closer to minus 18.',
      'The national weather agency said the cold would peak over the next two days before easing gradually. Northern Gyeonggi province and the mountainous interior of Gangwon province could see lows of minus 17, while strong winds along the west coast prompted small-craft advisories.',
      'The Seoul Metropolitan Government said it had activated its winter emergency plan, opening 412 warming shelters at community centres and subway stations and sending outreach teams to check on roughly 9,800 older residents who live alone. Officials also extended opening hours at shelters for homeless people near Seoul Station and in Yeongdeungpo.',
      '## Pipes, power and pavements',
      'Water utilities urged households to leave taps dripping overnight and to wrap exposed meters, after 137 frozen meters were reported during a milder cold spell last winter. The power grid operator said it expected peak demand to reach 94 gigawatts as heating use climbs, but added that reserve margins remained comfortable.',
      'Emergency physicians warned that the first cold days of the season often bring a spike in falls on icy pavements and in heart problems among older people. Health authorities recorded 31 cases of cold-related illness nationwide in the first week of last winter’s monitoring period, most of them hypothermia.',
      '“The first cold wave is always the most dangerous, because people have not yet adjusted their clothing or their habits,” said Oh Jae-won, an emergency medicine specialist at a hospital in northern Seoul. He advised people with heart conditions to avoid exercising outdoors early in the morning.',
      'Forecasters said dry conditions would persist along the east coast, raising the risk of wildfires in the forests of Gangwon and North Gyeongsang provinces. Light snow is possible on the western islands, but little is expected to settle in Seoul.',
    ],
  },
  {
    slug: 'tour-boat-runs-aground-off-busan-coast-guard-rescues-passengers',
    section: 'latest',
    typeLabel: 'News',
    headline: 'Tour boat runs aground off Busan as coast guard rescues passengers in rough seas',
    standfirst:
      'A sightseeing boat with 14 passengers and two crew struck rocks off Yeongdo island, prompting a rescue by patrol boats and a helicopter as winds gusted to 15 metres per second.',
    authors: ['min-ji-park', 'daniel-okafor'],
    tags: ['Shipping', 'Transport', 'Korea'],
    hoursAgo: 3,
    updatedHoursAfter: 2,
    hero: {
      scene: 'harbor',
      caption:
        'Small tour boats operate from several piers around Busan’s harbour, carrying visitors along the city’s rocky coastline.',
      credit: 'Dateline illustration',
    },
    figure: {
      scene: 'sea',
      caption:
        'Coast guard vessels searched the waters off Yeongdo, where the boat struck a submerged reef about 300 metres from shore.',
      credit: 'Dateline graphics desk',
    },
    body: [
      'A sightseeing boat carrying 14 passengers and two crew members ran aground on rocks off Busan’s Yeongdo island this afternoon, prompting a rescue operation by coast guard vessels and a helicopter as winds gusted to 15 metres per second.',
      'The Busan coast guard said 12 passengers had been lifted to safety within an hour of the distress call and taken to hospital with mild hypothermia and minor cuts. Divers and patrol boats were still searching nearby waters for two passengers who were believed to have been on the upper deck when the vessel struck the rocks.',
      '[figure]',
      'The 48-tonne boat, run by a local cruise company, had left a pier near Nampo shortly after 2 p.m. for a 70-minute coastal tour. Officials said the captain reported losing engine power before the vessel drifted onto a submerged reef roughly 300 metres from the shore. The company said in a brief statement that the boat had passed its most recent safety inspection in the spring.',
      '## Questions over weather warnings',
      'A small-craft advisory had been in force along the southeast coast since the morning, though it did not apply to passenger vessels licensed for near-shore routes. Investigators said they would examine whether the operator had checked the forecast and whether the number of life jackets on board matched the boat’s licensed capacity.',
      'The accident is likely to revive debate over safety rules for small tourist vessels, which carried more than 3.2 million passengers nationwide last year, according to maritime ministry figures. Operators have long complained that inspections vary widely from port to port, while safety campaigners say penalties for overloading are too light.',
      'The city government said it had set up a support desk for families at the Yeongdo district office and suspended departures by the same operator pending an inspection. The coast guard said the search would continue through the night, using lighting flares if needed.',
    ],
    corrections: [
      {
        kind: 'update',
        hoursAfter: 2,
        text: 'The coast guard said later in the evening that the two missing passengers had been found on a rocky outcrop near the shore, and that all 14 passengers and both crew members had been accounted for.',
      },
    ],
  },
  {
    slug: 'dense-fog-delays-hundreds-of-flights-at-incheon-airport',
    section: 'latest',
    typeLabel: 'News',
    headline: 'Dense fog delays hundreds of flights at Incheon airport',
    standfirst:
      'More than 310 flights were delayed and 27 inbound aircraft diverted after visibility on the runways fell below 75 metres before dawn.',
    authors: ['min-ji-park'],
    tags: ['Transport', 'Weather'],
    hoursAgo: 5,
    updatedHoursAfter: 1,
    hero: {
      scene: 'bridge',
      caption:
        'Fog over the coast near Incheon cut visibility to under 100 metres for much of the morning, including on the bridges linking the airport to the mainland.',
      credit: 'Dateline illustration',
    },
    body: [
      'Thick fog blanketed Incheon International Airport from before dawn this morning, delaying more than 310 flights and forcing 27 inbound aircraft to divert to Gimpo, Cheongju and Daegu, the airport operator said.',
      'Visibility on the airport’s runways fell below 75 metres at around 5 a.m., under the minimum needed even for the most advanced instrument landings on some aircraft types. Departures resumed gradually from mid-morning, but the backlog left terminals crowded well into the afternoon. By 3 p.m., the operator said, 92 percent of scheduled departures had taken off.',
      'Passengers on early long-haul departures to Europe and North America waited up to six hours, and some connecting travellers were told they would not be able to fly until the following day. Airlines said they were rebooking affected passengers and handing out meal vouchers.',
      '“We were told every hour that the next update would come in an hour,” said Seo Min-kyung, who was bound for Frankfurt with her two children. Queues at transfer desks stretched the length of the departure hall by lunchtime.',
      'Fog is a seasonal hazard at the airport, which sits on reclaimed land between two islands off the Incheon coast. Cold, clear nights over the Yellow Sea in late autumn and winter create ideal conditions for advection fog, which forms when moist air drifts over cooler water.',
      'The airport operator said it had logged 19 days of low-visibility operations last winter and was upgrading lighting and ground radar on one of its runways to allow landings in still poorer conditions by 2028. It urged travellers to check their flight status before leaving home.',
      'The weather agency said similar conditions could return tomorrow morning along the west coast, including on the Incheon Bridge and the expressways around the airport. Police advised drivers to slow down, keep a longer distance from the vehicle in front and drive with their headlights on.',
    ],
  },
  {
    slug: 'daegu-court-orders-builder-to-pay-residents-over-apartment-defects',
    section: 'latest',
    typeLabel: 'News',
    headline: 'Daegu court orders builder to pay residents 18.6 billion won over apartment defects',
    standfirst:
      'Judges found the builder used thinner concrete slabs than approved and skipped waterproofing, in one of the largest defect rulings in the city’s history.',
    authors: ['min-ji-park'],
    tags: ['Courts', 'Housing'],
    hoursAgo: 9,
    updatedHoursAfter: 5,
    hero: {
      scene: 'skyline',
      caption:
        'Residents of the 1,240-unit complex in Daegu’s Suseong district had complained of cracks and leaks since moving in four years ago.',
      credit: 'Dateline illustration',
    },
    body: [
      'A Daegu court has ordered a mid-sized construction company to pay 18.6 billion won ($12.7 million) in damages to residents of an apartment complex riddled with cracks, leaks and faulty fire doors, in one of the largest defect rulings in the city’s history.',
      'The Daegu District Court found that the builder had used thinner concrete slabs than specified in approved plans in 14 of the complex’s 17 buildings and had failed to install waterproofing on its underground parking levels. The ruling covers 1,240 households in Suseong district who moved in four years ago.',
      'Lawyers for the residents said the award averaged about 15 million won per household, roughly enough to cover repair work assessed by court-appointed engineers. The builder said in a statement that it respected the court’s decision but was reviewing whether to appeal. The company, which has built around 30 apartment complexes in the southeast, has faced two smaller defect suits in recent years.',
      '## Years of complaints',
      'Residents began reporting problems within months of moving in, including water seeping through living-room ceilings and cracks in stairwell walls wide enough to slip a coin into. An association formed by residents logged more than 6,000 defect complaints before filing suit.',
      '> We bought these homes with our life savings, and for four years we have been living with buckets under the ceiling. — Jang Hyun-soo, head of the residents’ association',
      'Defect disputes have surged nationwide as a construction boom earlier this decade collided with labour shortages and rising material costs. A government mediation committee received 4,800 applications last year, up from about 3,000 five years earlier, according to land ministry data.',
      'Legal experts said the ruling could encourage residents of other complexes to go to court rather than accept mediation, which tends to produce smaller awards. The builder has two weeks to file an appeal.',
    ],
    corrections: [
      {
        kind: 'correction',
        hoursAfter: 5,
        text: 'An earlier version of this story said the builder had used thinner slabs in all 17 buildings of the complex. The court found the problem in 14 of the 17 buildings.',
      },
    ],
  },
  {
    slug: 'gwangju-art-festival-closes-with-record-870000-visitors',
    section: 'latest',
    typeLabel: 'News',
    headline: 'Gwangju art festival closes with record 870,000 visitors',
    standfirst:
      'A surge in foreign visitors and a new late-night programme helped the ten-week festival beat its previous attendance record by nearly 120,000.',
    authors: ['min-ji-park'],
    tags: ['Culture', 'Tourism'],
    hoursAgo: 13,
    hero: {
      scene: 'podium',
      caption:
        'Installations at the festival’s main pavilion in Gwangju drew long queues in its final week.',
      credit: 'Dateline illustration',
    },
    body: [
      'A contemporary art festival in Gwangju closed its ten-week run this evening with a record 870,000 visitors, organisers said, beating the previous high set four years ago by nearly 120,000.',
      'The festival, held every two years across the city’s exhibition halls, disused factories and public parks, featured 74 artists from 31 countries. This year’s theme, memory and rebuilding, drew heavily on Gwangju’s own history as the site of the 1980 pro-democracy uprising.',
      'Organisers credited a sharp rise in foreign visitors, who accounted for 16 percent of ticket sales compared with 9 percent at the last edition, as well as a new late-night programme that kept several venues open until 10 p.m. at weekends.',
      'Ticket revenue reached 6.1 billion won, and the city estimated that the festival generated around 140 billion won in spending at hotels, restaurants and shops across the region.',
      'For the first time, around a third of the works were installed outside the main pavilion, in markets, libraries and a former tram depot in the old city centre. Local merchants said footfall on nearby streets was up by as much as 40 percent on exhibition days.',
      '“People came for the big pavilion, then stayed for the neighbourhoods, and that is exactly what we hoped for,” said Baek So-ra, the festival’s artistic director. She said several of the off-site works would remain in place for another year.',
      'Not every experiment worked. Some visitors complained of long waits for shuttle buses between venues, and two outdoor installations were closed for a week after storm damage. The city said it would review transport arrangements before the next edition.',
      'Gwangju officials hope the figures will strengthen the city’s case for more national funding for its cultural district, which has struggled to draw visitors in the years between festivals. The next edition is scheduled to open in 2028.',
    ],
  },
  {
    slug: 'warm-autumn-cuts-jeju-tangerine-harvest-by-a-fifth',
    section: 'latest',
    typeLabel: 'News',
    headline: 'Warm autumn cuts Jeju tangerine harvest by a fifth',
    standfirst:
      'An unusually warm, wet autumn split and rotted fruit across the island’s orchards, and wholesale prices have already jumped by a third.',
    authors: ['min-ji-park'],
    tags: ['Agriculture', 'Climate', 'Weather'],
    hoursAgo: 21,
    hero: {
      scene: 'fields',
      caption:
        'Tangerine orchards cover much of Jeju’s southern slopes, where growers say the season has shifted noticeably over the past decade.',
      credit: 'Dateline illustration',
    },
    body: [
      'Jeju’s tangerine harvest is expected to fall by about 21 percent this season after an unusually warm and wet autumn caused fruit to split and drop early, the island’s agricultural research centre said today.',
      'The centre forecast output of around 380,000 tonnes, down from 482,000 tonnes last season and the lowest in more than a decade. Growers around Seogwipo in the south of the island, which produces most of Jeju’s open-field fruit, were hardest hit.',
      'Average temperatures on Jeju were 2.1 degrees Celsius above normal through the autumn, while rainfall was nearly double the long-term average. Researchers said the combination left fruit skins soft and prone to splitting, and encouraged fungal disease in poorly drained orchards.',
      'Wholesale prices at Seoul’s main produce market have already climbed sharply, traders said, and retailers warned shoppers to expect dearer boxes of tangerines through the winter. The centre’s main estimates were:',
      '- Forecast output: about 380,000 tonnes, down 21 percent',
      '- Share of the crop lost to splitting: an estimated 14 percent',
      '- Wholesale price rise: 34 percent year on year',
      'Some farmers have begun shifting to greenhouse cultivation or to varieties that ripen earlier, but the conversion is expensive. The provincial government said it would offer low-interest loans of up to 50 million won per farm to install drainage and protective covers.',
      '“My father grew tangerines here for forty years and never saw a season like this one,” said Ko Young-ho, who farms two hectares near Seogwipo. Scientists have warned that the zone suitable for citrus is moving north as the peninsula warms, with small orchards now operating in parts of South Jeolla and North Gyeongsang provinces.',
      'The research centre said it would publish a revised estimate next month once the bulk of the crop had been picked, and warned that an early frost before then could cause further losses.',
    ],
  },
  {
    slug: 'health-authorities-issue-early-flu-advisory-as-cases-surge-in-schools',
    section: 'latest',
    typeLabel: 'News',
    headline: 'Health authorities issue early flu advisory as cases surge in schools',
    standfirst:
      'The share of clinic visits for flu-like symptoms more than doubled in two weeks, with children aged 7 to 12 hit hardest, prompting an advisory weeks earlier than usual.',
    authors: ['min-ji-park'],
    tags: ['Public Health', 'Education'],
    hoursAgo: 27,
    updatedHoursAfter: 6,
    hero: {
      scene: 'skyline',
      caption:
        'Clinics in Seoul and other large cities reported crowded waiting rooms as flu cases rose sharply among schoolchildren.',
      credit: 'Dateline graphics desk',
    },
    body: [
      'Health authorities issued a nationwide influenza advisory today, several weeks earlier than usual, after the share of clinic visits for flu-like symptoms more than doubled in a fortnight.',
      'The disease control agency said sentinel clinics recorded 18.4 suspected flu cases per 1,000 outpatients last week, well above this season’s epidemic threshold of 8.6. The rate among children aged 7 to 12 was 52.7 per 1,000, the highest for that age group at this point in the season since records began.',
      'Most samples tested were of the influenza A H3N2 subtype, which tends to cause more severe illness in older adults. Officials said the strains in circulation matched this year’s vaccine well. Infections with respiratory syncytial virus among infants have also risen in recent weeks, adding to pressure on children’s hospitals.',
      'The agency urged people who have not yet been vaccinated to do so, noting that free shots remain available for children up to 13, pregnant women and adults aged 65 and over. Only 46 percent of eligible children had been vaccinated so far, compared with 78 percent of older adults. It also repeated its standard advice:',
      '- Wash hands often and cover coughs and sneezes',
      '- Keep children with a fever at home until 24 hours after it subsides',
      '- Seek treatment early if you are in a high-risk group',
      'Several schools in Seoul and Gyeonggi province have already moved classes online for a few days after large numbers of pupils fell ill, and education offices told schools to step up ventilation and hand-washing.',
      '“We are seeing whole classrooms go down at once; the season has simply arrived early,” said Nam Ji-eun, a paediatrician in Suwon. Officials said they expected cases to keep rising for at least three more weeks, and hospitals were asked to review bed capacity and stocks of antiviral drugs ahead of the winter peak.',
    ],
  },
  {
    slug: 'more-than-half-a-million-students-sit-college-entrance-exam',
    section: 'latest',
    typeLabel: 'News',
    headline: 'More than half a million students sit college entrance exam',
    standfirst:
      'Offices opened late, the stock market delayed its start and flights were halted during the listening test as the country slowed down for the annual exam.',
    authors: ['min-ji-park'],
    tags: ['Education', 'Korea'],
    hoursAgo: 33,
    hero: {
      scene: 'podium',
      caption:
        'Schools across the country served as exam centres, with police on hand to help candidates who were running late.',
      credit: 'Dateline illustration',
    },
    body: [
      'More than 520,000 students sat the national college entrance exam today, as the country once again slowed down to give candidates a quiet day: offices opened late, the stock market delayed its start by an hour and flights were halted during the English listening test.',
      'The education ministry said 522,670 candidates had registered for this year’s exam, up 2.8 percent from a year earlier, reflecting a brief rise in births in the late 2000s. Around 31 percent were repeat takers or graduates, the highest share in nearly three decades.',
      'Police deployed more than 11,000 officers and 2,100 patrol cars and motorcycles to help students who were running late, and subway and bus services ran extra trains and buses during the morning rush. In Busan, an officer carried a candidate’s forgotten identity card across the city by motorbike with minutes to spare.',
      'Candidates were barred from bringing phones, smartwatches and other electronic devices into exam rooms. The ministry said 214 test takers were disqualified last year for breaking the rules, most of them for carrying a phone during the final period.',
      '## Harder questions, fewer trick ones',
      'Exam setters said they had tried to avoid so-called killer questions — extremely difficult items that critics say favour students who can afford expensive private tutoring — while keeping the test demanding enough to distinguish between top candidates.',
      '> We aimed for questions that reward understanding of what is taught in class, not techniques learned at cram schools. — Yoo Sang-hoon, head of the exam-setting committee',
      'Teachers’ groups said the Korean and mathematics sections appeared slightly harder than last year, while English was comparable. Private education companies, which publish rapid analyses on exam night, said the cutoff scores for top grades would probably fall slightly.',
      'Results will be sent to candidates in about four weeks. Universities will then begin their regular admissions rounds, in which exam scores carry the greatest weight.',
    ],
  },
  {
    slug: 'seok-breaks-course-record-as-32000-run-the-busan-marathon',
    section: 'latest',
    typeLabel: 'News',
    headline: 'Seok breaks course record as 32,000 run the Busan marathon',
    standfirst:
      'The 27-year-old became the first Korean man in nine years to win the race, clocking 2:07:41 in cool, still conditions along the coast.',
    authors: ['min-ji-park'],
    tags: ['Sport', 'Tourism', 'Korea'],
    hoursAgo: 45,
    hero: {
      scene: 'bridge',
      caption:
        'The marathon course crosses the Gwangan Bridge, one of the few days each year the bridge closes to traffic.',
      credit: 'Dateline illustration',
    },
    body: [
      'Seok Ji-hoon won the Busan international marathon this morning in 2 hours 7 minutes 41 seconds, breaking the course record by 52 seconds and becoming the first Korean man to win the race in nine years.',
      'The 27-year-old pulled away from a lead group of five on the climb to the Gwangan Bridge at around the 30-kilometre mark and held off a late challenge from the defending champion to cross the line in front of several thousand spectators at the finish in Haeundae.',
      'In the women’s race, Mun Ye-rin won in 2:26:18, the fastest time by a Korean woman this year, as cool, still conditions favoured quick times. Runners from Kenya and Ethiopia filled the next three places in both races.',
      '“I told myself to wait until the bridge, and when I saw the sea on both sides I knew it was time to go,” Seok said after the race. He dedicated the win to his former high school coach in Gimhae.',
      'Seok’s time is the fastest by a Korean man in five years and puts him in contention for a place on the national team for next year’s Asian championships. Coaches said the result was encouraging for a marathon programme that has struggled to produce world-class times for two decades.',
      'Around 32,000 runners took part across the full, half and 10-kilometre races, organisers said, a record for the event. About 4,200 came from overseas, many from Japan, Taiwan and Southeast Asia, drawn by a course that runs along the city’s beaches and across two of its landmark bridges.',
      'Roads in central Busan were closed for up to six hours, and some residents complained about disrupted bus routes. City officials said they would review the timetable for road closures but defended the event as a showcase for the city.',
    ],
  },
  {
    slug: 'micro-satellites-built-to-track-fine-dust-reach-orbit',
    section: 'latest',
    typeLabel: 'News',
    headline: 'Micro-satellites built to track fine dust reach orbit',
    standfirst:
      'Four 27-kilogram satellites will measure haze and pollutants over the peninsula at a resolution fine enough to pick out individual power plants and ports.',
    authors: ['daniel-okafor'],
    tags: ['Science', 'Technology', 'Climate'],
    hoursAgo: 57,
    hero: {
      scene: 'night-city',
      caption:
        'The satellites will pass over the Korean peninsula several times a day, measuring haze and pollutants from orbit.',
      credit: 'Dateline graphics desk',
    },
    body: [
      'Four micro-satellites designed to track fine dust and other air pollutants over the Korean peninsula reached orbit today after launching aboard a domestically built rocket from the country’s space centre in South Jeolla province, the science ministry said.',
      'Each satellite weighs about 27 kilograms and carries a compact spectrometer that measures nitrogen dioxide, aerosols and ozone. Flying in formation about 500 kilometres above the earth, the four will complement existing environmental satellites by providing sharper images of individual cities and industrial sites.',
      'Ground controllers at a research institute in Daejeon made first contact with all four satellites about 40 minutes after launch. Engineers will spend the next two months testing the instruments before routine data collection begins.',
      'The launch was the third this year from the southern coast site and the first to carry satellites built mainly by private companies. Officials said the rocket’s upper stage performed as planned, placing all four satellites within 2 kilometres of their target orbits.',
      'Scientists say the constellation’s resolution of about 1 kilometre will allow them to distinguish emissions from individual power plants, ports and industrial parks, and to trace how pollution drifting from elsewhere in northeast Asia mixes with local sources.',
      '“For the first time we should be able to say with confidence how much of a bad-air day comes from over the border and how much we make ourselves,” said Lim Chae-won, an atmospheric scientist on the mission team.',
      'The project cost 48 billion won and was developed over six years by a consortium of universities, government laboratories and three domestic start-ups, which officials hope will be able to sell similar satellites abroad. The government aims to launch around 100 small satellites by 2031 as it tries to build a commercial space industry.',
      'Data from the satellites will be published through the environment ministry’s air quality service, and researchers from other countries in the region will be able to apply for access.',
    ],
  },
  {
    slug: 'seoul-court-jails-leaders-of-phone-scam-ring-that-used-cloned-voices',
    section: 'latest',
    typeLabel: 'News',
    headline: 'Seoul court jails leaders of phone scam ring that used cloned voices',
    standfirst:
      'The ring used AI software to imitate the voices of victims’ children and grandchildren, defrauding 318 people of 6.4 billion won in 14 months.',
    authors: ['min-ji-park'],
    tags: ['Courts', 'Technology', 'Seoul'],
    hoursAgo: 87,
    hero: {
      scene: 'night-city',
      caption:
        'Investigators said the ring ran its calls from rented offices and used cloned voices to impersonate victims’ relatives.',
      credit: 'Dateline illustration',
    },
    body: [
      'A Seoul court today sentenced the two leaders of a phone scam ring to 12 and nine years in prison for using artificial intelligence to clone the voices of victims’ children and grandchildren, in a case prosecutors called the first of its kind to reach a verdict in the country.',
      'The Seoul Central District Court found that the ring, which had 23 members, defrauded 318 people of a combined 6.4 billion won over 14 months. Most victims were in their 60s and 70s and received calls in which what sounded like a relative claimed to have been in an accident or arrested and urgently needed money.',
      'Prosecutors said the group harvested short voice clips from social media videos and fed them into freely available software to generate convincing speech. Callers then typed their replies, which were converted into the cloned voice in near real time.',
      'The presiding judge described the crimes as extremely vicious, saying they exploited the deepest bonds of family. Twenty-one other members received sentences ranging from suspended terms to seven years in prison. Prosecutors had sought 15 years for the ringleader.',
      '> The victims did not fall for a stranger’s story. They heard their own grandchild crying for help. — Kwon Hye-jin, presiding judge, in the written ruling',
      'Police say reports of voice-cloning fraud rose more than fivefold last year, though such cases still make up a small share of the roughly 20,000 phone scams reported annually. Banks have begun delaying large transfers by elderly customers to new accounts and asking additional questions.',
      'Consumer groups urged families to agree on a private code word to use in emergencies and called on platforms to make it harder to download other people’s videos. Lawmakers are considering a bill that would make distributing voice-cloning tools for fraud a separate crime.',
    ],
  },
  {
    slug: 'seoul-subway-strike-averted-after-overnight-wage-deal',
    section: 'latest',
    typeLabel: 'News',
    headline: 'Seoul subway strike averted after overnight wage deal',
    standfirst:
      'The operator and its largest union agreed a 3.1 percent pay rise and 460 new hires after 14 hours of talks, calling off a walkout on lines 1 to 8.',
    authors: ['min-ji-park'],
    tags: ['Transport', 'Labor', 'Seoul'],
    hoursAgo: 99,
    updatedHoursAfter: 2,
    hero: {
      scene: 'rail',
      caption:
        'Trains on Seoul’s subway network carry around seven million passengers on an average weekday.',
      credit: 'Dateline illustration',
    },
    figure: {
      scene: 'night-city',
      caption:
        'Negotiators reached the deal shortly before 4 a.m., less than two hours before the first trains were due to run.',
      credit: 'Dateline illustration',
    },
    body: [
      'Seoul’s subway operator and its largest union reached a wage deal in the early hours of this morning, calling off a strike that would have disrupted journeys for millions of commuters on lines 1 to 8.',
      'The agreement, struck shortly before 4 a.m. after 14 hours of talks mediated by a labour commission, gives employees a 3.1 percent pay rise and commits the operator to hiring 460 additional staff over the next two years, mostly station workers and maintenance crews.',
      '[figure]',
      'The union had threatened an open-ended strike over the operator’s plan to cut about 1,200 positions through attrition by 2029 as part of efforts to reduce a deficit that reached 570 billion won last year. Under the deal, the cuts will be smaller and spread over a longer period.',
      'Commuters had been preparing for the worst. Several large employers in central Seoul had told staff to work from home, and the city had lined up 600 extra buses to run on routes that shadow the subway lines.',
      '## Deficit remains',
      'The operator’s finances remain under strain. Officials blame heavy maintenance costs for ageing lines and the free-ride scheme for residents aged 65 and over, which they say costs more than 400 billion won a year in lost revenue. Basic adult fares were last raised two years ago.',
      'Transport experts said the deal would add to pressure on the city to raise fares again. A fare review due next spring is expected to consider an increase of 150 won, along with changes to discounts for frequent riders.',
      '> Nobody wanted to strand commuters. But the staffing question has only been postponed, not solved. — Choi Eun-hye, a union spokesperson',
      'City officials said trains would run on normal schedules. The union’s members will vote on the agreement within a week, and leaders said they expected it to be approved.',
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // debate
  // ---------------------------------------------------------------------------------------------
  {
    slug: 'fare-rises-alone-will-not-fix-seouls-subway-finances',
    section: 'debate',
    typeLabel: 'Editorial',
    headline: 'Fare rises alone will not fix Seoul’s subway finances',
    standfirst:
      'The last-minute wage deal kept the trains running. The city now needs a funding settlement that does not land hardest on the riders who depend on them most.',
    authors: ['hana-lee'],
    tags: ['Transport', 'Seoul', 'Labor'],
    hoursAgo: 7,
    hero: {
      scene: 'rail',
      caption:
        'Seoul’s subway carries millions of passengers a day at fares that cover only part of its operating costs.',
      credit: 'Dateline illustration',
    },
    body: [
      'The last-minute wage deal that kept Seoul’s trains running a few days ago averted a strike. It did nothing to answer the question that brought the city to the brink in the first place: who should pay for the subway?',
      'The operator lost 570 billion won last year. Its answer, and increasingly City Hall’s, is to raise the basic fare again, perhaps by 150 won, and to trim staff. Both are understandable. Neither is sufficient, and the first risks punishing the people who rely on public transport most.',
      '## The case for higher fares',
      'Supporters of a fare rise have a point. A basic adult trip in Seoul still costs less than in most comparable cities in the developed world, and fares have not kept pace with wages or energy costs. Riders who can afford more should contribute more to a system they value.',
      'But fares are a blunt instrument. Low-income workers who commute long distances from the outer suburbs pay proportionally far more than salaried professionals living near the centre, and each rise pushes some of them back into cars. The city’s own surveys suggest ridership fell for nearly a year after the last increase.',
      'The bigger structural problem is the free-ride scheme for people aged 65 and over, designed in the 1980s when older people were a small share of the population. Today they are nearly a fifth of it, and the cost falls almost entirely on city operators rather than on the national government that mandates the benefit. We would propose a package rather than a single fix:',
      '- A modest fare rise tied to inflation, with a larger discount for monthly pass holders',
      '- National funding for the senior free-ride scheme, which is a welfare policy and should be paid for as one',
      '- Gradually raising the age of eligibility to 70, with exemptions for low-income residents',
      '- Publishing line-by-line maintenance costs so that riders can see where their money goes',
      'None of this is popular. But the alternative is a cycle of deficits, brinkmanship and strikes that leaves the city’s most important piece of infrastructure perpetually on the edge. The time to fix it is well before the next deadline, not the night before.',
    ],
  },
  {
    slug: 'ai-tutors-can-help-classrooms-but-only-if-teachers-stay-in-charge',
    section: 'debate',
    typeLabel: 'Opinion',
    headline: 'AI tutors can help classrooms — but only if teachers stay in charge',
    standfirst:
      'Software that adapts to every pupil is a genuine advance. Rolled out on a fixed national timetable, it risks becoming the next box-ticking reform.',
    authors: ['hana-lee'],
    tags: ['Education', 'Technology'],
    hoursAgo: 19,
    hero: {
      scene: 'forest',
      caption:
        'Schools in several provinces began trials of AI tutoring software in core subjects this year.',
      credit: 'Dateline illustration',
    },
    body: [
      'In a middle school classroom outside Daejeon, 28 pupils spend the first 15 minutes of each maths lesson working through problems on tablets while an AI tutor adjusts the difficulty after every answer. Their teacher walks the rows, glancing at a dashboard that shows who is stuck. It is a glimpse of where education is heading, and it should make us both hopeful and careful.',
      'The education ministry wants AI-assisted lessons in every secondary school by 2028, and provincial offices have spent heavily on devices and software licences. The pitch is compelling: personalised practice for every child, freeing teachers to focus on those who need them most.',
      'The early evidence is mixed rather than bad. In pilot schools, pupils who were already motivated used the software more and improved faster; those who were struggling often clicked through problems or let the tutor supply the answers. Teachers reported spending hours each week troubleshooting logins instead of teaching.',
      'Critics go further, arguing that screens have no place in classrooms at all and pointing to countries in northern Europe that have pulled back from digital textbooks. That argument underestimates what well-designed practice software can do, especially in subjects such as maths where immediate feedback matters. But it correctly identifies the risk of technology being adopted because it is new, not because it works.',
      '> A tool that tells me which five children did not understand fractions is useful. A tool that decides their next lesson without me is not. — Yang Mi-sun, a maths teacher in Cheongju',
      'The lesson is that the AI tutor must remain a tool in the teacher’s hand. Schools should use the software for practice and diagnosis, not for core instruction; give teachers the final say over what each pupil sees; and publish independent evaluations before expanding further.',
      'Above all, the ministry should slow down. A national rollout on a fixed timetable invites exactly the box-ticking that has undermined past reforms. Technology that genuinely helps pupils will still be there in two years; the trust of teachers and parents, once lost, is far harder to rebuild.',
    ],
  },
  {
    slug: 'pension-reform-bought-time-the-arithmetic-still-does-not-add-up',
    section: 'debate',
    typeLabel: 'Analysis',
    headline: 'Pension reform bought time. The arithmetic still does not add up',
    standfirst:
      'New projections suggest the national pension fund will still be exhausted within 45 years, leaving today’s young workers to carry the greatest uncertainty.',
    authors: ['hana-lee', 'daniel-okafor'],
    tags: ['Demographics', 'Markets', 'Korea'],
    hoursAgo: 31,
    updatedHoursAfter: 12,
    hero: {
      scene: 'chart-down',
      caption:
        'The national pension fund is projected to start shrinking in the 2040s as the number of contributors falls.',
      credit: 'Dateline graphics desk',
    },
    figure: {
      scene: 'chart-up',
      caption:
        'Contribution rates are scheduled to rise by half a percentage point a year until they reach 13 percent of income.',
      credit: 'Dateline graphics desk',
    },
    body: [
      'When parliament finally passed a pension reform last year after nearly two decades of argument, both sides claimed victory. Contributions would rise gradually from 9 percent of income to 13 percent, and the benefits workers receive would be nudged up slightly. The national pension fund, once projected to run dry in the mid-2050s, would last longer.',
      'That was real progress. But a new set of projections from the fund’s actuarial committee suggests the reform has bought time rather than solved the problem, and that the hardest choices have merely been pushed onto the next generation of politicians.',
      '[figure]',
      '## The demographic squeeze',
      'The committee now expects the fund, currently worth about 1,200 trillion won, to peak in the early 2040s and be exhausted by 2071. The main reason is demographic: the number of people paying into the system is projected to fall by a third over the next 30 years, while the number drawing pensions more than doubles.',
      'Fund managers have been asked to close some of the gap by chasing higher returns, with a larger share of the portfolio in overseas equities and private assets. That strategy has paid off in recent years, but it also exposes retirees to market swings and currency risk at precisely the moment the fund will need to start selling assets.',
      '> Higher returns are welcome, but you cannot invest your way out of a shrinking workforce. — Hwang Do-yoon, a pension economist who advised the reform committee',
      'Defenders of the reform argue that projections 45 years out are inherently uncertain: a modest recovery in births, higher immigration or faster productivity growth could change the picture considerably. They also note that many rich countries run pay-as-you-go pensions without a large reserve fund at all.',
      'That is true, but it sidesteps the question of fairness. Today’s workers in their 20s will pay the highest contribution rates in the system’s history and face the greatest uncertainty about what they will receive. An automatic mechanism linking benefits to life expectancy and the size of the workforce, of the kind used in Sweden and Japan, would spread the burden more evenly. Lawmakers should start that debate now, not in 2040.',
    ],
    corrections: [
      {
        kind: 'correction',
        hoursAfter: 12,
        text: 'An earlier version of this article gave the fund’s projected exhaustion year as 2064. The actuarial committee’s latest projection is 2071.',
      },
    ],
  },
  {
    slug: 'a-four-day-week-is-worth-trying-but-not-by-decree',
    section: 'debate',
    typeLabel: 'Opinion',
    headline: 'A four-day week is worth trying — but not by decree',
    standfirst:
      'Early trials in provincial offices look promising. Before it becomes law, the shorter week needs testing where work cannot simply be rearranged.',
    authors: ['hana-lee'],
    tags: ['Labor', 'Demographics'],
    hoursAgo: 51,
    hero: {
      scene: 'fields',
      caption:
        'Several provincial governments have begun trials of a shorter working week for some public employees.',
      credit: 'Dateline illustration',
    },
    body: [
      'Few workplace ideas have travelled as fast as the four-day week. Two years ago it was a curiosity discussed in management magazines. Today three provincial governments are running trials for public employees, a handful of listed companies have adopted it, and a bill before parliament would make a 36-hour week the legal standard by 2030.',
      'The enthusiasm is understandable. Koreans still work around 1,870 hours a year, well above the average among rich economies, and long hours are routinely blamed for everything from burnout to the country’s record-low birth rate. Early results from the provincial trials are encouraging: sick leave fell, staff turnover dropped and most departments reported no decline in output.',
      'But the trials have been small, voluntary and concentrated in office jobs, where output is hard to measure and easy to rearrange. The picture looks very different in hospitals, care homes, factories and small shops, where work depends on someone being physically present. For a 12-person manufacturer in Changwon, a shorter week means either hiring staff it cannot find or paying overtime it cannot afford.',
      'Supporters reply that productivity gains will make up the difference, and that the same warnings were heard when the country moved from a six-day week to five two decades ago. They are partly right; the economy adapted. But that change was phased in over seven years, starting with the largest employers, and came with subsidies for smaller firms.',
      '> The question is not whether we should work less. It is who pays for the transition, and how quickly. — Jeon Seung-ah, a labour economist',
      'That is the model to follow again. Rather than setting a national standard by law, the government should extend trials into sectors beyond the office, publish the results in full and support small firms that want to experiment. Flexible options, such as a four-and-a-half-day week or compressed hours, deserve equal attention.',
      'A shorter week could be one of the most valuable reforms of the decade. Imposing it before we know how it works outside the civil service would be the surest way to discredit it.',
    ],
  },
  {
    slug: 'from-bukchon-to-jeju-korea-tests-the-limits-of-overtourism',
    section: 'debate',
    typeLabel: 'Analysis',
    headline: 'From Bukchon to Jeju, Korea tests the limits of overtourism',
    standfirst:
      'Visiting hours, entry fees and trail reservations are being tried in the busiest places. The deeper problem may be homes lost to short-term lets.',
    authors: ['min-ji-park'],
    tags: ['Tourism', 'Seoul', 'Housing'],
    hoursAgo: 69,
    hero: {
      scene: 'skyline',
      caption:
        'Narrow alleys in Seoul’s historic hanok districts draw tens of thousands of visitors on busy days.',
      credit: 'Dateline illustration',
    },
    figure: {
      scene: 'mountains',
      caption:
        'Jeju’s most popular trails and beaches could face visitor caps under proposals being studied by the provincial government.',
      credit: 'Dateline illustration',
    },
    body: [
      'Seoul’s Bukchon neighbourhood, with its tiled-roof hanok houses and steep alleys, once had a problem common to many historic districts: too few people. Today residents complain of the opposite. On peak days more than 20,000 visitors squeeze through lanes barely wide enough for a car, many pausing at front doors to take photographs.',
      'Korea welcomed an estimated 18 million foreign visitors this year, a record, and the government wants 30 million by 2030. The boom is good news for hotels, restaurants and shops. But in a handful of places it is testing the patience of those who live there, and local authorities are experimenting with tools once associated with Venice and Kyoto.',
      '## Curfews, caps and fees',
      'Bukchon’s district office introduced visiting hours for its most crowded streets two years ago, with fines for tour groups that arrive outside them. Officials say noise complaints fell by about a third, though residents’ groups say enforcement is patchy after dark.',
      '[figure]',
      'On Jeju, the provincial government is studying an entry fee of a few thousand won per visitor to fund environmental protection, along with reservation systems for popular trails and beaches. Similar fees have been proposed and shelved several times over the past decade amid opposition from the tourism industry, which fears deterring domestic travellers who already find Jeju expensive compared with Japan or Southeast Asia.',
      '“Nobody here is against tourists, but we are against living in a theme park,” said Ahn Jung-mi, who heads a Bukchon residents’ association. Her group wants the visiting hours extended to weekends and public holidays, when crowds are heaviest.',
      'The deeper problem may be housing. In both Bukchon and parts of Jeju, long-term rentals have been converted into guesthouses and short-term lets, pushing out residents and leaving fewer people to complain, or to keep neighbourhoods alive. Caps and curfews address the symptoms; restricting short-term rentals in residential areas would go closer to the cause.',
      'Spreading visitors more evenly, by promoting lesser-known cities and off-season travel, is the least contentious answer and the one every government likes. It has rarely been enough on its own.',
    ],
  },
  {
    slug: 'cash-bonuses-will-not-reverse-the-birth-rate-housing-and-hours-might',
    section: 'debate',
    typeLabel: 'Editorial',
    headline: 'Cash bonuses will not reverse the birth rate. Housing and hours might',
    standfirst:
      'A second year of rising births is welcome, but it owes more to timing than to handouts. Young people keep telling us what would change their minds.',
    authors: ['hana-lee'],
    tags: ['Demographics', 'Housing', 'Labor'],
    hoursAgo: 129,
    hero: {
      scene: 'skyline',
      caption:
        'Births have ticked up slightly after years of decline, but the fertility rate remains the lowest among rich countries.',
      credit: 'Dateline illustration',
    },
    body: [
      'The latest population figures brought a rare piece of good news: the number of births rose for a second consecutive year, and the total fertility rate edged up to 0.79 children per woman. Officials were quick to credit the generous cash payments that central and local governments now offer new parents, some worth more than 100 million won over a child’s early years.',
      'We would urge caution before drawing that conclusion. Much of the recent uptick reflects a wave of marriages delayed by the pandemic and a temporarily larger cohort of women in their early 30s. Both effects will fade, and the fertility rate remains well under half the level needed to keep the population stable.',
      'Surveys of people in their 20s and 30s are remarkably consistent about what holds them back. Housing comes first: the average Seoul apartment costs around 15 times median household income. Next come working hours and the career penalty faced by women who take time off, followed by the cost and intensity of children’s education.',
      'Cash helps at the margins, and no one should begrudge families the support. But a one-off payment, however large, does little to change the calculation of a couple facing two decades of high housing costs, long commutes and fierce competition for their children’s schooling.',
      '> Nobody decides to have a child because of a bonus. They decide not to because of everything else. — Shin Ha-eun, a demographer',
      'Some argue that the decline is irreversible and that policy should focus instead on adapting to a smaller population through automation and immigration. Adaptation is necessary regardless. But giving up on couples who say they would like more children than they have would be a policy failure, not realism.',
      'The government should shift spending towards affordable rental homes for young couples, enforce parental leave rights at smaller employers and curb the private tutoring arms race. These measures are harder, slower and less photogenic than cash handouts. They are also what young people keep asking for.',
    ],
  },
  {
    slug: 'bring-back-the-cup-deposit-and-this-time-make-it-national',
    section: 'debate',
    typeLabel: 'Opinion',
    headline: 'Bring back the cup deposit — and this time make it national',
    standfirst:
      'Cafés throw away billions of disposable cups a year. A deposit scheme failed once because of its design, not its purpose.',
    authors: ['hana-lee'],
    tags: ['Climate', 'Korea'],
    hoursAgo: 153,
    hero: {
      scene: 'sea',
      caption:
        'Disposable cups and plastic packaging make up a growing share of the waste washing up on Korea’s coasts.',
      credit: 'Dateline illustration',
    },
    body: [
      'Korea once led Asia in recycling. Its volume-based waste fees, introduced in the 1990s, turned households into meticulous sorters, and the country still reports one of the highest recycling rates in the world. Yet walk past any café district at closing time and the bins tell a different story: towers of disposable cups, many still half full, headed for incinerators.',
      'Cafés use an estimated 9 billion disposable cups a year, and only a small fraction are recycled into anything useful. The reason is simple: cups lined with plastic, stained with coffee and mixed with lids and straws are expensive to process, so most are burned.',
      'A deposit scheme that charged customers a few hundred won per cup, refundable on return, was meant to change that. Instead it was shrunk to a pilot in two regions after complaints from small café owners, who said they had no space to store returned cups and no staff to handle them. The pilot has since been quietly left to wither.',
      'The owners’ objections were reasonable, and they deserve to be taken seriously. But the answer is to fix the design, not abandon the idea. Deposits on glass bottles have worked in Korea for decades, and cup schemes have succeeded elsewhere when returns are easy and the burden does not fall on the smallest businesses. A national scheme should:',
      '- Apply to chains and independent cafés alike, so that no one is at a competitive disadvantage',
      '- Let customers return cups at any participating shop, convenience store or subway station machine',
      '- Fund collection through a central operator, not individual café owners',
      '- Set the deposit high enough, at least 500 won, to change behaviour',
      '“A deposit works when returning the cup is easier than throwing it away,” Cha Young-mi, who runs a café in Sejong that took part in the pilot, told me. Her shop’s return rate reached 70 percent once a machine was installed at the bus stop outside.',
      'The costs are real but modest, and they would be offset in part by lower incineration bills. More importantly, a working scheme would show that Korea’s environmental policy can still move forward rather than retreating at the first sign of resistance.',
    ],
  },
  {
    slug: 'cities-should-plant-for-next-summers-heat-this-winter',
    section: 'debate',
    typeLabel: 'Editorial',
    headline: 'Cities should plant for next summer’s heat this winter',
    standfirst:
      'The measures that protect people from extreme heat take months or years to put in place. The cold season is the time to start.',
    authors: ['hana-lee'],
    tags: ['Climate', 'Seoul', 'Public Health'],
    hoursAgo: 211,
    hero: {
      scene: 'skyline',
      caption:
        'Dense neighbourhoods with little shade recorded the highest night-time temperatures in Seoul during the summer heatwave.',
      credit: 'Dateline illustration',
    },
    figure: {
      scene: 'forest',
      caption:
        'Street trees can lower surface temperatures by several degrees, and planting is best done in the cooler months.',
      credit: 'Dateline illustration',
    },
    body: [
      'The memory of last summer is already fading. For 26 nights in a row, the temperature in central Seoul did not fall below 25 degrees Celsius, and heat-related emergency room visits nationwide reached their highest level since records began. Now that the air has turned cold, the temptation is to file the problem away until next July.',
      'That would be a mistake. The measures that do most to protect people from extreme heat — trees, shade, cooler building materials and better housing — take months or years to put in place. The time to act on them is now.',
      '## Heat is unequal',
      'Research by the city’s own institute found surface temperatures in some dense low-rise neighbourhoods were up to 7 degrees higher than in leafy districts only a few kilometres away. Those neighbourhoods are disproportionately home to older people living alone and to residents of tiny, poorly insulated rooms known as jjokbang, many without air conditioning.',
      '[figure]',
      'Cooling shelters and text-message alerts help, and the city has expanded both. But they rely on vulnerable people leaving home in the hottest part of the day. A review by the city found that cooling centres were used by fewer than one in ten of the residents they were meant to serve. Shade and cooler homes protect people where they already are.',
      'Critics will say the city has other priorities, and that tree planting is slow and expensive in neighbourhoods with narrow streets and buried utilities. Both points are fair. Yet cities from Paris to Medellín have shown that green corridors and cool roofs can be added piece by piece, and the cost is small compared with the burden on hospitals.',
      'Seoul should set a canopy target for every district, prioritise the hottest blocks, fund white-roof coatings for low-income homes and require new buildings to limit heat-absorbing surfaces. Next summer will almost certainly be hot again. Whether it is as deadly depends on what we do in the cold months.',
    ],
  },
  {
    slug: 'seoul-needs-more-small-homes-not-bigger-mortgages',
    section: 'debate',
    typeLabel: 'Opinion',
    headline: 'Seoul needs more small homes, not bigger mortgages',
    standfirst:
      'A third of the capital’s households are single people, yet new apartments are built for families of four. Easier credit will not fix that mismatch.',
    authors: ['hana-lee'],
    tags: ['Housing', 'Seoul', 'Markets'],
    hoursAgo: 333,
    hero: {
      scene: 'bridge',
      caption:
        'Apartment prices in Seoul have risen far faster than incomes over the past decade, particularly in districts south of the Han River.',
      credit: 'Dateline illustration',
    },
    body: [
      'Every few years, when Seoul apartment prices surge, the government reaches for the same levers: tighter loan limits one year, looser ones the next, a new tax here, a special subsidy for first-time buyers there. Prices in the capital rose another 9 percent over the past twelve months, and once again the debate is about mortgages.',
      'It should be about supply, and specifically about the kind of homes being built. More than a third of Seoul households now consist of one person, yet the great majority of new apartments are designed for families of four, with three bedrooms and prices to match. Young single workers are left competing for cramped studios in ageing buildings or commuting from satellite towns an hour away.',
      'Easier credit helps the individual buyer who gets it, but in a market with few homes for sale it mostly pushes prices higher. Household debt already exceeds 90 percent of GDP, among the highest ratios in the world. Each round of loan support adds to that burden without adding a single new front door.',
      'Those who favour more lending argue that tight credit locks young people out of ownership and entrenches the advantages of those who already own property. That concern is valid. But the answer is to build homes young people can afford without borrowing sums they will spend 30 years repaying.',
      '“We have built a city for households that increasingly do not exist,” as Kim Bo-ra, a housing researcher, put it to me. Her studies show that one-person households spend a larger share of income on rent than any other group in the capital.',
      'Practical steps are within reach. The city could relax limits on building density near subway stations in return for a share of smaller units, speed up approvals for mid-rise buildings on underused land, and convert vacant office floors in older business districts into rental flats. Public landlords should build more one- and two-room homes for long-term rent rather than for sale.',
      'None of this will stop prices rising overnight. But it would begin to match the housing stock to the people who actually need homes, which is more than the next round of mortgage tinkering will achieve.',
    ],
  },
  {
    slug: 'should-chip-engineers-be-exempt-from-the-52-hour-week',
    section: 'debate',
    typeLabel: 'Analysis',
    headline: 'Should chip engineers be exempt from the 52-hour week?',
    standfirst:
      'Chipmakers say the cap on working hours hobbles them against foreign rivals. Unions say exemptions never stay narrow. The evidence suggests a middle path.',
    authors: ['daniel-okafor'],
    tags: ['Labor', 'Semiconductors', 'Technology'],
    hoursAgo: 457,
    hero: {
      scene: 'night-city',
      caption:
        'Office lights at research campuses south of Seoul often stay on late into the night during product development cycles.',
      credit: 'Dateline illustration',
    },
    body: [
      'The country’s semiconductor makers have a request that sounds simple: let research engineers work longer when a project demands it. Under current law, most employees may work no more than 52 hours a week, including overtime. Chipmakers argue that this puts them at a disadvantage against rivals in Taiwan and the United States, where engineers routinely work far longer during critical development phases.',
      'A bill to exempt high-earning research staff in strategic industries from the cap has stalled in parliament for more than a year. Its fate will say much about how the country balances industrial competitiveness against a long, hard-fought effort to curb overwork.',
      '## The industry’s argument',
      'Executives point out that chip development runs in bursts: months of steady work punctuated by weeks when a new process must be debugged around the clock. Engineers on those projects, they say, are well-paid professionals who often want to work the extra hours and are frustrated by systems that lock them out of their offices.',
      'Some evidence supports them. A survey by an industry association found that 58 percent of research staff at member companies favoured more flexibility, though the figure fell to 41 percent among those with young children.',
      'Unions counter that exemptions rarely stay narrow. Once one group of workers is carved out, employers lobby to widen the definition, and junior staff feel pressure to match managers’ hours whatever the rules say. They also note that existing law already allows hours to be averaged over periods of up to six months.',
      '“Flexibility for the company too often means exhaustion for the engineer,” said Byun Ji-hoon, an official at a technology workers’ union, who argued that few firms have made full use of the averaging rules already available.',
      'There may be a middle path: exemptions limited to staff above a high salary threshold, requiring individual written consent, with a guaranteed minimum rest period and strict annual caps. Whether such safeguards would hold in practice is the real question, and one lawmakers should answer with data from the averaging schemes already in use rather than with slogans from either side.',
    ],
  },
  {
    slug: 'keep-the-cram-school-curfew-and-enforce-it',
    section: 'debate',
    typeLabel: 'Editorial',
    headline: 'Keep the cram school curfew — and enforce it',
    standfirst:
      'Academy operators want classes for high school students to run until midnight. Teenagers need sleep more than another hour of test preparation.',
    authors: ['hana-lee'],
    tags: ['Education', 'Seoul', 'Public Health'],
    hoursAgo: 523,
    hero: {
      scene: 'night-city',
      caption:
        'Streets around Seoul’s academy districts fill with parents’ cars as evening classes end.',
      credit: 'Dateline illustration',
    },
    body: [
      'At 10 p.m. on a school night, the streets around Seoul’s biggest cram school districts look like a concert venue letting out. Thousands of teenagers pour out of private academies, known as hagwon, and into waiting cars or onto late buses. Many have been in classrooms of one kind or another for 14 hours.',
      'The 10 p.m. curfew on academies, which Seoul and several other regions have enforced for years, is now under attack. A group of academy operators has asked the city council to push it back to midnight for high school students, arguing that families should be free to choose and that classes simply move online or into unlicensed study rooms after the curfew anyway.',
      'The second argument has some truth to it. Enforcement is weak: the city has fewer than 40 inspectors for more than 25,000 academies and tutoring businesses, and fines are small enough to be treated as a cost of doing business. Online classes after 10 p.m. are not covered at all.',
      'But the response to a poorly enforced rule is to enforce it, not to abandon it. Sleep researchers recommend eight to ten hours a night for teenagers. Surveys suggest Korean high school students average barely six, and rates of depression and anxiety among them have risen steadily for a decade.',
      '“Every hour we add to the academy day is taken from sleep, not from somewhere else,” Pyo Seung-hee, a paediatric sleep specialist, told a council hearing on the proposal last month.',
      'Extending the curfew would also entrench inequality. Families that can afford extra late-night classes would buy them; those that cannot would fall further behind. A common limit protects children from an arms race their parents often say they would rather not join.',
      'The city should reject the operators’ request, hire more inspectors, raise fines for repeat violations and work with the education ministry to extend the curfew to live online classes. Children need rest more than they need another hour of test preparation.',
    ],
  },
  {
    slug: 'local-elections-deserve-real-debates-not-just-loudspeaker-trucks',
    section: 'debate',
    typeLabel: 'Opinion',
    headline: 'Local elections deserve real debates, not just loudspeaker trucks',
    standfirst:
      'Council members decide where homes are built and how childcare is run, yet most voters cannot name theirs. A recorded public forum for every candidate would help.',
    authors: ['hana-lee'],
    tags: ['Elections', 'Korea'],
    hoursAgo: 611,
    hero: {
      scene: 'podium',
      caption:
        'Candidates for local office often campaign with little public scrutiny of their policies.',
      credit: 'Dateline illustration',
    },
    body: [
      'Anyone who lived through this year’s local election campaign will remember the trucks: flatbeds fitted with loudspeakers and dancing volunteers, crawling through traffic and blasting candidates’ names and slogans. What most voters will not remember is a single substantive argument made by the people running for their district council.',
      'That matters more than it might seem. Local governments now control budgets worth hundreds of billions of won, decide where housing is built and run services from childcare to waste collection. Yet turnout in local elections lags behind national ones, and surveys after the vote found that fewer than a quarter of voters could name the council member they had just elected.',
      'Televised debates are mandatory for mayoral and gubernatorial races, but not for the thousands of council seats further down the ballot. Broadcasters argue, fairly, that they cannot air debates for every ward. Parties prefer it that way; debates carry risks for candidates chosen more for loyalty than for expertise.',
      'There is a simple alternative. Election commissions could require every council candidate to take part in at least one recorded public forum, streamed online and archived, with questions submitted by residents. Community centres and local libraries could host them at little cost.',
      '“Voters are not apathetic, they just have almost nothing to go on,” said Go Eun-byeol, a political scientist who studies local government. In her surveys, most respondents said they chose council candidates on party label alone.',
      'Sceptics will say few people would watch. Perhaps not many would watch live. But recordings would be there for local journalists, civic groups and the voters who care enough to look, and candidates would know that what they said could be held against them later. That alone would raise the quality of campaigns.',
      'The next local elections are four years away, which is exactly enough time to change the rules. Parliament should act before the parties remember how comfortable the current system is for them.',
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // asia
  // ---------------------------------------------------------------------------------------------
  {
    slug: 'korea-and-japan-agree-to-resume-fisheries-talks-after-a-decade',
    section: 'asia',
    typeLabel: 'News',
    headline: 'Korea and Japan agree to resume fisheries talks after a decade',
    standfirst:
      'Negotiators will meet monthly to set quotas that would let each country’s boats fish in the other’s waters again, ending a stalemate that has hurt coastal communities.',
    authors: ['min-ji-park', 'daniel-okafor'],
    tags: ['Diplomacy', 'Japan', 'Korea'],
    hoursAgo: 15,
    updatedHoursAfter: 4,
    hero: {
      scene: 'sea',
      caption:
        'Fishing boats from both countries have been unable to work in each other’s exclusive economic zones since the previous agreement lapsed.',
      credit: 'Dateline illustration',
    },
    body: [
      'South Korea and Japan agreed today to resume negotiations on a fisheries pact that would let their fleets operate in each other’s waters again, ending a decade-long stalemate that has cost fishing communities on both sides of the strait.',
      'The decision to restart talks was announced after a meeting of senior fisheries and foreign ministry officials in Tokyo. Negotiators will meet monthly, alternating between the two capitals, with the aim of setting catch quotas and the number of vessels allowed in each zone by the end of next year.',
      'The previous arrangement lapsed in 2016 when the two sides failed to agree on quotas, and it has not been renewed since. Korean longline boats targeting hairtail, a staple of home cooking, lost access to rich grounds off Japan’s southern islands, while Japanese boats were barred from Korean waters.',
      '## Fishermen cautiously hopeful',
      'Fishing associations in Busan and Jeju said the loss of the Japanese grounds had cut some vessels’ annual catch by as much as 30 percent, pushing owners to sail longer distances and burn more fuel. The number of longline boats registered in Jeju has fallen by nearly half in ten years.',
      '> We have waited ten years for this. We will believe it when the first boat is allowed back. — Kang Myung-soo, head of a longline fishing association in Seogwipo',
      'Officials said the improvement in relations over the past few years had made the decision possible. The two governments have resumed regular leaders’ meetings, expanded cooperation on supply chains and eased travel rules. Fisheries, tangled up with territorial sensitivities, had been one of the last areas left untouched.',
      'Negotiations are not expected to be easy. Japanese officials have pressed for tighter limits on Korean boats around their southwestern islands, while Korea wants larger quotas for hairtail and mackerel. Analysts said any deal would probably start with modest quotas and expand gradually if both sides saw results.',
    ],
  },
  {
    slug: 'late-floods-in-the-mekong-delta-push-up-rice-prices-across-southeast-asia',
    section: 'asia',
    typeLabel: 'News',
    headline: 'Late floods in the Mekong delta push up rice prices across Southeast Asia',
    standfirst:
      'About 240,000 hectares of paddies were damaged just before harvest, sending Vietnamese export prices up 18 percent in six weeks.',
    authors: ['daniel-okafor'],
    tags: ['Agriculture', 'Southeast Asia', 'Climate', 'Trade'],
    hoursAgo: 263,
    hero: {
      scene: 'fields',
      caption: 'Rice paddies in the Mekong delta produce more than half of Vietnam’s rice.',
      credit: 'Dateline illustration',
    },
    figure: {
      scene: 'chart-up',
      caption:
        'Export prices for Vietnamese 5 percent broken rice, a regional benchmark, have risen for six straight weeks.',
      credit: 'Dateline graphics desk',
    },
    body: [
      'Late-season floods in Vietnam’s Mekong delta have damaged an estimated 240,000 hectares of rice paddies, pushing regional export prices to their highest level in more than a year and raising concern in importing countries from the Philippines to West Africa.',
      'Vietnamese agriculture officials said heavy rain upstream combined with high tides had left fields in several delta provinces underwater for up to two weeks, just as farmers were preparing to harvest the autumn-winter crop. Early estimates suggest losses of around 1.1 million tonnes of paddy.',
      '[figure]',
      'Export prices for Vietnamese 5 percent broken rice, a benchmark grade, rose to about $520 a tonne this week, up 18 percent in six weeks, according to traders in Ho Chi Minh City. Thai and Cambodian prices followed, though by smaller margins.',
      'The Philippines, the world’s largest rice importer, said it had enough stocks for the coming months but would monitor prices closely. Indonesia and Malaysia said they were reviewing purchase plans. In Korea, which is largely self-sufficient in rice, the impact is expected to be limited, though food manufacturers that use imported broken rice may face higher costs.',
      '“One bad harvest in the delta is felt in kitchens thousands of kilometres away,” said Tran Minh Khoa, a commodities analyst in Singapore, who expects buyers to bring forward purchases from Thailand and India.',
      'Scientists say the delta, which lies barely above sea level, is increasingly exposed to both floods and saltwater intrusion as the climate warms and upstream dams change the river’s flow. Vietnam has encouraged some farmers to switch from a third annual rice crop to shrimp or fruit, but the shift has been slow.',
      'Traders expect prices to ease once the next harvest arrives in the spring, provided the weather improves. For now, governments in the region are watching a market that has shown, more than once, how quickly it can tighten.',
    ],
  },
  {
    slug: 'korea-china-and-japan-agree-to-share-real-time-air-pollution-data',
    section: 'asia',
    typeLabel: 'News',
    headline: 'Korea, China and Japan agree to share real-time air pollution data',
    standfirst:
      'Environment ministers will pool readings from hundreds of monitoring stations and issue joint yellow dust forecasts, though binding emissions targets remain off the table.',
    authors: ['min-ji-park'],
    tags: ['China', 'Japan', 'Diplomacy', 'Climate'],
    hoursAgo: 677,
    hero: {
      scene: 'mountains',
      caption:
        'Haze hangs over the mountains around Seoul, where fine dust levels often rise in late winter and spring.',
      credit: 'Dateline illustration',
    },
    body: [
      'Environment ministers from South Korea, China and Japan agreed today to share real-time air quality data from hundreds of monitoring stations and to issue joint forecasts of yellow dust storms, the most concrete step the three countries have taken on cross-border pollution in years.',
      'Under the agreement, reached at a two-day meeting in Busan, each country will feed readings from at least 300 stations into a common platform starting in the spring. Forecasters will hold regular video calls during the dust season, and scientists will run a joint study on how pollutants move between the three countries.',
      '## A long-running dispute',
      'The question of how much of Korea’s fine dust originates in China has been a source of friction for years. Korean studies have attributed between a third and a half of fine particles on bad days to sources abroad, while Chinese officials have pointed to their own sharp cuts in emissions and to domestic sources such as traffic and power plants.',
      'Officials said the shared data would not settle that argument immediately but would give all sides the same numbers to work from. The agreement stops short of binding targets for emissions cuts, which environmental groups had sought.',
      '“Arguments about responsibility go on forever when each side uses its own data, but now at least we will be looking at the same map,” said Hong Seo-yeon, a senior Korean environment ministry official who took part in the talks.',
      'Air quality in the region has improved markedly over the past decade. Average fine dust concentrations in Seoul fell by roughly 30 percent between 2015 and 2025, according to city data, helped by coal plant closures, restrictions on old diesel vehicles and cleaner industry in China.',
      'But severe episodes remain common in late winter and spring, when dry winds carry dust from the deserts of Mongolia and northern China across the Yellow Sea. The ministers said they would meet again next year in Japan to review progress.',
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // business
  // ---------------------------------------------------------------------------------------------
  {
    slug: 'chip-exports-hit-monthly-record-on-demand-for-ai-servers',
    section: 'business',
    typeLabel: 'News',
    headline: 'Chip exports hit monthly record on demand for AI servers',
    standfirst:
      'Semiconductor shipments rose 31 percent to $17.8 billion, the 14th straight month of growth, though exports outside the chip sector barely grew.',
    authors: ['daniel-okafor', 'min-ji-park'],
    tags: ['Semiconductors', 'Trade', 'Markets'],
    hoursAgo: 11,
    updatedHoursAfter: 3,
    hero: {
      scene: 'night-city',
      caption:
        'Chip plants south of Seoul run around the clock to meet demand from companies building data centres.',
      credit: 'Dateline illustration',
    },
    figure: {
      scene: 'chart-up',
      caption:
        'Semiconductor exports have grown for 14 consecutive months, driven by high-bandwidth memory for data centres.',
      credit: 'Dateline graphics desk',
    },
    body: [
      'South Korea’s semiconductor exports reached a record $17.8 billion last month, up 31 percent from a year earlier, as demand for memory chips used in artificial intelligence servers continued to outstrip supply, trade ministry data showed today.',
      'Chip shipments accounted for more than a quarter of total exports, which rose 9.4 percent to $66.2 billion. It was the 14th consecutive month of growth for semiconductor exports and the strongest monthly figure since records began.',
      '[figure]',
      '## Memory prices climb',
      'The surge was driven largely by high-bandwidth memory, stacked chips that sit alongside AI processors in data-centre servers. Prices for conventional DRAM have also risen as manufacturers shift production lines towards the more profitable high-end products, tightening supply for smartphones and personal computers.',
      'Exports to Taiwan, where many AI processors are packaged, more than doubled. Shipments to the United States rose 38 percent, while exports to China, the largest market for Korean chips overall, grew a more modest 6 percent amid continued controls on advanced technology.',
      '“We are seeing a memory cycle unlike any before, because the demand is structural rather than just a rebound,” said Yeo Ha-neul, a semiconductor analyst at a Seoul brokerage.',
      'Economists cautioned that the country’s reliance on a single industry leaves it exposed if spending on data centres slows. Excluding chips, exports rose only 2.1 percent, with shipments of petrochemicals and steel falling amid weak prices and competition from Chinese producers.',
      'The trade ministry said it expected chip exports to stay strong into next year as new data centres come online in the United States, the Middle East and Southeast Asia, though it warned that price gains could slow as manufacturers add capacity.',
      'Imports rose 5.8 percent to $57.3 billion, led by purchases of chipmaking equipment and crude oil, and the trade surplus widened to $8.9 billion. The benchmark stock index closed 1.6 percent higher, led by shares in the two largest chipmakers.',
    ],
    corrections: [
      {
        kind: 'update',
        hoursAfter: 3,
        text: 'This story was updated after the market close to include the final index figure and comments from analysts.',
      },
    ],
  },
  {
    slug: 'shipyards-book-9-billion-in-lng-carrier-orders-as-energy-trade-shifts',
    section: 'business',
    typeLabel: 'News',
    headline: 'Shipyards book $9 billion in LNG carrier orders as energy trade shifts',
    standfirst:
      'Thirty-six gas carriers ordered in six weeks push the biggest yards’ backlogs past four years, but a shortage of welders and electricians is the main constraint.',
    authors: ['daniel-okafor'],
    tags: ['Shipping', 'Energy', 'Trade'],
    hoursAgo: 39,
    hero: {
      scene: 'harbor',
      caption:
        'Shipyards on the southeast coast are booked with work into 2030, mostly large gas carriers.',
      credit: 'Dateline illustration',
    },
    body: [
      'Korean shipbuilders have won orders for 36 liquefied natural gas carriers worth a combined $9.1 billion over the past six weeks, industry data showed, as energy companies in the United States, Qatar and Europe rush to secure vessels for a wave of new export projects.',
      'The orders, split among the country’s three largest shipyards, push their combined backlogs beyond four years of work, according to the shipbuilders’ association. Each vessel costs around $250 million, close to a record for the type.',
      '## A glut ahead?',
      'Demand for carriers is being driven by new liquefaction plants due to start operating between 2027 and 2030, which will add roughly 40 percent to global LNG export capacity. Europe’s shift away from pipeline gas and Asia’s growing appetite for imported fuel have encouraged developers to press ahead.',
      'Some analysts warn that shipping could face a glut of vessels if demand for gas slows faster than expected as countries expand renewable power. Charter rates for older LNG carriers have already fallen sharply this year as new ships enter service.',
      '> The yards are full, but shipbuilding has always been a boom-and-bust business. The question is what happens after 2030. — Noh Eun-seo, a shipping analyst in Busan',
      'For now, the main constraint is labour. Shipyards in Ulsan and Geoje have struggled to recruit welders and electricians, relying increasingly on workers from Vietnam, Indonesia and Nepal under special visa programmes. Industry officials estimate a shortfall of around 12,000 skilled workers.',
      'Shares in the three shipbuilders have more than doubled over the past two years, and the companies have begun raising wages and expanding training centres to lure younger workers back into an industry many left during a long slump in the late 2010s.',
      'The companies are also investing in designs for ammonia- and hydrogen-fuelled ships as shipping lines prepare for stricter emissions rules. Executives say those vessels could become the next big source of orders once the current gas carrier cycle peaks.',
    ],
  },
  {
    slug: 'central-bank-holds-rates-citing-household-debt-and-a-weak-won',
    section: 'business',
    typeLabel: 'News',
    headline: 'Central bank holds rates, citing household debt and a weak won',
    standfirst:
      'The Bank of Korea kept its base rate at 2.25 percent, saying a hot Seoul housing market and a soft currency outweighed calls for a cut to support spending.',
    authors: ['daniel-okafor'],
    tags: ['Markets', 'Housing', 'Korea'],
    hoursAgo: 389,
    hero: {
      scene: 'chart-down',
      caption:
        'The won has weakened against the dollar for much of the year, complicating the central bank’s decisions.',
      credit: 'Dateline graphics desk',
    },
    body: [
      'The Bank of Korea left its benchmark interest rate unchanged at 2.25 percent today, saying that rising household debt and a weak currency argued against further cuts despite sluggish domestic consumption.',
      'The decision was expected by most economists. The monetary policy board voted 5–2 to hold, with two members favouring a quarter-point cut to support growth, which the bank now forecasts at 1.7 percent this year. The hold follows a series of cuts that began two years ago as inflation cooled from its post-pandemic highs.',
      '## Housing loans in focus',
      'In a statement, the bank said household loans had grown by 4.8 trillion won last month, the fastest pace in more than a year, driven largely by mortgages in Seoul and the surrounding region. Cutting rates now, it said, risked adding fuel to the housing market. Apartment prices in Seoul have risen for 38 consecutive weeks, according to a state-run property agency.',
      'The won has also weighed on policymakers’ minds. The currency has weakened about 6 percent against the dollar this year, trading near 1,470 per dollar and raising the cost of imported energy and food. A cut that widened the gap with US interest rates could push it lower still.',
      '“The bank is caught between a weak economy nationwide and a hot housing market in one city,” said Baek Jun-ho, chief economist at a Seoul securities firm. He expects a cut early next year if mortgage lending cools.',
      'Retailers and small business groups had urged a cut, pointing to falling sales at department stores and restaurants and a rise in business closures. Consumer sentiment fell for a third consecutive month in the bank’s latest survey.',
      'Most economists expect the bank to resume cutting early next year if housing loans slow and inflation, currently 2.1 percent, remains near target. Bond yields edged higher after the decision, while the benchmark stock index closed little changed.',
    ],
  },
];
