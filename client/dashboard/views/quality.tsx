import { formatVnTimeDate } from '../../../server/domain/vn-time.js';
import { Loading } from '../status.js';
import { t } from '../i18n.js';
import { ScrollRegion } from '../scroll-region.js';
import { count, pct } from '../indices/format.js';
import { ScopeBar } from '../indices/scope-bar.js';
import { useIndicesState } from '../state.js';
import { useFetch } from '../indices/use-fetch.js';
import { api } from '../api.js';
import { useAppState } from '../state.js';

const time = (iso: string) => formatVnTimeDate(iso);

/**
 * "Mẫu A", "Mẫu B", …: a burst's answer pattern named by its first appearance, never the hash
 * itself (a person can compare letters, not 32 hex digits).
 */
function patternName(patterns: Map<string, number>, fingerprint: string): string {
  if (!patterns.has(fingerprint)) patterns.set(fingerprint, patterns.size);
  const i = patterns.get(fingerprint)!;
  const letter = String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : '');
  return t(`Mẫu ${letter}`, `Pattern ${letter}`);
}

/** Quality flags: they point at responses to look at; nothing is removed from the figures. */
export function QualityView() {
  const s = useIndicesState();
  const { unitsById } = useAppState();
  const q = s.query();
  const res = useFetch(q ? () => api.api.indices.quality.$get({ query: q }) : null, [
    q?.campaignId,
    q?.unitId,
  ]);
  const d = res.data;
  const patterns = new Map<string, number>();
  return (
    <section aria-busy={res.loading}>
      <h1>{t('Chất lượng dữ liệu', 'Data quality')}</h1>
      <ScopeBar />
      <p class="muted">
        {t(
          'Các dấu hiệu chỉ để cán bộ xem xét; mọi phiếu vẫn được tính trong chỉ số.',
          'Signals for staff to review; every response still counts in the indices.',
        )}
      </p>
      {res.loading && !d && <Loading what={t('chỉ số chất lượng', 'the quality signals')} />}
      {res.error && (
        <p class="error" role="alert">
          {res.error}
        </p>
      )}
      {d && (
        <>
          <div class="cards">
            <div class="card">
              <div class="muted">{t('Phiếu làm quá nhanh', 'Completed implausibly fast')}</div>
              <div class="big">{pct(d.fastShare)}</div>
              <div class="muted">
                {count(d.fast)} / {count(d.responses)}
              </div>
            </div>
            <div class="card">
              <div class="muted">
                {t('Đợt phiếu giống hệt nhau', 'Bursts of identical responses')}
              </div>
              <div class={d.bursts.length ? 'big warn' : 'big'}>{count(d.bursts.length)}</div>
              <div class="muted">
                {t(
                  `≥ ${d.rules.minRepeats} phiếu giống nhau trong ${d.rules.windowMinutes} phút tại một đơn vị`,
                  `≥ ${d.rules.minRepeats} identical within ${d.rules.windowMinutes} min at one unit`,
                )}
              </div>
            </div>
            <div class="card">
              <div class="muted">{t('Chạm dồn dập tại quầy', 'Rapid taps at a counter')}</div>
              <div class={d.deviceBursts.length ? 'big warn' : 'big'}>
                {count(d.deviceBursts.length)}
              </div>
              <div class="muted">
                {t(
                  `≥ ${d.deviceRules.minTaps} lượt chạm trong ${d.deviceRules.windowSeconds} giây trên một máy`,
                  `≥ ${d.deviceRules.minTaps} taps within ${d.deviceRules.windowSeconds} s on one device`,
                )}
              </div>
            </div>
          </div>
          {d.deviceBursts.length > 0 && (
            <ScrollRegion label={t('Chạm dồn dập tại quầy', 'Rapid taps at a counter')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('Máy tại quầy', 'Counter device')}</th>
                    <th scope="col">{t('Đơn vị', 'Unit')}</th>
                    <th scope="col" class="num">
                      {t('Số lượt chạm', 'Taps')}
                    </th>
                    <th scope="col">{t('Từ', 'From')}</th>
                    <th scope="col">{t('Đến', 'To')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.deviceBursts.map((b) => (
                    <tr key={`${b.kioskId}-${b.from}`}>
                      <th scope="row">{b.kioskName}</th>
                      <td>{unitsById.value.get(b.unitId)?.name ?? b.unitId}</td>
                      <td class="num">{count(b.count)}</td>
                      <td>{time(b.from)}</td>
                      <td>{time(b.to)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          {d.bursts.length > 0 && (
            <p class="muted">
              {t(
                'Các đợt cùng một mẫu trả lời (cùng chữ cái) có các câu trả lời giống hệt nhau.',
                'Bursts with the same answer pattern (same letter) gave identical answers.',
              )}
            </p>
          )}
          {d.bursts.length > 0 && (
            <ScrollRegion label={t('Các đợt phiếu giống nhau', 'Bursts of identical responses')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('Đơn vị', 'Unit')}</th>
                    <th scope="col" class="num">
                      {t('Số phiếu', 'Responses')}
                    </th>
                    <th scope="col">{t('Từ', 'From')}</th>
                    <th scope="col">{t('Đến', 'To')}</th>
                    <th scope="col">{t('Mẫu trả lời', 'Answer pattern')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.bursts.map((b) => (
                    <tr key={`${b.unitId}-${b.fingerprint}-${b.from}`}>
                      <th scope="row">{unitsById.value.get(b.unitId)?.name ?? b.unitId}</th>
                      <td class="num">{count(b.count)}</td>
                      <td>{time(b.from)}</td>
                      <td>{time(b.to)}</td>
                      <td>{patternName(patterns, b.fingerprint)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </>
      )}
    </section>
  );
}
