import { useSignal } from '@preact/signals';
import { api, call, errorText } from '../api.js';
import type { EffectiveTargetDto } from '../dto.js';
import { t } from '../i18n.js';
import { pct } from '../indices/format.js';
import { useFetch } from '../indices/use-fetch.js';
import { vnDay } from './period-picker.js';

/** "đặt tại Sở GDĐT Hà Nội từ 01/10/2026" or the plan's default, as a person reads it. */
function SourceLine({ x, unitId }: { x: EffectiveTargetDto; unitId: string }) {
  const s = x.source;
  if (s.kind === 'default') return <>{t(`Mặc định: ${s.vi}`, `Default: ${s.en}`)}</>;
  const here = s.unitId === unitId;
  return (
    <>
      {here
        ? t(
            `Đặt tại đơn vị này từ ngày ${vnDay(s.validFrom)}`,
            `Set here from ${vnDay(s.validFrom)}`,
          )
        : t(
            `Kế thừa: đặt tại ${s.unitName} từ ngày ${vnDay(s.validFrom)}`,
            `Inherited: set by ${s.unitName} from ${vnDay(s.validFrom)}`,
          )}
    </>
  );
}

function SettingRow({
  x,
  unitId,
  from,
  onSaved,
}: {
  x: EffectiveTargetDto;
  unitId: string;
  from: string;
  onSaved: () => void;
}) {
  const value = useSignal(String(x.value));
  const busy = useSignal(false);
  const error = useSignal<string | null>(null);
  const id = `set-${x.targetId}`;
  async function put(v: number | null, validFrom: string) {
    busy.value = true;
    error.value = null;
    try {
      await call(
        api.api.targets.settings.$put({
          json: { unitId, targetId: x.targetId, validFrom, value: v },
        }),
      );
      onSaved();
    } catch (e) {
      error.value = errorText(e);
    } finally {
      busy.value = false;
    }
  }
  const save = (e: Event) => {
    e.preventDefault();
    const v = Number(value.value.replace(',', '.'));
    if (!Number.isFinite(v) || v < 0 || v > 100) {
      error.value = t('Nhập một số từ 0 đến 100.', 'Enter a number from 0 to 100.');
      return;
    }
    void put(v, from);
  };
  return (
    <li class="card target-setting">
      <form onSubmit={save}>
        <label for={id}>
          <strong>{t(x.label, x.labelEn)}</strong>
        </label>
        <p style="margin:.2rem 0">
          {t('Đang áp dụng', 'In force')}: <strong>{pct(x.value)}</strong>
        </p>
        <p class="muted" style="margin:.2rem 0">
          <SourceLine x={x} unitId={unitId} />
        </p>
        <div style="display:flex;gap:.4rem;flex-wrap:wrap;align-items:center">
          <input
            id={id}
            inputMode="decimal"
            value={value.value}
            onInput={(e) => (value.value = e.currentTarget.value)}
            style="width:6rem"
            aria-describedby={`${id}-unit`}
          />
          <span id={`${id}-unit`}>%</span>
          <button type="submit" disabled={busy.value}>
            {t('Lưu', 'Save')}
          </button>
          {x.own.map((o) => (
            <button
              key={o.validFrom}
              type="button"
              disabled={busy.value}
              onClick={() => void put(null, o.validFrom)}
            >
              {t(
                `Bỏ mức đặt từ ${vnDay(o.validFrom)} (theo cấp trên)`,
                `Remove the value set from ${vnDay(o.validFrom)} (inherit)`,
              )}
            </button>
          ))}
        </div>
        {error.value && (
          <p class="warn" role="alert">
            {error.value}
          </p>
        )}
      </form>
    </li>
  );
}

/**
 * Cài đặt chỉ tiêu: each target's value in force for the chosen unit at the period's end, where it
 * comes from (the nearest ancestor's setting wins, as the targets do), edit from the period's
 * start, and reset to the inherited value.
 */
export function TargetSettings({
  unitId,
  from,
  to,
  onChange,
}: {
  unitId: string;
  from: string;
  to: string;
  onChange: () => void;
}) {
  const version = useSignal(0);
  const list = useFetch(
    () => api.api.targets.settings.effective.$get({ query: { unitId, on: to } }),
    [unitId, to, version.value],
  );
  const saved = () => {
    version.value++;
    onChange();
  };
  return (
    <section aria-labelledby="target-settings">
      <h2 id="target-settings">{t('Cài đặt chỉ tiêu', 'Target settings')}</h2>
      <p class="muted">
        {t(
          `Mức mới áp dụng từ ngày ${vnDay(from)} (đầu kỳ đang xem) cho đơn vị đã chọn và các đơn vị trực thuộc; mức đặt ở đơn vị gần nhất được dùng.`,
          `A new value applies from ${vnDay(from)} (the start of the period shown) to the chosen unit and the units under it; the nearest unit's value wins.`,
        )}
      </p>
      {list.error && (
        <p class="warn" role="alert">
          {list.error}
        </p>
      )}
      {!list.data && !list.error && <p>{t('Đang tải…', 'Loading…')}</p>}
      <ul class="cards" style="list-style:none;padding:0">
        {list.data?.map((x) => (
          <SettingRow
            key={`${x.targetId}/${x.value}/${x.own.length}`}
            x={x}
            unitId={unitId}
            from={from}
            onSaved={saved}
          />
        ))}
      </ul>
    </section>
  );
}
