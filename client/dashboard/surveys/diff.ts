import { t } from '../i18n.js';

type Obj = Record<string, unknown>;
const arr = (v: unknown) => (Array.isArray(v) ? (v as Obj[]) : []);
const vi = (x: unknown) => (x as { vi?: string } | undefined)?.vi ?? '';
/** Key order and absent-vs-false do not count as changes. */
function canon(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canon);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .filter((k) => (v as Obj)[k] !== undefined && (v as Obj)[k] !== false)
        .map((k) => [k, canon((v as Obj)[k])]),
    );
  return v === false ? undefined : v;
}
const same = (a: unknown, b: unknown) =>
  JSON.stringify(canon(a) ?? null) === JSON.stringify(canon(b) ?? null);
const q = (s: string) => `“${s}”`;
/** The settings and their coded values as the editor names them, never their codes. */
const SETTING: Record<'kind' | 'level' | 'convention' | 'target', [string, string]> = {
  kind: ['loại phiếu', 'Kind'],
  level: ['cấp học', 'School level'],
  convention: ['cách tính chỉ số', 'Index convention'],
  target: ['chỉ tiêu hài lòng (%)', 'Satisfaction target (%)'],
};
const VALUE: Record<string, [string, string]> = {
  education: ['Giáo dục', 'Education'],
  sipas: ['SIPAS', 'SIPAS'],
  pakn: ['Phản ánh, kiến nghị', 'Feedback handling'],
  MN: ['Mầm non', 'Pre-school'],
  TH: ['Tiểu học', 'Primary'],
  THCS: ['Trung học cơ sở', 'Lower secondary'],
  THPT: ['Trung học phổ thông', 'Upper secondary'],
  share_satisfied: ['Tỷ lệ hài lòng', 'Share satisfied'],
  mean_score: ['Điểm trung bình', 'Mean score'],
};

function questions(d: Obj) {
  const out = new Map<string, { q: Obj; section: string; at: number }>();
  let at = 0;
  for (const s of arr(d.sections))
    for (const x of arr(s.questions))
      out.set(String(x.id), { q: x, section: vi(s.title), at: at++ });
  return out;
}

/**
 * What changed from definition `a` to `b`, one sentence per change, in the dashboard's language:
 * the fallback when the server has no diff route, and what the diff route's items are shown as.
 */
export function describeChanges(a: Obj, b: Obj): string[] {
  const out: string[] = [];
  if (!same(a.title, b.title))
    out.push(
      t(
        `Đổi tên bảng hỏi: ${q(vi(a.title))} → ${q(vi(b.title))}`,
        `Title: ${q(vi(a.title))} → ${q(vi(b.title))}`,
      ),
    );
  if (!same(a.description, b.description)) out.push(t('Sửa mô tả bảng hỏi', 'Description edited'));
  for (const k of ['kind', 'level', 'convention', 'target'] as const)
    if (!same(a[k], b[k])) {
      const [vi, en] = SETTING[k];
      const v = (x: unknown) =>
        x === undefined || x === '' ? '—' : t(...(VALUE[String(x)] ?? [String(x), String(x)]));
      out.push(t(`Đổi ${vi}: ${v(a[k])} → ${v(b[k])}`, `${en}: ${v(a[k])} → ${v(b[k])}`));
    }
  const fa = new Map(arr(a.factors).map((f) => [String(f.id), f]));
  const fb = new Map(arr(b.factors).map((f) => [String(f.id), f]));
  for (const [id, f] of fb)
    if (!fa.has(id))
      out.push(t(`Thêm nhóm tiêu chí ${q(vi(f.title))}`, `Factor added: ${q(vi(f.title))}`));
    else if (!same(fa.get(id), f))
      out.push(t(`Sửa nhóm tiêu chí ${q(vi(f.title))}`, `Factor edited: ${q(vi(f.title))}`));
  for (const [id, f] of fa)
    if (!fb.has(id))
      out.push(t(`Bỏ nhóm tiêu chí ${q(vi(f.title))}`, `Factor removed: ${q(vi(f.title))}`));
  const sa = arr(a.sections).map((s) => String(s.id));
  const sb = arr(b.sections).map((s) => String(s.id));
  for (const s of arr(b.sections)) {
    const old = arr(a.sections).find((x) => x.id === s.id);
    if (!old) out.push(t(`Thêm phần ${q(vi(s.title))}`, `Section added: ${q(vi(s.title))}`));
    else if (!same(old.title, s.title) || !same(old.description, s.description))
      out.push(t(`Sửa tên hoặc mô tả phần ${q(vi(s.title))}`, `Section edited: ${q(vi(s.title))}`));
  }
  for (const s of arr(a.sections))
    if (!sb.includes(String(s.id)))
      out.push(t(`Bỏ phần ${q(vi(s.title))}`, `Section removed: ${q(vi(s.title))}`));
  if (
    same(
      sa.filter((x) => sb.includes(x)),
      sb.filter((x) => sa.includes(x)),
    ) === false
  )
    out.push(t('Đổi thứ tự các phần', 'Sections reordered'));
  const qa = questions(a);
  const qb = questions(b);
  for (const [id, { q: x, section }] of qb) {
    const old = qa.get(id);
    const name = q(vi(x.text));
    if (!old) {
      out.push(
        t(
          `Thêm câu hỏi ${name} (phần ${q(section)})`,
          `Question added: ${name} (section ${q(section)})`,
        ),
      );
      continue;
    }
    if (!same(old.q.text, x.text))
      out.push(
        t(
          `Sửa nội dung câu hỏi: ${q(vi(old.q.text))} → ${name}`,
          `Question text: ${q(vi(old.q.text))} → ${name}`,
        ),
      );
    if (!same(old.q.type, x.type)) out.push(t(`Đổi loại câu hỏi ${name}`, `Type changed: ${name}`));
    if (!same(old.q.required, x.required))
      out.push(
        x.required
          ? t(`Câu ${name} thành bắt buộc`, `${name} now required`)
          : t(`Câu ${name} thành không bắt buộc`, `${name} now optional`),
      );
    if (!same(old.q.factor, x.factor))
      out.push(t(`Đổi nhóm tiêu chí của câu ${name}`, `Factor changed: ${name}`));
    if (!same(old.q.options, x.options) || !same(old.q.rows, x.rows))
      out.push(t(`Sửa các lựa chọn hoặc dòng của câu ${name}`, `Options or rows edited: ${name}`));
    if (!same(old.q.showIf, x.showIf))
      out.push(t(`Đổi điều kiện hiển thị của câu ${name}`, `Condition changed: ${name}`));
    if (
      !same(old.q.help, x.help) ||
      !same(old.q.maxLength, x.maxLength) ||
      !same([old.q.min, old.q.max, old.q.integer], [x.min, x.max, x.integer])
    )
      out.push(t(`Sửa chi tiết khác của câu ${name}`, `Other details edited: ${name}`));
    if (old.section !== section)
      out.push(t(`Chuyển câu ${name} sang phần ${q(section)}`, `${name} moved to ${q(section)}`));
  }
  for (const [id, { q: x }] of qa)
    if (!qb.has(id))
      out.push(t(`Bỏ câu hỏi ${q(vi(x.text))}`, `Question removed: ${q(vi(x.text))}`));
  const order = (m: Map<string, unknown>, o: Map<string, unknown>) =>
    [...m.keys()].filter((k) => o.has(k));
  if (!out.some((l) => /Chuyển|moved/.test(l)) && !same(order(qa, qb), order(qb, qa)))
    out.push(t('Đổi thứ tự câu hỏi', 'Questions reordered'));
  return out;
}
