import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { hashPassword } from '../server/auth/password.js';
import { loadConfig } from '../server/config.js';
import { ZRole } from '../server/domain/staff.js';
import { newId } from '../db/ids.js';
import { createDb, migrateToLatest } from '../db/index.js';
import { getUnit } from '../db/repositories/units.js';
import { findUserByEmail, insertUser } from '../db/repositories/users.js';

const ZArgs = z.object({
  email: z.string().email(),
  name: z.string().min(1),
  role: ZRole,
  unit: z.string().min(1),
  password: z.string().min(8).optional(),
});

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    unit: { type: 'string' },
    password: { type: 'string' },
  },
});
const parsed = ZArgs.safeParse({
  ...values,
  password: values.password ?? process.env.USER_PASSWORD,
});
if (!parsed.success) {
  console.error(
    'usage: npm run user:create -- --email a@b.vn --name "…" --role admin|manager|viewer --unit UNIT_ID [--password …]',
  );
  for (const i of parsed.error.issues) console.error(`  ${i.path.join('.')}: ${i.message}`);
  process.exit(2);
}
const args = parsed.data;
const handle = createDb(loadConfig().databaseUrl);
try {
  await migrateToLatest(handle.db);
  if (!(await getUnit(handle.db, args.unit))) throw new Error(`unit ${args.unit} does not exist`);
  if (await findUserByEmail(handle.db, args.email))
    throw new Error(`${args.email} already has an account`);
  const password = args.password ?? randomBytes(9).toString('base64url');
  await insertUser(handle.db, {
    id: newId(),
    email: args.email,
    name: args.name,
    role: args.role,
    unit_id: args.unit,
    password_hash: await hashPassword(password),
    disabled: 0,
    created_at: new Date().toISOString(),
    // A password printed on a terminal is a one-time one: its owner chooses their own at sign-in.
    must_change_password: args.password ? 0 : 1,
  });
  console.log(`created ${args.role} ${args.email} for unit ${args.unit}`);
  if (!args.password) console.log(`initial password: ${password}`);
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
} finally {
  await handle.close();
}
