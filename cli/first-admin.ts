import type { Db } from '../db/index.js';
import { listAllUnits } from '../db/repositories/units.js';
import { countUsers } from '../db/repositories/users.js';

/**
 * What a fresh deployment without demo data (SEED_DEMO=0) prints at start: nobody can sign in
 * until an admin exists, and admins make every other account in the dashboard. Null once any
 * account exists.
 */
export async function firstAdminHint(db: Db): Promise<string | null> {
  if ((await countUsers(db)) > 0) return null;
  const roots = (await listAllUnits(db)).filter((u) => u.parent_id === null);
  const unit = roots[0]?.id ?? 'MA_DON_VI';
  const lines = [
    'Chưa có tài khoản nào. Tạo tài khoản quản trị đầu tiên / No accounts yet. Create the first admin:',
  ];
  if (!roots.length) {
    lines.push(
      '  1. nhập cây đơn vị / import the unit tree:  npm run import:units -- units.csv',
      '  2. rồi / then:',
    );
  }
  lines.push(
    `  npm run user:create -- --email admin@example.vn --name "Họ và tên" --role admin --unit ${unit}`,
    '  (mật khẩu ban đầu được in ra một lần / the initial password is printed once)',
  );
  return lines.join('\n');
}
