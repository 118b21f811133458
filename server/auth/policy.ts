/**
 * Who may call what (权限), in one place: every tRPC procedure and every route handler names one of these policies;
 * there is no procedure without one (server/trpc.ts builds procedures only from a policy, and a test walks them all).
 */
import type { Role } from '@/db/schema';

export interface Policy {
  /** a name for errors and the policy test */
  name: string;
  /** roles that may call; null: anyone, signed in or not (the login route only) */
  roles: readonly Role[] | null;
}

/** anyone, without a session: only logging in */
export const PUBLIC: Policy = { name: 'public', roles: null };
/** any signed-in user (what it returns is cut to the user's role by the service) */
export const SIGNED_IN: Policy = { name: 'signed-in', roles: ['admin', 'policy', 'panel', 'hospital'] };
/** the bureau's side: all data, draft rounds, propose and agree */
export const BUREAU: Policy = { name: 'bureau', roles: ['admin', 'policy', 'panel'] };
/** policy staff (经办): imports, round status up to locked */
export const POLICY_STAFF: Policy = { name: 'policy-staff', roles: ['admin', 'policy'] };
/** accounts */
export const ADMIN: Policy = { name: 'admin', roles: ['admin'] };

export function allows(policy: Policy, role: Role | null): boolean {
  return policy.roles === null || (role !== null && policy.roles.includes(role));
}
