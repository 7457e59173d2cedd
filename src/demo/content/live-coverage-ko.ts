import type { DemoLiveCoverage, KoreanDemoArticle } from './demo-content.types.js';
import { koreanCredits } from './korean-edition.js';

/**
 * The Korean edition's live story (docs/live.md): the Pohang earthquake, as the Korean desk covers it
 * with its own updates. Its body translates the English live story's; places and institutions are
 * real, the events, figures, people and quotations invented, as in the rest of the demo.
 */

const EARTHQUAKE = 'pohang-apbada-gyumo-5-1-jijin-silsigan';

export const liveStoriesKo: KoreanDemoArticle[] = [
  {
    slug: EARTHQUAKE,
    translationOf: 'magnitude-5-1-earthquake-shakes-pohang-aftershocks-damage-and-disruption',
    section: 'latest',
    typeLabel: 'Live',
    headline: '포항 앞바다 규모 5.1 지진… 여진·피해·교통 상황 실시간',
    standfirst:
      '2017년 이후 포항에서 느낀 가장 강한 지진으로 건물 외벽에 금이 가고 열차가 멈췄으며 주민 수천 명이 거리로 대피했다. 현장 기자들이 최신 상황을 전한다.',
    authors: ['min-ji-park', 'daniel-okafor'],
    tags: ['지진', '한국', '재난안전'],
    hoursAgo: 4,
    hero: {
      scene: 'harbor',
      caption: '포항항과 제철소는 이번 지진의 진앙에서 불과 몇 킬로미터 떨어진 해안에 자리 잡고 있다.',
      credit: koreanCredits.illustration,
    },
    body: [
      '경북 포항 앞바다에서 규모 5.1의 지진이 발생해 경북 동남부 일대 건물이 크게 흔들리고 놀란 주민들이 거리로 쏟아져 나왔다. 기상청에 따르면 진앙은 포항시 북구 북동쪽 약 9km 해역이며, 진원 깊이는 약 12km로 추정된다. 본진 뒤 한 시간 안에 크고 작은 여진이 수십 차례 이어졌다.',
      '이번 지진은 2017년 규모 5.4 지진 이후 포항에서 느낀 가장 강한 지진이다. 당시 지진으로 주택 수천 채가 부서졌고 대학수학능력시험이 일주일 미뤄졌다. 이번에도 대구와 울산, 부산에서까지 흔들림이 느껴졌으며, 기상청에는 흔들림을 느꼈다는 신고가 6천 건 넘게 들어왔다.',
      '## 지금까지 확인된 내용',
      '- 기상청은 지진해일 가능성은 없다고 밝혔다. 다만 당분간 해안가 접근을 자제해 달라고 당부했다.',
      '- 동해안 원전 운영사는 모든 원자로가 정상 운전 중이라고 밝혔다.',
      '- 포항시는 건물 피해를 입은 주민을 위해 학교와 주민센터 37곳에 임시 대피소를 열었다.',
      '- 포항을 지나는 열차는 선로와 교량 점검을 위해 한때 운행을 멈췄다.',
      '포항 현지와 정부 중앙재난안전대책본부에 나가 있는 기자들이 피해 상황과 부상자, 여진, 교통 소식을 아래에서 실시간으로 전한다. 최신 소식이 맨 위에 오며, 핵심 요약은 편집자가 상황에 맞춰 계속 고쳐 쓴다.',
    ],
  },
];

