import type { Clock } from '../../db/clock.js';
import type { Db } from '../../db/index.js';
import { newCode, newId } from '../../db/ids.js';
import { getUnit, isInSubtree } from '../../db/repositories/units.js';
import {
  deleteUserSessions,
  findUserByEmail,
  getUser,
  insertUser,
  listUsersUnder,
  updateUser,
} from '../../db/repositories/users.js';
import type { Unit, User, UserUpdate } from '../../db/schema.js';
import { recordAudit } from '../audit/service.js';
import type { HashGate } from '../auth/hash-gate.js';
import { hashPassword, type ScryptParams } from '../auth/password.js';
import { ROLE_LABELS, ROLE_RANK } from '../domain/accounts.js';
import type { TRole } from '../domain/staff.js';
import { AppError, conflict, notFound } from '../errors.js';
import { accountDto } from './dto.js';

export interface AccountDeps {
  db: Db;
  clock: Clock;
  hashGate: HashGate;
  scrypt: ScryptParams;
}

/** Who is acting: the signed-in admin and the root of its subtree. */
export interface Actor {
  user: User;
  root: Unit;
}

const refuse = (vi: string, en: string) => new AppError(403, 'forbidden', { vi, en });

/** A one-time password: 12 characters of an alphabet that reads aloud without ambiguity. */
function oneTimePassword(): string {
  return newCode(12);
}

/** The unit, when it lies in the actor's subtree; 404 otherwise (as every staff route). */
async function unitInScope(db: Db, actor: Actor, unitId: string): Promise<Unit> {
  if (unitId !== actor.root.id && !(await isInSubtree(db, actor.root.id, unitId))) throw notFound();
  const unit = await getUnit(db, unitId);
  if (!unit) throw notFound();
  return unit;
}

/** The account, when its unit lies in the actor's subtree; 404 otherwise. */
async function accountInScope(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ user: User; unit: Unit }> {
  const user = await getUser(db, id);
  if (!user) throw notFound();
  return { user, unit: await unitInScope(db, actor, user.unit_id) };
}

function checkRole(actor: Actor, role: TRole): void {
  if (ROLE_RANK[role] > ROLE_RANK[actor.user.role]) {
    throw refuse(
      'Bạn không thể cấp vai trò cao hơn vai trò của mình.',
      'You cannot grant a role above your own.',
    );
  }
}

const roleVi = (r: TRole) => ROLE_LABELS[r].vi;

export async function listAccounts(db: Db, root: Pick<Unit, 'path'>) {
  return (await listUsersUnder(db, root.path)).map(accountDto);
}

async function hashed(deps: AccountDeps, password: string): Promise<string> {
  return deps.hashGate.run(() => hashPassword(password, deps.scrypt));
}

/** POST /api/users: a new account with a one-time password its owner must change. */
export async function createAccount(
  deps: AccountDeps,
  actor: Actor,
  input: { email: string; name: string; role: TRole; unitId: string },
): Promise<{ id: string; password: string }> {
  const { db } = deps;
  checkRole(actor, input.role);
  const unit = await unitInScope(db, actor, input.unitId);
  const email = input.email.trim().toLowerCase();
  const password = oneTimePassword();
  const hash = await hashed(deps, password);
  const id = newId();
  const at = deps.clock().toISOString();
  await db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, email)) {
      throw conflict(
        { vi: `Đã có tài khoản với email ${email}.`, en: `${email} already has an account.` },
        { field: 'email' },
      );
    }
    await insertUser(trx, {
      id,
      email,
      name: input.name,
      role: input.role,
      unit_id: unit.id,
      password_hash: hash,
      disabled: 0,
      created_at: at,
      must_change_password: 1,
    });
    await recordAudit(trx, {
      at,
      userId: actor.user.id,
      action: 'create',
      kind: 'user',
      objectId: id,
      unitId: unit.id,
      summary: `Tạo tài khoản ${input.name} (${email}), vai trò ${roleVi(input.role)}, thuộc ${unit.name}`,
      detail: { email, name: input.name, role: input.role, unitId: unit.id },
    });
  });
  return { id, password };
}

export interface AccountPatch {
  name?: string;
  role?: TRole;
  unitId?: string;
  disabled?: boolean;
}

