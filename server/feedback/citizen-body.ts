import type { Context } from 'hono';
import { z } from 'zod';
import { AppError, invalid } from '../errors.js';
import { fieldErrors, nulPaths } from '../validate.js';

/** Where the citizen's contact sits in a flat multipart form (the contract's names). */
const CONTACT_FIELDS = ['name', 'phone', 'email'] as const;

/** A form's `photos` field as a validator may hold it: a file, a string, or a list of both. */
export const ZFormPhotos = z
  .union([z.instanceof(File), z.string(), z.array(z.union([z.instanceof(File), z.string()]))])
  .optional();

/** The bytes of the files in a form's `photos` field; a file input left empty sends no photo. */
export async function formPhotos(raw: z.infer<typeof ZFormPhotos>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const v of raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]) {
    if (typeof v === 'string') {
      if (v === '') continue;
      throw invalid([{ path: 'photos', message: 'photos must be files' }]);
    }
    if (v.size === 0 && !v.name) continue;
    out.push(new Uint8Array(await v.arrayBuffer()));
  }
  return out;
}

function isMultipart(c: Context): boolean {
  return /^multipart\/form-data/i.test(c.req.header('content-type') ?? '');
}

/** A flat multipart form as the JSON body it stands for, and its photos' bytes. */
async function fromMultipart(c: Context): Promise<{ body: unknown; photos: Uint8Array[] }> {
  let form: Record<string, unknown>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch {
    throw invalid([{ path: 'body', message: 'not a readable multipart form' }]);
  }
  const body: Record<string, unknown> = {};
  const contact: Record<string, unknown> = {};
  const photos: Uint8Array[] = [];
  for (const [name, raw] of Object.entries(form)) {
    const values = Array.isArray(raw) ? raw : [raw];
    if (name === 'photos') {
      photos.push(...(await formPhotos(values as (File | string)[])));
      continue;
    }
    const value = values[values.length - 1];
    if (typeof value !== 'string') throw invalid([{ path: name, message: 'expected text' }]);
    const field = name.startsWith('contact.') ? name.slice('contact.'.length) : null;
    if (field && (CONTACT_FIELDS as readonly string[]).includes(field)) contact[field] = value;
    else if (name === 'consent' || name === 'confirm')
      body[name] = value === 'true' || value === 'on';
    else body[name] = value;
  }
  if (Object.keys(contact).length) body.contact = contact;
  return { body, photos };
}

/**
 * The body of a citizen's route that takes photos: JSON (no photos) or multipart/form-data with
 * the same fields and up to three files in `photos`. Validated by `schema` as every input is;
 * a failure is the contract's validation_failed.
 */
export async function citizenBody<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<{ data: z.infer<S>; photos: Uint8Array[] }> {
  let body: unknown;
  let photos: Uint8Array[] = [];
  if (isMultipart(c)) ({ body, photos } = await fromMultipart(c));
  else {
    try {
      body = await c.req.json();
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw invalid([{ path: 'body', message: 'not valid JSON' }]);
    }
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw invalid(fieldErrors(parsed.error));
  const nul = nulPaths(parsed.data);
  if (nul.length) throw invalid(nul.map((path) => ({ path, message: 'contains a NUL character' })));
  return { data: parsed.data as z.infer<S>, photos };
}
