import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { getUnit, isInSubtree } from '../../db/repositories/units.js';
import type { Role, Unit } from '../../db/schema.js';
import { userForToken } from '../auth/service.js';
import type { AppEnv } from '../context.js';
import { forbidden, notFound, unauthenticated } from '../errors.js';

export const SESSION_COOKIE = 'hl_session';

/** Resolves the signed-in user and the root of the user's subtree; 401 without a live session. */
export const requireStaff: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  const { db, clock } = c.var.deps;
  const user = token ? await userForToken(db, token, clock()) : undefined;
  if (!user) throw unauthenticated();
  const root = await getUnit(db, user.unit_id);
  if (!root) throw unauthenticated();
  c.set('staff', { user, root });
  await next();
};

const RANK: Record<Role, number> = { viewer: 0, manager: 1, admin: 2 };

/** At least this role (admin > manager > viewer), else 403. */
export function requireRole(role: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (RANK[c.var.staff.user.role] < RANK[role]) throw forbidden();
    await next();
  };
}

/**
 * The unit a staff request is about: `unitId` when it lies in the user's subtree, the user's own
 * unit when absent. Outside the subtree → 404, so the response does not even confirm it exists.
 */
export async function scopedUnit(c: Context<AppEnv>, unitId?: string | null): Promise<Unit> {
  const { root } = c.var.staff;
  if (!unitId || unitId === root.id) return root;
  const { db } = c.var.deps;
  if (!(await isInSubtree(db, root.id, unitId))) throw notFound();
  const unit = await getUnit(db, unitId);
  if (!unit) throw notFound();
  return unit;
}
