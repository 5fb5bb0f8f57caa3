import { rmSync } from 'node:fs';
import { systemClock } from '../db/clock.js';
import { newCode } from '../db/ids.js';
import { createDb, migrateToLatest, type DbHandle } from '../db/index.js';
import { insertCampaign } from '../db/repositories/campaigns.js';
import { upsertUnits, type UnitInput } from '../db/repositories/units.js';
import { BASE_STEP, seedDemo } from '../cli/seed/demo.js';
import { prepare } from '../server/startup.js';
import { listLatestDefinitions } from '../server/surveys.js';
import type { TSurveyDefinition } from '../surveys/schema.js';

/**
 * The database a benchmark runs against: a SQLite FILE (WAL, synchronous=FULL, as in
 * production), migrated, with the demo units and accounts, a Hanoi-sized tree of extra offices
 * and schools, and one open campaign of the lower-secondary questionnaire over every school.
 */

export const BENCH_PASSWORD = 'bench-2024';
export const CAMPAIGN_ID = 'bench-campaign';
export const SURVEY_ID = 'edu-thcs';

export interface Scenario {
  file: string;
  campaignId: string;
  definition: TSurveyDefinition;
  /** Link code of each school the campaign covers. */
  codes: Map<string, string>;
  schools: string[];
  /** Units the indices benchmark asks about. */
  probes: { department: string; office: string; school: string };
}

/** Extra offices × schools: with the demo's, about the size of a city Department's tree. */
export function benchUnits(offices: number, schoolsPerOffice: number): UnitInput[] {
  const out: UnitInput[] = [];
  for (let o = 1; o <= offices; o++) {
    const office = `BX-O${String(o).padStart(2, '0')}`;
    out.push({
      id: office,
      parent_id: 'HN',
      name: `Phòng GDĐT ${o}`,
      kind: 'office',
      level: null,
      eligible: 0,
    });
    for (let s = 1; s <= schoolsPerOffice; s++) {
      out.push({
        id: `${office}-S${String(s).padStart(3, '0')}`,
        parent_id: office,
        name: `Trường THCS ${o}.${s}`,
        kind: 'school',
        level: 'THCS',
        eligible: 300 + ((o * 131 + s * 71) % 1200),
      });
    }
  }
  return out;
}

export async function createScenario(
  file: string,
  opts: { offices?: number; schoolsPerOffice?: number } = {},
): Promise<Scenario> {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  const handle = createDb(file);
  try {
    return await fill(handle, file, opts.offices ?? 27, opts.schoolsPerOffice ?? 35);
  } finally {
    await handle.close();
  }
}

async function fill(
  handle: DbHandle,
  file: string,
  offices: number,
  perOffice: number,
): Promise<Scenario> {
  const { db } = handle;
  await migrateToLatest(db);
  await prepare(db, systemClock);
  await seedDemo({ db, clock: systemClock, password: BENCH_PASSWORD }, () => {}, [BASE_STEP]);
  const now = Date.now();
  await db.transaction().execute(async (trx) => {
    await upsertUnits(trx, benchUnits(offices, perOffice), new Date(now).toISOString());
  });
  const units = await db.selectFrom('units').select(['id', 'kind']).orderBy('path').execute();
  const schools = units.filter((u) => u.kind === 'school').map((u) => u.id);
  const definition = (await listLatestDefinitions(db)).find((d) => d.id === SURVEY_ID);
  if (!definition) throw new Error(`no ${SURVEY_ID} questionnaire`);
  const codes = new Map(schools.map((id) => [id, newCode()]));
  await db.transaction().execute((trx) =>
    insertCampaign(
      trx,
      {
        id: CAMPAIGN_ID,
        survey_id: SURVEY_ID,
        survey_version: definition.version,
        name: 'Khảo sát hiệu năng',
        opens_at: new Date(now - 86_400_000).toISOString(),
        closes_at: new Date(now + 30 * 86_400_000).toISOString(),
        access: 'link',
        owner_unit_id: 'HN',
        created_by: null,
        created_at: new Date(now).toISOString(),
      },
      [...codes].map(([unit_id, code]) => ({ unit_id, code })),
    ),
  );
  return {
    file,
    campaignId: CAMPAIGN_ID,
    definition,
    codes,
    schools,
    probes: { department: 'HN', office: 'HN-TAYHO', school: 'HN-TAYHO-THCS-DONGTHAI' },
  };
}