/** An admin may not lock itself out: no disabling, demoting or moving its own account. */
function checkSelf(actor: Actor, user: User, patch: AccountPatch): void {
  if (actor.user.id !== user.id) return;
  if (patch.disabled) {
    throw refuse(
      'Bạn không thể tự khoá tài khoản của mình.',
      'You cannot disable your own account.',
    );
  }
  if (patch.role && ROLE_RANK[patch.role] < ROLE_RANK[user.role]) {
    throw refuse('Bạn không thể tự hạ vai trò của mình.', 'You cannot demote yourself.');
  }
  if (patch.unitId && patch.unitId !== user.unit_id) {
    throw refuse(
      'Bạn không thể tự chuyển tài khoản của mình sang đơn vị khác.',
      'You cannot move your own account to another unit.',
    );
  }
}

/** The Vietnamese sentence of one change, naming what changed from what to what. */
function describe(
  user: User,
  from: Unit,
  to: Unit,
  patch: AccountPatch,
): { action: string; summary: string } | null {
  const parts: string[] = [];
  if (patch.name !== undefined && patch.name !== user.name)
    parts.push(`tên "${user.name}" → "${patch.name}"`);
  if (patch.role && patch.role !== user.role)
    parts.push(`vai trò ${roleVi(user.role)} → ${roleVi(patch.role)}`);
  if (to.id !== from.id) parts.push(`đơn vị ${from.name} → ${to.name}`);
  const who = `${user.name} (${user.email})`;
  const toggled = patch.disabled !== undefined && patch.disabled !== !!user.disabled;
  if (toggled) {
    const verb = patch.disabled ? 'Khoá tài khoản' : 'Mở khoá tài khoản';
    return {
      action: patch.disabled ? 'disable' : 'enable',
      summary: `${verb} ${who}${parts.length ? `; ${parts.join('; ')}` : ''}`,
    };
  }
  // Nothing changes (the form saved as it was): nothing to write, nothing to audit.
  if (!parts.length) return null;
  return { action: 'update', summary: `Sửa tài khoản ${who}: ${parts.join('; ')}` };
}

/**
 * PATCH /api/users/:id. Inside the actor's subtree only, to a unit of it, never a role above the
 * actor's; a disabled account's sessions end in the same transaction.
 */
export async function updateAccount(
  deps: AccountDeps,
  actor: Actor,
  id: string,
  patch: AccountPatch,
) {
  const { db } = deps;
  const { user, unit: from } = await accountInScope(db, actor, id);
  if (patch.role) checkRole(actor, patch.role);
  // An account ranked above the actor is not the actor's to change (none today: admin is the top).
  if (ROLE_RANK[user.role] > ROLE_RANK[actor.user.role])
    throw refuse('Bạn không có quyền sửa tài khoản này.', 'You may not change this account.');
  checkSelf(actor, user, patch);
  const to = patch.unitId ? await unitInScope(db, actor, patch.unitId) : from;
  const set: UserUpdate = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.role) set.role = patch.role;
  if (patch.unitId) set.unit_id = to.id;
  if (patch.disabled !== undefined) set.disabled = patch.disabled ? 1 : 0;
  const change = describe(user, from, to, patch);
  if (!change) return accountDto(user);
  const { action, summary } = change;
  await db.transaction().execute(async (trx) => {
    if (Object.keys(set).length) await updateUser(trx, id, set);
    if (patch.disabled) await deleteUserSessions(trx, id);
    await recordAudit(trx, {
      at: deps.clock(),
      userId: actor.user.id,
      action,
      kind: 'user',
      objectId: id,
      unitId: to.id,
      summary,
      detail: {
        before: {
          name: user.name,
          role: user.role,
          unitId: user.unit_id,
          disabled: !!user.disabled,
        },
        after: patch,
      },
    });
  });
  return accountDto((await getUser(db, id))!);
}

/** POST /api/users/:id/reset-password: a new one-time password; the account's sessions end. */
export async function resetPassword(
  deps: AccountDeps,
  actor: Actor,
  id: string,
): Promise<{ password: string }> {
  const { db } = deps;
  const { user, unit } = await accountInScope(db, actor, id);
  if (ROLE_RANK[user.role] > ROLE_RANK[actor.user.role])
    throw refuse('Bạn không có quyền sửa tài khoản này.', 'You may not change this account.');
  const password = oneTimePassword();
  const hash = await hashed(deps, password);
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, id, { password_hash: hash, must_change_password: 1 });
    await deleteUserSessions(trx, id);
    await recordAudit(trx, {
      at: deps.clock(),
      userId: actor.user.id,
      action: 'reset_password',
      kind: 'user',
      objectId: id,
      unitId: unit.id,
      summary: `Cấp lại mật khẩu cho tài khoản ${user.name} (${user.email})`,
    });
  });
  return { password };
}
