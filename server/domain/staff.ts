import { z } from 'zod';

/**
 * Staff roles, unit kinds and campaign access, in one place. It imports nothing but zod, so
 * db/schema.ts (its types), the server, the command-line tools and the dashboard share it.
 *
 * Each schema is marked pure: a bundle that uses only the lists and labels (the dashboard)
 * drops the schemas, and zod with them.
 */

export const ROLES = ['admin', 'manager', 'viewer'] as const;
export const ZRole = /* @__PURE__ */ z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

export const UNIT_KINDS = ['department', 'office', 'commune', 'school'] as const;
export const ZUnitKind = /* @__PURE__ */ z.enum(UNIT_KINDS);
export type TUnitKind = z.infer<typeof ZUnitKind>;

export const SCHOOL_LEVELS = ['MN', 'TH', 'THCS', 'THPT'] as const;
export const ZSchoolLevel = /* @__PURE__ */ z.enum(SCHOOL_LEVELS);
export type TSchoolLevel = z.infer<typeof ZSchoolLevel>;

/** How respondents reach a campaign: one open link, or one single-use token each. */
export const CAMPAIGN_ACCESS = ['link', 'token'] as const;
export const ZCampaignAccess = /* @__PURE__ */ z.enum(CAMPAIGN_ACCESS);
export type TCampaignAccess = z.infer<typeof ZCampaignAccess>;
