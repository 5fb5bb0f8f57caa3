import { defineConfig } from 'vitest/config';

/**
 * Two projects: every test on SQLite, and the database tests again on PostgreSQL when
 * TEST_PG_URL names a server (.ci/run starts one). Without it, one line says the run is skipped.
 */
const pgUrl = process.env.TEST_PG_URL;
if (!pgUrl)
  console.log('PostgreSQL suite skipped: set TEST_PG_URL=postgres://… to run it (.ci/run does).');

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    projects: [
      {
        extends: true as const,
        test: {
          name: 'sqlite',
          include: ['test/**/*.test.{ts,tsx}'],
          env: { HL_TEST_DIALECT: 'sqlite' },
        },
      },
      ...(pgUrl
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ['test/server/**/*.test.ts', 'test/db/**/*.test.ts'],
                env: { HL_TEST_DIALECT: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
});
