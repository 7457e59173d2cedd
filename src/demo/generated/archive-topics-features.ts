import { topic, type ArchiveTopic } from './archive-topics.types.js';

// The feature beats: technology, science and health, culture, sports and life. Same notation as
// archive-topics-news.ts: each list is one string, `|` between entries.

export const techTopics: readonly ArchiveTopic[] = [
  topic({
    key: 'ai',
    tags: 'Artificial Intelligence|Big Tech|Data Centres|AI Regulation',
    subjects: 'the AI basic act|large language models|the data-centre boom|Korean-language chatbots|AI copyright rules|the sovereign AI fund',
    actors: 'Naver|Kakao|start-up founders|the science ministry|AI researchers|cloud providers|privacy regulators',
    places: 'Pangyo|Seongsu|Silicon Valley|Gangnam|Daejeon|Shenzhen',
    terms: 'GPU shortages|training data|power demand|an open-weight model|a safety audit|inference costs|a compute cluster',
    headlines:
      '{Actor} race to build {subject}|{Subject}: hype meets the power grid|Inside {place}’s bet on {subject}|{Actor} warn about {term}|Who pays for {subject}?|{Term} slow {subject}',
    scenes: ['night-city', 'chart-up', 'skyline'],
  }),
  topic({
    key: 'batteries-ev',
    tags: 'Electric Vehicles|Batteries|Hyundai Motor|Green Industry',
    subjects: 'electric vehicle sales|battery exports|the charging network|solid-state batteries|the EV subsidy|battery recycling',
    actors: 'battery makers|Hyundai and Kia|charging operators|car buyers|the environment ministry|lithium miners',
    places: 'Ochang|Ulsan|Georgia|Hungary|Pohang|Indonesia',
    terms: 'lithium prices|cathode materials|a price war|fast chargers|range anxiety|a factory in the US',
    headlines:
      '{Subject} stall as {actor} cut prices|{Actor} double down on {subject}|{Term} weigh on {subject}|The long road for {subject}|From {place}, a new chapter for {subject}',
    scenes: ['chart-down', 'skyline', 'rail'],
  }),
  topic({
    key: 'platforms',
    tags: 'Online Platforms|Gaming|Telecoms|Cybersecurity',
    subjects: 'the platform competition law|the data breach|5G coverage|game loot boxes|the app store fees|the webtoon business',
    actors: 'telecom carriers|gamers|the fair trade commission|hackers|webtoon artists|app developers',
    places: 'Pangyo|Jongno|Busan’s game studios|Tokyo|Seoul’s PC bangs',
    terms: 'personal data|a class action|a fine of 30 billion won|a ransomware attack|network slicing|in-app payments',
    headlines:
      '{Actor} face scrutiny over {subject}|{Subject}: what users should know|After {term}, {actor} regroup|{Actor} and the fight over {subject}|{Subject} reaches {place}',
    scenes: ['night-city', 'skyline', 'chart-up'],
  }),
];

export const scienceTopics: readonly ArchiveTopic[] = [
  topic({
    key: 'space',
    tags: 'Space|Nuri Rocket|Satellites|Moon Missions',
    subjects: 'the Nuri rocket|the lunar orbiter|the space agency|the satellite constellation|reusable launchers|the deep-space antenna',
    actors: 'KASA engineers|astronomers|the launch team|private rocket firms|NASA partners|students',
    places: 'Goheung|the Naro Space Center|Sacheon|the far side of the Moon|low Earth orbit',
    terms: 'a launch window|a payload|orbital insertion|telemetry|a cube satellite|a ground station',
    headlines:
      '{Subject} clears a key test|{Actor} prepare {subject} for launch|A new window opens at {place}|What {subject} found|{Actor} look past {subject} to Mars',
    scenes: ['mountains', 'night-city', 'sea'],
  }),
  topic({
    key: 'health',
    tags: 'Health|Hospitals|Doctors’ Strike|Public Health',
    subjects: 'the doctors’ walkout|emergency room closures|the flu season|regional hospitals|the new vaccine|mental health services',
    actors: 'trainee doctors|the health ministry|nurses|patients’ groups|public health experts|hospital directors',
    places: 'Seoul National University Hospital|Sejong|provincial clinics|Incheon|Jeju',
    terms: 'waiting times|a staffing shortage|an outbreak|intensive care beds|a vaccination drive|burnout',
    headlines:
      '{Actor} warn of {subject}|{Subject}: a week inside the wards|{Term} strain {place}|{Actor} and the long wait for {subject}|What {subject} means for patients',
    scenes: ['podium', 'skyline', 'forest'],
  }),
  topic({
    key: 'environment',
    tags: 'Environment|Air Pollution|Biodiversity|Recycling',
    subjects: 'fine dust|the plastic treaty|the wetlands survey|the recycling rules|the heat dome|endangered cranes',
    actors: 'ecologists|the environment ministry|fishing communities|volunteers|weather forecasters|citizen scientists',
    places: 'Suncheon Bay|the Nakdong River|Jeju’s coast|the Saemangeum flats|the DMZ’s wetlands',
    terms: 'PM2.5 readings|a migratory route|microplastics|a heat warning|tidal flats|single-use cups',
    headlines:
      '{Actor} track {subject}|{Subject} returns to {place}|Counting the cost of {subject}|{Term}: the data behind {subject}|Why {actor} worry about {subject}',
    scenes: ['forest', 'sea', 'fields'],
  }),
];

