import { useSignal } from '@preact/signals';
import { t } from '../i18n.js';
import { pct } from '../indices/format.js';
import { api } from '../api.js';
import type { TargetResultDto, TargetTrendQuarterDto } from '../dto.js';
import { useFetch } from '../indices/use-fetch.js';
import { useIndicesState } from '../state.js';
import { useAppState } from '../state.js';
import { currentQuarter, PeriodPicker, scopeParams, type Scope } from '../targets/period-picker.js';
import { TargetSettings } from '../targets/settings-panel.js';

type TargetStatus = TargetResultDto['status'];
type FailingItem = TargetResultDto['failing'][number];

const STATUS: Record<TargetStatus, [string, string, string]> = {
  met: ['Đạt', 'Met', 'ok'],
  missed: ['Không đạt', 'Missed', 'warn'],
  no_data: ['Chưa có dữ liệu', 'No data yet', 'muted'],
};

function FailingLink({ item }: { item: FailingItem }) {
  const { navigate } = useAppState();
  const indices = useIndicesState();
  if (item.kind === 'tthc_file')
    // A file lives in the one-stop system, not here: its code and procedure name it.
    return (
      <li>
        <strong>{item.label}</strong>
        {item.detail && <span> — {t(item.detail, item.detailEn ?? item.detail)}</span>}
      </li>
    );
  const isUnit = item.kind !== 'feedback';
  const href = isUnit
    ? `/app/overview?unitId=${encodeURIComponent(item.id)}`
    : `/app/feedback/${item.id}`;
  const open = (e: MouseEvent) => {
    e.preventDefault();
    if (isUnit) indices.unitId.value = item.id; // the overview is already mounted state: drill in
    navigate(href);
  };
  return (
    <li>
      <a href={href} onClick={open}>
        {item.label}
      </a>
      {item.detail && <span class="muted"> — {t(item.detail, item.detailEn ?? item.detail)}</span>}
    </li>
  );
}

/** The last quarters of one target as small bars, each labelled with its value. */
function Trend({ id, trend }: { id: string; trend: TargetTrendQuarterDto[] }) {
  return (
    <ol
      class="target-trend"
      aria-label={t('Diễn biến 4 quý gần nhất', 'Last 4 quarters')}
      style="display:flex;gap:.4rem;list-style:none;padding:0;margin:.5rem 0;align-items:end"
    >
      {trend.map((q) => {
        const x = q.targets.find((y) => y.id === id);
        const v = x?.value ?? null;
        return (
          <li key={q.label} style="flex:1;text-align:center;font-size:.75rem">
            <div
              class={x ? STATUS[x.status][2] : 'muted'}
              style={`height:${v === null ? 2 : Math.max(2, Math.round((v / 100) * 40))}px;background:currentColor;opacity:.6`}
            />
            <div>{pct(v)}</div>
            <div class="muted">{q.label}</div>
          </li>
        );
      })}
    </ol>
  );
}

function TargetCard({ x, trend }: { x: TargetResultDto; trend: TargetTrendQuarterDto[] }) {
  const [vi, en, cls] = STATUS[x.status];
  return (
    <article class="card" aria-labelledby={`t-${x.id}`}>
      <h2 id={`t-${x.id}`} style="font-size:1rem;margin:0 0 .4rem">
        {t(x.label, x.labelEn)}
      </h2>
      <div class={`big ${cls}`}>{pct(x.value)}</div>
      <p style="margin:.2rem 0">
        <strong class={cls}>{t(vi, en)}</strong> · {t('chỉ tiêu', 'target')} {pct(x.target)}
      </p>
      <p class="muted" style="margin:.2rem 0">
        {x.numerator}/{x.denominator}
        {x.pending > 0 && t(` · ${x.pending} chưa đến hạn`, ` · ${x.pending} not yet due`)}
      </p>
      {x.basis && (
        <p class="muted" style="margin:.2rem 0">
          {t('Căn cứ', 'Basis')}: {t(x.basis.vi, x.basis.en)}
        </p>
      )}
      {x.note && (
        <p class="muted" style="margin:.2rem 0">
          {t(x.note.vi, x.note.en)}
        </p>
      )}
      <Trend id={x.id} trend={trend} />
      {x.failing.length > 0 && (
        <details>
          <summary>
            {t(`${x.failing.length} trường hợp không đạt`, `${x.failing.length} failing`)}
          </summary>
          <ul aria-label={t('Trường hợp không đạt', 'Failing items')}>
            {x.failing.map((f, i) => (
              <FailingLink key={`${f.id}/${i}`} item={f} />
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}

/** The "100%" targets: a card per target, each naming what breaks it. */
export function TargetsView() {
  const [from, to] = currentQuarter();
  const scope: Scope = {
    unitId: useSignal<string | null>(null),
    from: useSignal(from),
    to: useSignal(to),
  };
  const { me } = useAppState();
  const reload = useSignal(0);
  const query = scopeParams(scope);
  const list = useFetch(
    () => api.api.targets.$get({ query }),
    [query.from, query.to, query.unitId, reload.value],
  );
  const unitId = query.unitId ?? me.value?.unit.id;
  const trendQuery = query.unitId ? { unitId: query.unitId } : {};
  const trend = useFetch(() => api.api.targets.trend.$get({ query: trendQuery }), [query.unitId]);
  return (
    <section>
      <h1>{t('Chỉ tiêu', 'Targets')}</h1>
      <PeriodPicker scope={scope} />
      {list.error && (
        <p class="warn" role="alert">
          {list.error}
        </p>
      )}
      {!list.data && !list.error && <p>{t('Đang tải…', 'Loading…')}</p>}
      <div class="cards">
        {list.data?.map((x) => (
          <TargetCard key={x.id} x={x} trend={trend.data ?? []} />
        ))}
      </div>
      {me.value?.user.role === 'admin' && unitId && (
        <TargetSettings
          unitId={unitId}
          from={query.from}
          to={query.to}
          onChange={() => reload.value++}
        />
      )}
    </section>
  );
}
