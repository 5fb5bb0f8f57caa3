import { newId } from '../../db/ids.js';
import { upsertTthcFiles } from '../../db/repositories/tthc.js';
import { findUserByEmail } from '../../db/repositories/users.js';
import type { NewTthcFile } from '../../db/schema.js';
import { addCalendarDays, endOfVnDay, fromVnInput, vnDate } from '../../server/domain/vn-time.js';
import type { SeedContext, SeedStep } from './demo.js';

const BAN_SAO = 'Cấp bản sao văn bằng, chứng chỉ từ sổ gốc';
const CHUYEN_TRUONG = 'Chuyển trường đối với học sinh trung học cơ sở';
const NHOM_TRE = 'Thành lập nhóm trẻ độc lập';
const CONG_NHAN = 'Công nhận trường tiểu học đạt chuẩn quốc gia';
const XIN_HOC = 'Tiếp nhận học sinh Việt Nam về nước học tiểu học';

/**
 * [procedure, unit, received (days before today), limit in days, returned (days after receipt,
 * null while open)]: the Tây Hồ office's one-stop list of the last weeks. Most files come back on
 * time; a few are late, one is still open past its due date, a couple are open within theirs.
 */
type DemoFile = [string, string, number, number, number | null];
const FILES: DemoFile[] = [
  [BAN_SAO, 'HN-TAYHO', 40, 5, 3],
  [BAN_SAO, 'HN-TAYHO', 38, 5, 5],
  [CHUYEN_TRUONG, 'HN-TAYHO', 36, 3, 2],
  [CHUYEN_TRUONG, 'HN-TAYHO', 33, 3, 5], // late: two days past the limit
  [BAN_SAO, 'HN-TAYHO', 31, 5, 4],
  [NHOM_TRE, 'HN-TAYHO', 30, 20, 18],
  [BAN_SAO, 'HN-TAYHO', 27, 5, 2],
  [XIN_HOC, 'HN-TAYHO', 26, 5, 5],
  [CHUYEN_TRUONG, 'HN-TAYHO', 24, 3, 3],
  [BAN_SAO, 'HN-TAYHO', 22, 5, 7], // late
  [CONG_NHAN, 'HN-TAYHO', 21, 15, 14],
  [CHUYEN_TRUONG, 'HN-TAYHO', 19, 3, 1],
  [BAN_SAO, 'HN-TAYHO', 17, 5, 5],
  [NHOM_TRE, 'HN-TAYHO', 16, 10, null], // open, six days past its due date
  [BAN_SAO, 'HN-TAYHO', 14, 5, 3],
  [CHUYEN_TRUONG, 'HN-TAYHO', 12, 3, 4], // late
  [BAN_SAO, 'HN-TAYHO', 10, 5, 5],
  [XIN_HOC, 'HN-TAYHO', 9, 5, 2],
  [BAN_SAO, 'HN-TAYHO', 7, 5, 4],
  [CHUYEN_TRUONG, 'HN-TAYHO', 5, 3, 3],
  [BAN_SAO, 'HN-TAYHO', 3, 5, null], // open, within its limit
  [NHOM_TRE, 'HN-TAYHO', 2, 20, null], // open, within its limit
  [BAN_SAO, 'HN-BADINH', 20, 5, 4],
  [CHUYEN_TRUONG, 'HN-BADINH', 11, 3, 3],
];

async function seedTthc(ctx: SeedContext): Promise<void> {
  const now = ctx.clock();
  const today = vnDate(now);
  const office = await findUserByEmail(ctx.db, 'tayho@demo.vn');
  const admin = await findUserByEmail(ctx.db, 'admin@demo.vn');
  const rows: NewTthcFile[] = FILES.map(([procedure, unit, ago, limit, back], i) => {
    const received = addCalendarDays(today, -ago);
    const returned = back === null ? null : addCalendarDays(received, back);
    // The one-stop system's code: province and agency, the day received, a running number.
    const code = `H26.74-${received.slice(2).replace(/-/g, '')}-${String(i + 1).padStart(4, '0')}`;
    return {
      id: newId(),
      // Tây Hồ imports its own list; the Department imported Ba Đình's.
      scope_unit_id: unit === 'HN-TAYHO' ? 'HN-TAYHO' : 'HN',
      code,
      procedure,
      unit_id: unit,
      received_at: fromVnInput(`${received}T08:30`),
      due_at: endOfVnDay(addCalendarDays(received, limit)),
      returned_at: returned === null ? null : fromVnInput(`${returned}T15:00`),
      imported_by: (unit === 'HN-TAYHO' ? office : admin)?.id ?? null,
      imported_at: now.toISOString(),
    };
  });
  await upsertTthcFiles(ctx.db, rows);
}

export const TTHC_STEP: SeedStep = { name: 'administrative files (TTHC)', run: seedTthc };
