import { z } from 'zod';

/**
 * Staff accounts and the audit trail as people read them: role names, the kinds of object the
 * audit trail records, the password rule. Imports nothing but zod, so the dashboard shares it.
 */

/** The roles of server/domain/staff.ts (`ROLES`), keyed here without importing it. */
type TRole = 'admin' | 'manager' | 'viewer';

export const ROLE_LABELS: Record<TRole, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị', en: 'Administrator' },
  manager: { vi: 'Cán bộ xử lý', en: 'Manager' },
  viewer: { vi: 'Chỉ xem', en: 'Viewer' },
};

/** admin > manager > viewer: nobody grants a role above their own. */
export const ROLE_RANK: Record<TRole, number> = { viewer: 0, manager: 1, admin: 2 };

export const AUDIT_KINDS = ['user', 'campaign', 'feedback', 'calendar', 'target'] as const;
export const ZAuditKind = /* @__PURE__ */ z.enum(AUDIT_KINDS);
export type TAuditKind = z.infer<typeof ZAuditKind>;

export const AUDIT_KIND_LABELS: Record<TAuditKind, { vi: string; en: string }> = {
  user: { vi: 'Tài khoản', en: 'Accounts' },
  campaign: { vi: 'Đợt khảo sát', en: 'Campaigns' },
  feedback: { vi: 'Phản ánh', en: 'Feedback' },
  calendar: { vi: 'Lịch ngày nghỉ', en: 'Holiday calendar' },
  target: { vi: 'Chỉ tiêu', en: 'Targets' },
};

/** The shortest password a person may choose (a one-time password is longer and random). */
export const PASSWORD_MIN_LENGTH = 10;
