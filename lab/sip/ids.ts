import { randomBytes } from 'node:crypto';

/** RFC 3261 magic cookie: branches starting with it are globally unique. */
export const BRANCH_COOKIE = 'z9hG4bK';

/** A branch parameter for a Via we add; `sbx` marks it as this proxy's. */
export function newBranch(): string {
  return `${BRANCH_COOKIE}sbx${randomBytes(8).toString('hex')}`;
}

/** A To/From tag for responses the proxy generates itself. */
export function newTag(): string {
  return randomBytes(6).toString('hex');
}
