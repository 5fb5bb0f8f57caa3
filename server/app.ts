import { Hono } from 'hono';
import { sql } from 'kysely';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import { systemClock } from '../db/clock.js';
import { createHashGate } from './auth/hash-gate.js';
import type { AppDeps, AppEnv } from './context.js';
import { AppError, MESSAGES, errorBody, invalid, toErrorResponse } from './errors.js';
import { compression } from './middleware/compression.js';
import { csrfGuard } from './middleware/csrf.js';
import { jsonDepthLimit } from './middleware/json-depth.js';
import { rateLimit } from './middleware/rate-limit.js';
import { requestLog } from './middleware/request-log.js';
import { createServices, type Services } from './services.js';
import { PHOTO_BODY_LIMIT_BYTES } from './feedback/photos.js';
import { createNotifier } from './notifications/notifier.js';
import notifications from './routes/notifications.js';
import feedbackPages from './pages/feedback.js';
import home from './pages/home.js';
import respondent from './pages/respondent.js';
import kioskPages from './pages/kiosk.js';
import audit from './routes/audit.js';
import auth from './routes/auth.js';
import feedback from './routes/feedback.js';
import feedbackPhotos from './routes/feedback-photos.js';
import holidays from './routes/holidays.js';
import calendar from './routes/calendar.js';
import campaigns from './routes/campaigns.js';
import indices from './routes/indices.js';
import publicForms from './routes/public-forms.js';
import surveys from './routes/surveys.js';
import publicFeedback from './routes/public-feedback.js';
import publicResults from './routes/public-results.js';
import resultsPages from './pages/results.js';
import reports from './routes/reports.js';
import targets from './routes/targets.js';
import tthc, { TTHC_BODY_LIMIT_BYTES } from './routes/tthc.js';
import units from './routes/units.js';
import users from './routes/users.js';
import dialogues from './routes/dialogues.js';
import publicDialogues from './routes/public-dialogues.js';
import dialoguePages from './pages/dialogues.js';
import kiosks from './routes/kiosks.js';
import publicKiosks from './routes/public-kiosks.js';

export const BODY_LIMIT_BYTES = 256 * 1024;

/** The routes a citizen sends photos to (JSON API and no-JS pages). */
function takesPhotos(path: string): boolean {
  return (
    /^\/(api\/public\/)?feedback\/?$/.test(path) ||
    /\/feedback\/(status\/)?[^/]+\/repl(y|ies)$/.test(path)
  );
}

/** The citizen's writes that prove the reply key (reply, appeal, erasure), API and pages. */
function carriesReplyKey(path: string): boolean {
  return /\/feedback\/(status\/)?[^/]+\/(repl(y|ies)|appeal|erasure)$/.test(path);
}

function limitBodies(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError(413, 'payload_too_large', MESSAGES.payload_too_large, {
        maxBytes: maxSize,
      });
    },
  });
}

/**
 * Builds the whole application from its dependencies (database, clock, configuration). The
 * services (writer, caches) are made here when not given: a caller that must close them
 * (main, the tests) makes them with createServices and passes them.
 */
