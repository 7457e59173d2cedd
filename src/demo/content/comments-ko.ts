import type { DemoComment, DemoReader } from './comments.js';

/**
 * The Korean edition's readers and their conversation under a few Korean stories (stories-ko.ts),
 * written in Korean as readers of a Seoul daily write. Times are minutes after the story went out.
 */
export const koreanReaders: DemoReader[] = [
  { key: 'minseo', displayName: '김민서' },
  { key: 'junho', displayName: '준호' },
  { key: 'eunji', displayName: '이은지' },
  { key: 'taeyang', displayName: '태양아빠' },
];

export const koreanComments: Record<string, DemoComment[]> = {
  'yogeum-insangmaneuro-jihacheol-jaejeong-mot-sallinda': [
    {
      key: 'ko-fare-1',
      reader: 'minseo',
      minutesAfter: 28,
      likes: 23,
      body: '매일 2호선으로 출퇴근하는데 요금이 200원 오르는 건 괜찮습니다. 다만 그 돈이 스크린도어랑 엘리베이터에 쓰인다는 걸 분명히 보여 줬으면 좋겠어요. 어디에 쓰는지 알면 사람들도 납득할 겁니다.',
    },
    {
      key: 'ko-fare-2',
      reader: 'junho',
      minutesAfter: 52,
      likes: 17,
      body: '무임승차 손실을 왜 서울시와 승객만 떠안아야 하나요? 법으로 정한 제도라면 국비로 보전하는 게 맞다고 봅니다. 칼럼에서 이 부분을 짚어 줘서 반갑네요.',
    },
    {
      key: 'ko-fare-3',
      reader: 'eunji',
      minutesAfter: 75,
      likes: 9,
      replyTo: 'ko-fare-2',
      body: '동의합니다. 다만 어르신들 무임승차 자체를 줄이자는 얘기로 흘러가지 않았으면 해요. 누가 비용을 내느냐의 문제지, 혜택을 없애자는 문제는 아니니까요.',
    },
    {
      key: 'ko-fare-4',
      reader: 'taeyang',
      minutesAfter: 140,
      likes: 4,
      body: '요금 얘기가 나올 때마다 역사 상가 임대료나 광고 수입은 잘 안 다뤄지는 것 같습니다. 다음에는 그쪽 숫자도 함께 짚어 주시면 좋겠습니다.',
    },
  ],
  'seoul-apateu-jeonsetgap-40ju-yeonsok-sangseung': [
    {
      key: 'ko-jeonse-1',
      reader: 'eunji',
      minutesAfter: 40,
      likes: 31,
      body: '2년 전에 들어온 전셋집 계약이 내년 봄에 끝나는데, 집주인이 보증금을 올리거나 월세로 돌리자고 할까 봐 벌써 걱정입니다. 기사에 나온 반전세가 딱 저희 얘기네요.',
    },
    {
      key: 'ko-jeonse-2',
      reader: 'junho',
      minutesAfter: 66,
      likes: 12,
      body: '전세 매물이 30% 가까이 줄었다는 게 정말 체감됩니다. 주말마다 부동산을 돌아도 보여 줄 집이 없다는 말만 들었어요.',
    },
    {
      key: 'ko-jeonse-3',
      reader: 'minseo',
      minutesAfter: 90,
      likes: 8,
      replyTo: 'ko-jeonse-1',
      body: '저도 작년에 같은 일을 겪었어요. 계약갱신청구권을 쓰면 인상 폭이 5%로 묶이니까 미리 확인해 보세요.',
    },
  ],
  'dongne-mogyoktang-i-sarajin-jari': [
    {
      key: 'ko-bath-1',
      reader: 'taeyang',
      minutesAfter: 55,
      likes: 27,
      body: '어릴 때 아버지 손 잡고 일요일 아침마다 가던 목욕탕이 작년에 문을 닫았습니다. 그 자리에 카페가 들어섰는데, 지나갈 때마다 괜히 서운하네요.',
    },
    {
      key: 'ko-bath-2',
      reader: 'minseo',
      minutesAfter: 80,
      likes: 14,
      replyTo: 'ko-bath-1',
      body: '우리 동네도 그래요. 목욕탕이 없어지니 동네 어르신들이 모일 데가 없어졌다고들 하세요.',
    },
  ],
};
