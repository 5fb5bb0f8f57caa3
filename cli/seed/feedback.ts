import type { TTransition } from '../../server/feedback/schemas.js';
import { insertReceived, newItemRow } from '../../server/feedback/service.js';
import { transitionIn } from '../../server/feedback/transitions.js';
import { seedDefaultHolidays } from '../../server/holidays.js';
import { getFeedbackByCode } from '../../db/repositories/feedback.js';
import { insertRatingOnce } from '../../db/repositories/feedback-ratings.js';
import { holidaySet } from '../../db/repositories/holidays.js';
import { findUserByEmail } from '../../db/repositories/users.js';
import type { FeedbackKind, User } from '../../db/schema.js';
import type { SeedContext, SeedStep } from './demo.js';

const DAY = 86_400_000;
const ANSWER =
  'Nhà trường đã kiểm tra, khắc phục và thông báo tới phụ huynh qua sổ liên lạc điện tử.';

type Step = [day: number, move: TTransition];
interface DemoCase {
  unit: string;
  kind?: FeedbackKind;
  category: string;
  title: string;
  content: string;
  /** Calendar days before the seed's clock when it was received. */
  ago: number;
  steps?: Step[];
  contact?: { name: string; phone?: string; email?: string };
  rating?: { overall: number | null; again: boolean };
}

const accepted: Step = [1, { to: 'accepted' }];
const started = (d = 2): Step => [d, { to: 'in_progress' }];
const answered = (d: number): Step => [d, { to: 'answered', answer: ANSWER }];
const published = (d: number): Step => [d, { to: 'published' }];

/**
 * Feedback in every status across the demo tree, some answered late and some still open past
 * their due date, so the inbox flags and the "100% on time" target have something to name.
 */
