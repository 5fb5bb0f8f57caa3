import { newId } from '../../db/ids.js';
import { insertUser } from '../../db/repositories/users.js';
import { hashPassword } from '../../server/auth/password.js';
import { DEMO_PASSWORD, type TestApp } from './app.js';

/** A small questionnaire in the definition format, without `version` (as the editor sends it). */
export function draft(id = 'thpt-thu', over: Record<string, unknown> = {}) {
  return {
    id,
    kind: 'education',
    level: 'THPT',
    title: { vi: 'Phiếu khảo sát cha mẹ học sinh THPT' },
    target: 85,
    factors: [
      { id: 'tc', title: { vi: 'Tiếp cận thông tin' } },
      { id: 'mt', title: { vi: 'Môi trường giáo dục' }, weight: 2 },
    ],
    sections: [
      {
        id: 'a',
        title: { vi: 'Phần A' },
        questions: [
          {
            id: 'tc1',
            type: 'likert5',
            text: { vi: 'Nhà trường công khai thông tin.' },
            factor: 'tc',
            required: true,
          },
          { id: 'mt1', type: 'likert5', text: { vi: 'Lớp học sạch sẽ.' }, factor: 'mt' },
          {
            id: 'kenh',
            type: 'single',
            text: { vi: 'Anh/chị biết thông tin qua kênh nào?' },
            options: [
              { value: 'zalo', label: { vi: 'Nhóm Zalo lớp' } },
              { value: 'hop', label: { vi: 'Họp phụ huynh' } },
              { value: 'web', label: { vi: 'Trang thông tin của trường' } },
            ],
          },
          {
            id: 'gopy',
            type: 'text',
            text: { vi: 'Góp ý thêm' },
            showIf: { question: 'kenh', in: ['hop'] },
          },
        ],
      },
    ],
    ...over,
  };
}
export type Draft = ReturnType<typeof draft>;

/** A read-only account at a unit. */
export async function addViewer(
  t: TestApp,
  unitId: string,
  email = 'viewer@demo.vn',
): Promise<string> {
  await insertUser(t.handle.db, {
    id: newId(),
    email,
    name: 'Người xem',
    role: 'viewer',
    unit_id: unitId,
    password_hash: await hashPassword(DEMO_PASSWORD),
    disabled: 0,
    created_at: t.clock().toISOString(),
  });
  return t.login(email);
}

export async function json<T = any>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
