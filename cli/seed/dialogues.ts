import { newId } from '../../db/ids.js';
import {
  insertDialogue,
  insertGroup,
  insertQuestion,
  setQuestionGroup,
} from '../../db/repositories/dialogues.js';
import { findUserByEmail } from '../../db/repositories/users.js';
import { startOfVnDay, vnDate } from '../../server/domain/vn-time.js';
import type { SeedContext, SeedStep } from './demo.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** 08:30 in Hanoi, `days` from the seed's clock: when a dialogue usually starts. */
function morningOf(now: number, days: number): number {
  return Date.parse(startOfVnDay(vnDate(new Date(now + days * DAY)))) + 8.5 * HOUR;
}

interface DemoGroup {
  title: string;
  answer: string;
  questions: string[];
}

/** The Department's dialogue of last term, held and published, its answers on the public page. */
const PAST_GROUPS: DemoGroup[] = [
  {
    title: 'Tuyển sinh vào lớp 10',
    answer:
      'Sở công bố phương án tuyển sinh lớp 10 trước ngày 15/3 trên cổng thông tin của Sở; thí sinh đăng ký nguyện vọng trực tuyến, mỗi thí sinh được đăng ký tối đa 3 nguyện vọng.',
    questions: [
      'Năm nay thi vào lớp 10 công lập có mấy môn, khi nào công bố môn thi thứ tư?',
      'Học sinh được đăng ký bao nhiêu nguyện vọng vào lớp 10 và đăng ký ở đâu?',
    ],
  },
  {
    title: 'Các khoản thu đầu năm học',
    answer:
      'Các trường chỉ thu các khoản theo Nghị quyết của HĐND Thành phố; khoản thu thoả thuận phải được Ban đại diện cha mẹ học sinh thống nhất và công khai. Phụ huynh phát hiện khoản thu sai quy định có thể gửi phản ánh tại mục Phản ánh, kiến nghị.',
    questions: [
      'Trường thu tiền điều hoà và máy chiếu đầu năm có đúng quy định không?',
      'Quỹ lớp có bắt buộc đóng không, ai quyết định mức đóng?',
      'Tiền học thêm trong trường được thu theo quy định nào?',
    ],
  },
];

const UPCOMING_QUESTIONS = [
  'Phường Quảng An có trường mầm non công lập nào nhận trẻ 18 tháng tuổi không?',
  'Khi nào quận công bố tuyến tuyển sinh lớp 1 và lớp 6 năm học tới?',
];

async function seedDialogues(ctx: SeedContext): Promise<void> {
  const now = ctx.clock().getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  const admin = await findUserByEmail(ctx.db, 'admin@demo.vn');
  const tayho = await findUserByEmail(ctx.db, 'tayho@demo.vn');

  const heldAt = morningOf(now, -40);
  const past = {
    id: newId(),
    unit_id: 'HN',
    topic: 'Đối thoại với cha mẹ học sinh về tuyển sinh và các khoản thu',
    place: 'Hội trường Sở GDĐT Hà Nội, 81 Thợ Nhuộm, Hoàn Kiếm',
    held_at: iso(heldAt),
    published_at: iso(heldAt + 5 * DAY),
    created_by: admin?.id ?? null,
    created_at: iso(heldAt - 30 * DAY),
    updated_at: iso(heldAt + 5 * DAY),
  };
  await insertDialogue(ctx.db, past);
  let minute = 0;
  for (const [i, g] of PAST_GROUPS.entries()) {
    const groupId = newId();
    await insertGroup(ctx.db, {
      id: groupId,
      dialogue_id: past.id,
      title: g.title,
      answer: g.answer,
      position: i + 1,
      created_at: iso(heldAt + DAY),
      updated_at: iso(heldAt + 3 * DAY),
    });
    for (const content of g.questions) {
      const id = newId();
      const at = heldAt - 20 * DAY + minute++ * 7 * HOUR;
      await insertQuestion(
        ctx.db,
        {
          id,
          dialogue_id: past.id,
          group_id: null,
          content,
          client_id: null,
          received_at: iso(at),
        },
        null,
      );
      await setQuestionGroup(ctx.db, id, groupId);
    }
  }

  const upcomingAt = morningOf(now, 21);
  const upcoming = {
    id: newId(),
    unit_id: 'HN-TAYHO',
    topic: 'Đối thoại về tuyển sinh đầu cấp năm học tới',
    place: 'Phòng họp tầng 2, Phòng GDĐT quận Tây Hồ',
    held_at: iso(upcomingAt),
    published_at: null,
    created_by: tayho?.id ?? null,
    created_at: iso(now - 10 * DAY),
    updated_at: iso(now - 10 * DAY),
  };
  await insertDialogue(ctx.db, upcoming);
  for (const [i, content] of UPCOMING_QUESTIONS.entries()) {
    const at = iso(now - (5 - i) * DAY);
    await insertQuestion(
      ctx.db,
      {
        id: newId(),
        dialogue_id: upcoming.id,
        group_id: null,
        content,
        client_id: null,
        received_at: at,
      },
      // One parent left a phone number, with consent, to be invited to the dialogue.
      i === 0
        ? {
            name: 'Lê Thu Trang',
            phone: '0900000301',
            email: null,
            consent_at: at,
            retain_until: iso(Date.parse(at) + 730 * DAY),
          }
        : null,
    );
  }
}

export const DIALOGUES_STEP: SeedStep = { name: 'dialogues', run: seedDialogues };