const CASES: DemoCase[] = [
  {
    unit: 'HN-TAYHO-THCS-DONGTHAI',
    category: 'co_so_vat_chat',
    title: 'Quạt trần lớp 8A kêu to',
    content: 'Quạt trần phòng học lớp 8A kêu rất to, rung lắc, các cháu lo sợ.',
    ago: 1,
    contact: { name: 'Nguyễn Thị Hoa', phone: '0900000101' },
  },
  {
    unit: 'HN-TAYHO-TH-NHATTAN',
    category: 'thu_phi',
    title: 'Khoản thu tiền nước uống',
    content: 'Đề nghị nhà trường công khai khoản thu tiền nước uống đầu năm học.',
    ago: 6,
  },
  {
    unit: 'HN-TAYHO-THCS-DONGTHAI',
    kind: 'complaint',
    category: 'thu_phi',
    title: 'Khiếu nại thu học thêm',
    content: 'Gia đình khiếu nại việc thu tiền dạy thêm trong nhà trường không đúng quy định.',
    ago: 3,
    steps: [accepted],
    contact: { name: 'Trần Văn Minh', email: 'minh.demo@example.vn' },
  },
  {
    unit: 'HN-TAYHO-TH-CHUVANAN',
    category: 'tuyen_sinh',
    title: 'Hồ sơ tuyển sinh lớp 1',
    content: 'Xin hướng dẫn bổ sung giấy tờ cư trú trong hồ sơ tuyển sinh lớp 1.',
    ago: 10,
    steps: [accepted, started()],
  },
  {
    unit: 'HN-TAYHO-MN-DOANTHIDIEM',
    category: 'ung_xu_giao_vien',
    title: 'Thái độ của cô giáo lớp Chồi',
    content: 'Phụ huynh phản ánh cô giáo lớp Chồi 2 lớn tiếng với trẻ khi đón trả.',
    ago: 30,
    steps: [accepted, started()],
  },
  {
    unit: 'HN-TAYHO-TH-XUANLA',
    category: 'co_so_vat_chat',
    title: 'Sân trường đọng nước',
    content: 'Sau mưa sân trường đọng nước nhiều ngày, học sinh trượt ngã.',
    ago: 12,
    steps: [
      accepted,
      started(1),
      [3, { to: 'waiting_citizen', note: 'Đề nghị phụ huynh gửi ảnh vị trí đọng nước.' }],
    ],
    contact: { name: 'Lê Thu Trang', phone: '0900000102' },
  },
  {
    unit: 'HN-TAYHO-THCS-DONGTHAI',
    category: 'thu_phi',
    title: 'Quỹ phụ huynh lớp 6B',
    content: 'Đề nghị làm rõ các khoản chi từ quỹ phụ huynh lớp 6B học kỳ I.',
    ago: 18,
    steps: [accepted, started(), answered(17)],
  },
  {
    unit: 'HN-TAYHO-THCS-TULIEN',
    category: 'khac',
    title: 'Giờ mở cổng buổi sáng',
    content: 'Đề nghị mở cổng trường sớm hơn 10 phút để tránh ùn tắc.',
    ago: 25,
    steps: [accepted, started(), answered(10)],
  },
  {
    unit: 'HN-TAYHO-THCS-DONGTHAI',
    category: 'co_so_vat_chat',
    title: 'Nhà vệ sinh tầng 2 hỏng vòi',
    content: 'Vòi nước nhà vệ sinh tầng 2 bị hỏng đã hai tuần.',
    ago: 40,
    steps: [accepted, started(1), answered(12), published(13)],
    rating: { overall: 5, again: false },
  },
  {
    unit: 'HN-TAYHO-TH-NHATTAN',
    category: 'tuyen_sinh',
    title: 'Phân tuyến tuyển sinh',
    content: 'Gia đình ở phường Nhật Tân nhưng con không được phân tuyến vào trường.',
    ago: 45,
    steps: [accepted, started(), answered(30), published(31)],
    rating: { overall: 2, again: true },
  },
  {
    unit: 'HN-TAYHO-MN-QUANGAN',
    category: 'thu_phi',
    title: 'Tiền ăn bán trú',
    content: 'Đề nghị hoàn lại tiền ăn những ngày trẻ nghỉ ốm có giấy của bác sĩ.',
    ago: 35,
    steps: [
      accepted,
      started(),
      [3, { to: 'waiting_citizen', note: 'Đề nghị bổ sung giấy nghỉ ốm.' }],
      [8, { to: 'in_progress', note: 'Đã nhận giấy tờ.' }],
      answered(20),
      published(21),
    ],
    rating: { overall: 4, again: false },
  },
  {
    unit: 'HN-BADINH-TH-KIMDONG',
    category: 'ung_xu_giao_vien',
    title: 'Giáo viên chủ nhiệm lớp 3C',
    content: 'Phụ huynh đề nghị giáo viên trao đổi thường xuyên hơn qua sổ liên lạc.',
    ago: 20,
    steps: [accepted, started(), answered(8), published(9)],
    rating: { overall: 4, again: false },
  },
  {
    unit: 'HN-BADINH-THCS-GIANGVO',
    kind: 'complaint',
    category: 'thu_tuc_hanh_chinh',
    title: 'Khiếu nại xác nhận học bạ',
    content: 'Khiếu nại việc chậm xác nhận học bạ để chuyển trường.',
    ago: 50,
    steps: [[5, { to: 'accepted' }], started(6), answered(40), published(41)],
  },
  {
    unit: 'HN-CAUGIAY-THCS-CAUGIAY',
    kind: 'denunciation',
    category: 'thu_phi',
    title: 'Tố cáo lạm thu',
    content: 'Tố cáo việc thu các khoản ngoài quy định tại đầu năm học.',
    ago: 15,
    steps: [[3, { to: 'accepted' }], started(4)],
  },
  {
    unit: 'HN-TAYHO-THCS-DONGTHAI',
    category: 'khac',
    title: 'Hỏi về lịch thi của quận',
    content: 'Xin hỏi lịch thi học sinh giỏi cấp quận năm nay.',
    ago: 8,
    steps: [
      [
        1,
        {
          to: 'rejected',
          note: 'Không thuộc phạm vi phản ánh, kiến nghị; đề nghị xem thông báo của Phòng GDĐT.',
        },
      ],
    ],
  },
  {
    unit: 'HN-THPT-CHUVANAN',
    category: 'thu_tuc_hanh_chinh',
    title: 'Cấp bản sao bằng tốt nghiệp',
    content: 'Thủ tục cấp bản sao bằng tốt nghiệp THPT kéo dài quá hạn.',
    ago: 60,
    steps: [accepted, started(), answered(25), published(28)],
    rating: { overall: 3, again: false },
  },
  {
    unit: 'HN-CAUGIAY-MN-HOASEN',
    category: 'co_so_vat_chat',
    title: 'Đồ chơi ngoài trời hư hỏng',
    content: 'Cầu trượt ngoài sân có cạnh sắc, đề nghị sửa chữa.',
    ago: 5,
    contact: { name: 'Phạm Quốc Huy', phone: '0900000103' },
  },
];