export const liveCoverageKo: DemoLiveCoverage[] = [
  {
    story: EARTHQUAKE,
    summary: [
      '포항 북동쪽 9km 해역, 깊이 12km에서 규모 5.1 지진… 2017년 이후 포항에서 느낀 가장 강한 지진',
      '23명이 가벼운 부상으로 치료받았으며 사망자는 보고되지 않았다',
      '여진 40여 차례, 가장 강한 여진은 규모 3.8',
      '동해선 열차 운행 재개… 포항 지역 학교는 하루 휴업',
      '지진해일 가능성은 없으며 동해안 원전은 정상 운전 중',
    ],
    updates: [
      {
        minutesAfter: 0,
        author: 'min-ji-park',
        keyEvent: true,
        markdown:
          '**경북 포항시 북구 북동쪽 9km 해역에서 규모 5.1의 지진이 발생했다**고 기상청이 밝혔다. 진원 깊이는 약 12km로 추정된다. 경북 전역은 물론 대구와 울산, 부산에서도 흔들림을 느꼈다는 신고가 잇따르고 있다.\n\n확인되는 대로 이 페이지에서 계속 전한다.',
      },
      {
        minutesAfter: 8,
        author: 'daniel-okafor',
        markdown:
          '기상청은 **지진해일(쓰나미) 가능성은 없다**고 밝혔다. 다만 여진에 대비해 당분간 포항과 영덕 해안가에 가까이 가지 말아 달라고 당부했다.',
      },
      {
        minutesAfter: 15,
        author: 'min-ji-park',
        markdown:
          '북구 일대 학교 운동장과 공원에는 대피한 주민 수백 명이 모여 있다. 실내화 차림 그대로 뛰어나온 주민도 적지 않다.\n\n> 선반이 먼저 쏟아지고 전기가 나갔어요. 아이 손을 잡고 정신없이 계단으로 뛰었습니다.\n>\n> — 죽도시장 건어물 상인 김서연 씨',
      },
      {
        minutesAfter: 24,
        author: 'daniel-okafor',
        keyEvent: true,
        markdown:
          '코레일은 **포항을 지나는 열차 운행을 모두 멈추고**, 동대구~신경주 구간 KTX는 시속 90km로 서행하도록 했다. 선로와 교량 점검이 끝날 때까지 동해선 이용객은 한 시간 이상 늦어질 수 있다.',
      },
      {
        minutesAfter: 33,
        author: 'min-ji-park',
        pinned: true,
        markdown:
          '**포항에 계신 분들께:** 금이 간 건물과 담장에서 떨어져 있고, 엘리베이터 대신 계단을 이용하세요. 여진에 대비해 손전등과 마실 물을 곁에 두시기 바랍니다. 구별 임시 대피소는 [국민재난안전포털](https://www.safekorea.go.kr/)에서 확인할 수 있습니다. 긴급 신고는 119입니다.',
      },
      {
        minutesAfter: 58,
        author: 'min-ji-park',
        keyEvent: true,
        markdown:
          '방금 **규모 3.8의 여진**이 다시 포항을 흔들었다. 본진 이후 가장 강한 여진이다. 기상청은 지금까지 여진 41회를 관측했으며, 대부분 사람이 느끼기 어려운 규모라고 밝혔다.',
      },
      {
        minutesAfter: 80,
        author: 'daniel-okafor',
        editedMinutesAfter: 96,
        markdown:
          '행정안전부 중앙재난안전대책본부에 따르면 **23명이 가벼운 부상으로 치료를 받았다**. 대부분 깨진 유리에 베이거나 계단에서 넘어진 경우다. 고령자 2명은 골절이 의심돼 병원으로 옮겨졌다.',
      },
      {
        minutesAfter: 112,
        author: 'min-ji-park',
        markdown:
          '경북교육청은 건물 안전 점검을 위해 **포항 지역 모든 학교를 하루 휴업**하기로 했다. 포항 시내 대학 두 곳도 앞으로 이틀간 예정됐던 시험을 미뤘다.',
      },
      {
        minutesAfter: 151,
        author: 'daniel-okafor',
        markdown:
          '어느 단층이 움직였는지는 아직 판단하기 이르다고 기상청은 밝혔다. 대구의 한 대학에서 지진학을 가르치는 장현우 교수는 노후 건물 내진 보강을 서둘러야 한다고 지적했다.\n\n> 2017년 이후 이 일대 단층에는 응력이 계속 쌓여 왔습니다. 이 정도 지진이 놀랍지는 않지만, 동남권 내진 보강이 아직 끝나지 않았다는 경고로 받아들여야 합니다.\n>\n> — 장현우 교수',
      },
      {
        minutesAfter: 190,
        author: 'daniel-okafor',
        keyEvent: true,
        markdown:
          '선로와 교량 점검에서 이상이 발견되지 않아 **포항을 지나는 동해선 열차 운행이 재개됐다**. KTX도 정상 속도를 되찾았지만 일부 열차는 여전히 30~40분가량 늦게 출발하고 있다.',
      },
    ],
  },
];
