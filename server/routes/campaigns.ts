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
  campaignDto,
  createCampaign,
  createTokens,
  formUrl,
  ZCreateCampaign,
  ZCreateTokens,
} from '../campaigns.js';
import {
  archiveCampaign,
  closeCampaign,
  deleteCampaign,
  duplicateCampaign,
  patchCampaign,
  ZDuplicateCampaign,
  ZPatchCampaign,
} from '../campaign-operations.js';
import type { AppEnv } from '../context.js';
import { MAX_TOKENS_PER_REQUEST } from '../domain/campaign-choice.js';
import { invalid } from '../errors.js';
import { fieldErrors, nulPaths, validate } from '../validate.js';
import { zValidator } from '@hono/zod-validator';
import { requireRole, requireStaff } from '../middleware/auth.js';
import { publicOrigin } from '../middleware/proxy.js';
import { posterPage, tokenListPage } from '../pages/campaign-print.js';
import campaignExports from './exports.js';
import campaignPublication from './campaign-publication.js';
import { hasPublicResults } from '../results/public.js';

const ZId = z.object({ id: z.string().min(1).max(100) });
const ZUnitParam = z.object({ id: z.string().min(1).max(100), unitId: z.string().min(1).max(100) });
/** A correction of the population N frozen into the campaign for one unit (0: not declared). */
const ZCampaignUnitPatch = z.object({ eligible: z.number().int().min(0).max(10_000_000) }).strict();

const ZListQuery = z.object({ archived: z.enum(['exclude', 'include', 'only']).optional() });

/** A request for too many codes is told the limit in words, not only "the request is not valid". */
const validateTokens = zValidator('json', ZCreateTokens, (result) => {
  if (result.success) {
    if (nulPaths(result.data).length) throw invalid([{ path: 'unitId', message: 'NUL' }]);
    return;
  }
  const tooMany = result.error.issues.some((i) => i.path[0] === 'count' && i.code === 'too_big');
  throw invalid(
    fieldErrors(result.error),
    tooMany
      ? {
          vi: `Mỗi lần chỉ tạo được tối đa ${MAX_TOKENS_PER_REQUEST} mã. Hãy tạo nhiều lần.`,
          en: `At most ${MAX_TOKENS_PER_REQUEST} codes per request: make them in several batches.`,
        }
      : undefined,
  );
});

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
  .route('/', campaignPublication)
  .get('/', validate('query', ZListQuery), async (c) => {
    const { db, clock } = c.var.deps;
    const { archived } = c.req.valid('query');
    return c.json(await campaignList(db, c.var.staff.root, clock(), archived));
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
    '/:id',
    requireRole('manager'),
    validate('param', ZId),
    validate('json', ZPatchCampaign),
    async (c) => {
      const { deps, staff } = c.var;
      const id = c.req.valid('param').id;
      const campaign = await patchCampaign(
        deps,
        staff.root,
        id,
        c.req.valid('json'),
        staff.user.id,
      );
      return c.json(campaignDto(campaign, deps.clock()));
    },
  )
  .post('/:id/close', requireRole('manager'), validate('param', ZId), async (c) => {
    const { deps, staff } = c.var;
    const campaign = await closeCampaign(deps, staff.root, c.req.valid('param').id, staff.user.id);
    return c.json(campaignDto(campaign, deps.clock()));
  })
  .delete('/:id', requireRole('manager'), validate('param', ZId), async (c) => {
    await deleteCampaign(
      c.var.deps,
      c.var.staff.root,
      c.req.valid('param').id,
      c.var.staff.user.id,
    );
    return c.body(null, 204);
  })
  .post('/:id/archive', requireRole('manager'), validate('param', ZId), async (c) => {
    const { deps, staff } = c.var;
    const campaign = await archiveCampaign(
      deps,
      staff.root,
      c.req.valid('param').id,
      true,
      staff.user.id,
    );
    return c.json(campaignDto(campaign, deps.clock()));
  })
  .post('/:id/unarchive', requireRole('manager'), validate('param', ZId), async (c) => {
    const { deps, staff } = c.var;
    const campaign = await archiveCampaign(
      deps,
      staff.root,
      c.req.valid('param').id,
      false,
      staff.user.id,
    );
    return c.json(campaignDto(campaign, deps.clock()));
  })
  .post(
    '/:id/duplicate',
    requireRole('manager'),
    validate('param', ZId),
    validate('json', ZDuplicateCampaign),
    async (c) => {
      const { user, root } = c.var.staff;
      const { campaign, units } = await duplicateCampaign(
        c.var.deps,
        { userId: user.id, root },
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json(createdCampaignDto(campaign, units, origin(c), c.var.deps.clock()), 201);
    },
  )
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
    validateTokens,
    async (c) => {
      const { unitId, count } = c.req.valid('json');
      const { campaign } = await unitOf(c, c.req.valid('param').id, unitId);
      const codes = await createTokens(c.var.deps, campaign.id, unitId, count);
      // audit: one-time codes made (count, unit), by the signed-in user
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
    const tokens = [];
    for (const code of codes) {
      const qrSvg = await QRCode.toString(formUrl(origin(c), code), {
        type: 'svg',
        errorCorrectionLevel: 'M',
        margin: 0,
      });
      tokens.push({ code, qrSvg });
    }
    return c.html(tokenListPage({ campaign, unitName: unit.name, origin: origin(c), tokens }));
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
    const published = await hasPublicResults(c.var.deps, unit.unit_id, c.var.deps.clock());
    return c.html(
      posterPage({
        campaign,
        unitName: unit.name,
        url,
        code: unit.code,
        qrSvg: svg,
        surveyTitle: def?.title.vi ?? '',
        resultsUrl: published ? `${origin(c)}/results/${unit.unit_id}` : undefined,
      }),
    );
  });

export default campaigns;
