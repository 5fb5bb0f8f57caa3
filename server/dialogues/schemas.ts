import { z } from 'zod';
import { hasContact, ZContact } from '../feedback/schemas.js';

/** Request schemas of dialogues (zod only, so the client may import them too). */

const ZInstant = z.iso.datetime({ offset: true });
const ZId = z.string().trim().min(1).max(100);

export const ZDialogueInput = z.object({
  unitId: ZId,
  /** When the dialogue starts; questions are taken until then. */
  heldAt: ZInstant,
  topic: z.string().trim().min(3).max(300),
  place: z.string().trim().min(2).max(300),
});
export type TDialogueInput = z.infer<typeof ZDialogueInput>;

export const ZDialoguePatch = z
  .object({
    heldAt: ZInstant.optional(),
    topic: z.string().trim().min(3).max(300).optional(),
    place: z.string().trim().min(2).max(300).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'heldAt, topic or place');
export type TDialoguePatch = z.infer<typeof ZDialoguePatch>;

export const ZDialogueQuery = z.object({ unitId: ZId.optional() });

export const ZGroupInput = z.object({
  title: z.string().trim().min(2).max(200),
  /** Questions to put in the new group at once. */
  questionIds: z.array(ZId).max(500).default([]),
});
export type TGroupInput = z.infer<typeof ZGroupInput>;

export const ZGroupPatch = z
  .object({
    title: z.string().trim().min(2).max(200).optional(),
    /** The answer given at the dialogue; null takes it back. */
    answer: z.union([z.string().trim().min(1).max(10_000), z.null()]).optional(),
  })
  .refine((v) => v.title !== undefined || v.answer !== undefined, 'title or answer');
export type TGroupPatch = z.infer<typeof ZGroupPatch>;

export const ZQuestionPatch = z.object({ groupId: z.union([ZId, z.null()]) });

/**
 * A citizen's question sent ahead: the feedback intake's rules (contact optional, and never
 * without consent). The content is published with the answer, so the form asks for no names in it.
 */
export const ZDialogueQuestion = z
  .object({
    content: z.string().trim().min(10).max(2000),
    contact: ZContact.optional(),
    consent: z.boolean().default(false),
    /** Chosen by the client once per question: a retry with the same id stores nothing new. */
    clientId: z.uuid().optional(),
  })
  .superRefine((v, ctx) => {
    if (hasContact(v.contact) && v.consent !== true) {
      ctx.addIssue({
        code: 'custom',
        path: ['consent'],
        message: 'contact details need consent: true',
      });
    }
  });
export type TDialogueQuestion = z.infer<typeof ZDialogueQuestion>;
