import { KIND_LABEL, lang, t } from '../i18n.js';
import type { UnitDto } from '../dto.js';
import { useAppState } from '../state.js';

function Branch({ unit, children }: { unit: UnitDto; children: Map<string | null, UnitDto[]> }) {
  const kids = children.get(unit.id) ?? [];
  const kind = KIND_LABEL[unit.kind] ?? [unit.kind, unit.kind];
  return (
    <li>
      <span>{unit.name}</span>
      <span class="kind">
        {lang.value === 'en' ? kind[1] : kind[0]}
        {unit.level ? ` · ${unit.level}` : ''}
        {unit.eligible ? ` · ${unit.eligible} ${t('đối tượng', 'eligible')}` : ''}
      </span>
      {kids.length > 0 && (
        <ul>
          {kids.map((k) => (
            <Branch key={k.id} unit={k} children={children} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The signed-in user's subtree, as a tree. */
export function UnitsView() {
  const { units, me } = useAppState();
  const children = new Map<string | null, UnitDto[]>();
  for (const u of units.value) {
    const list = children.get(u.parentId) ?? [];
    list.push(u);
    children.set(u.parentId, list);
  }
  const root = units.value.find((u) => u.id === me.value?.unit.id);
  return (
    <section>
      <h1>{t('Đơn vị', 'Units')}</h1>
      <p class="muted">
        {t(
          `${units.value.length} đơn vị trong phạm vi của bạn`,
          `${units.value.length} units in your scope`,
        )}
      </p>
      {root && (
        <ul class="tree" aria-label={t('Cây đơn vị', 'Unit tree')}>
          <Branch unit={root} children={children} />
        </ul>
      )}
    </section>
  );
}
