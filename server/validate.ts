import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { invalid } from './errors.js';
import { issueVi, ownMessage, type IssueLike } from './validation-messages.js';

export interface FieldError {
  path: string;
  /** Vietnamese, for people. */
  message: string;
  messageEn?: string;
}

/** Each zod issue as a field error, Vietnamese first (server/validation-messages.ts). */
export function fieldErrors(error: {
  issues: ReadonlyArray<IssueLike & { path: ReadonlyArray<PropertyKey> }>;
}): FieldError[] {
  return error.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: issueVi(i),
    messageEn: ownMessage(i.message)?.en ?? i.message,
  }));
}

/** Where a NUL character hides in a parsed value: PostgreSQL text cannot hold one (a 500). */
export function nulPaths(value: unknown, path: string[] = []): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path.join('.')] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nulPaths(v, [...path, String(i)]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => nulPaths(v, [...path, k]));
  }
  return [];
}

/** zod validation for one request part; failures become the contract's validation_failed. */
export function validate<T extends keyof ValidationTargets, S extends z.ZodType>(
  target: T,
  schema: S,
) {
  return zValidator(target, schema, (result) => {
    if (!result.success) throw invalid(fieldErrors(result.error));
    const nul = nulPaths(result.data);
    if (nul.length)
      throw invalid(nul.map((path) => ({ path, message: 'contains a NUL character' })));
  });
}
