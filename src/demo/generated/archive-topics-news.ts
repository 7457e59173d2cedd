import { topic, type ArchiveTopic } from './archive-topics.types.js';

// The news beats: world, Asia, the national desk and business. Words are plain, lower-case noun
// phrases so that the sentence frames read naturally around them; each list is one string, `|` between entries.

export const asiaTopics: readonly ArchiveTopic[] = [
  topic({
    key: 'peninsula',
    tags: 'North Korea|Inter-Korean Relations|Missiles|Korean Peninsula',
    subjects:
      'the missile launches|the inter-Korean hotline|the joint drills|family reunions|the demilitarised zone|the denuclearisation talks|the sanctions monitoring',
    actors: 'Pyongyang|the unification ministry|the Joint Chiefs of Staff|defectors|Washington and Seoul|analysts in Seoul',
    places: 'Panmunjom|the Yellow Sea|Kaesong|the East Sea|Pyongyang',
    terms: 'a ballistic missile|a satellite launch|artillery drills|a nuclear test site|a liaison office|propaganda loudspeakers|a hotline call',
    headlines:
      '{Actor} respond to {subject}|{Subject}: what the launch tells analysts|Tension rises near {place} after {term}|A new chill over {subject}|{Actor} weigh {term} after weeks of silence|Reading the signals from {place}',
    scenes: ['mountains', 'sea', 'podium'],
  }),
  topic({
    key: 'japan-china',
    tags: 'Japan|China|East Asia|Trade Relations',
    subjects:
      'the trilateral summit|the export controls|the fisheries dispute|the history textbooks|the yen’s slide|the coast guard patrols|the tourism rebound',
    actors: 'Tokyo|Beijing|regional diplomats|Chinese tourists|Japanese carmakers|trade officials',
    places: 'Tokyo|Beijing|Shanghai|Osaka|the East China Sea|Hong Kong',
    terms: 'rare earths|tariff relief|a currency intervention|visa waivers|a maritime hotline|supply-chain rules',
    headlines:
      '{Actor} and {subject}: a thaw or a pause?|{Subject} returns to the agenda in {place}|Why {actor} are watching {subject}|{Term} shadow {subject}|Neighbours test {subject}',
    scenes: ['skyline', 'harbor', 'night-city'],
  }),
  topic({
    key: 'southeast-asia',
    tags: 'Southeast Asia|ASEAN|Vietnam|Indonesia',
    subjects:
      'the ASEAN chairmanship|the South China Sea code|the factory boom|the haze season|the new capital project|the rice harvest|the digital economy pact',
    actors: 'ASEAN ministers|Hanoi|Jakarta|Manila|Bangkok’s new government|foreign investors',
    places: 'Hanoi|Jakarta|Manila|Bangkok|Kuala Lumpur|Ho Chi Minh City|Nusantara',
    terms: 'a maritime code of conduct|manufacturing relocation|palm oil exports|monsoon floods|a free trade zone|infrastructure loans',
    headlines:
      '{Actor} bet on {subject}|{Subject} draws investors to {place}|In {place}, {term} change the skyline|{Actor} seek unity on {subject}|The quiet rise of {place}',
    scenes: ['harbor', 'fields', 'skyline'],
  }),
  topic({
    key: 'south-asia',
    tags: 'India|South Asia|Monsoon|Pakistan',
    subjects: 'the monsoon|the general election in India|the chip fabrication push|the Himalayan water talks|the heatwave|the rupee’s fall',
    actors: 'New Delhi|state governments|farmers’ unions|tech start-ups|water engineers|the central bank',
    places: 'Mumbai|New Delhi|Dhaka|Karachi|Colombo|Bengaluru|Kathmandu',
    terms: 'groundwater levels|crop insurance|a heat action plan|semiconductor subsidies|glacier melt|urban flooding',
    headlines:
      '{Actor} race against {subject}|{Subject} tests {place}|What {term} means for {place}|{Actor} look to {subject} for growth|Across {place}, {subject} sets the mood',
    scenes: ['fields', 'sea', 'night-city'],
  }),
];