export const cultureTopics: readonly ArchiveTopic[] = [
  topic({
    key: 'film-tv',
    tags: 'Film|K-Drama|Streaming|Busan International Film Festival',
    subjects: 'the film festival|the streaming wars|a new K-drama|the box office slump|the director’s comeback|dubbing and subtitles',
    actors: 'film-makers|streaming platforms|critics|actors|festival juries|young audiences',
    places: 'Busan|Cannes|Chungmuro|Netflix’s charts|Venice',
    terms: 'a premiere|ticket sales|a script|a limited series|the red carpet|a global top ten',
    headlines:
      '{Subject} opens to full houses|{Actor} on {subject}|Why {subject} travelled so far|At {place}, {term} steal the show|Review: {subject} finds its voice',
    scenes: ['night-city', 'podium', 'skyline'],
  }),
  topic({
    key: 'music',
    tags: 'K-pop|Music|Concerts|Classical Music',
    subjects: 'the comeback album|the world tour|the ticket resale rules|the orchestra’s new season|the indie scene|the idol contracts',
    actors: 'fans|music labels|promoters|the orchestra|trainees|songwriters',
    places: 'Jamsil|Hongdae|the Seoul Arts Center|London|Los Angeles|Tokyo Dome',
    terms: 'a sold-out show|streaming numbers|a debut single|fan meetings|a residency|scalpers',
    headlines:
      '{Subject} breaks records as {actor} queue|{Actor} rethink {subject}|Inside {subject}|{Term} and {subject} in {place}|Review: {subject}',
    scenes: ['night-city', 'podium', 'bridge'],
  }),
  topic({
    key: 'heritage-books',
    tags: 'Books|Literature|Heritage|Museums',
    subjects:
      'the Nobel laureate’s new novel|the palace restoration|the translated fiction boom|the museum’s new wing|the hanok villages|the book fair',
    actors: 'readers|translators|publishers|curators|historians|craftspeople',
    places: 'Gyeongbok Palace|Gyeongju|Paju Book City|Jeonju’s hanok village|the National Museum',
    terms: 'a first printing|an exhibition|a translation prize|royal archives|wooden craftsmanship|a reading list',
    headlines:
      '{Subject} draws crowds to {place}|{Actor} discover {subject}|The quiet work behind {subject}|{Subject}: a reader’s guide|{Term} at {place}',
    scenes: ['mountains', 'fields', 'bridge'],
  }),
];

