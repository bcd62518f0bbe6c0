import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

/**
 * Servers under test run in their own processes, so the load generator (this process) and
 * the server each get a core of the 2-core machine instead of sharing one event loop. They run
 * the compiled build (`npm run build:api`, which run.ts does first), as production does: under
 * tsx the same server takes about 50 MB more memory.
 */
export interface ChildServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function spawnServer(kind: 'crm' | 'bare', env: Record<string, string> = {}): Promise<ChildServer> {
  const child: ChildProcess = spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), 'dist/bench/server-child.js', kind], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += String(chunk);
      const match = /LISTENING (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}: ${out}`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Resident memory of a process in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}
