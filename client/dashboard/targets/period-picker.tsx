import type { Signal } from '@preact/signals';
import { t } from '../i18n.js';
import { useAppState } from '../state.js';

/** The unit and the period (inclusive Vietnamese dates) a targets or reports page is about. */
export interface Scope {
  unitId: Signal<string | null>;
  from: Signal<string>;
  to: Signal<string>;
}

/** This quarter in Vietnam's calendar, as [from, to]. */
export function currentQuarter(now = new Date()): [string, string] {
  const vn = new Date(now.getTime() + 7 * 3_600_000);
  const y = vn.getUTCFullYear();
  const q = Math.floor(vn.getUTCMonth() / 3);
  const end = new Date(Date.UTC(y, q * 3 + 3, 0));
  return [`${y}-${String(q * 3 + 1).padStart(2, '0')}-01`, end.toISOString().slice(0, 10)];
}

/** The scope as a request's query: the period, and the unit when one is chosen. */
export function scopeParams(s: Scope): { from: string; to: string; unitId?: string } {
  const p = { from: s.from.value, to: s.to.value };
  return s.unitId.value ? { ...p, unitId: s.unitId.value } : p;
}

export function PeriodPicker({ scope }: { scope: Scope }) {
  const { units, me } = useAppState();
  return (
    <div class="scope-bar">
      <label>
        {t('Đơn vị', 'Unit')}
        <select
          value={scope.unitId.value ?? me.value?.unit.id ?? ''}
          onChange={(e) => (scope.unitId.value = e.currentTarget.value)}
        >
          {units.value.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('Từ ngày', 'From')}
        <input
          type="date"
          value={scope.from.value}
          onChange={(e) => e.currentTarget.value && (scope.from.value = e.currentTarget.value)}
        />
      </label>
      <label>
        {t('Đến ngày', 'To')}
        <input
          type="date"
          value={scope.to.value}
          onChange={(e) => e.currentTarget.value && (scope.to.value = e.currentTarget.value)}
        />
      </label>
    </div>
  );
}

/** "2026-10-01" → "01/10/2026", the way dates are written in Vietnam. */
export function vnDay(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
