/**
 * A small Korean news corpus and queries with the stories a reader would expect, written for the
 * Korean search measurement (korean-search.test.ts, docs/search.md "Korean"). Each story has a
 * key; a query lists the keys of the stories relevant to it.
 */
export interface KoreanStory {
  key: string;
  headline: string;
  standfirst: string;
  body: string;
}

export const KOREAN_STORIES: readonly KoreanStory[] = [
  {
    key: 'citizens',
    headline: '시민들이 광장에 모였다',
    standfirst: '주말 집회에 수천 명이 참가했다.',
    body: '시민들은 정부의 부동산 정책에 항의했다. 경찰은 교통을 통제했다.',
  },
  {
    key: 'citizen-voice',
    headline: '시민의 목소리 듣겠다는 시장',
    standfirst: '새 시장이 취임 첫 기자회견을 열었다.',
    body: '시장은 시민과의 대화를 매달 열겠다고 발표했다.',
  },
  {
    key: 'civic-groups',
    headline: '환경 단체들 예산 삭감 비판',
    standfirst: '시민단체 연대가 성명을 냈다.',
    body: '시민단체들은 환경 예산이 줄면 미세먼지 대책이 늦어진다고 주장했다.',
  },
  {
    key: 'city-hall',
    headline: '서울시청에서 청년 일자리 박람회',
    standfirst: '기업 120곳이 참가한다.',
    body: '서울시는 청년 구직자를 위한 상담 창구도 운영한다.',
  },
  {
    key: 'seoul-subway',
    headline: '지하철 요금 인상 확정',
    standfirst: '서울 지하철 기본요금이 다음 달부터 오른다.',
    body: '서울교통공사는 적자 누적을 이유로 들었다. 버스 요금은 동결됐다.',
  },
  {
    key: 'busan-port',
    headline: '부산항 물동량 사상 최대',
    standfirst: '컨테이너 처리량이 늘었다.',
    body: '부산항만공사는 수출 회복 덕분이라고 설명했다.',
  },
  {
    key: 'chips',
    headline: '반도체 수출 석 달째 증가',
    standfirst: '인공지능 수요가 반도체 경기를 이끌었다.',
    body: '산업통상자원부는 반도체 수출이 지난해보다 30% 늘었다고 밝혔다.',
  },
  {
    key: 'samsung',
    headline: 'Samsung 새 스마트폰 공개',
    standfirst: '삼성전자가 갤럭시 신제품을 발표했다.',
    body: '삼성전자는 AI 기능을 강조했다. 가격은 동결했다.',
  },
  {
    key: 'rates',
    headline: '한국은행 기준금리 동결',
    standfirst: '물가 상승세가 둔화됐다는 판단이다.',
    body: '한국은행은 금리를 연 3.5%로 유지했다. 시장은 하반기 인하를 예상한다.',
  },
  {
    key: 'housing',
    headline: '아파트 가격 하락세 멈춰',
    standfirst: '수도권 부동산 시장이 회복 조짐을 보인다.',
    body: '전문가들은 금리 동결이 주택 거래에 영향을 줬다고 분석했다.',
  },
  {
    key: 'election',
    headline: '총선 투표율 역대 최고',
    standfirst: '유권자들이 투표소 앞에 길게 줄을 섰다.',
    body: '선거관리위원회는 사전투표 참여가 늘었다고 발표했다.',
  },
  {
    key: 'assembly',
    headline: '국회에서 예산안 처리 무산',
    standfirst: '여야 협상이 결렬됐다.',
    body: '국회의원들은 주말에도 협상을 이어가기로 했다.',
  },
  {
    key: 'children',
    headline: '어린이 보호구역 과속 단속 강화',
    standfirst: '경찰청이 단속 카메라를 늘린다.',
    body: '어린이들의 등굣길 안전을 위해 학교 앞 제한 속도를 낮춘다.',
  },
  {
    key: 'school',
    headline: '학교 급식 무상 확대',
    standfirst: '교육청이 고등학교까지 무상 급식을 늘린다.',
    body: '학부모들은 환영했지만 예산 부담을 우려하는 목소리도 있다.',
  },
  {
    key: 'typhoon',
    headline: '태풍 북상에 제주도 비상',
    standfirst: '항공편이 무더기로 결항됐다.',
    body: '기상청은 제주와 남해안에 강풍 경보를 내렸다. 주민들은 대피했다.',
  },
  {
    key: 'heat',
    headline: '폭염 특보 전국 확대',
    standfirst: '낮 기온이 35도를 넘었다.',
    body: '기상청은 노약자에게 외출을 자제하라고 당부했다.',
  },
  {
    key: 'baseball',
    headline: '프로야구 개막전 매진',
    standfirst: '잠실 경기장에 관중 2만 명이 몰렸다.',
    body: '개막전 경기는 연장 끝에 홈팀이 이겼다.',
  },
  {
    key: 'kpop',
    headline: 'BTS 월드투어 서울 공연',
    standfirst: '잠실 주경기장에서 이틀간 열린다.',
    body: '팬들은 예매 시작 10분 만에 표를 모두 샀다.',
  },
  {
    key: 'hospital',
    headline: '대학병원 전공의 복귀 시작',
    standfirst: '의료 공백이 점차 해소된다.',
    body: '보건복지부는 병원들의 진료 정상화를 지원한다고 밝혔다.',
  },
  {
    key: 'medical-school',
    headline: '의대 정원 증원 논란',
    standfirst: '의사 단체가 반발했다.',
    body: '정부는 지역 의료 인력이 부족하다고 설명했다.',
  },
  {
    key: 'exports',
    headline: '수출 실적 발표한 정부',
    standfirst: '무역수지가 흑자로 돌아섰다.',
    body: '자동차와 선박 수출이 크게 늘었다.',
  },
];

