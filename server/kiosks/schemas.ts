import { z } from 'zod';

/** What the kiosk routes take; imports nothing but zod, so the dashboard can use it too. */

export const ZCreateKiosk = z
  .object({
    campaignId: z.string().trim().min(1).max(100),
    unitId: z.string().trim().min(1).max(100),
    /** How staff tell the devices apart: "Quầy 1 – tầng trệt". */
    name: z.string().trim().min(1).max(100),
  })
  .strict();
export type TCreateKiosk = z.infer<typeof ZCreateKiosk>;

/** Disabling (or enabling again) a device; a disabled device's page and taps are refused. */
export const ZPatchKiosk = z.object({ disabled: z.boolean() }).strict();
export type TPatchKiosk = z.infer<typeof ZPatchKiosk>;

/** One tap as the device queued it: its own clientId and the device's time of the tap. */
export const ZKioskTap = z
  .object({
    clientId: z.uuid(),
    answers: z.record(z.string().max(64), z.unknown()),
    tappedAt: z.iso
      .datetime({ offset: true })
      .transform((s) => new Date(s).toISOString())
      .optional(),
  })
  .strict();
export type TKioskTap = z.infer<typeof ZKioskTap>;
