import { Hono, type Context } from 'hono';
import QRCode from 'qrcode';
import { z } from 'zod';
import {
  campaignDetail,
  campaignList,
  campaignUnitInScope,
  createdCampaignDto,
  setUnitEligible,
  tokenList,
  unusedTokenCodes,
} from '../campaign-views.js';
import {
  createCampaign,
  createTokens,
  formUrl,
  ZCreateCampaign,
  ZCreateTokens,
} from '../campaigns.js';
import type { AppEnv } from '../context.js';
import { requireRole, requireStaff } from '../middleware/auth.js';
import { publicOrigin } from '../middleware/proxy.js';
import { posterPage, tokenListPage } from '../pages/campaign-print.js';
import { validate } from '../validate.js';
import campaignExports from './exports.js';

const ZId = z.object({ id: z.string().min(1).max(100) });
const ZUnitParam = z.object({ id: z.string().min(1).max(100), unitId: z.string().min(1).max(100) });
/** A correction of the population N frozen into the campaign for one unit (0: not declared). */
const ZCampaignUnitPatch = z.object({ eligible: z.number().int().min(0).max(10_000_000) }).strict();

function origin(c: Context<AppEnv>): string {
  return publicOrigin(c);
}

/** The campaign and one of its target units inside the user's subtree, else 404. */
function unitOf(c: Context<AppEnv>, id: string, unitId: string) {
  return campaignUnitInScope(c.var.deps.db, c.var.staff.root, id, unitId);
}

const campaigns = new Hono<AppEnv>()
  .use(requireStaff)
  .route('/', campaignExports)
  .get('/', async (c) => {
    const { db, clock } = c.var.deps;
    return c.json(await campaignList(db, c.var.staff.root, clock()));
  })
  .post('/', requireRole('manager'), validate('json', ZCreateCampaign), async (c) => {
    const { user, root } = c.var.staff;
    const { campaign, units } = await createCampaign(
      c.var.deps,
      { userId: user.id, root },
      c.req.valid('json'),
    );
    return c.json(createdCampaignDto(campaign, units, origin(c), c.var.deps.clock()), 201);
  })
  .get('/:id', validate('param', ZId), async (c) => {
    const { clock } = c.var.deps;
    const id = c.req.valid('param').id;
    return c.json(await campaignDetail(c.var.deps, c.var.staff.root, id, origin(c), clock()));
  })
  .patch(
    '/:id/units/:unitId',
    requireRole('manager'),
    validate('param', ZUnitParam),
    validate('json', ZCampaignUnitPatch),
    async (c) => {
      const p = c.req.valid('param');
      const { campaign, unit } = await unitOf(c, p.id, p.unitId);
      const { eligible } = c.req.valid('json');
      return c.json(await setUnitEligible(c.var.deps.db, campaign.id, unit.unit_id, eligible));
    },
  )
  .post(
    '/:id/tokens',
    requireRole('manager'),
    validate('param', ZId),
    validate('json', ZCreateTokens),
    async (c) => {
      const { unitId, count } = c.req.valid('json');
      const { campaign } = await unitOf(c, c.req.valid('param').id, unitId);
      const codes = await createTokens(c.var.deps, campaign.id, unitId, count);
      return c.json(
        { tokens: codes.map((code) => ({ code, url: formUrl(origin(c), code) })) },
        201,
      );
    },
  )
  .get(
    '/:id/tokens',
    validate('param', ZId),
    validate('query', z.object({ unitId: z.string().max(100) })),
    async (c) => {
      const { campaign, unit } = await unitOf(
        c,
        c.req.valid('param').id,
        c.req.valid('query').unitId,
      );
      return c.json(await tokenList(c.var.deps.db, campaign.id, unit.unit_id, origin(c)));
    },
  )
  .get('/:id/units/:unitId/tokens.html', validate('param', ZUnitParam), async (c) => {
    const p = c.req.valid('param');
    const { campaign, unit } = await unitOf(c, p.id, p.unitId);
    const codes = await unusedTokenCodes(c.var.deps.db, campaign.id, unit.unit_id);
    return c.html(
      tokenListPage({
        campaign,
        unitName: unit.name,
        origin: origin(c),
        codes,
      }),
    );
  })
  .get('/:id/units/:unitId/qr.svg', validate('param', ZUnitParam), async (c) => {
    const p = c.req.valid('param');
    const { unit } = await unitOf(c, p.id, p.unitId);
    const svg = await QRCode.toString(formUrl(origin(c), unit.code), {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 2,
    });
    return c.body(svg, 200, { 'content-type': 'image/svg+xml; charset=utf-8' });
  })
  .get('/:id/units/:unitId/qr.png', validate('param', ZUnitParam), async (c) => {
    const p = c.req.valid('param');
    const { unit } = await unitOf(c, p.id, p.unitId);
    const png = await QRCode.toBuffer(formUrl(origin(c), unit.code), {
      type: 'png',
      errorCorrectionLevel: 'M',
      margin: 2,
      width: 1024,
    });
    return c.body(new Uint8Array(png), 200, { 'content-type': 'image/png' });
  })
  .get('/:id/units/:unitId/poster', validate('param', ZUnitParam), async (c) => {
    const p = c.req.valid('param');
    const { campaign, unit } = await unitOf(c, p.id, p.unitId);
    const url = formUrl(origin(c), unit.code);
    const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
    const def = await c.var.deps.surveys.get(campaign.survey_id, campaign.survey_version);
    return c.html(
      posterPage({
        campaign,
        unitName: unit.name,
        url,
        code: unit.code,
        qrSvg: svg,
        surveyTitle: def?.title.vi ?? '',
      }),
    );
  });

export default campaigns;
