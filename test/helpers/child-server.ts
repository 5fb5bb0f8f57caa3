import { spawn, type ChildProcess } from 'node:child_process';

export interface ChildServer {
  url: string;
  proc: ChildProcess;
  /** Resolves when the process has exited (after a kill or a crash). */
  exited: Promise<void>;
  /** Resolves once the server has printed a line matching `re` (stdout or stderr). */
  printed(re: RegExp): Promise<string>;
}

/**
 * The real server (`dist/cli/serve.js`, the compiled entry `npm start` runs; the test setup
 * builds it) in its own process on a free loopback port, over `databaseUrl`; resolves once it
 * prints the address it serves on.
 */
export function startChildServer(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ChildServer> {
  const proc = spawn(process.execPath, ['dist/cli/serve.js'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      SEED_DEMO: '0',
      RATE_LIMIT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => fail(new Error(`server did not start in 30 s:\n${out}`)),
      30_000,
    );
    const fail = (e: Error) => {
      clearTimeout(timer);
      proc.kill('SIGKILL');
      reject(e);
    };
    const watchers: Array<() => void> = [];
    const printed = (re: RegExp) =>
      new Promise<string>((done) => {
        const check = () => {
          const line = out.split('\n').find((l) => re.test(l));
          if (line === undefined) return false;
          done(line);
          return true;
        };
        if (!check()) watchers.push(() => void check());
      });
    let started = false;
    const onData = (b: Buffer) => {
      out += b.toString(); // keep draining so the child never blocks on a full pipe
      for (const w of watchers) w();
      const m = /serving on http:\/\/localhost:(\d+)\//.exec(out);
      if (!m || started) return;
      started = true;
      clearTimeout(timer);
      resolve({ url: `http://127.0.0.1:${m[1]}`, proc, exited, printed });
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (b: Buffer) => {
      out += b.toString();
      for (const w of watchers) w();
    });
    proc.once('exit', (code, signal) => {
      if (!started) fail(new Error(`server exited (${code ?? signal}) before serving:\n${out}`));
    });
  });
}
