import type { CatalogueOf } from '../i18n.types.js';
import type { readerScriptEn } from './reader-script.en.js';

/** What the reading site's script writes in the browser, in Korean. */
export const readerScriptKo = {
  'script.linkCopied': '링크를 복사했습니다.',
  'script.copyFailed': '링크를 복사하지 못했습니다.',
  'script.commentTooLong': '너무 깁니다. 댓글은 {max}자까지 쓸 수 있습니다.',
  'script.commentTooLarge': '댓글이 너무 큽니다. 내용을 줄여 주세요.',
  'script.failed': '문제가 발생했습니다. 다시 시도해 주세요.',
  'script.offline': '사이트에 연결하지 못했습니다. 인터넷 연결을 확인한 뒤 다시 시도해 주세요.',
  'script.reported': '신고가 접수되었습니다. 감사합니다.',
} as const satisfies CatalogueOf<typeof readerScriptEn>;
