import { buildClient } from '../client/build.js';

/** The pages under test load the real bundles, so build them once before any test runs. */
export default async function setup(): Promise<void> {
  await buildClient({ quiet: true });
}
