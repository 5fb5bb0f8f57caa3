import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import type { Campaign } from '../../db/schema.js';
import { loadDefinitions } from '../../surveys/load.js';
import { RESPONDENT_ASSETS, formPage } from './respondent.js';

/** The respondent page's budget (issue 3): HTML + JS + CSS, as sent compressed. */
export const RESPONDENT_BUDGET_BYTES = 20 * 1024;

/** The server compresses pages per response with brotli at quality 5 (server/middleware/compression.ts). */
const br = (b: string | Buffer) =>
  brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }).length;

/**
 * The size on the wire of the respondent page for the longest shipped questionnaire: the HTML as
 * served (rendered by the same function the route uses), compressed as the server sends it, plus the
 * script and stylesheet it loads as their precompressed brotli files (written by the build).
 */
export async function measureRespondentPage(outDir: string) {
  const defs = loadDefinitions().map((d) => d.definition);
  const largest = defs.sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length)[0]!;
  const campaign: Campaign = {
    id: '00000000-0000-4000-8000-000000000000',
    survey_id: largest.id,
    survey_version: largest.version,
    name: 'Khảo sát sự hài lòng năm học 2026–2027',
    opens_at: '2026-11-01T00:00:00.000Z',
    closes_at: '2026-12-31T00:00:00.000Z',
    access: 'link',
    owner_unit_id: 'HN',
    created_by: null,
    created_at: '2026-11-01T00:00:00.000Z',
    archived_at: null,
  };
  const target = {
    campaign,
    unitId: 'HN-TAYHO-THCS-DONGTHAI',
    unitName: 'Trường Trung học cơ sở Đông Thái',
    token: null,
    definition: largest,
  };
  const html = String(
    await formPage(target, 'ABCDEFGHJK', {
      clientId: campaign.id,
      startedAt: campaign.opens_at,
      lang: 'vi',
    }),
  );
  const wire = (p: string) =>
    readFileSync(join(outDir, `${p.replace(/^\/assets\//, '')}.br`)).length;
  const js = RESPONDENT_ASSETS.scripts.reduce((n, p) => n + wire(p), 0);
  const css = RESPONDENT_ASSETS.styles.reduce((n, p) => n + wire(p), 0);
  const page = br(html);
  return { survey: largest.id, html: page, js, css, total: page + js + css };
}