export const businessTopics: readonly ArchiveTopic[] = [
  topic({
    key: 'chips',
    tags: 'Semiconductors|Samsung Electronics|SK hynix|Exports',
    subjects: 'chip exports|the memory upcycle|high-bandwidth memory|the foundry race|the Yongin chip cluster|export controls on chips',
    actors: 'chipmakers|investors|the trade ministry|equipment suppliers|analysts|AI data-centre buyers',
    places: 'Pyeongtaek|Icheon|Taiwan|Arizona|Yongin|Hsinchu',
    terms: 'DRAM prices|wafer capacity|a quarterly profit|capital spending|yield rates|inventory levels',
    headlines:
      '{Subject} lifts {actor}|{Actor} bet big on {subject}|{Subject} cools as {term} wobble|What {term} say about {subject}|{Place} joins the race for {subject}|{Actor} bullish on {subject}',
    scenes: ['chart-up', 'night-city', 'skyline'],
  }),
  topic({
    key: 'markets',
    tags: 'Stock Market|KOSPI|Interest Rates|Bank of Korea',
    subjects: 'the KOSPI|the won|the base rate|household debt|bond yields|the value-up programme|retail investors’ margin loans',
    actors: 'foreign investors|the Bank of Korea|retail traders|fund managers|the financial regulator|exporters',
    places: 'Yeouido|Wall Street|Tokyo|Hong Kong|London|Singapore',
    terms: 'a rate cut|inflation data|a short-selling ban|dividend payouts|a currency swap|the Korea discount',
    headlines:
      '{Subject} slips as {actor} sell|{Actor} hold {subject} steady|{Subject} rallies on {term}|Why {subject} matters for {actor}|{Term} put {subject} in focus|A volatile week for {subject}',
    scenes: ['chart-up', 'chart-down', 'skyline'],
  }),
  topic({
    key: 'shipping-trade',
    tags: 'Shipping|Shipbuilding|Trade|Tariffs',
    subjects: 'container freight rates|shipbuilding orders|the tariff talks|the free trade agreement|Busan’s port volumes|LNG carrier demand',
    actors: 'shipbuilders|exporters|port operators|trade negotiators|freight forwarders|the customs service',
    places: 'Busan|Ulsan|Geoje|Rotterdam|Singapore|Long Beach',
    terms: 'a trade surplus|order backlogs|tariff exemptions|rerouted vessels|steel prices|a record quarter',
    headlines:
      '{Actor} ride {subject}|{Subject} sets a record in {place}|{Actor} brace for {subject}|How {term} changed {subject}|{Subject}: winners and losers',
    scenes: ['harbor', 'sea', 'chart-up'],
  }),
  topic({
    key: 'retail-jobs',
    tags: 'Labour|Minimum Wage|Retail|Consumer Prices',
    subjects: 'the minimum wage|consumer prices|the four-day week trial|platform workers’ pay|small-business closures|the online shopping boom',
    actors: 'small-business owners|labour unions|the wage commission|delivery riders|shoppers|convenience store chains',
    places: 'Myeong-dong|Dongdaemun|Seongsu|Daegu|Busan’s markets',
    terms: 'a wage floor|grocery inflation|part-time hours|rent arrears|same-day delivery|card spending data',
    headlines:
      '{Actor} feel the squeeze of {subject}|{Subject}: the case on both sides|{Actor} and {subject} in {place}|{Term} test {actor}|Behind the counter: {subject}',
    scenes: ['night-city', 'chart-down', 'skyline'],
  }),
];

