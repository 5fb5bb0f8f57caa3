import type { Db } from '../../db/index.js';
import { eraseContacts, getContact, transferChain } from '../../db/repositories/feedback.js';
import type { Feedback } from '../../db/schema.js';

/**
 * One person's data by tracking code (Law 91/2025 on personal data): the case and every item a
 * transfer linked to it, limited to `inScope` (the admin's subtree).
 */
async function chainFor(db: Db, item: Feedback, inScope: (f: Feedback) => Promise<boolean>): Promise<Feedback[]> {
  const out: Feedback[] = [];
  for (const f of await transferChain(db, item)) if (await inScope(f)) out.push(f);
  return out;
}

export async function exportPersonalData(db: Db, item: Feedback, inScope: (f: Feedback) => Promise<boolean>) {
  const items = [];
  for (const f of await chainFor(db, item, inScope)) {
    const c = await getContact(db, f.id);
    items.push({
      trackingCode: f.tracking_code,
      unitId: f.unit_id,
      status: f.status,
      receivedAt: f.received_at,
      title: f.title,
      content: f.content,
      contact: c
        ? { name: c.name, phone: c.phone, email: c.email, consentAt: c.consent_at, retainUntil: c.retain_until, erasedAt: c.erased_at }
        : null,
    });
  }
  return { trackingCode: item.tracking_code, items };
}

/** Nulls the contact fields of the case and its transfers; the cases and their statistics stay. */
export async function erasePersonalData(db: Db, now: Date, item: Feedback, inScope: (f: Feedback) => Promise<boolean>) {
  const chain = await chainFor(db, item, inScope);
  const erased = await eraseContacts(
    db,
    chain.map((f) => f.id),
    now.toISOString(),
  );
  return { trackingCode: item.tracking_code, erased, trackingCodes: chain.map((f) => f.tracking_code) };
}