export function createApp(
  input: Omit<AppDeps, 'clock' | 'hashGate' | 'notifier' | keyof Services> &
    Partial<Pick<AppDeps, 'clock' | 'hashGate' | 'notifier'>> &
    Partial<Services>,
) {
  const made =
    input.tally && input.writer && input.surveys && input.links ? null : createServices(input.db);
  const clock = input.clock ?? systemClock;
  const deps: AppDeps = {
    ...input,
    tally: input.tally ?? made!.tally,
    writer: input.writer ?? made!.writer,
    surveys: input.surveys ?? made!.surveys,
    links: input.links ?? made!.links,
    clock,
    hashGate: input.hashGate ?? createHashGate(),
    notifier: input.notifier ?? createNotifier({ db: input.db, clock, config: input.config }),
  };
  const app = new Hono<AppEnv>();

  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  if (deps.log) app.use(requestLog(deps.log));
  // Pages and JSON, brotli or gzip per response; static assets are sent precompressed (written by
  // the build), which this leaves alone as they already carry Content-Encoding.
  app.use(compression());
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  app.use(csrfGuard());
  // Photos come only on the citizen's filing and reply routes: only those may carry 3 × 5 MB.
  const smallBodies = limitBodies(BODY_LIMIT_BYTES);
  const photoBodies = limitBodies(PHOTO_BODY_LIMIT_BYTES);
  // An office's file list (up to 100 000 files) on its import route only.
  const fileListBodies = limitBodies(TTHC_BODY_LIMIT_BYTES);
  app.use((c, next) =>
    c.req.method !== 'POST'
      ? smallBodies(c, next)
      : takesPhotos(c.req.path)
        ? photoBodies(c, next)
        : c.req.path === '/api/tthc/import'
          ? fileListBodies(c, next)
          : smallBodies(c, next),
  );
  app.use(jsonDepthLimit);
  app.use('/api/public/*', rateLimit(deps.config.rateLimit));
  app.use('/s/*', rateLimit(deps.config.rateLimit));
  app.use('/k/*', rateLimit(deps.config.rateLimit));
  // The no-JS feedback form posts to /feedback: the same limit as the JSON API, one window for both paths.
  const feedbackFormLimit = rateLimit(deps.config.rateLimit);
  app.use('/feedback', feedbackFormLimit);
  app.use('/feedback/*', feedbackFormLimit);
  // The no-JS question form of dialogues: the same limit as its JSON twin under /api/public.
  app.use('/dialogues/*', rateLimit(deps.config.rateLimit));
  // Tracking-code look-ups, page and API: one window, so a script cannot walk the codes.
  // A write that carries a reply key counts too: a wrong key is a guess like a wrong code.
  const lookupLimit = rateLimit(deps.config.lookupRateLimit, {
    reads: true,
    alsoCount: (path, method) => method === 'POST' && carriesReplyKey(path),
  });
  app.use('/api/public/feedback/*', lookupLimit);
  app.use('/feedback/lookup', lookupLimit);
  app.use('/feedback/status/*', lookupLimit);

  // A NUL in an address is never a real code or id, and PostgreSQL text cannot hold one (a 500).
  app.use(async (c, next) => {
    if (/%00/.test(c.req.url))
      throw invalid([{ path: 'url', message: 'contains a NUL character' }]);
    await next();
  });
  app.get('/healthz', (c) => c.json({ ok: true }));
  // Ready: the database answers and the server is not shutting down (a load balancer's check).
  app.get('/readyz', async (c) => {
    if (deps.lifecycle?.draining) return c.json({ ok: false, reason: 'shutting_down' }, 503);
    try {
      await sql`select 1`.execute(deps.db);
      return c.json({ ok: true });
    } catch {
      return c.json({ ok: false, reason: 'database' }, 503);
    }
  });
  app.use(
    '/assets/*',
    serveStatic({
      root: 'dist/public',
      precompressed: true,
      rewriteRequestPath: (p) => p.replace(/^\/assets/, ''),
    }),
  );

  const routes = app
    .route('/', home)
    .route('/api/auth', auth)
    .route('/api/units', units)
    .route('/api/targets', targets)
    .route('/api/tthc', tthc)
    .route('/api/reports', reports)
    .route('/api/public', publicFeedback)
    .route('/api/feedback', feedback)
    .route('/api/feedback', feedbackPhotos)
    .route('/api/holidays', holidays)
    .route('/api/calendar', calendar)
    .route('/', feedbackPages)
    .route('/api/surveys', surveys)
    .route('/api/campaigns', campaigns)
    .route('/api/public/forms', publicForms)
    .route('/api/public/results', publicResults)
    .route('/results', resultsPages)
    .route('/s', respondent)
    .route('/api/indices', indices)
    .route('/api/notifications', notifications)
    .route('/api/users', users)
    .route('/api/audit', audit)
    .route('/api/dialogues', dialogues)
    .route('/api/public/dialogues', publicDialogues)
    .route('/api/kiosks', kiosks)
    .route('/api/public/kiosks', publicKiosks)
    .route('/k', kioskPages)
    .route('/', dialoguePages);

  app.all('/api/*', (c) => c.json(errorBody(c, 'not_found', MESSAGES.not_found), 404));
  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? c.json(errorBody(c, 'not_found', MESSAGES.not_found), 404)
      : c.text('Không tìm thấy trang. / Page not found.', 404),
  );
  app.onError(toErrorResponse);
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
