import type { Unit, User } from '../../db/schema.js';

/** A staff account as the API gives it (never its password hash). */
export function userDto(u: User) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    unitId: u.unit_id,
    /** The password is a one-time one an admin made: the dashboard asks for a new one first. */
    mustChangePassword: !!u.must_change_password,
  };
}

/** GET /api/auth/me: the signed-in account and the unit its scope starts from. */
export function meDto(user: User, root: Unit) {
  return { user: userDto(user), unit: { id: root.id, name: root.name, kind: root.kind } };
}
