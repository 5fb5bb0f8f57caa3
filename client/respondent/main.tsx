import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { isDone, loadDraft, markDone, saveDraft } from './draft.js';
import { isPageData } from './guards.js';
import {
  answered,
  clean,
  fromForm,
  itemIds,
  tx,
  visible,
  type Answers,
  type Lang,
  type PageData,
  type Value,
} from './model.js';
import { QuestionView } from './question.js';
import { backoff, sendOnce } from './send.js';

const UI = {
  next: ['Tiếp tục', 'Next'],
  back: ['Quay lại', 'Back'],
  submit: ['Gửi phiếu', 'Submit'],
  part: ['Phần', 'Part'],
  of: ['/', 'of'],
  need: ['Xin trả lời câu hỏi này.', 'Please answer this question.'],
  bad: [
    'Câu trả lời không hợp lệ, xin chọn lại.',
    'This answer is not valid; please answer again.',
  ],
  resumed: [
    'Đã khôi phục các câu trả lời Quý vị nhập lần trước.',
    'Your earlier answers have been restored.',
  ],
  sending: ['Đang gửi…', 'Sending…'],
  retry: [
    'Chưa gửi được (mất kết nối?). Đang thử lại, xin đừng đóng trang…',
    'Not sent yet (connection lost?). Retrying — please keep this page open…',
  ],
  thanks: ['Cảm ơn Quý vị! Phiếu đã được ghi nhận.', 'Thank you! Your answers have been recorded.'],
  campaign_closed: [
    'Đợt khảo sát đã kết thúc, phiếu không được ghi nhận.',
    'This survey has closed; your answers were not recorded.',
  ],
  token_used: ['Mã này đã được sử dụng.', 'This code has already been used.'],
  error: ['Không gửi được phiếu.', 'Your answers could not be sent.'],
  done: ['Quý vị đã trả lời phiếu này', 'You have already answered'],
  doneBody: [
    'Phiếu gửi từ điện thoại này đã được ghi nhận. Cảm ơn Quý vị!',
    'The answers sent from this phone have been recorded. Thank you!',
  ],
  again: ['Trả lời cho một con khác', 'Answer for another child'],
  also: ['Quý vị có thể:', 'You may also:'],
  feedback: [
    'Gửi phản ánh, kiến nghị tới nhà trường',
    'Send feedback or a complaint to the school',
  ],
  other: ['English', 'Tiếng Việt'],
  preview: [
    'Đây là bản xem trước: phiếu không được gửi, không có gì được lưu.',
    'This is a preview: nothing was sent or stored.',
  ],
} as const;

type Say = (k: keyof typeof UI) => string;

/** The next useful steps after answering (the school's results join once that page exists). */
function Next({ data, u }: { data: PageData; u: Say }) {
  if (!data.unitId) return null;
  return (
    <>
      <p>{u('also')}</p>
      <ul class="next">
        <li>
          <a href={'/feedback?unitId=' + encodeURIComponent(data.unitId)}>{u('feedback')}</a>
        </li>
      </ul>
    </>
  );
}

/** This phone already answered this code: say so, and offer another answer where allowed. */
function Answered({ data, u }: { data: PageData; u: Say }) {
  return (
    <div class="msg" role="status">
      <h1>{u('done')}</h1>
      <p>{u('doneBody')}</p>
      {data.again && (
        <p>
          <a class="btn" href="?again=1">
            {u('again')}
          </a>
        </p>
      )}
      <Next data={data} u={u} />
    </div>
  );
}

