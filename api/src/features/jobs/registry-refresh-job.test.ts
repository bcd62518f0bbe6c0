import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser, startTestServer } from '../../../../test/support/server.js';
import { startRegistries } from '../../../../test/standins/registries/registries.js';
import { runJobs } from './registry-refresh-job.js';

let registries: Awaited<ReturnType<typeof startRegistries>>;
beforeAll(async () => {
  registries = await startRegistries();
});
afterAll(async () => {
  await registries?.stop();
});

describe('refreshing many clients as a background job', () => {
  it('when a Manager starts it, then progress shows, a User may not, and another tenant cannot read it', async () => {
    const server = await startTestServer(registries.env);
    try {
      const tenant = crypto.randomUUID();
      const manager = newUser(['Manager'], tenant);
      const ids: string[] = [];
      for (const companyId of ['27182819', '26141591']) ids.push((await server.call('POST', '/api/v1/clients', { as: manager, body: { kind: 'company', name: `Old ${companyId}`, companyId, country: 'CZ' } })).body.id);
      expect((await server.call('POST', '/api/v1/clients/registry-refresh', { as: newUser(['User'], tenant), body: {} })).status).toBe(403);
      const queued = await server.call('POST', '/api/v1/clients/registry-refresh', { as: manager, body: { clientIds: ids } });
      expect(queued.status).toBe(202);
      expect(queued.body).toMatchObject({ status: 'queued', done: 0, total: 2 });
      const o = { db: server.database.db, dialect: server.database.dialect, registry: server.crm.registry, logger: server.logger };
      expect(await runJobs(o)).toBe(2);
      const finished = await server.call('GET', `/api/v1/jobs/${queued.body.id}`, { as: manager });
      expect(finished.body).toMatchObject({ status: 'done', done: 2, total: 2, failures: [] });
      expect((await server.call('GET', `/api/v1/clients/${ids[0]}`, { as: manager })).body.name).toBe('Dvořák & syn s.r.o.');
      expect((await server.call('GET', `/api/v1/jobs/${queued.body.id}`, { as: newUser(['Manager']) })).status).toBe(404);
      expect((await server.call('POST', '/api/v1/clients/registry-refresh', { as: manager, body: { clientIds: ['not-a-uuid'] } })).status).toBe(400);
    } finally {
      await server.stop();
    }
  });

  it('when the process dies mid-job, then a restarted server finishes it without redoing finished clients', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-jobs-'));
    const env = { ...registries.env, DATABASE_URL: `sqlite:${path.join(dir, 'crm.sqlite')}` };
    const manager = newUser(['Manager']);
    const first = await startTestServer(env);
    const ids: string[] = [];
    for (const companyId of ['27182819', '26141591', '17320500']) ids.push((await first.call('POST', '/api/v1/clients', { as: manager, body: { kind: 'company', name: `Old ${companyId}`, companyId, country: 'CZ' } })).body.id);
    const queued = (await first.call('POST', '/api/v1/clients/registry-refresh', { as: manager, body: { clientIds: ids } })).body;
    const callsBefore = registries.state.calls;
    // One item, then the process "dies" holding the claim.
    expect(await runJobs({ db: first.database.db, dialect: first.database.dialect, registry: first.crm.registry, logger: first.logger, leaseMs: 1 }, 1)).toBe(1);
    await first.stop();
    const second = await startTestServer(env);
    try {
      await new Promise((r) => setTimeout(r, 5));
      expect(await runJobs({ db: second.database.db, dialect: second.database.dialect, registry: second.crm.registry, logger: second.logger })).toBe(2);
      const job = (await second.call('GET', `/api/v1/jobs/${queued.id}`, { as: manager })).body;
      expect(job).toMatchObject({ status: 'done', done: 3, total: 3 });
      // 17320500 is unknown to the stand-in: a failure is recorded, the job still finishes.
      expect(job.failures).toEqual([expect.objectContaining({ item: ids[2] })]);
      expect(registries.state.calls - callsBefore).toBe(3);
    } finally {
      await second.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
