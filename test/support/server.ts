import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { Writable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { start, type RunningServer } from '../../api/src/server.js';
import type { Role } from '../../api/src/auth/roles.js';

export interface TestUser {
  tenantId: string;
  userId: string;
  name: string;
  email: string;
  roles: Role[];
}

export interface TestServer extends RunningServer {
  /** A signed dev token for a person (same issuer and validation as production tokens). */
  tokenFor(user: TestUser): Promise<string>;
  /** fetch against the server, JSON in and out, with the user's token when given. */
  call(method: string, url: string, options?: { as?: TestUser; body?: unknown; headers?: Record<string, string>; raw?: string }): Promise<{ status: number; headers: Headers; body: any }>;
  /** Log lines the server wrote, for asserting what is (not) logged. */
  logs: string[];
}

export function newUser(roles: Role[] = ['User'], tenantId: string = randomUUID()): TestUser {
  const userId = randomUUID();
  return { tenantId, userId, name: `${roles[0]} ${userId.slice(0, 4)}`, email: `${userId.slice(0, 8)}@test.example`, roles };
}

/** Starts the real server on an ephemeral port with a fresh SQLite file and no demo data. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-test-'));
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const running = await start(
    { NODE_ENV: 'test', PORT: '0', DATABASE_URL: `sqlite:${path.join(dir, 'crm.sqlite')}`, DOCUMENTS_DIR: path.join(dir, 'documents'), SEED_DEMO: 'false', LOG_LEVEL: 'info', ...env },
    sink,
  );
  const tokens = new Map<string, string>();
  const tokenFor = async (u: TestUser) => {
    const key = JSON.stringify(u);
    let t = tokens.get(key);
    if (!t) {
      t = await running.crm.devIssuer!.issue(u);
      tokens.set(key, t);
    }
    return t;
  };
  const call: TestServer['call'] = async (method, url, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.as) headers.authorization = `Bearer ${await tokenFor(options.as)}`;
    let payload: string | undefined = options.raw;
    if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${running.url}${url}`, { method, headers, body: payload });
    const text = await res.text();
    let body: any = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: res.headers, body };
  };
  const stop = async () => {
    await running.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { ...running, stop, tokenFor, call, logs };
}
