import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { createAccount, listAccounts, resetPassword, updateAccount } from '../accounts/service.js';
import type { AccountDeps, Actor } from '../accounts/service.js';
import type { AppEnv } from '../context.js';
import { ZRole } from '../domain/staff.js';
import { requireRole, requireStaff } from '../middleware/auth.js';
import { validate } from '../validate.js';

const ZId = z.object({ id: z.string().min(1).max(100) });
const ZName = z.string().trim().min(1).max(200);

export const ZCreateUser = z
  .object({
    email: z.string().trim().email().max(254),
    name: ZName,
    role: ZRole,
    unitId: z.string().min(1).max(100),
  })
  .strict();

export const ZPatchUser = z
  .object({
    name: ZName.optional(),
    role: ZRole.optional(),
    unitId: z.string().min(1).max(100).optional(),
    disabled: z.boolean().optional(),
  })
  .strict();

function accountDeps(c: Context<AppEnv>): AccountDeps {
  const { db, clock, hashGate, config } = c.var.deps;
  return { db, clock, hashGate, scrypt: config.scrypt };
}

const actor = (c: Context<AppEnv>): Actor => c.var.staff;

/** Staff accounts of the admin's subtree (issue 17): list, create, change, reset a password. */
const users = new Hono<AppEnv>()
  .use(requireStaff)
  .use(requireRole('admin'))
  .get('/', async (c) => c.json(await listAccounts(c.var.deps.db, c.var.staff.root)))
  .post('/', validate('json', ZCreateUser), async (c) =>
    c.json(await createAccount(accountDeps(c), actor(c), c.req.valid('json')), 201),
  )
  .patch('/:id', validate('param', ZId), validate('json', ZPatchUser), async (c) =>
    c.json(
      await updateAccount(accountDeps(c), actor(c), c.req.valid('param').id, c.req.valid('json')),
    ),
  )
  .post('/:id/reset-password', validate('param', ZId), async (c) =>
    c.json(await resetPassword(accountDeps(c), actor(c), c.req.valid('param').id)),
  );

export default users;
