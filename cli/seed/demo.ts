import { hashPassword, type ScryptParams } from '../../server/auth/password.js';
import type { Clock } from '../../db/clock.js';
import { newId } from '../../db/ids.js';
import type { Db } from '../../db/index.js';
import { upsertUnits } from '../../db/repositories/units.js';
import { countUsers, insertUser } from '../../db/repositories/users.js';
import { CAMPAIGNS_STEP } from './campaigns.js';
import { DIALOGUES_STEP } from './dialogues.js';
import { FEEDBACK_STEP } from './feedback.js';
import { TTHC_STEP } from './tthc.js';
import { DEMO_UNITS, DEMO_USERS } from './units.js';

export interface SeedContext {
  db: Db;
  clock: Clock;
  password: string;
  /** The hash cost (default: production's). */
  scrypt?: ScryptParams;
}

/** One part of the demo data; each feature adds its own step to DEMO_STEPS. */
export type SeedStep = { name: string; run: (ctx: SeedContext) => Promise<void> };

async function seedUnitsAndUsers(ctx: SeedContext): Promise<void> {
  const now = ctx.clock().toISOString();
  await upsertUnits(ctx.db, DEMO_UNITS, now);
  const hash = await hashPassword(ctx.password, ctx.scrypt);
  for (const u of DEMO_USERS) {
    await insertUser(ctx.db, {
      id: newId(),
      ...u,
      password_hash: hash,
      disabled: 0,
      created_at: now,
    });
  }
}

export const BASE_STEP: SeedStep = { name: 'units and accounts', run: seedUnitsAndUsers };

/** Every step, in order. Tests usually seed only BASE_STEP and build the rest with factories. */
export const DEMO_STEPS: SeedStep[] = [
  BASE_STEP,
  CAMPAIGNS_STEP,
  FEEDBACK_STEP,
  TTHC_STEP,
  DIALOGUES_STEP,
];

/** True when the database has no units yet (a fresh install). */
export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('units').select('id').limit(1).executeTakeFirst();
  return !row && (await countUsers(db)) === 0;
}

/** Fills an empty database with the demo tree, accounts and data; returns false if not empty. */
export async function seedDemo(
  ctx: SeedContext,
  log: (s: string) => void = () => {},
  steps: SeedStep[] = DEMO_STEPS,
): Promise<boolean> {
  if (!(await isEmpty(ctx.db))) return false;
  // One transaction: all of the demo or none of it, and one durable commit instead of thousands.
  await ctx.db.transaction().execute(async (trx) => {
    for (const step of steps) {
      const t = Date.now();
      await step.run({ ...ctx, db: trx });
      log(`  demo: ${step.name} (${Date.now() - t} ms)`);
    }
  });
  return true;
}
