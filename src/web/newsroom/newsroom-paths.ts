/** Every newsroom URL, so pages and routes never spell one out twice. */
export const NEWSROOM_HOME = '/newsroom';

export const newsroomPaths = {
  home: () => NEWSROOM_HOME,
  signIn: (next?: string) => (next ? `/newsroom/sign-in?next=${encodeURIComponent(next)}` : '/newsroom/sign-in'),
  signedOut: () => '/newsroom/sign-in?signed-out',
  signOut: () => '/newsroom/sign-out',
  password: () => '/newsroom/account/password',
  passwordChanged: () => '/newsroom/account/password?changed',
  audit: () => '/newsroom/audit',
} as const;
