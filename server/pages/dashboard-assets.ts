import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file the client build writes beside the dashboard's chunks (client/build.ts). */
export const DASHBOARD_MANIFEST = 'dashboard-manifest.json';

/**
 * What the /app pages link: the dashboard's entry script and the chunks it imports statically;
 * the sign-in form's own small script.
 */
export interface DashboardManifest {
  script: string;
  preload: string[];
  signIn: string;
}

/** The dashboard's stylesheets, linked by the /app page (small; the scripts are the weight). */
export const DASHBOARD_STYLES = [
  '/assets/base.css',
  '/assets/dashboard.css',
  '/assets/accounts.css',
];

/**
 * The dashboard's hashed file names as the last build wrote them, read at each request of /app (a
 * small file, in the page cache), so a rebuild is picked up without a restart and no state lives
 * in the module.
 */
export function dashboardAssets(outDir = 'dist/public'): DashboardManifest {
  return JSON.parse(readFileSync(join(outDir, DASHBOARD_MANIFEST), 'utf8')) as DashboardManifest;
}

/**
 * A file whose name carries its content's hash (`dashboard-7KQ2ZC4M.js`, `chunk-…`): it never
 * changes under that name, so a browser may keep it a year without asking again.
 */
export const HASHED_ASSET = /-[A-Z0-9]{8}\.js$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
