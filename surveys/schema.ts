import { z } from 'zod';

/**
 * The questionnaire definition format. Imports nothing but zod, so the client can use it too.
 * Definitions live as data in surveys/definitions/*.json (one file per questionnaire).
 */

/** Vietnamese required, English optional. */
export const ZText = z
  .object({ vi: z.string().trim().min(1), en: z.string().trim().min(1).optional() })
  .strict();
export type TText = z.infer<typeof ZText>;

const ZId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'ids are lower-case letters, digits, "-" and "_"');

export const ZOption = z.object({ value: ZId, label: ZText }).strict();
export type TOption = z.infer<typeof ZOption>;

/** Show a question only when an earlier question's answer is one of `in`. */
export const ZShowIf = z
  .object({ question: ZId, in: z.array(z.union([z.string(), z.number().int()])).min(1) })
  .strict();
export type TShowIf = z.infer<typeof ZShowIf>;

export const QUESTION_TYPES = ['likert5', 'single', 'multi', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const ZQuestion = z
  .object({
    id: ZId,
    type: z.enum(QUESTION_TYPES),
    text: ZText,
    help: ZText.optional(),
    required: z.boolean().default(false),
    /** Every likert5 question names the factor its index counts towards. */
    factor: ZId.optional(),
    options: z.array(ZOption).min(2).optional(),
    showIf: ZShowIf.optional(),
    /** text: the longest answer accepted. */
    maxLength: z.number().int().min(1).max(5000).optional(),
  })
  .strict();
export type TQuestion = z.infer<typeof ZQuestion>;

export const ZSection = z
  .object({
    id: ZId,
    title: ZText,
    description: ZText.optional(),
    questions: z.array(ZQuestion).min(1),
  })
  .strict();
export type TSection = z.infer<typeof ZSection>;

export const ZFactor = z
  .object({
    id: ZId,
    title: ZText,
    weight: z.number().positive().optional(),
    /**
     * A summary factor (e.g. "overall satisfaction"): its index is reported beside the others but
     * not averaged into the overall index, which stays the mean of the content factors.
     */
    summary: z.boolean().optional(),
  })
  .strict();
export type TFactor = z.infer<typeof ZFactor>;

export const ZSurveyDefinition = z
  .object({
    id: ZId,
    /** Explicit; a changed definition must carry a higher version. */
    version: z.number().int().min(1),
    kind: z.enum(['sipas', 'education', 'pakn']),
    /** School level for the education questionnaires. */
    level: z.enum(['MN', 'TH', 'THCS', 'THPT']).optional(),
    title: ZText,
    description: ZText.optional(),
    /** The index convention the dashboard leads with (DOMAIN.md); both are always computed. */
    convention: z.enum(['share_satisfied', 'mean_score']).default('share_satisfied'),
    /** Satisfaction target in percent for this questionnaire (e.g. MOET's 85). */
    target: z.number().min(0).max(100).optional(),
    factors: z.array(ZFactor).min(1),
    sections: z.array(ZSection).min(1),
  })
  .strict()
  .superRefine((def, ctx) => {
    const factorIds = new Set<string>();
    def.factors.forEach((f, i) => {
      if (factorIds.has(f.id))
        ctx.addIssue({
          code: 'custom',
          path: ['factors', i, 'id'],
          message: `factor id "${f.id}" repeated`,
        });
      factorIds.add(f.id);
    });
    const seen = new Map<string, { type: QuestionType; options?: TOption[] }>();
    def.sections.forEach((s, si) =>
      s.questions.forEach((q, qi) => {
        const path = ['sections', si, 'questions', qi];
        if (seen.has(q.id))
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'id'],
            message: `question id "${q.id}" repeated`,
          });
        if (q.type === 'likert5') {
          if (!q.factor)
            ctx.addIssue({
              code: 'custom',
              path: [...path, 'factor'],
              message: 'a likert5 question must name its factor',
            });
          else if (!factorIds.has(q.factor))
            ctx.addIssue({
              code: 'custom',
              path: [...path, 'factor'],
              message: `unknown factor "${q.factor}"`,
            });
        } else if (q.factor) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'factor'],
            message: 'only likert5 questions count towards a factor',
          });
        }
        if ((q.type === 'single' || q.type === 'multi') && !q.options) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'options'],
            message: `a ${q.type} question needs options`,
          });
        }
        if ((q.type === 'likert5' || q.type === 'text') && q.options) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'options'],
            message: `a ${q.type} question has no options`,
          });
        }
        if (q.showIf && !seen.has(q.showIf.question)) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'showIf', 'question'],
            message: `showIf must name an earlier question, not "${q.showIf.question}"`,
          });
        }
        seen.set(q.id, { type: q.type, options: q.options });
      }),
    );
  });
export type TSurveyDefinition = z.infer<typeof ZSurveyDefinition>;

/** The 5-level scale, shared by every likert5 question. `null` is "not applicable / no opinion". */
export const LIKERT_LABELS: Record<1 | 2 | 3 | 4 | 5, TText> = {
  1: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' },
  2: { vi: 'Không hài lòng', en: 'Dissatisfied' },
  3: { vi: 'Bình thường', en: 'Neutral' },
  4: { vi: 'Hài lòng', en: 'Satisfied' },
  5: { vi: 'Rất hài lòng', en: 'Very satisfied' },
};
export const NOT_APPLICABLE_LABEL: TText = {
  vi: 'Không ý kiến / không áp dụng',
  en: 'No opinion / not applicable',
};
