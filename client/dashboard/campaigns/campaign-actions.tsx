import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { api, call } from '../api.js';
import type { CampaignDetailDto } from '../dto.js';
import { t } from '../i18n.js';
import { useAppState } from '../state.js';
import { formatVnDateTime } from '../../../server/domain/vn-time.js';
import { fromVnInput, toVnInput } from './vn-input.js';

type Detail = CampaignDetailDto;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A button that runs `action` once, showing the server's message (in the user's language) if it fails. */
export function useAction() {
  const busy = useSignal(false);
  const error = useSignal<string | null>(null);
  async function run(action: () => Promise<unknown>, then?: () => void) {
    busy.value = true;
    error.value = null;
    try {
      await action();
      then?.();
    } catch (e) {
      error.value = message(e);
    } finally {
      busy.value = false;
    }
  }
  return { busy, error, run };
}

export function Alert({ text }: { text: string | null }) {
  return text ? (
    <p class="error" role="alert">
      {text}
    </p>
  ) : null;
}

/** A dated field read and written as a clock in Vietnam. */
function WhenField(p: {
  id: string;
  label: string;
  value: string;
  disabled?: boolean;
  hint?: string;
  onInput: (v: string) => void;
}) {
  return (
    <label for={p.id}>
      {p.label}
      <input
        id={p.id}
        type="datetime-local"
        value={p.value}
        disabled={p.disabled}
        aria-describedby={`${p.id}-hint`}
        onInput={(e) => p.onInput(e.currentTarget.value)}
      />
      <small id={`${p.id}-hint`} class="muted">
        {fromVnInput(p.value) && formatVnDateTime(fromVnInput(p.value))}
        {p.hint && ` · ${p.hint}`}
      </small>
    </label>
  );
}

/** Name and window: the opening only before it opens; the closing moved to extend or shorten. */
function EditForm({ d, onDone }: { d: Detail; onDone: () => void }) {
  const name = useSignal(d.name);
  const opensAt = useSignal(toVnInput(d.opensAt));
  const closesAt = useSignal(toVnInput(d.closesAt));
  const saved = useSignal(false);
  const a = useAction();
  const notYet = d.state === 'not_yet_open';
  async function submit(e: Event) {
    e.preventDefault();
    saved.value = false;
    const json: { name?: string; opensAt?: string; closesAt?: string } = {};
    if (name.value !== d.name) json.name = name.value;
    if (notYet && opensAt.value !== toVnInput(d.opensAt)) json.opensAt = fromVnInput(opensAt.value);
    if (closesAt.value !== toVnInput(d.closesAt)) json.closesAt = fromVnInput(closesAt.value);
    await a.run(
      () =>
        call(api.api.campaigns[':id'].$patch({ param: { id: encodeURIComponent(d.id) }, json })),
      () => {
        saved.value = true;
        onDone();
      },
    );
  }
  return (
    <form class="inline-form campaign-edit" onSubmit={submit}>
      <label for="e-name">
        {t('Tên đợt', 'Name')}
        <input
          id="e-name"
          value={name.value}
          maxLength={200}
          required
          onInput={(e) => (name.value = e.currentTarget.value)}
        />
      </label>
      <WhenField
        id="e-open"
        label={t('Mở từ (giờ Việt Nam)', 'Opens (Vietnam time)')}
        value={opensAt.value}
        disabled={!notYet}
        hint={notYet ? undefined : t('Đợt đã mở: không đổi được.', 'Already open: fixed.')}
        onInput={(v) => (opensAt.value = v)}
      />
      <WhenField
        id="e-close"
        label={t('Đóng lúc (giờ Việt Nam)', 'Closes (Vietnam time)')}
        value={closesAt.value}
        onInput={(v) => (closesAt.value = v)}
      />
      <button type="submit" disabled={a.busy.value}>
        {t('Lưu thay đổi', 'Save changes')}
      </button>
      <Alert text={a.error.value} />
      {saved.value && !a.error.value && (
        <p role="status" class="ok">
          {t('Đã lưu.', 'Saved.')}
        </p>
      )}
    </form>
  );
}

/** A destructive step asked twice: the button, then a sentence saying what happens and a confirm. */
export function Confirm(p: {
  label: string;
  question: string;
  confirm: string;
  busy: boolean;
  onConfirm: () => void;
}) {
  const asking = useSignal(false);
  if (!asking.value)
    return (
      <button type="button" class="secondary" onClick={() => (asking.value = true)}>
        {p.label}
      </button>
    );
  return (
    <span class="confirm" role="group" aria-label={p.label}>
      <span>{p.question}</span>{' '}
      <button type="button" class="danger" disabled={p.busy} onClick={p.onConfirm}>
        {p.confirm}
      </button>{' '}
      <button type="button" class="secondary" onClick={() => (asking.value = false)}>
        {t('Huỷ', 'Cancel')}
      </button>
    </span>
  );
}