export const nationalTopics: readonly ArchiveTopic[] = [
  topic({
    key: 'housing',
    tags: 'Housing|Real Estate|Jeonse|Seoul',
    subjects:
      'apartment prices|the jeonse market|the housing supply plan|redevelopment rules|the mortgage caps|public rental housing|the new town projects',
    actors: 'first-time buyers|the land ministry|young renters|developers|the Seoul city government|estate agents',
    places: 'Gangnam|Mapo|Songdo|Pangyo|northern Seoul|Incheon|Sejong',
    terms: 'loan-to-value ratios|reconstruction approvals|deposit fraud|a property tax bill|subscription lotteries|villa rentals',
    headlines:
      '{Actor} priced out as {subject} climbs again|{Subject}: who gains from the new rules|In {place}, {term} reshape a neighbourhood|{Actor} wait on {subject}|Why {subject} defies the forecasts|The long queue for {subject}',
    scenes: ['skyline', 'night-city', 'bridge'],
  }),
  topic({
    key: 'education',
    tags: 'Education|Suneung|Universities|Hagwon',
    subjects:
      'the college entrance exam|private tutoring costs|the medical school quota|the teachers’ workload|the school merger plan|the digital textbooks',
    actors: 'parents|the education ministry|high school seniors|teachers’ unions|university presidents|medical students',
    places: 'Daechi-dong|Busan|Gwangju|rural Gangwon|Daejeon|Jeonju',
    terms: 'killer questions|cram schools|a quota increase|falling enrolment|AI tutors|a school-closure list',
    headlines:
      '{Actor} brace for {subject}|{Subject}: the numbers behind the anxiety|{Actor} push back on {subject}|In {place}, {term} empty the classrooms|A quieter road through {subject}|What {subject} asks of {actor}',
    scenes: ['podium', 'skyline', 'fields'],
  }),
  topic({
    key: 'demographics',
    tags: 'Low Birth Rate|Ageing Society|Demographics|Family Policy',
    subjects: 'the birth rate|the pension reform|parental leave|the elderly care system|rural depopulation|the childcare subsidies',
    actors: 'young couples|the health ministry|working mothers|pensioners|county mayors|demographers',
    places: 'Uiseong|the southern islands|North Gyeongsang|Jeolla|the capital region|small towns',
    terms: 'a fertility rate of 0.72|newborn vouchers|care robots|a shrinking workforce|pension contributions|empty village schools',
    headlines:
      '{Actor} weigh {subject}|Why {subject} keeps falling|{Subject}: what other countries tried|In {place}, {term} tell the story|{Actor} ask what {subject} can fix|The price of {subject}',
    scenes: ['fields', 'sea', 'forest'],
  }),
  topic({
    key: 'transport',
    tags: 'Transport|Subway|KTX|Urban Planning',
    subjects: 'the GTX express lines|subway fares|the high-speed rail link|bus route reforms|the new airport|bicycle lanes',
    actors: 'commuters|the transport ministry|rail unions|city planners|bus drivers|residents’ groups',
    places: 'Seoul Station|Gadeokdo|Suwon|Ulsan|the Han River|Gimpo',
    terms: 'rush-hour crowding|a fare rise|a strike ballot|tunnel boring|travel times|a funding gap',
    headlines:
      '{Actor} count the minutes on {subject}|{Subject} opens after years of delay|The fight over {subject} in {place}|{Actor} threaten action over {subject}|How {term} are changing the commute',
    scenes: ['rail', 'bridge', 'night-city'],
  }),
  topic({
    key: 'justice',
    tags: 'Courts|Prosecutors|Corruption|Police',
    subjects: 'the bribery trial|the prosecution reform|the Supreme Court ruling|the fraud investigation|the special counsel|the police probe',
    actors: 'prosecutors|defence lawyers|the Constitutional Court|investigators|civic groups|the justice minister',
    places: 'Seocho-dong|the Seoul Central District Court|Suwon|Daegu|the National Assembly',
    terms: 'an arrest warrant|a suspended sentence|a plea of not guilty|wiretap evidence|an appeal|a raid on headquarters',
    headlines:
      '{Actor} move against {subject}|{Subject}: a verdict and its fallout|Court hears {term} in {place}|{Actor} question {subject}|The long shadow of {subject}',
    scenes: ['podium', 'skyline', 'night-city'],
  }),
];

