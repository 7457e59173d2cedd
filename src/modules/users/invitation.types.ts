/** An invitation to join the newsroom with a given role; its token is never stored, only its hash. */
export interface Invitation {
  id: string;
  /** Lower-cased. */
  email: string;
  role: string;
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}