function actorFor(unit: string, users: Record<string, User>): User {
  if (unit === 'HN-TAYHO-THCS-DONGTHAI') return users.dongthai!;
  return unit.startsWith('HN-TAYHO') ? users.tayho! : users.admin!;
}

async function seedFeedback(ctx: SeedContext): Promise<void> {
  await seedDefaultHolidays(ctx.db);
  const holidays = await holidaySet(ctx.db);
  const now = ctx.clock().getTime();
  const users: Record<string, User> = {};
  for (const key of ['admin', 'tayho', 'dongthai'])
    users[key] = (await findUserByEmail(ctx.db, `${key}@demo.vn`))!;
  const codes: string[] = [];
  for (const c of CASES) {
    const received = new Date(now - c.ago * DAY);
    const contact = c.contact
      ? {
          name: c.contact.name,
          phone: c.contact.phone ?? null,
          email: c.contact.email ?? null,
          consent_at: received.toISOString(),
          retain_until: new Date(received.getTime() + 730 * DAY).toISOString(),
        }
      : null;
    const item = await insertReceived(
      ctx.db,
      () =>
        newItemRow(
          {
            unitId: c.unit,
            kind: c.kind ?? 'feedback',
            category: c.category,
            title: c.title,
            content: c.content,
          },
          received,
          holidays,
        ),
      contact,
      { actor: null, note: null },
    );
    codes.push(item!.tracking_code);
    for (const [day, move] of c.steps ?? []) {
      await transitionIn(
        ctx.db,
        new Date(received.getTime() + day * DAY + 3_600_000),
        actorFor(c.unit, users),
        item!.id,
        move,
      );
    }
    if (c.rating) {
      await insertRatingOnce(ctx.db, {
        feedback_id: item!.id,
        overall: c.rating.overall,
        complained_again: c.rating.again ? 1 : 0,
        rated_at: new Date(now - DAY).toISOString(),
      });
    }
  }
  await seedLinkedCases(ctx, users, codes[8]!);
}

/** A duplicate that points at a published item, and a transfer from one school to another. */
async function seedLinkedCases(
  ctx: SeedContext,
  users: Record<string, User>,
  originalCode: string,
): Promise<void> {
  const holidays = await holidaySet(ctx.db);
  const now = ctx.clock().getTime();
  const file = async (unit: string, title: string, content: string, ago: number) => {
    const at = new Date(now - ago * DAY);
    const item = await insertReceived(
      ctx.db,
      () =>
        newItemRow(
          { unitId: unit, kind: 'feedback', category: 'co_so_vat_chat', title, content },
          at,
          holidays,
        ),
      null,
      { actor: null, note: null },
    );
    return { item: item!, at: at.getTime() };
  };
  const dup = await file(
    'HN-TAYHO-THCS-DONGTHAI',
    'Vòi nước nhà vệ sinh hỏng',
    'Nhà vệ sinh tầng 2 không có nước rửa tay.',
    38,
  );
  const original = await getFeedbackByCode(ctx.db, originalCode);
  await transitionIn(ctx.db, new Date(dup.at + DAY), users.dongthai!, dup.item.id, {
    to: 'rejected',
    duplicateOf: original!.id,
  });
  const moved = await file(
    'HN-TAYHO-TH-NHATTAN',
    'Bảo vệ trường THCS Đông Thái',
    'Bảo vệ trường THCS Đông Thái không cho phụ huynh gửi đồ cho con.',
    4,
  );
  await transitionIn(ctx.db, new Date(moved.at + DAY), users.tayho!, moved.item.id, {
    to: 'transferred',
    targetUnitId: 'HN-TAYHO-THCS-DONGTHAI',
    note: 'Nội dung thuộc trường THCS Đông Thái.',
  });
}

export const FEEDBACK_STEP: SeedStep = { name: 'feedback (PAKN)', run: seedFeedback };