export const worldTopics: readonly ArchiveTopic[] = [
  topic({
    key: 'diplomacy',
    tags: 'Diplomacy|United Nations|Foreign Policy|Summits',
    subjects:
      'the ceasefire talks|the summit communiqué|the peace framework|the new security pact|the envoy’s shuttle diplomacy|the sanctions package|the joint declaration|the prisoner exchange',
    actors: 'foreign ministers|the UN Security Council|negotiators|the special envoy|European capitals|mediators from Qatar|the secretary-general',
    places: 'Geneva|New York|Brussels|Doha|Vienna|Istanbul|Nairobi',
    terms:
      'a draft resolution|veto powers|back-channel contacts|confidence-building measures|a monitoring mission|humanitarian corridors|an arms embargo|a verification regime',
    headlines:
      '{Actor} push for {subject} as deadline nears|Talks stall in {place} over {term}|{Subject} survives a tense night in {place}|What {subject} means for the region|Envoys return to {place} with {term} on the table|{Actor} split over {subject}|A quiet breakthrough on {subject}',
    scenes: ['podium', 'skyline', 'bridge'],
  }),
  topic({
    key: 'elections',
    tags: 'Elections|Democracy|Polls|Campaigns',
    subjects:
      'the presidential run-off|the snap election|the coalition talks|voter turnout|the campaign finance rules|the opposition’s platform|the electoral map|the recount',
    actors: 'opposition leaders|the ruling party|election monitors|first-time voters|the electoral commission|pollsters|regional governors',
    places: 'Paris|Jakarta|Mexico City|Berlin|Lagos|Buenos Aires|Warsaw',
    terms:
      'exit polls|a hung parliament|postal ballots|a televised debate|a confidence vote|constituency boundaries|campaign rallies|a populist surge',
    headlines:
      '{Actor} brace for {subject}|Inside {subject} in {place}|{Subject}: five things to watch|Turnout questions hang over {subject}|{Actor} claim early lead as {term} arrive|A tight race turns on {term}|Why the vote in {place} matters beyond its borders',
    scenes: ['podium', 'night-city', 'skyline'],
  }),
  topic({
    key: 'conflict',
    tags: 'Conflict|Refugees|Humanitarian Aid|Security',
    subjects:
      'the border clashes|the aid convoys|the refugee crossings|the humanitarian appeal|the frontline towns|the evacuation plan|the de-mining effort',
    actors: 'aid agencies|the Red Cross|displaced families|military observers|field doctors|peacekeepers|local councils',
    places: 'the Sahel|Sudan|the Caucasus|eastern Congo|the Red Sea coast|Myanmar’s borderlands',
    terms: 'shelling|a fragile truce|food shortages|field hospitals|supply lines|checkpoints|relief flights|a winter appeal',
    headlines:
      '{Actor} warn of {term} in {place}|{Subject} resume after a week of {term}|Life along {subject}|{Actor} count the cost of {subject}|Hope and fear in {place} as {subject} begin|A winter without {term}',
    scenes: ['mountains', 'fields', 'forest'],
  }),
  topic({
    key: 'climate-policy',
    tags: 'Climate Change|COP Talks|Energy Transition|Emissions',
    subjects:
      'the emissions targets|the loss and damage fund|the coal phase-out|the carbon border tax|the methane pledge|climate finance|the adaptation plans',
    actors: 'island states|climate negotiators|oil producers|development banks|youth activists|the EU delegation|scientists',
    places: 'Bonn|Dubai|Belém|Baku|the Pacific islands|the Arctic',
    terms: 'net zero|carbon credits|a heat record|rising seas|renewable capacity|stranded assets|a fossil fuel subsidy|a 1.5C pathway',
    headlines:
      '{Actor} press rich nations on {subject}|{Subject} slip as {term} looms|A hotter year tests {subject}|In {place}, {term} is no longer a forecast|{Actor} and {subject}: a deal within reach?|The fine print of {subject}',
    scenes: ['sea', 'fields', 'mountains'],
  }),
  topic({
    key: 'migration',
    tags: 'Migration|Borders|Asylum|Labour Migration',
    subjects: 'the asylum backlog|the visa overhaul|the seasonal worker scheme|remittances|the border agreement|integration programmes',
    actors: 'migrant workers|border agencies|human rights lawyers|employers’ groups|host communities|interior ministers',
    places: 'the Mediterranean|the Darién Gap|Lampedusa|the Channel|the Gulf states|Rio Grande',
    terms: 'work permits|detention centres|family reunification|labour shortages|a points system|deportation flights',
    headlines:
      '{Actor} question {subject}|The human cost of {subject}|{Subject} faces its first real test|Across {place}, {term} reshape lives|Why {actor} want {subject} rewritten',
    scenes: ['sea', 'harbor', 'rail'],
  }),
];
