import type { CatalogueOf } from '../i18n.types.js';
import type { readerLiveEn } from './reader-live.en.js';

/** What a reader sees of live coverage, in Korean. */
export const readerLiveKo = {
  'live.badge': '라이브',
  'live.heading': '실시간 업데이트',
  'live.summaryHeading': '핵심 요약',
  'live.keyEventsHeading': '주요 사건',
  'live.keyEvent': '주요 사건',
  'live.pinned': '고정됨',
  'live.updated': '수정',
  'live.olderUpdates': '이전 업데이트',
  'live.newestUpdates': '최신 업데이트로 돌아가기',
  'live.ended': '실시간 중계 종료',
  'live.empty': '아직 업데이트가 없습니다. 새 업데이트가 올라오면 이 페이지에 표시됩니다.',
  'live.feedTitle': '{headline}: 실시간 업데이트',
  'live.feedDescription': '실시간 기사의 최신 업데이트',
  'live.updateTitle': '{time} 업데이트',
  'live.newUpdate': '새 업데이트 {count}건',
  'live.newUpdates': '새 업데이트 {count}건',
  'live.reload': '새 업데이트가 있습니다: 페이지 새로고침',
  'live.endedNow': '실시간 중계가 종료되었습니다.',
} as const satisfies CatalogueOf<typeof readerLiveEn>;