export interface KoreanQuery {
  text: string;
  /** Keys of the stories a reader would expect. */
  relevant: readonly string[];
}

export const KOREAN_QUERIES: readonly KoreanQuery[] = [
  { text: '시민', relevant: ['citizens', 'citizen-voice', 'civic-groups'] },
  { text: '시민들이', relevant: ['citizens', 'citizen-voice', 'civic-groups'] },
  { text: '시민단체', relevant: ['civic-groups'] },
  { text: '서울시', relevant: ['city-hall'] },
  { text: '서울', relevant: ['city-hall', 'seoul-subway', 'kpop'] },
  { text: '지하철 요금', relevant: ['seoul-subway'] },
  { text: '부산항의', relevant: ['busan-port'] },
  { text: '반도체가', relevant: ['chips'] },
  { text: '삼성전자', relevant: ['samsung'] },
  { text: 'samsung 스마트폰', relevant: ['samsung'] },
  { text: '금리를', relevant: ['rates', 'housing'] },
  { text: '한국은행', relevant: ['rates'] },
  { text: '부동산', relevant: ['citizens', 'housing'] },
  { text: '투표', relevant: ['election'] },
  { text: '국회의', relevant: ['assembly'] },
  { text: '어린이들', relevant: ['children'] },
  { text: '급식을', relevant: ['school'] },
  { text: '태풍이', relevant: ['typhoon'] },
  { text: '기상청은', relevant: ['typhoon', 'heat'] },
  { text: '야구', relevant: ['baseball'] },
  { text: '잠실에서', relevant: ['baseball', 'kpop'] },
  { text: '병원에서', relevant: ['hospital'] },
  { text: '의료', relevant: ['hospital', 'medical-school'] },
  { text: '수출이', relevant: ['chips', 'busan-port', 'exports'] },
  { text: '발표했다', relevant: ['citizen-voice', 'samsung', 'election', 'exports'] },
  { text: '예산', relevant: ['civic-groups', 'assembly', 'school'] },
  { text: '정부가', relevant: ['citizens', 'exports', 'medical-school'] },
  { text: '학교에서', relevant: ['children', 'school'] },
  { text: '대피', relevant: ['typhoon'] },
  { text: '가격', relevant: ['samsung', 'housing'] },
  // Known limits, kept in the measurement: a homonym (경기: a game, or the economy in 반도체 경기) and
  // a one-syllable word (표: a ticket), searched as a prefix of bigrams (발표했다 holds 표했).
  { text: '경기', relevant: ['baseball'] },
  { text: '표', relevant: ['kpop'] },
];
