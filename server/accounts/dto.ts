import type { User } from '../../db/schema.js';

/** An account as GET /api/users gives it (never its password hash). */
export function accountDto(u: User) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    unitId: u.unit_id,
    disabled: !!u.disabled,
    mustChangePassword: !!u.must_change_password,
  };
}
