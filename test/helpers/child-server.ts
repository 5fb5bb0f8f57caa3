import { spawn, type ChildProcess } from 'node:child_process';

export interface ChildServer {
  url: string;
  proc: ChildProcess;
  /** Resolves when the process has exited (after a kill or a crash). */
  exited: Promise<void>;
}

/**
 * The real server (`server/main.ts`, the same entry `npm start` runs) in its own process on a
 * free loopback port, over `databaseUrl`; resolves once it prints the address it serves on.
 */
export function startChildServer(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ChildServer> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
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
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /serving on http:\/\/localhost:(\d+)\//.exec(out);
      if (!m) return;
      clearTimeout(timer);
      proc.stdout!.off('data', onData);
      proc.stdout!.resume(); // keep draining so the child never blocks on a full pipe
      resolve({ url: `http://127.0.0.1:${m[1]}`, proc, exited });
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    proc.once('exit', (code, signal) =>
      fail(new Error(`server exited (${code ?? signal}) before serving:\n${out}`)),
    );
  });
}
