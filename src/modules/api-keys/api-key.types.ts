/** A partner's key to the Content API, as the newsroom lists it: never the key itself. */
export interface ApiKey {
  id: string;
  name: string;
  /** The key's first characters, so a key can be recognised in the list and in partners' configs. */
  prefix: string;
  createdByUserId: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}
