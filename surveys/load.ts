import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZSurveyDefinition, type TSurveyDefinition } from './schema.js';

export const DEFINITIONS_DIR = fileURLToPath(new URL('./definitions', import.meta.url));

/** A definition that cannot be used; the message names the file and every bad field. */
export class SurveyDefinitionError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { path: string; message: string }[],
  ) {
    super(`${file}: ${problems.map((p) => `${p.path || '(root)'}: ${p.message}`).join('; ')}`);
    this.name = 'SurveyDefinitionError';
  }
}

export interface LoadedDefinition {
  file: string;
  definition: TSurveyDefinition;
  /** sha256 of the canonical (key-sorted, defaults applied) definition. */
  hash: string;
}

/** JSON with object keys sorted at every level: the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function definitionHash(def: TSurveyDefinition): string {
  return createHash('sha256').update(canonicalJson(def)).digest('hex');
}

/**
 * Parses and validates one definition file's text. `file` is only used in messages; its base
 * name must equal the definition's id so that a questionnaire is found by its file name.
 */
export function parseDefinition(file: string, text: string): LoadedDefinition {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new SurveyDefinitionError(file, [
      { path: '', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` },
    ]);
  }
  const parsed = ZSurveyDefinition.safeParse(raw);
  if (!parsed.success) {
    throw new SurveyDefinitionError(
      file,
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    );
  }
  const expectedId = basename(file).replace(/\.json$/, '');
  if (parsed.data.id !== expectedId) {
    throw new SurveyDefinitionError(file, [
      { path: 'id', message: `"${parsed.data.id}" must match the file name "${expectedId}"` },
    ]);
  }
  return { file, definition: parsed.data, hash: definitionHash(parsed.data) };
}

/** Every definition in the folder, validated; the first broken file stops the load. */
export function loadDefinitions(dir: string = DEFINITIONS_DIR): LoadedDefinition[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return files.map((f) => {
    const path = join(dir, f);
    const shown = relative(process.cwd(), path) || path;
    return parseDefinition(shown, readFileSync(path, 'utf8'));
  });
}
