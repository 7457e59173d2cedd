/**
 * Who may do what in the newsroom: the one place permissions are written down, as data. Every
 * newsroom route names one of these permissions (see web/newsroom), and a test walks the whole
 * role × permission matrix.
 *
 * "own" permissions apply only to stories the user owns (created, or is a byline author of);
 * "any" permissions apply to every story.
 */
export const ROLES = ['contributor', 'reporter', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'newsroom.enter',
  'story.create',
  'story.edit.own',
  'story.edit.any',
  'story.submit',
  'story.publish',
  'story.schedule',
  'story.unpublish',
  'story.delete',
  'story.correct',
  'media.upload',
  'media.edit',
  'curation.manage',
  'comments.moderate',
  'taxonomy.manage',
  'settings.manage',
  'staff.manage',
  'audit.view',
  'audience.view',
  'readers.manage',
  /** Content API keys and webhooks: what partners and other systems receive. */
  'integrations.manage',
  /** The System page: this node's jobs, their last runs and errors. */
  'system.view',
  /** Redirects from old addresses (an imported archive's links) and the log of addresses not found. */
  'redirects.manage',
  /** The Import page: moving an archive (a WordPress or Ghost export) in, and the runs' reports. */
  'imports.run',
  /** The Outbox: every message the site sent or will send, its headers and parts. */
  'mail.view',
  /** Newsletter subscribers: counts, search, export and import, unsubscribing and erasing addresses. */
  'subscribers.manage',
  /** Newsletter issues: composing, editing and sending the briefing, weeklies and breaking alerts. */
  'newsletters.send',
  /** Live coverage: posting updates on a live story, and changing or deleting one's own. */
  'live.post',
  /** Live coverage: changing or deleting anyone's updates, the key points, ending the coverage. */
  'live.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const CONTRIBUTOR: readonly Permission[] = ['newsroom.enter', 'story.create', 'story.edit.own', 'media.upload'];
const REPORTER: readonly Permission[] = [...CONTRIBUTOR, 'story.submit', 'media.edit', 'audience.view', 'live.post'];
const EDITOR: readonly Permission[] = [
  ...REPORTER,
  'story.edit.any',
  'story.publish',
  'story.schedule',
  'story.unpublish',
  'story.delete',
  'story.correct',
  'curation.manage',
  'comments.moderate',
  'subscribers.manage',
  'newsletters.send',
  'live.manage',
];
const ADMIN: readonly Permission[] = [
  ...EDITOR,
  'taxonomy.manage',
  'settings.manage',
  'staff.manage',
  'audit.view',
  'readers.manage',
  'integrations.manage',
  'system.view',
  'redirects.manage',
  'imports.run',
  'mail.view',
];

export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  contributor: new Set(CONTRIBUTOR),
  reporter: new Set(REPORTER),
  editor: new Set(EDITOR),
  admin: new Set(ADMIN),
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Whether a role holds a permission. Unknown roles hold none. */
export function roleHas(role: string, permission: Permission): boolean {
  return isRole(role) && ROLE_PERMISSIONS[role].has(permission);
}

/**
 * Whether a user may edit a given story: anyone with `story.edit.any`, or its owner with
 * `story.edit.own`. Ownership is decided by the caller from stored data, never from form input.
 */
export function mayEditStory(role: string, ownsStory: boolean): boolean {
  return roleHas(role, 'story.edit.any') || (ownsStory && roleHas(role, 'story.edit.own'));
}
