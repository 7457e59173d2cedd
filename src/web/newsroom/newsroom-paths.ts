/** Every newsroom URL, so pages and routes never spell one out twice. */
export const NEWSROOM_HOME = '/newsroom';

export const newsroomPaths = {
  home: () => NEWSROOM_HOME,
  signIn: (next?: string) => (next ? `/newsroom/sign-in?next=${encodeURIComponent(next)}` : '/newsroom/sign-in'),
  signedOut: () => '/newsroom/sign-in?signed-out',
  signOut: () => '/newsroom/sign-out',
  password: () => '/newsroom/account/password',
  passwordChanged: () => '/newsroom/account/password?changed',
  /** Where the account page's language menu is sent (docs/i18n.md). */
  language: () => '/newsroom/account/language',
  languageSaved: () => '/newsroom/account/password?language-saved',
  audit: () => '/newsroom/audit',
  /** This node's jobs (`system.view`). */
  system: () => '/newsroom/system',
  /** The Audience dashboard; empty values are left out, so the plain page is `/newsroom/audience`. */
  audience: (query: { period?: string; section?: string; author?: string } = {}) => {
    const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
    return search ? `/newsroom/audience?${search}` : '/newsroom/audience';
  },
  media: (page = 1) => (page > 1 ? `/newsroom/media?page=${page}` : '/newsroom/media'),
  mediaAsset: (id: string) => `/newsroom/media/${encodeURIComponent(id)}`,
  curation: (saved?: string) => (saved ? `/newsroom/curation?saved=${encodeURIComponent(saved)}` : '/newsroom/curation'),
  curationPicks: () => '/newsroom/curation/picks',
  curationPick: (id: string, action: 'move' | 'expiry' | 'remove') => `/newsroom/curation/picks/${encodeURIComponent(id)}/${action}`,
  curationLead: () => '/newsroom/curation/lead',
  curationBanner: () => '/newsroom/curation/banner',
  curationBannerRemove: () => '/newsroom/curation/banner/remove',
  /** The comment moderation queue; the default view (pending, page 1) is the plain path. */
  comments: (query: { show?: string; page?: number; done?: string } = {}) => {
    const search = new URLSearchParams();
    if (query.show && query.show !== 'pending') search.set('show', query.show);
    if (query.page && query.page > 1) search.set('page', String(query.page));
    if (query.done) search.set('done', query.done);
    const text = search.toString();
    return text ? `/newsroom/comments?${text}` : '/newsroom/comments';
  },
  commentAction: (id: string, action: 'approve' | 'hide' | 'delete' | 'dismiss-reports' | 'ban' | 'unban') =>
    `/newsroom/comments/${encodeURIComponent(id)}/${action}`,
  commentSettings: (saved?: boolean) => (saved ? '/newsroom/comments/settings?saved' : '/newsroom/comments/settings'),
  stories: (status?: string) => (status ? `/newsroom/stories?status=${encodeURIComponent(status)}` : '/newsroom/stories'),
  newStory: () => '/newsroom/stories/new',
  /** A fresh CSRF token for the signed-in user, as JSON: the editor's way back after signing in again. */
  csrfToken: () => '/newsroom/session/csrf',
  previewBody: () => '/newsroom/stories/preview-body',
  story: (id: string) => `/newsroom/stories/${encodeURIComponent(id)}/edit`,
  storyAction: (
    id: string,
    action: 'submit' | 'publish' | 'schedule' | 'unpublish' | 'corrections' | 'delete' | 'autosave' | 'presence' | 'preview' | 'translate',
  ) => `/newsroom/stories/${encodeURIComponent(id)}/${action}`,
  storyRevisions: (id: string) => `/newsroom/stories/${encodeURIComponent(id)}/revisions`,
  storyDiff: (id: string, from: number, to: number) => `/newsroom/stories/${encodeURIComponent(id)}/revisions/${from}/diff/${to}`,
  storyRestore: (id: string, number: number) => `/newsroom/stories/${encodeURIComponent(id)}/revisions/${number}/restore`,
  /** A live story's desk (docs/live.md); `done` the notice after a change, `before` the older page's cursor. */
  liveDesk: (id: string, query: { done?: string; before?: string } = {}) => {
    const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
    return `/newsroom/stories/${encodeURIComponent(id)}/live${search ? `?${search}` : ''}`;
  },
  liveAction: (id: string, action: 'updates' | 'summary' | 'end') => `/newsroom/stories/${encodeURIComponent(id)}/live/${action}`,
  liveUpdate: (id: string, updateId: string, action: 'edit' | 'delete') =>
    `/newsroom/stories/${encodeURIComponent(id)}/live/updates/${encodeURIComponent(updateId)}/${action}`,
  staff: () => '/newsroom/staff',
  staffInvite: () => '/newsroom/staff/invitations',
  staffRole: (userId: string) => `/newsroom/staff/${encodeURIComponent(userId)}/role`,
  staffDeactivate: (userId: string) => `/newsroom/staff/${encodeURIComponent(userId)}/deactivate`,
  /** Reader accounts (`readers.manage`): search and page, with empty values left out. */
  readers: (query: { q?: string; page?: number } = {}) => {
    const search = new URLSearchParams();
    if (query.q) search.set('q', query.q);
    if (query.page && query.page > 1) search.set('page', String(query.page));
    const text = search.toString();
    return text ? `/newsroom/readers?${text}` : '/newsroom/readers';
  },
  readerResetLink: (readerId: string) => `/newsroom/readers/${encodeURIComponent(readerId)}/reset-link`,
  invitation: (token: string) => `/newsroom/invitations/${encodeURIComponent(token)}`,
  /** "Forgot password" for staff, and the mailed link (password-reset.routes.ts). */
  forgotPassword: () => '/newsroom/forgot-password',
  forgotPasswordSent: () => '/newsroom/forgot-password?sent',
  passwordReset: (token: string) => `/newsroom/reset/${encodeURIComponent(token)}`,
  sections: () => '/newsroom/sections',
  sectionNew: () => '/newsroom/sections/new',
  section: (id: string) => `/newsroom/sections/${encodeURIComponent(id)}`,
  sectionMove: (id: string) => `/newsroom/sections/${encodeURIComponent(id)}/move`,
  settings: () => '/newsroom/settings',
  /** The publication's editions (`settings.manage`); `done` the notice after a change. */
  editions: (done?: 'added' | 'saved' | 'switched-on' | 'switched-off') =>
    done ? `/newsroom/settings/editions?done=${done}` : '/newsroom/settings/editions',
  edition: (id: string) => `/newsroom/settings/editions/${encodeURIComponent(id)}`,
  editionSwitch: (id: string) => `/newsroom/settings/editions/${encodeURIComponent(id)}/switch`,
  authors: () => '/newsroom/authors',
  authorNew: () => '/newsroom/authors/new',
  author: (id: string) => `/newsroom/authors/${encodeURIComponent(id)}`,
  authorAccount: (id: string) => `/newsroom/authors/${encodeURIComponent(id)}/account`,
  tags: () => '/newsroom/tags',
  tag: (id: string) => `/newsroom/tags/${encodeURIComponent(id)}`,
  /** Content API keys (`integrations.manage`). */
  apiKeys: () => '/newsroom/api-keys',
  apiKeysRevoked: () => '/newsroom/api-keys?revoked',
  apiKeyRevoke: (id: string) => `/newsroom/api-keys/${encodeURIComponent(id)}/revoke`,
  /**
   * Redirects from old addresses (`redirects.manage`): searched and paged, `path` prefilling the
   * form that adds one, `done` the notice after a change; empty values are left out.
   */
  redirects: (query: { q?: string; page?: number; path?: string; done?: 'added' | 'removed' } = {}) => {
    const search = new URLSearchParams();
    if (query.q) search.set('q', query.q);
    if (query.page && query.page > 1) search.set('page', String(query.page));
    if (query.path) search.set('path', query.path);
    if (query.done) search.set('done', query.done);
    const text = search.toString();
    return text ? `/newsroom/redirects?${text}` : '/newsroom/redirects';
  },
  redirectRemove: () => '/newsroom/redirects/remove',
  /** The Import page (`imports.run`): `run` shows that run, else the newest. */
  import: (query: { run?: string } = {}) => (query.run ? `/newsroom/import?run=${encodeURIComponent(query.run)}` : '/newsroom/import'),
  /** A run's progress as JSON, polled by the page's script. */
  importRun: (id: string) => `/newsroom/import/runs/${encodeURIComponent(id)}.json`,
  /** A finished run's whole report, downloaded as JSON. */
  importReport: (id: string) => `/newsroom/import/runs/${encodeURIComponent(id)}/report.json`,
  /** The Outbox (`mail.view`): newest first; `status` filters, `before` is the keyset cursor of the next page. */
  outbox: (query: { status?: string | undefined; before?: string | undefined } = {}) => {
    const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
    return search ? `/newsroom/outbox?${search}` : '/newsroom/outbox';
  },
  outboxMessage: (id: string) => `/newsroom/outbox/${encodeURIComponent(id)}`,
  /** Newsletter issues (`newsletters.send`): the list, composing, the schedule. */
  newsletters: (query: { done?: 'schedule' } = {}) => (query.done ? `/newsroom/newsletters?done=${query.done}` : '/newsroom/newsletters'),
  newsletterCompose: () => '/newsroom/newsletters/compose',
  newsletterSchedule: () => '/newsroom/newsletters/schedule',
  newsletterIssue: (id: string, query: { done?: 'saved' | 'sending' | 'held' | 'scheduled' } = {}) =>
    `/newsroom/newsletters/issues/${encodeURIComponent(id)}${query.done ? `?done=${query.done}` : ''}`,
  /** The issue's HTML alone, for the sandboxed preview frame of its page. */
  newsletterIssuePreview: (id: string) => `/newsroom/newsletters/issues/${encodeURIComponent(id)}/preview`,
  /** Holds a scheduled issue (POST), or puts a held one back on the schedule (`newsletterIssueSchedule`). */
  newsletterIssueHold: (id: string) => `/newsroom/newsletters/issues/${encodeURIComponent(id)}/hold`,
  newsletterIssueSchedule: (id: string) => `/newsroom/newsletters/issues/${encodeURIComponent(id)}/schedule`,
  newsletterIssueSend: (id: string) => `/newsroom/newsletters/issues/${encodeURIComponent(id)}/send`,
  newsletterIssueProgress: (id: string) => `/newsroom/newsletters/issues/${encodeURIComponent(id)}/progress`,
  /** The message's HTML part alone, for the sandboxed frame of its page. */
  outboxMessageHtml: (id: string) => `/newsroom/outbox/${encodeURIComponent(id)}/html`,
  /** Newsletter subscribers (`subscribers.manage`); `q` searches by the start of an address. */
  subscribers: (query: { q?: string; done?: string } = {}) => {
    const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
    return search ? `/newsroom/subscribers?${search}` : '/newsroom/subscribers';
  },
  subscribersExport: () => '/newsroom/subscribers/export.csv',
  subscribersImport: () => '/newsroom/subscribers/import',
  subscriberUnsubscribe: (id: string) => `/newsroom/subscribers/${encodeURIComponent(id)}/unsubscribe`,
  subscriberErase: (id: string) => `/newsroom/subscribers/${encodeURIComponent(id)}/delete`,
  webhooks: () => '/newsroom/webhooks',
  webhookNew: () => '/newsroom/webhooks/new',
  webhook: (id: string) => `/newsroom/webhooks/${encodeURIComponent(id)}`,
  webhookAction: (id: string, action: 'active' | 'delete' | 'rotate-secret' | 'test') => `/newsroom/webhooks/${encodeURIComponent(id)}/${action}`,
  /** One webhook's delivery log, newest first; page 1 is the plain path. */
  webhookDeliveries: (id: string, page = 1) => `/newsroom/webhooks/${encodeURIComponent(id)}/deliveries${page > 1 ? `?page=${page}` : ''}`,
  webhookRedeliver: (id: string, deliveryId: string) =>
    `/newsroom/webhooks/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`,
} as const;
