import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * The gate that keeps the layering: cli → server (routes → services → repositories) → db, with
 * surveys/ and the zod-only vocabulary (server/domain/) at the bottom and client/ beside the
 * server, seeing it only through types. It reads every import and export-from line of the source
 * folders, resolves the relative ones to files, and fails with the offending lines named.
 */
const ROOTS = ['cli', 'server', 'db', 'client', 'surveys'];

/** Modules that import nothing but zod, so that db/ and client/ may share them. */
const VOCABULARY = /^server\/domain\//;

/**
 * Build scripts run by Node at build time, not shipped to a browser: the client's bundler
 * measures the respondent page's byte budget with the server's page code.
 */
const BUILD_SCRIPTS = new Set(['client/build.ts']);

/** Cycles known when the gate was added, in code another change owned at the time: none left. */
const KNOWN_CYCLES = new Set<string>([]);

export interface Edge {
  from: string;
  to: string;
  /** `import type …`, `export type … from`, or every named binding marked `type`. */
  typeOnly: boolean;
}

const STATIC =
  /^[ \t]*(import|export)\s+(type\s+)?([\w$]+\s*,\s*)?(\{[^}]*\}|\*(?:\s+as\s+[\w$]+)?|[\w$]+)\s+from\s+['"]([^'"]+)['"]/gm;
const BARE = /^[ \t]*import\s+['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

function resolveSpec(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null; // a package
  const base = normalize(join(dirname(from), spec)).replace(/\.js$/, '');
  for (const c of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')])
    if (existsSync(c)) return relative('.', c);
  return relative('.', normalize(join(dirname(from), spec)));
}

function isTypeOnly(typeKeyword: string | undefined, named: string, def: string | undefined) {
  if (typeKeyword) return true;
  if (def || !named.startsWith('{')) return false;
  const names = named
    .slice(1, -1)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return names.length > 0 && names.every((n) => n.startsWith('type '));
}

/** Every relative import of `file` (its text given), resolved to a path from the repository root. */
export function importsOf(file: string, text: string): Edge[] {
  const edges: Edge[] = [];
  const add = (spec: string, typeOnly: boolean) => {
    const to = resolveSpec(file, spec);
    if (to) edges.push({ from: file, to, typeOnly });
  };
  for (const m of text.matchAll(STATIC)) add(m[5]!, isTypeOnly(m[2], m[4]!, m[3]));
  for (const m of text.matchAll(BARE)) add(m[1]!, false);
  for (const m of text.matchAll(DYNAMIC)) add(m[1]!, false);
  return edges;
}

export function importGraph(): Edge[] {
  return ROOTS.flatMap(sourceFiles).flatMap((f) => importsOf(f, readFileSync(f, 'utf8')));
}

/** Every cycle among modules over run-time imports, each as the path that closes it. */
export function findCycles(edges: Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (e.typeOnly) continue;
    next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  }
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of next.get(n) ?? []) {
      if (state.get(m) === 'open') cycles.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of [...next.keys()].sort()) if (!state.has(n)) visit(n);
  return cycles;
}

const under = (p: string, dir: string) => p.startsWith(`${dir}/`);
const show = (e: Edge) => `${e.from} → ${e.to}${e.typeOnly ? ' (type)' : ''}`;

/** The import lines that break a layering rule, each with the rule it breaks. */
export function layeringViolations(edges: Edge[]): string[] {
  const out: string[] = [];
  for (const e of edges) {
    const { from, to } = e;
    if (
      (under(from, 'server/routes') || under(from, 'server/pages')) &&
      under(to, 'db/repositories')
    )
      out.push(`routes and pages call services, not repositories: ${show(e)}`);
    if (under(from, 'db') && under(to, 'server') && !(e.typeOnly && VOCABULARY.test(to)))
      out.push(`db/ sits below the server: ${show(e)}`);
    if ((under(from, 'db') || under(from, 'server')) && under(to, 'cli'))
      out.push(`cli/ sits above db/ and server/: ${show(e)}`);
    if (
      under(from, 'client') &&
      !BUILD_SCRIPTS.has(from) &&
      (under(to, 'db') || under(to, 'server')) &&
      !e.typeOnly &&
      !VOCABULARY.test(to)
    )
      out.push(`the client sees the server only through types and the vocabulary: ${show(e)}`);
    if (under(from, 'surveys') && (under(to, 'server') || under(to, 'db')))
      out.push(`surveys/ is data and its schema, below the server: ${show(e)}`);
  }
  return out;
}

