// Names for a generated archive's staff, sources and readers. Korean names are written family name
// first, as the demo's are; the correspondents' and sources' names abroad given name first.

const split = (list: string) => list.split('|');

export const KOREAN_FAMILY_NAMES = split(
  'Kim|Lee|Park|Choi|Jung|Kang|Cho|Yoon|Jang|Lim|Han|Oh|Seo|Shin|Kwon|Hwang|Ahn|Song|Yoo|Hong|Jeon|Ko|Moon|Yang|Son|Bae|Baek|Heo|Nam|Noh|Ha|Kwak|Sung|Cha|Joo|Woo|Min|Ryu|Na|Jin',
);

export const KOREAN_GIVEN_NAMES = split(
  'Min-ji|Seo-yeon|Ji-hoon|Hyun-woo|Da-eun|Jae-won|Soo-bin|Ye-jin|Dong-hyun|Eun-ji|Sung-min|Ha-eun|Joon-ho|Yu-na|Tae-yang|Ji-woo|Seung-hee|Kyung-soo|Min-seo|Jin-young|So-yeon|Hye-jin|Sang-woo|Ji-eun|Young-ho|Na-rae|Woo-jin|Bo-ra|Jun-seo|Chae-won|In-ho|Ga-young|Do-yoon|Se-ra|Hyo-jin|Myung-soo|Ah-reum|Tae-hee|Jong-min|Ye-seul',
);

export const WORLD_GIVEN_NAMES = split(
  'Daniel|Sarah|Amara|Lucas|Priya|Tomás|Hannah|Kenji|Fatima|Oliver|Mei|Javier|Chloe|Ibrahim|Elena|Samuel|Aiko|Nikhil|Laura|Mateo|Zainab|Felix|Ingrid|Rahul|Grace|Anh|Marco|Leila|Thomas|Yuki',
);

export const WORLD_FAMILY_NAMES = split(
  'Okafor|Bennett|Sato|Nguyen|Fernández|Müller|Haddad|Kowalski|Reyes|Tanaka|Osei|Rossi|Lindqvist|Sharma|Dubois|Chen|Mensah|Novak|Gallagher|Santos|Yamamoto|Petrov|Adeyemi|Walsh|Ito|Costa|Kaplan|Moreau|Singh|Andersen',
);

/** What reporters do, by the kind of section they write for. */
export const JOB_TITLES = {
  news: split('Reporter|Senior reporter|Correspondent|Staff writer|Political correspondent|Investigations reporter|Night editor|Deputy editor'),
  features: split('Features writer|Culture reporter|Sports reporter|Science writer|Technology reporter|Columnist|Critic|Senior writer'),
  opinion: split('Columnist|Opinion editor|Editorial writer|Contributing columnist|Guest columnist'),
} as const;

/** Readers' display names are a handle, made of these. */
export const READER_HANDLE_WORDS = split(
  'commuter|reader|student|nurse|teacher|retiree|engineer|parent|cyclist|hiker|banker|farmer|fan|chef|driver|designer|coder|planner|skeptic|optimist|old-timer|newcomer|expat|local|night-owl|early-bird',
);

export const READER_PLACES = split(
  'Mapo|Busan|Daegu|Incheon|Gwangju|Suwon|Jeju|Ilsan|Bundang|Jamsil|Ulsan|Sejong|Daejeon|Pohang|Chuncheon|Jeonju|Gangneung|Yongin|Paju|Changwon',
);
