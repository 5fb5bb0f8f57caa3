import { useEffect } from 'preact/hooks';
import { t } from '../i18n.js';
import type { UnitDto } from '../dto.js';
import { useAppState } from '../state.js';
import { dateOnly } from './format.js';
import { Empty, Loading } from '../status.js';
import { useIndicesState } from '../state.js';

/** The path from the user's root to `id`, root first. */
function trail(
  units: Map<string, UnitDto>,
  id: string | null,
  rootId: string | undefined,
): UnitDto[] {
  const out: UnitDto[] = [];
  let u = id ? units.get(id) : undefined;
  while (u) {
    out.unshift(u);
    if (u.id === rootId) break;
    u = u.parentId ? units.get(u.parentId) : undefined;
  }
  return out;
}

/** Campaign selector and the unit drill-down (breadcrumbs up, child list down). */
export function ScopeBar({ withUnit = true }: { withUnit?: boolean }) {
  const app = useAppState();
  const s = useIndicesState();
  useEffect(() => void s.loadCampaigns(), []);
  // The campaign and the unit shown are in the address, so the page can be shared as it is.
  useEffect(() => s.syncUrl(), [s.campaignId.value, s.unitId.value, app.path.value]);
  const units = app.unitsById.value;
  const current = s.currentUnitId.value;
  const crumbs = trail(units, current, app.me.value?.unit.id);
  const children = app.units.value.filter((u) => u.parentId === current);

  return (
    <div class="scope-bar">
      <label>
        {t('Đợt khảo sát', 'Survey campaign')}
        <select
          value={s.campaignId.value ?? ''}
          onChange={(e) => (s.campaignId.value = e.currentTarget.value || null)}
        >
          {s.selectable.value.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({dateOnly(c.opensAt)} – {dateOnly(c.closesAt)})
              {c.open ? ` · ${t('đang mở', 'open')}` : ''}
            </option>
          ))}
        </select>
      </label>
      {withUnit && (
        <nav aria-label={t('Đơn vị đang xem', 'Unit shown')} class="crumbs">
          {crumbs.map((u, i) =>
            i === crumbs.length - 1 ? (
              <strong key={u.id} aria-current="location">
                {u.name}
              </strong>
            ) : (
              <span key={u.id}>
                <button type="button" class="link" onClick={() => (s.unitId.value = u.id)}>
                  {u.name}
                </button>{' '}
                ›{' '}
              </span>
            ),
          )}
          {children.length > 0 && (
            <select
              aria-label={t('Xem đơn vị trực thuộc', 'Open a unit below')}
              value=""
              onChange={(e) => e.currentTarget.value && (s.unitId.value = e.currentTarget.value)}
            >
              <option value="">{t('— đơn vị trực thuộc —', '— units below —')}</option>
              {children.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </nav>
      )}
      {s.error.value && (
        <p class="error" role="alert">
          {s.error.value}
        </p>
      )}
      {s.campaigns.value === null && !s.error.value && (
        <Loading what={t('các đợt khảo sát', 'the campaigns')} />
      )}
      {s.campaigns.value?.length === 0 && (
        <Empty>
          <p>
            {t('Chưa có đợt khảo sát nào — ', 'No survey campaign yet — ')}
            <a
              href="/app/campaigns"
              onClick={(e) => {
                e.preventDefault();
                app.navigate('/app/campaigns');
              }}
            >
              {t('tạo đợt mới', 'create one')}
            </a>
            .
          </p>
        </Empty>
      )}
    </div>
  );
}