/** The vocabulary modules (shared with db/ and the client) import nothing but zod. */
export function vocabularyViolations(files: { file: string; text: string }[]): string[] {
  const out: string[] = [];
  for (const { file, text } of files) {
    const specs = [...text.matchAll(STATIC)].map((m) => m[5]!);
    for (const m of text.matchAll(BARE)) specs.push(m[1]!);
    for (const spec of specs)
      if (spec !== 'zod') out.push(`${file} imports ${spec}: the vocabulary imports only zod`);
  }
  return out;
}

describe('the import graph', () => {
  const edges = importGraph();

  test('is read from every source folder', () => {
    // A regex that stopped matching would pass every rule below: the graph must be the real one.
    expect(edges.length).toBeGreaterThan(300);
    for (const root of ROOTS) expect(edges.some((e) => under(e.from, root))).toBe(true);
  });

  test('has no cycle among modules', () => {
    const cycles = findCycles(edges).map((c) => c.join(' → '));
    expect(cycles.filter((c) => !KNOWN_CYCLES.has(c))).toEqual([]);
  });

  test('follows the layers: cli → server (routes → services → repositories) → db', () => {
    expect(layeringViolations(edges)).toEqual([]);
  });

  test('keeps the shared vocabulary free of anything but zod', () => {
    const files = sourceFiles('server/domain').map((file) => ({
      file,
      text: readFileSync(file, 'utf8'),
    }));
    expect(files.length).toBeGreaterThan(0);
    expect(vocabularyViolations(files)).toEqual([]);
  });
});

describe('the gate itself', () => {
  const edge = (from: string, to: string, typeOnly = false): Edge => ({ from, to, typeOnly });

  test('names the modules of a cycle, type-only imports aside', () => {
    const cycles = findCycles([
      edge('server/a.ts', 'server/b.ts'),
      edge('server/b.ts', 'server/c.ts'),
      edge('server/c.ts', 'server/a.ts'),
      edge('server/d.ts', 'server/e.ts', true),
      edge('server/e.ts', 'server/d.ts'),
    ]);
    expect(cycles.map((c) => c.join(' → '))).toEqual([
      'server/a.ts → server/b.ts → server/c.ts → server/a.ts',
    ]);
  });

  test('refuses each kind of layering leak', () => {
    const bad = layeringViolations([
      edge('server/routes/x.ts', 'db/repositories/units.ts'),
      edge('server/pages/x.ts', 'db/repositories/units.ts', true),
      edge('db/schema.ts', 'server/feedback/dto.ts', true),
      edge('db/x.ts', 'server/domain/feedback.ts'),
      edge('db/x.ts', 'cli/seed/demo.ts'),
      edge('server/x.ts', 'cli/serve.ts'),
      edge('client/x.ts', 'db/schema.ts'),
      edge('client/x.ts', 'server/feedback/limits.ts'),
      edge('surveys/x.ts', 'server/surveys.ts', true),
      edge('surveys/x.ts', 'db/index.ts'),
    ]);
    expect(bad).toHaveLength(10);
  });

  test('lets the allowed imports through', () => {
    expect(
      layeringViolations([
        edge('server/routes/x.ts', 'server/units.ts'),
        edge('server/units.ts', 'db/repositories/units.ts'),
        edge('db/schema.ts', 'server/domain/feedback.ts', true),
        edge('client/x.ts', 'server/domain/feedback.ts'),
        edge('client/x.ts', 'server/feedback/dto.ts', true),
        edge('cli/serve.ts', 'server/main.ts'),
        edge('cli/seed/demo.ts', 'db/repositories/units.ts'),
      ]),
    ).toEqual([]);
  });

  test('reads type-only, multi-line, bare and dynamic imports', () => {
    const text = [
      "import type { A } from './a.js';",
      "import { type B, type C } from './b.js';",
      "import D, { e } from './d.js';",
      'import {',
      '  f,',
      '  g,',
      "} from '../g.js';",
      "export { h } from './h.js';",
      "import './side.js';",
      "const m = await import('./lazy.js');",
      "import { z } from 'zod';",
    ].join('\n');
    const got = importsOf('server/x/y.ts', text).map((e) => `${e.to}${e.typeOnly ? ':type' : ''}`);
    expect(got.sort()).toEqual(
      [
        'server/x/a.js:type',
        'server/x/b.js:type',
        'server/x/d.js',
        'server/g.js',
        'server/x/h.js',
        'server/x/side.js',
        'server/x/lazy.js',
      ].sort(),
    );
  });

  test('refuses a vocabulary module that imports more than zod', () => {
    expect(
      vocabularyViolations([
        {
          file: 'server/domain/x.ts',
          text: "import { z } from 'zod';\nimport { y } from './y.js';",
        },
      ]),
    ).toHaveLength(1);
  });
});
