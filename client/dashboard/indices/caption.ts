import { t } from '../i18n.js';
import { useAppState } from '../state.js';
import { dateOnly } from './format.js';

/**
 * Which unit and campaign the figures on an indices page are for, as a caption reads it:
 * "Phòng GDĐT Tây Hồ, đợt Khảo sát học kỳ I (1/9/2026 – 30/9/2026)".
 */
export function useScopeText(): string {
  const app = useAppState();
  const s = app.indices;
  const unit = app.unitsById.value.get(s.currentUnitId.value ?? '')?.name ?? '';
  const c = s.campaign.value;
  if (!c) return unit;
  const period = `${dateOnly(c.opensAt)} – ${dateOnly(c.closesAt)}`;
  return `${unit}, ${t('đợt', 'campaign')} ${c.name} (${period})`;
}