function App({
  data,
  initial,
  resumed,
  answeredBefore,
}: {
  data: PageData;
  initial: { answers: Answers; step: number; pending: boolean };
  resumed: boolean;
  answeredBefore: boolean;
}) {
  const sections = data.survey.sections;
  const [lang, setLang] = useState<Lang>(localStorage.getItem('hl.lang') === 'en' ? 'en' : 'vi');
  const [answers, setAnswers] = useState<Answers>(initial.answers);
  const [step, setStep] = useState(initial.step);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string>(initial.pending ? 'sending' : '');
  const [note, setNote] = useState(resumed);
  const heading = useRef<HTMLHeadingElement>(null);
  const u = (k: keyof typeof UI) => UI[k][lang === 'en' ? 1 : 0];

  const shown = sections.filter((s) => s.questions.some((q) => visible(q, answers)));
  const at = Math.min(step, shown.length - 1);
  const section = shown[at]!;
  const last = at === shown.length - 1;
  const done =
    status === 'done' ||
    status === 'campaign_closed' ||
    status === 'token_used' ||
    status === 'error' ||
    status === 'preview';

  // A layout effect runs right after the render, not a frame later: a phone closed or reloaded
  // just after the last tap still finds that answer in the draft.
  useLayoutEffect(() => {
    if (!done && !data.preview)
      saveDraft(data.code, {
        clientId: data.clientId,
        startedAt: data.startedAt,
        answers,
        step: at,
        pending: status === 'sending' || status === 'retry',
      });
  }, [answers, at, status]);
  useEffect(() => {
    document.documentElement.lang = lang;
    if (!data.preview) localStorage.setItem('hl.lang', lang);
  }, [lang]);
  useEffect(() => {
    if (initial.pending) void submit();
    // Each section is a history entry: the phone's Back button returns to the previous one.
    history.replaceState({ s: at }, '');
    const back = (e: PopStateEvent) => {
      const s = (e.state as { s?: unknown } | null)?.s;
      setStep(typeof s === 'number' ? s : 0);
      scrollTo(0, 0);
    };
    addEventListener('popstate', back);
    return () => removeEventListener('popstate', back);
  }, []);

  function set(id: string, v: Value | undefined) {
    setAnswers((a) => {
      const n = { ...a };
      if (v === undefined) delete n[id];
      else n[id] = v;
      return n;
    });
    if (errors[id]) setErrors((e) => ({ ...e, [id]: '' }));
  }

  function go(to: number) {
    setNote(false);
    if (to !== at) history.pushState({ s: to }, '');
    setStep(to);
    scrollTo(0, 0);
    setTimeout(() => heading.current?.focus(), 0);
  }

  function missing(): string[] {
    return section.questions
      .filter((q) => q.required && visible(q, answers))
      .flatMap(itemIds)
      .filter((id) => !answered(answers[id]));
  }

  function flag(ids: string[], msg: string) {
    setErrors(Object.fromEntries(ids.map((id) => [id, msg])));
    setTimeout(
      () =>
        document
          .querySelector<HTMLInputElement>(
            ['input', 'textarea', 'select'].map((t) => '#q-' + ids[0] + ' ' + t).join(),
          )
          ?.focus(),
      0,
    );
  }

  async function submit() {
    // The dashboard's preview of a questionnaire being edited: answerable, never sent.
    if (data.preview) return setStatus('preview');
    setStatus('sending');
    const body = {
      clientId: data.clientId,
      startedAt: data.startedAt,
      answers: clean(sections, answers),
    };
    for (let attempt = 0; ; attempt++) {
      const r = await sendOnce(data.code, body);
      if (r.kind === 'retry') {
        setStatus('retry');
        await backoff(attempt);
        continue;
      }
      if (r.kind === 'invalid') {
        setStatus('');
        const where = shown.findIndex((s) =>
          s.questions.some((q) => itemIds(q).some((id) => r.fields.includes(id))),
        );
        if (where >= 0) go(where);
        flag(r.fields, u('bad'));
        return;
      }
      saveDraft(data.code, null);
      if (r.kind === 'done') markDone(data.code, data.closesAt);
      setStatus(r.kind === 'done' ? 'done' : r.code in UI ? r.code : 'error');
      return;
    }
  }

  function onNext(e: Event) {
    e.preventDefault();
    const m = missing();
    if (m.length) return flag(m, u('need'));
    if (last) void submit();
    else go(at + 1);
  }

  if (answeredBefore && status === '') return <Answered data={data} u={u} />;
  if (done) {
    return (
      <div class="msg" role="status">
        <h1>{u(status === 'done' ? 'thanks' : (status as keyof typeof UI))}</h1>
        {status === 'done' && <Next data={data} u={u} />}
      </div>
    );
  }
  return (
    <form onSubmit={onNext} noValidate>
      <header>
        <button type="button" class="lang" onClick={() => setLang(lang === 'en' ? 'vi' : 'en')}>
          {u('other')}
        </button>
        <p class="u">{data.unit}</p>
        <h1>{tx(data.survey, 'title', lang)}</h1>
        {at === 0 && data.survey.description && <p>{tx(data.survey, 'description', lang)}</p>}
        {note && <p class="note">{u('resumed')}</p>}
      </header>
      <label class="pg">
        {u('part')} {at + 1} {u('of')} {shown.length}
        <progress max={shown.length} value={at + 1} />
      </label>
      <section>
        <h2 ref={heading} tabIndex={-1}>
          {tx(section, 'title', lang)}
        </h2>
        {section.description && <p class="h">{tx(section, 'description', lang)}</p>}
        {section.questions
          .filter((q) => visible(q, answers))
          .map((q) => (
            <QuestionView
              key={q.id}
              q={q}
              data={data}
              lang={lang}
              value={answers[q.id]}
              error={errors[q.id] || undefined}
              set={set}
              answers={answers}
              errors={errors}
            />
          ))}
      </section>
      <p class="st" role="status" aria-live="polite">
        {status === 'sending' ? u('sending') : status === 'retry' ? u('retry') : ''}
      </p>
      <div class="nav">
        {at > 0 && (
          <button
            type="button"
            class="sec"
            // The entry this section pushed is undone, so the phone's Back stays in step.
            onClick={() =>
              (history.state as { s?: unknown } | null)?.s === at && at > 0
                ? history.back()
                : go(at - 1)
            }
          >
            {u('back')}
          </button>
        )}
        <button type="submit" disabled={status === 'sending' || status === 'retry'}>
          {last ? u('submit') : u('next')}
        </button>
      </div>
    </form>
  );
}

function start() {
  const root = document.getElementById('rs');
  const el = document.getElementById('rs-data');
  if (!root || !el) return;
  const data: unknown = JSON.parse(el.textContent || '{}');
  // Damaged page data: leave the plain HTML form, which works without this script.
  if (!isPageData(data)) return;
  const draft = data.preview ? null : loadDraft(data.code);
  // A saved draft wins (same clientId, so a pending submit can be retried safely).
  if (draft) Object.assign(data, { clientId: draft.clientId, startedAt: draft.startedAt });
  const typed = fromForm(
    document.getElementById('rs-form') as HTMLFormElement | null,
    data.survey.sections,
  );
  const answers = { ...draft?.answers, ...typed };
  const resumed = !!draft && Object.keys(draft.answers).length > 0;
  root.textContent = '';
  render(
    <App
      data={data}
      initial={{ answers, step: draft?.step || 0, pending: !!draft?.pending }}
      resumed={resumed}
      answeredBefore={isDone(data.code) && !/[?&]again=1/.test(location.search) && !draft?.pending}
    />,
    root,
  );
}

start();
