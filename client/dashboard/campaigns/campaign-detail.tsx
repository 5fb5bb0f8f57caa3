import { useSignal } from '@preact/signals';
import { MAX_TOKENS_PER_REQUEST } from '../../../server/domain/campaign-choice.js';
import { formatVnDate, formatVnDateTime } from '../../../server/domain/vn-time.js';
import { api, call } from '../api.js';
import { t } from '../i18n.js';
import { useFetch } from '../indices/use-fetch.js';
import { useAppState } from '../state.js';
import { CampaignActions } from './campaign-actions.js';
import { PublishResults } from './publish-results.js';
import type { SurveyDefinitionDto } from '../dto.js';

export const CAMPAIGN_STATE: Record<string, [string, string]> = {
  open: ['đang mở', 'open'],
  not_yet_open: ['chưa mở', 'not yet open'],
  closed: ['đã đóng', 'closed'],
};

/** 'dd/mm/yyyy hh:mm' (or the date alone) as read in Vietnam, whatever the browser's zone. */
export const when = (iso: string, dateOnly = false): string =>
  dateOnly ? formatVnDate(iso) : formatVnDateTime(iso);

function TokenButton({
  campaignId,
  unitId,
  name,
  onDone,
}: {
  campaignId: string;
  unitId: string;
  name: string;
  onDone: () => void;
}) {
  const count = useSignal(50);
  const busy = useSignal(false);
  const error = useSignal<string | null>(null);
  const tooMany = count.value > MAX_TOKENS_PER_REQUEST;
  return (
    <span class="token-make">
      <label class="sr-only" for={`n-${unitId}`}>
        {t(`Số mã cần tạo cho ${name}`, `How many codes for ${name}`)}
      </label>
      <input
        id={`n-${unitId}`}
        type="number"
        min={1}
        max={MAX_TOKENS_PER_REQUEST}
        value={count.value}
        aria-invalid={tooMany}
        aria-describedby={`n-${unitId}-err`}
        onInput={(e) => {
          count.value = Number(e.currentTarget.value);
          error.value = null;
        }}
      />{' '}
      <button
        type="button"
        class="secondary"
        disabled={busy.value || tooMany || !(count.value >= 1)}
        onClick={async () => {
          busy.value = true;
          error.value = null;
          await call(
            api.api.campaigns[':id'].tokens.$post({
              param: { id: encodeURIComponent(campaignId) },
              json: { unitId, count: count.value },
            }),
          )
            .then(
              onDone,
              (e: unknown) => (error.value = e instanceof Error ? e.message : String(e)),
            )
            .finally(() => (busy.value = false));
        }}
      >
        {t('Tạo mã', 'Make codes')}
      </button>
      <span id={`n-${unitId}-err`} class="error" role="alert">
        {tooMany
          ? t(
              `Mỗi lần chỉ tạo được tối đa ${MAX_TOKENS_PER_REQUEST} mã. Hãy tạo nhiều lần.`,
              `At most ${MAX_TOKENS_PER_REQUEST} codes at a time: make them in several batches.`,
            )
          : error.value}
      </span>
    </span>
  );
}

/**
 * The population N frozen into this campaign for one school: later edits of the school do not
 * change it; staff correct it here (0: not declared).
 */
function EligibleField({
  campaignId,
  unitId,
  name,
  value,
  onDone,
}: {
  campaignId: string;
  unitId: string;
  name: string;
  value: number;
  onDone: () => void;
}) {
  const n = useSignal(value);
  const busy = useSignal(false);
  const error = useSignal('');
  return (
    <span>
      <label class="sr-only" for={`N-${unitId}`}>
        {t(`Số đối tượng khảo sát của ${name}`, `Eligible respondents at ${name}`)}
      </label>
      <input
        id={`N-${unitId}`}
        type="number"
        min={0}
        max={10000000}
        value={n.value}
        style="width:7rem"
        onInput={(e) => (n.value = Number(e.currentTarget.value))}
      />{' '}
      <button
        type="button"
        class="secondary"
        disabled={busy.value || n.value === value}
        onClick={async () => {
          busy.value = true;
          error.value = '';
          await call(
            api.api.campaigns[':id'].units[':unitId'].$patch({
              param: { id: encodeURIComponent(campaignId), unitId: encodeURIComponent(unitId) },
              json: { eligible: n.value },
            }),
          )
            .then(
              onDone,
              () =>
                (error.value = t(
                  'Không lưu được: số đối tượng phải là số nguyên từ 0.',
                  'Not saved: a whole number from 0.',
                )),
            )
            .finally(() => (busy.value = false));
        }}
      >
        {t('Lưu', 'Save')}
      </button>
      {error.value && (
        <span class="error" role="alert">
          {' '}
          {error.value}
        </span>
      )}
    </span>
  );
}

/** The questionnaire's title in the chosen language (its id only until the list has come). */
function surveyTitle(list: SurveyDefinitionDto[] | undefined, id: string): string {
  const title = list?.find((s) => s.id === id)?.title;
  return title ? t(title.vi, title.en ?? title.vi) : '';
}

