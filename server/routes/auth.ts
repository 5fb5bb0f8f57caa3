import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { changeOwnPassword } from '../accounts/own-password.js';
import { meDto, userDto } from '../auth/dto.js';
import { PASSWORD_MIN_LENGTH } from '../domain/accounts.js';
import { login, logout } from '../auth/service.js';
import type { AppEnv } from '../context.js';
import { requestProtocol } from '../middleware/proxy.js';
import { clientAddress } from '../middleware/rate-limit.js';
import { requireStaff, SESSION_COOKIE } from '../middleware/auth.js';
import { validate } from '../validate.js';

const DEVICE_COOKIE = 'hl_device';
const DEVICE_COOKIE_SECONDS = 365 * 86_400;

export const ZLogin = z.object({
  email: z.string().trim().email().max(254),
  password: z.string().min(1).max(200),
});

export const ZPasswordChange = z.object({
  current: z.string().min(1).max(200),
  next: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(200),
});

const auth = new Hono<AppEnv>()
  .post('/login', validate('json', ZLogin), async (c) => {
    const { deps } = c.var;
    const body = c.req.valid('json');
    // Secure when configured, or when a trusted proxy says the browser came over HTTPS.
    const secure = deps.config.cookieSecure || requestProtocol(c) === 'https:';
    const { token, user, expiresAt, deviceToken } = await login(
      {
        db: deps.db,
        clock: deps.clock,
        sessionHours: deps.config.sessionHours,
        hashGate: deps.hashGate,
        scrypt: deps.config.scrypt,
      },
      { ...body, ip: clientAddress(c), deviceToken: getCookie(c, DEVICE_COOKIE) },
    );
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure,
      path: '/',
      expires: expiresAt,
    });
    // Outlives the session: a browser that signed in before passes the sign-in throttle.
    setCookie(c, DEVICE_COOKIE, deviceToken, {
      httpOnly: true,
      sameSite: 'Strict',
      secure,
      path: '/api/auth',
      maxAge: DEVICE_COOKIE_SECONDS,
    });
    return c.json({ user: userDto(user), expiresAt: expiresAt.toISOString() });
  })
  .post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await logout(c.var.deps.db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  })
  .post('/password', requireStaff, validate('json', ZPasswordChange), async (c) => {
    const { db, clock, hashGate, config } = c.var.deps;
    await changeOwnPassword(
      { db, clock, hashGate, scrypt: config.scrypt },
      c.var.staff.user,
      getCookie(c, SESSION_COOKIE)!,
      c.req.valid('json'),
    );
    return c.body(null, 204);
  })
  .get('/me', requireStaff, (c) => {
    const { user, root } = c.var.staff;
    return c.json(meDto(user, root));
  });

export default auth;