/** The next period: same questionnaire (its newest version), schools, access and N. */
function DuplicateForm({ d }: { d: Detail }) {
  const { navigate } = useAppState();
  const span = Date.parse(d.closesAt) - Date.parse(d.opensAt);
  const start = Math.max(Date.now(), Date.parse(d.closesAt));
  const name = useSignal(`${d.name} (${t('đợt sau', 'next period')})`);
  const opensAt = useSignal(toVnInput(new Date(start)));
  const closesAt = useSignal(toVnInput(new Date(start + span)));
  const a = useAction();
  async function submit(e: Event) {
    e.preventDefault();
    let id = '';
    await a.run(
      async () => {
        const json = {
          name: name.value,
          opensAt: fromVnInput(opensAt.value),
          closesAt: fromVnInput(closesAt.value),
        };
        const param = { id: encodeURIComponent(d.id) };
        id = (await call(api.api.campaigns[':id'].duplicate.$post({ param, json }))).id;
      },
      () => navigate(`/app/campaigns/${id}`),
    );
  }
  return (
    <form class="inline-form" onSubmit={submit}>
      <label for="d-name">
        {t('Tên đợt mới', 'New name')}
        <input
          id="d-name"
          value={name.value}
          maxLength={200}
          required
          onInput={(e) => (name.value = e.currentTarget.value)}
        />
      </label>
      <WhenField
        id="d-open"
        label={t('Mở từ', 'Opens')}
        value={opensAt.value}
        onInput={(v) => (opensAt.value = v)}
      />
      <WhenField
        id="d-close"
        label={t('Đóng lúc', 'Closes')}
        value={closesAt.value}
        onInput={(v) => (closesAt.value = v)}
      />
      <button type="submit" disabled={a.busy.value}>
        {t('Tạo đợt cho kỳ sau', 'Make the next period')}
      </button>
      <Alert text={a.error.value} />
    </form>
  );
}

function Part({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <details class="campaign-part">
      <summary>{title}</summary>
      {children}
    </details>
  );
}

/**
 * What staff who run the campaign can do with it: edit and extend, close early, make the next
 * period, delete it while it has no responses, archive it once it has.
 */
export function CampaignActions({ d, onDone }: { d: Detail; onDone: () => void }) {
  const { navigate } = useAppState();
  const a = useAction();
  const id = { param: { id: encodeURIComponent(d.id) } };
  const endpoint = api.api.campaigns[':id'];
  return (
    <section class="campaign-actions" aria-label={t('Thao tác với đợt', 'Campaign actions')}>
      <Part title={t('Sửa tên, thời gian, gia hạn', 'Edit name, dates, extend')}>
        <EditForm key={`${d.name}|${d.opensAt}|${d.closesAt}`} d={d} onDone={onDone} />
      </Part>
      <Part title={t('Tạo đợt cho kỳ sau', 'Duplicate for the next period')}>
        <DuplicateForm d={d} />
      </Part>
      <div class="confirm">
        {d.state === 'open' && (
          <Confirm
            label={t('Đóng sớm', 'Close early')}
            question={t(
              'Đóng đợt ngay bây giờ? Sau đó không ai gửi được phiếu nữa.',
              'Close it now? Nobody can answer after that.',
            )}
            confirm={t('Đóng ngay', 'Close now')}
            busy={a.busy.value}
            onConfirm={() => void a.run(() => call(endpoint.close.$post(id)), onDone)}
          />
        )}
        {!d.hasResponses && (
          <Confirm
            label={t('Xoá đợt', 'Delete')}
            question={t(
              'Xoá hẳn đợt này cùng các đường dẫn và mã? Không hoàn tác được.',
              'Delete it with its links and codes? This cannot be undone.',
            )}
            confirm={t('Xoá hẳn', 'Delete')}
            busy={a.busy.value}
            onConfirm={() =>
              void a.run(
                () => call(endpoint.$delete(id)),
                () => navigate('/app/campaigns'),
              )
            }
          />
        )}
        {d.hasResponses && d.state !== 'open' && (
          <button
            type="button"
            class="secondary"
            disabled={a.busy.value}
            onClick={() =>
              void a.run(
                () =>
                  call(d.archivedAt ? endpoint.unarchive.$post(id) : endpoint.archive.$post(id)),
                onDone,
              )
            }
          >
            {d.archivedAt ? t('Bỏ lưu trữ', 'Unarchive') : t('Lưu trữ', 'Archive')}
          </button>
        )}
      </div>
      {d.hasResponses && (
        <p class="muted">
          {t(
            'Đợt đã có phiếu trả lời nên không xoá được; khi đã đóng, có thể lưu trữ: số liệu được giữ, đợt không còn hiện trong danh sách và tổng quan.',
            'It has responses, so it cannot be deleted; once closed it can be archived: figures are kept, it leaves the lists and the overview.',
          )}
        </p>
      )}
      <Alert text={a.error.value} />
    </section>
  );
}
