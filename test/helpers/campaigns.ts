import type { TestApp } from './app.js';

export interface CampaignOpts {
  surveyId?: string;
  access?: 'link' | 'token';
  unitIds?: string[];
  opensAt?: string;
  closesAt?: string;
  as?: string;
}

/** A campaign created through the API by a manager (Tây Hồ by default), open around the test clock. */
export async function createCampaign(t: TestApp, opts: CampaignOpts = {}) {
  const now = t.clock().getTime();
  const cookie = await t.login(opts.as ?? 'tayho@demo.vn');
  const res = await t.req('/api/campaigns', {
    cookie,
    body: {
      surveyId: opts.surveyId ?? 'edu-thcs',
      name: 'Khảo sát thử',
      opensAt: opts.opensAt ?? new Date(now - 86_400_000).toISOString(),
      closesAt: opts.closesAt ?? new Date(now + 30 * 86_400_000).toISOString(),
      unitIds: opts.unitIds ?? ['HN-TAYHO-THCS-DONGTHAI', 'HN-TAYHO-THCS-TULIEN'],
      access: opts.access ?? 'link',
    },
  });
  if (res.status !== 201) throw new Error(`campaign: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { id: string; links: { unitId: string; code: string; url: string }[] };
  return { ...body, cookie };
}

/** Every required edu-thcs likert question answered `value`, the rest left out. */
export function thcsAnswers(value: number | null = 4): Record<string, unknown> {
  const ids = ['tc1', 'tc2', 'tc3', 'tc4', 'vc1', 'vc2', 'vc3', 'vc4', 'mt1', 'mt2', 'mt3', 'mt4'];
  ids.push('hd1', 'hd2', 'hd3', 'hd4', 'hd5', 'kq1', 'kq2', 'kq3', 'kq4', 'hai_long_chung');
  return Object.fromEntries(ids.map((id) => [id, value]));
}

export function submit(t: TestApp, code: string, body: unknown) {
  return t.req(`/api/public/forms/${code}/responses`, { body });
}
