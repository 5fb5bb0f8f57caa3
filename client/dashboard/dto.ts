import type { api, Res } from './api.js';

/**
 * The dashboard's names for the server's answers, every one inferred from its route (never
 * declared here by hand): a route that changes its answer breaks the views that read it.
 */
type Api = typeof api.api;

export type Me = Res<Api['auth']['me']['$get']>;
export type UnitDto = Res<Api['units']['$get']>[number];
export type PublicUnitDto = Res<Api['public']['units']['$get']>[number];

export type CampaignDto = Res<Api['campaigns']['$get']>[number];
export type CampaignDetailDto = Res<Api['campaigns'][':id']['$get']>;
export type SurveyDefinitionDto = Res<Api['surveys']['$get']>[number];

export type CampaignSummaryDto = Res<Api['indices']['campaigns']['$get']>[number];
export type IndicesDto = Res<Api['indices']['$get']>;
export type ChildRankDto = Res<Api['indices']['children']['$get']>['children'][number];
export type TrendDto = Res<Api['indices']['trend']['$get']>;
export type SuggestionsDto = Res<Api['indices']['suggestions']['$get']>;
export type QualityDto = Res<Api['indices']['quality']['$get']>;
export type LiveDto = Res<Api['indices']['live']['$get']>;

export type TargetResultDto = Res<Api['targets']['$get']>[number];
export type TargetTrendQuarterDto = Res<Api['targets']['trend']['$get']>[number];

export type CalendarDto = Res<Api['holidays']['$get']>;
export type ReportCalendarDto = Res<Api['reports']['calendar']['$get']>;

export type FeedbackListDto = Res<Api['feedback']['$get']>;
export type FeedbackDetailDto = Res<Api['feedback'][':id']['$get']>;
export type SurveyItem = Res<Api['surveys']['$get']>[number];
export type SurveyDetail = Res<Api['surveys'][':id']['$get']>;
export type SurveyDiff = Res<Api['surveys'][':id']['diff']['$get']>;
export type EffectiveTargetDto = Res<Api['targets']['settings']['effective']['$get']>[number];
