import type { ApiKeyRole } from '../../../libs/db/index.js';

/** Who is calling: resolved from the API key on every request. */
export interface Principal {
  keyId: string;
  role: ApiKeyRole;
  /** Null for admins, who act across organizations. */
  orgId: string | null;
}

/** The organization filter for reads: admins see every organization, others only their own. */
export function orgScope(principal: Principal): string | null {
  return principal.role === 'admin' ? null : principal.orgId;
}
