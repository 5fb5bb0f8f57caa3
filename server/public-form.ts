import type { AppDeps } from './context.js';
import { campaignState, openCode } from './responses.js';
import { respondentSurveyDto } from './question-type-dto.js';

/** The form as data for the respondent script (and any other client), in both languages. */
export async function formDto(deps: Pick<AppDeps, 'clock' | 'links' | 'surveys'>, code: string) {
  const t = await openCode(deps, code);
  return {
    campaign: {
      id: t.campaign.id,
      name: t.campaign.name,
      opensAt: t.campaign.opens_at,
      closesAt: t.campaign.closes_at,
      state: campaignState(t.campaign, deps.clock()),
    },
    unit: { id: t.unitId, name: t.unitName },
    ...(t.token ? { token: { used: t.token.usedAt !== null } } : {}),
    survey: respondentSurveyDto(t.definition),
  };
}