/** One campaign: per school its responses, population N, link, QR code, poster, and one-time codes. */
export function CampaignDetail({ id }: { id: string }) {
  const { me } = useAppState();
  const reload = useSignal(0);
  const c = useFetch(
    () => api.api.campaigns[':id'].$get({ param: { id: encodeURIComponent(id) } }),
    [id, reload.value],
  );
  const surveys = useFetch(() => api.api.surveys.$get({ query: {} }), []);
  const mayEdit = me.value?.user.role !== 'viewer';
  if (c.error)
    return (
      <p class="error" role="alert">
        {c.error}
      </p>
    );
  if (!c.data) return <p>{t('Đang tải…', 'Loading…')}</p>;
  const d = c.data;
  const campaign = api.api.campaigns[':id'];
  const cid = encodeURIComponent(d.id);
  const exportPath = (format: 'csv' | 'xlsx') =>
    campaign.export.$path({ param: { id: cid }, query: { format } });
  const unitPaths = (unitId: string) => {
    const param = { id: cid, unitId: encodeURIComponent(unitId) };
    const unit = campaign.units[':unitId'];
    return {
      qrSvg: unit['qr.svg'].$path({ param }),
      qrPng: unit['qr.png'].$path({ param }),
      poster: unit.poster.$path({ param }),
      tokens: unit['tokens.html'].$path({ param }),
    };
  };
  return (
    <section>
      <h1>{d.name}</h1>
      <p class="muted">
        {surveyTitle(surveys.data, d.surveyId)} · {when(d.opensAt)} – {when(d.closesAt)} ·{' '}
        {t(...(CAMPAIGN_STATE[d.state] ?? [d.state, d.state]))}
        {d.archivedAt && ` · ${t('đã lưu trữ', 'archived')}`}
      </p>
      {mayEdit && d.manageable && <CampaignActions d={d} onDone={() => reload.value++} />}
      <p>
        <a href={exportPath('csv')}>{t('Tải dữ liệu phiếu (CSV)', 'Download responses (CSV)')}</a>
        {' · '}
        <a href={exportPath('xlsx')}>XLSX</a>
      </p>
      <div class="table-scroll">
        <table class="token-counts">
          <thead>
            <tr>
              <th>{t('Trường', 'School')}</th>
              <th class="num">{t('Số phiếu', 'Responses')}</th>
              {d.access === 'token' && (
                <>
                  <th class="num">{t('Mã đã tạo', 'Codes made')}</th>
                  <th class="num">{t('Đã dùng', 'Used')}</th>
                  <th class="num">{t('Chưa dùng', 'Unused')}</th>
                </>
              )}
              <th>{t('Số đối tượng (N) của đợt', "Campaign's eligible count (N)")}</th>
              <th>{t('Truy cập', 'Access')}</th>
            </tr>
          </thead>
          <tbody>
            {d.units.map((u) => (
              <tr key={u.unitId}>
                <td>{u.name}</td>
                <td class="num">{u.responses}</td>
                {u.tokens && (
                  <>
                    <td class="num">{u.tokens.total}</td>
                    <td class="num">{u.tokens.used}</td>
                    <td class="num">{u.tokens.unused}</td>
                  </>
                )}
                <td>
                  {mayEdit ? (
                    <EligibleField
                      key={`${u.unitId}-${u.eligible}`}
                      campaignId={d.id}
                      unitId={u.unitId}
                      name={u.name}
                      value={u.eligible}
                      onDone={() => reload.value++}
                    />
                  ) : (
                    u.eligible || '—'
                  )}
                </td>
                <td>
                  {u.url ? (
                    <span class="campaign-access">
                      <img
                        src={unitPaths(u.unitId).qrSvg}
                        width={72}
                        height={72}
                        alt={t(`Mã QR của ${u.name}`, `QR code for ${u.name}`)}
                      />
                      <a href={u.url}>{u.url}</a>
                      {' · '}
                      <a href={unitPaths(u.unitId).poster} target="_blank" rel="noopener">
                        {t('Áp phích A4', 'A4 poster')}
                      </a>
                      {' · '}
                      <a href={unitPaths(u.unitId).qrPng} download>
                        {t('QR (PNG)', 'QR (PNG)')}
                      </a>
                    </span>
                  ) : (
                    <span>
                      <a href={unitPaths(u.unitId).tokens} target="_blank" rel="noopener">
                        {t(
                          'In phiếu mã (10 phiếu một trang A4)',
                          'Print code slips (10 per A4 page)',
                        )}
                      </a>{' '}
                      {mayEdit && (
                        <TokenButton
                          campaignId={d.id}
                          unitId={u.unitId}
                          name={u.name}
                          onDone={() => reload.value++}
                        />
                      )}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* Last: it loads on its own, and nothing above it moves when it appears. */}
      <PublishResults campaignId={d.id} mayPublish={mayEdit} reload={reload.value} />
    </section>
  );
}
