import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

/** test/global-setup.ts runs the production build (`npm run build`) before any test. */
describe('the production build', () => {
  test('npm start runs the compiled server with plain Node, and build tools are not run-time dependencies', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.scripts.start).toMatch(/node dist\/cli\/serve\.js$/);
    expect(pkg.dependencies).not.toHaveProperty('tsx');
    expect(pkg.dependencies).not.toHaveProperty('esbuild');
    expect(pkg.devDependencies['@types/node']).toMatch(/^\^?20\./);
    expect(existsSync('dist/cli/serve.js')).toBe(true);
  });

  test('the compiled export worker is used as built, never bundled at the first export', async () => {
    const built = (await import(
      new URL('../../dist/server/reports/export-thread.js', import.meta.url).href
    )) as typeof import('../../server/reports/export-thread.js');
    const url = await built.workerScript();
    expect(url.pathname).toMatch(/\/dist\/server\/reports\/export-worker\.js$/);
  });
});
