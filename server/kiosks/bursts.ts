import { detectBursts, type BurstRules } from '../indices/quality.js';

/**
 * A counter device legitimately sends many identical answers (most visitors are satisfied), so its
 * responses are left out of the identical-answers bursts and judged by the device's tap rate
 * instead: at least `minTaps` taps within `windowSeconds` on one device is more than a queue of
 * visitors can make (each visit ends with a few seconds of thanks) and looks like one person
 * tapping again and again. Times are the device's own (a queue sent after an outage arrives all
 * at once, which is not a burst).
 */
export interface DeviceBurstRules {
  minTaps: number;
  windowSeconds: number;
}

export const DEFAULT_DEVICE_BURST_RULES: DeviceBurstRules = { minTaps: 5, windowSeconds: 60 };

export interface DeviceBurst {
  kioskId: string;
  kioskName: string;
  unitId: string;
  count: number;
  from: string;
  to: string;
}

export function detectDeviceBursts(
  taps: readonly { kiosk_id: string; kiosk_name: string; unit_id: string; tapped_at: string }[],
  rules: DeviceBurstRules = DEFAULT_DEVICE_BURST_RULES,
): DeviceBurst[] {
  const byId = new Map(taps.map((t) => [t.kiosk_id, t]));
  // The same run detection as identical answers, with the device as the "unit" and every tap alike.
  const asRules: BurstRules = {
    minRepeats: rules.minTaps,
    windowMinutes: rules.windowSeconds / 60,
  };
  return detectBursts(
    taps.map((t) => ({ unitId: t.kiosk_id, fingerprint: 'tap', submittedAt: t.tapped_at })),
    asRules,
  ).map((b) => {
    const k = byId.get(b.unitId)!;
    return {
      kioskId: k.kiosk_id,
      kioskName: k.kiosk_name,
      unitId: k.unit_id,
      count: b.count,
      from: b.from,
      to: b.to,
    };
  });
}
