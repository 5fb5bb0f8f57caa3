import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import autocannon from 'autocannon';

/** Pins a child to one core when taskset exists and the machine has two or more. */
export function pinned(core: number, cmd: string, args: string[]): [string, string[]] {
  const taskset = ['/usr/bin/taskset', '/bin/taskset'].find(existsSync);
  return taskset && cpus().length > 1 ? [taskset, ['-c', String(core), cmd, ...args]] : [cmd, args];
}

export interface Child {
  proc: ChildProcess;
  /** Lines the child printed as `READY {json}`. */
  ready: Record<string, unknown>;
  stop(): Promise<void>;
  /** Resident memory of the child in MB (Linux /proc). */
  rssMb(): Promise<number>;
}

/** Starts a bench server (a .ts file run by tsx) on core 0 and waits for its READY line. */
export async function startChild(
  script: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<Child> {
  const [cmd, args] = pinned(0, process.execPath, [...nodeArgs, '--import', 'tsx', script]);
  const proc = spawn(cmd, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = await new Promise<Record<string, unknown>>((resolve, reject) => {
    let buf = '';
    proc.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /READY (\{.*\})\n/.exec(buf);
      if (m) resolve(JSON.parse(m[1]!) as Record<string, unknown>);
    });
    proc.on('exit', (code) => reject(new Error(`${script} exited with ${code} before READY`)));
  });
  return {
    proc,
    ready,
    stop: () =>
      new Promise((r) => {
        if (proc.exitCode !== null) return r();
        proc.on('exit', () => r());
        proc.kill('SIGTERM');
      }),
    rssMb: async () => {
      const { readFile } = await import('node:fs/promises');
      // taskset execs the command, so the child's pid is the server's own.
      const status = await readFile(`/proc/${proc.pid}/status`, 'utf8').catch(() => '');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
    },
  };
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
}

/** One autocannon run; `body` may be a function of the request number (unique clientIds). */
export async function load(opts: {
  url: string;
  method?: 'POST' | 'GET';
  body?: (i: number) => string;
  /** Path of request i (e.g. spread over many schools' form codes); the url's path otherwise. */
  path?: (i: number) => string;
  headers?: Record<string, string>;
  connections?: number;
  seconds?: number;
  overallRate?: number;
}): Promise<LoadResult> {
  let i = 0;
  const result = await autocannon({
    url: opts.url,
    method: opts.method ?? 'GET',
    connections: opts.connections ?? 10,
    duration: opts.seconds ?? 5,
    ...(opts.overallRate ? { overallRate: opts.overallRate } : {}),
    headers: { 'content-type': 'application/json', ...opts.headers },
    requests:
      opts.body || opts.path
        ? [
            {
              setupRequest: (req: autocannon.Request) => {
                const n = i++;
                return {
                  ...req,
                  ...(opts.path ? { path: opts.path(n) } : {}),
                  ...(opts.body ? { body: opts.body(n) } : {}),
                };
              },
            },
          ]
        : undefined,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

export const fmt = (n: number, d = 1): string => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
