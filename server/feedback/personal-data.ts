import type { Db } from '../../db/index.js';
import { eraseContacts, getContact, transferChain } from '../../db/repositories/feedback.js';
import { deletePhotos } from '../../db/repositories/feedback-photos.js';
import { getUnit } from '../../db/repositories/units.js';
import type { Feedback } from '../../db/schema.js';

/**
 * One person's data by tracking code (Law 91/2025 on personal data): the case and every item a
 * transfer linked to it, limited to `inScope` (the admin's subtree).
 */
async function chainFor(
  db: Db,
  item: Feedback,
  inScope: (f: Feedback) => Promise<boolean>,
): Promise<Feedback[]> {
  const out: Feedback[] = [];
  for (const f of await transferChain(db, item)) if (await inScope(f)) out.push(f);
  return out;
}

export async function exportPersonalData(
  db: Db,
  item: Feedback,
  inScope: (f: Feedback) => Promise<boolean>,
) {
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
        ? {
            name: c.name,
            phone: c.phone,
            email: c.email,
            consentAt: c.consent_at,
            retainUntil: c.retain_until,
            erasedAt: c.erased_at,
          }
        : null,
    });
  }
  return { trackingCode: item.tracking_code, items };
}

/**
 * Nulls the contact fields of the case and of every copy a transfer made of it, wherever the copy
 * now sits (a transfer may take it outside the admin's subtree): the person asked for their data
 * to go, not for one unit's copy to go. The cases and their statistics stay. The answer names the
 * erased items the admin may see and counts the others by unit, without naming their codes.
 */
export async function erasePersonalData(
  db: Db,
  now: Date,
  item: Feedback,
  inScope: (f: Feedback) => Promise<boolean>,
) {
  const chain = await transferChain(db, item);
  const ids = chain.map((f) => f.id);
  const erased = await eraseContacts(db, ids, now.toISOString());
  // The citizen's photos are theirs too (a face, a house, a child): they go with the contact.
  const photosErased = await deletePhotos(db, ids);
  const visible: Feedback[] = [];
  const elsewhere = new Map<string, number>();
  for (const f of chain) {
    if (await inScope(f)) visible.push(f);
    else {
      const name = (await getUnit(db, f.unit_id))?.name ?? f.unit_id;
      elsewhere.set(name, (elsewhere.get(name) ?? 0) + 1);
    }
  }
  return {
    trackingCode: item.tracking_code,
    erased,
    photosErased,
    trackingCodes: visible.map((f) => f.tracking_code),
    /** Transferred copies outside the caller's subtree, erased too: the unit that held each. */
    erasedElsewhere: [...elsewhere].map(([unitName, items]) => ({ unitName, items })),
  };
}
