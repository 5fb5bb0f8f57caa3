/**
 * Validation messages for people: Vietnamese first (`message`), the English one kept beside it
 * (`messageEn`). Every 400's `details[]` goes through here (errors.ts `invalid`), so a form in the
 * dashboard never shows "closesAt: must be after opensAt" or zod's English defaults.
 */

/** The English messages the server writes itself, with what a Vietnamese reader sees instead. */
const KNOWN: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^must be after opensAt$/, () => 'Thời điểm đóng phải sau thời điểm mở.'],
  [/^lists a unit twice$/, () => 'Một đơn vị được chọn hai lần.'],
  [/^no such questionnaire$/, () => 'Không có bộ phiếu này.'],
  [/^contains a NUL character$/, () => 'Có ký tự không hợp lệ (ký tự rỗng).'],
  [/^unknown unit$/, () => 'Không có đơn vị này.'],
  [/^phone: 8–20 digits$/, () => 'Số điện thoại gồm 8–20 chữ số.'],
  [/^unknown category$/, () => 'Không có lĩnh vực này.'],
  [/^contact details need consent: true$/, () => 'Cần đồng ý để cơ quan dùng thông tin liên hệ.'],
  [/^tracking code like PA-XXXXXXXX$/, () => 'Mã theo dõi có dạng PA- và 8 ký tự.'],
  [/^a rejection needs a reason$/, () => 'Từ chối cần nêu lý do.'],
  [/^say what the citizen should supply$/, () => 'Cần nêu rõ người dân phải bổ sung gì.'],
  [/^an answer is required$/, () => 'Cần có câu trả lời.'],
  [/^expected YYYY-MM-DD$/, () => 'Ngày không đúng dạng năm-tháng-ngày.'],
  [/^not a calendar date$/, () => 'Không phải một ngày có thật.'],
  [
    /^give both from and to, or neither$/,
    () => 'Nhập cả ngày bắt đầu và ngày kết thúc, hoặc bỏ trống cả hai.',
  ],
  [/^to is before from$/, () => 'Ngày kết thúc đứng trước ngày bắt đầu.'],
  [/^a period spans at most 3 years$/, () => 'Một kỳ dài tối đa 3 năm.'],
  [
    /^a working day added to the calendar must be a Saturday or a Sunday$/,
    () => 'Ngày làm việc bù phải là thứ Bảy hoặc Chủ nhật.',
  ],
  [
    /^a date cannot be both a day off and a working day$/,
    () => 'Một ngày không thể vừa là ngày nghỉ vừa là ngày làm việc.',
  ],
  [/^must be an integer from 1 to 5/, () => 'Chọn một mức từ 1 đến 5, hoặc "không ý kiến".'],
  [/^must be one of: (.*)$/, (m) => `Phải là một trong các lựa chọn: ${m[1]}.`],
  [/^must be a list of: (.*)$/, (m) => `Phải là danh sách các lựa chọn: ${m[1]}.`],
  [/^lists an option twice$/, () => 'Một lựa chọn được chọn hai lần.'],
  [/^must be text$/, () => 'Phải là văn bản.'],
  [/^is longer than (\d+) characters$/, (m) => `Dài quá ${m[1]} ký tự.`],
  [/^this questionnaire has no such question$/, () => 'Bộ phiếu không có câu hỏi này.'],
];

/** A zod issue as far as a message needs it (zod 4's issue shapes, read loosely). */
export interface IssueLike {
  code?: string;
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  values?: readonly unknown[];
  keys?: readonly string[];
}

const n = (x: number | bigint | undefined) => Number(x ?? 0).toLocaleString('vi-VN');

function fromCode(i: IssueLike): string {
  switch (i.code) {
    case 'invalid_type':
      return /received undefined/.test(i.message) ? 'Bắt buộc nhập.' : 'Sai kiểu dữ liệu.';
    case 'too_small':
      if (i.origin === 'string')
        return Number(i.minimum) <= 1 ? 'Không được để trống.' : `Tối thiểu ${n(i.minimum)} ký tự.`;
      if (i.origin === 'array' || i.origin === 'set') return `Cần ít nhất ${n(i.minimum)} mục.`;
      return `Không được nhỏ hơn ${n(i.minimum)}.`;
    case 'too_big':
      if (i.origin === 'string') return `Tối đa ${n(i.maximum)} ký tự.`;
      if (i.origin === 'array' || i.origin === 'set') return `Tối đa ${n(i.maximum)} mục.`;
      return `Không được lớn hơn ${n(i.maximum)}.`;
    case 'invalid_format':
      if (i.format === 'email') return 'Địa chỉ e-mail không hợp lệ.';
      if (i.format === 'datetime') return 'Thời điểm không hợp lệ.';
      if (i.format === 'date') return 'Ngày không hợp lệ.';
      if (i.format === 'uuid' || i.format === 'guid') return 'Mã định danh không hợp lệ.';
      return 'Không đúng định dạng.';
    case 'invalid_value':
      return i.values?.length
        ? `Phải là một trong các giá trị: ${i.values.map(String).join(', ')}.`
        : 'Giá trị không hợp lệ.';
    case 'unrecognized_keys':
      return `Có trường không được hỗ trợ: ${(i.keys ?? []).join(', ')}.`;
    case 'not_multiple_of':
      return 'Phải là số nguyên.';
    default:
      return 'Giá trị không hợp lệ.';
  }
}

/** The Vietnamese message for an English one the server wrote, if it is known. */
export function knownVi(en: string): string | undefined {
  for (const [re, vi] of KNOWN) {
    const m = en.match(re);
    if (m) return vi(m);
  }
  return undefined;
}

const VI_LETTERS = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

/**
 * A message the schema or a service already wrote in Vietnamese ("vi / en", or Vietnamese alone,
 * as the questionnaire schema and the answer checks do): its Vietnamese and English halves.
 */
export function ownMessage(m: string): { vi: string; en?: string } | undefined {
  if (!VI_LETTERS.test(m)) return undefined;
  const i = m.indexOf(' / ');
  return i > 0 ? { vi: m.slice(0, i), en: m.slice(i + 3) } : { vi: m };
}

/** Vietnamese for a zod issue: its own Vietnamese, a known English one translated, else by kind. */
export function issueVi(i: IssueLike): string {
  return ownMessage(i.message)?.vi ?? knownVi(i.message) ?? fromCode(i);
}

/** `details[]` entries Vietnamese first: `{path, message: vi, messageEn}`; others unchanged. */
export function viDetails(details: unknown): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((d: unknown) => {
    if (!d || typeof d !== 'object') return d;
    const e = d as { message?: unknown; messageEn?: unknown };
    if (typeof e.message !== 'string' || typeof e.messageEn === 'string') return d;
    const own = ownMessage(e.message);
    if (own) return { ...e, message: own.vi, messageEn: own.en ?? own.vi };
    return { ...e, message: knownVi(e.message) ?? 'Giá trị không hợp lệ.', messageEn: e.message };
  });
}
