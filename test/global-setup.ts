import { buildClient } from '../client/build.js';
import { buildServer } from '../server/compile.js';

/**
 * The pages under test load the real bundles, and the live-server tests (browser, crash) run the
 * compiled server in dist/ that `npm start` runs, so build both once before any test runs.
 */
export default async function setup(): Promise<void> {
  await buildClient({ quiet: true });
  await buildServer();
}