export const sportsTopics: readonly ArchiveTopic[] = [
  topic({
    key: 'football',
    tags: 'Football|K League|World Cup Qualifiers|Premier League',
    subjects: 'the national team|the K League title race|the World Cup qualifiers|the transfer window|the new coach|the derby',
    actors: 'the captain|supporters|the football association|the coaching staff|scouts|the league’s top scorer',
    places: 'Sangam|Ulsan|Jeonju|London|Riyadh|Doha',
    terms: 'a late equaliser|a red card|a clean sheet|the group stage|injury time|a hat-trick',
    headlines:
      '{Subject} grind out a win in {place}|{Actor} under pressure before {subject}|{Term} decides {subject}|What {subject} needs now|{Actor} hail {subject}',
    scenes: ['fields', 'night-city', 'podium'],
  }),
  topic({
    key: 'baseball',
    tags: 'Baseball|KBO|Major League Baseball|Korean Series',
    subjects: 'the pennant race|the Korean Series|the ace’s return|the new stadium|the pitch clock|the free-agent market',
    actors: 'fans|managers|the league office|rookies|veteran pitchers|scouts from the majors',
    places: 'Jamsil|Gwangju|Daegu|Incheon|San Diego|Busan’s Sajik Stadium',
    terms: 'a walk-off homer|a no-hitter|the batting title|a bullpen collapse|a sell-out crowd|a doubleheader',
    headlines:
      '{Subject} tightens after {term}|{Actor} pack {place} for {subject}|{Subject}: a season in numbers|{Actor} adjust to {subject}|A night to remember at {place}',
    scenes: ['night-city', 'fields', 'podium'],
  }),
  topic({
    key: 'olympic-sports',
    tags: 'Olympics|Archery|Esports|Athletics',
    subjects: 'the archery team|the Asian Games|the esports league|the marathon|short-track speed skating|the Olympic bid',
    actors: 'athletes|coaches|the sports ministry|sponsors|young players|national federations',
    places: 'Jincheon|Hangzhou|Paris|Gangneung|Nagoya|Milan',
    terms: 'a gold medal|a personal best|a qualifying round|a doping test|a world record|selection trials',
    headlines: '{Actor} chase {term} at {subject}|{Subject}: the road to {place}|{Term} for {subject}|{Actor} look beyond {subject}|Behind {subject}',
    scenes: ['mountains', 'fields', 'podium'],
  }),
];

export const lifeTopics: readonly ArchiveTopic[] = [
  topic({
    key: 'food',
    tags: 'Food|Restaurants|Kimchi|Street Food',
    subjects: 'the street food stalls|the kimchi harvest|the Michelin guide|the temple food revival|the coffee boom|the night markets',
    actors: 'chefs|home cooks|market vendors|food critics|young farmers|baristas',
    places: 'Gwangjang Market|Jeonju|Jeju|Euljiro|Mangwon|Tongyeong',
    terms: 'fermentation|a tasting menu|cabbage prices|a queue round the block|seasonal greens|a family recipe',
    headlines:
      '{Subject} draws crowds to {place}|{Actor} rediscover {subject}|A season of {subject}|{Term}: the secret of {subject}|Where {actor} go for {subject}',
    scenes: ['fields', 'night-city', 'harbor'],
  }),
  topic({
    key: 'travel',
    tags: 'Travel|Tourism|Jeju|Hiking',
    subjects: 'the Jeju Olle trails|the island ferries|the autumn foliage|the tourism rebound|the temple stays|the coastal railway',
    actors: 'hikers|tourists|guesthouse owners|local guides|the tourism organisation|day-trippers',
    places: 'Jeju|Seoraksan|Ulleungdo|Namhae|Andong|the southern islands',
    terms: 'a ridge trail|peak season|a ferry timetable|a mountain hut|a sunrise view|visitor numbers',
    headlines: '{Actor} return to {subject}|Slow travel on {subject}|{Subject}: a weekend in {place}|{Term} and {subject}|Why {actor} love {place}',
    scenes: ['mountains', 'sea', 'forest'],
  }),
  topic({
    key: 'work-life',
    tags: 'Work Culture|Wellbeing|Consumer Trends|Pets',
    subjects: 'the four-day week|solo living|remote work|pet ownership|the fitness craze|burnout at work',
    actors: 'office workers|single households|employers|pet owners|gym chains|psychologists',
    places: 'Yeouido|Pangyo|Seongsu|suburban Seoul|co-working spaces',
    terms: 'overtime|a hybrid schedule|a wellness app|a one-person household|weekend hobbies|a sabbatical',
    headlines:
      '{Actor} embrace {subject}|{Subject}: the new normal?|The rise of {subject}|{Actor} and the limits of {subject}|{Term}: notes from {place}',
    scenes: ['skyline', 'night-city', 'forest'],
  }),
];
