// The users module's public face: other modules and src/web/** import from here, never from its
// files directly. The repositories and their rows stay private.
export { UserService, normalizeEmail } from './user.service.js';
export { MAX_DISPLAY_NAME_LENGTH, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './user.types.js';
export type { NewStaffUser, User } from './user.types.js';
export { SessionService, SESSION_IDLE_MS, SESSION_TOUCH_INTERVAL_MS, hashSessionToken } from './session.service.js';
export type { ActiveSession } from './session.service.js';
export { SignInService } from './sign-in.service.js';
export { PASSWORD_CHECK_LIMITS, SIGN_IN_LIMITS, SignInThrottle, clientAddressKey, memorySignInLimiters, signInLimiters } from './sign-in-throttle.js';
export type { SignInLimiters } from './sign-in-throttle.js';
export { InvitationService, INVITATION_LIFETIME_MS } from './invitation.service.js';
export type { Invitation } from './invitation.types.js';
export { generatePassword, hashPassword, verifyPassword } from './password.js';
export { PERMISSIONS, ROLES, ROLE_PERMISSIONS, isRole, mayEditStory, roleHas } from './permissions.js';
export type { Permission, Role } from './permissions.js';
// Its job (src/job-list.ts): expired staff and reader sessions.
export { SESSION_PURGE_JOB, sessionPurgeJob } from './session-purge.job.js';
export type { ExpiredSessionPurger } from './session-purge.job.js';
export { composeAccountMail } from './account-mail.js';
export type { AccountMailDeps, AccountMessage } from './account-mail.js';
export { MAILED_RESET_LIFETIME_MS, RESET_REQUEST_LIMITS, ResetRequestLimiter, linkTokenHash, newLinkToken } from './one-time-link.js';
export { StaffMail } from './staff-mail.js';
export type { StaffLinks, StaffMailDeps } from './staff-mail.js';
export { UserPasswordResetService } from './user-password-reset.service.js';
