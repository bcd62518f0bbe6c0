import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser, startTestServer, type TestServer } from '../../../../test/support/server.js';
import { documentsApiCases, makeClient, uploadFile } from './documents.cases.js';

let server: TestServer;
const user = newUser(['User']);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-docs-'));

beforeAll(async () => {
  server = await startTestServer({ DOCUMENTS_STORE: 'local', DOCUMENTS_DIR: dir, UPLOAD_LIMIT_MB: '2' });
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('documents on the local disk store (embedded mode)', () => {
  documentsApiCases(() => ({ server, user }));

  it('when a client is renamed, then its folder on disk follows on the next access and files stay readable', async () => {
    const client = await makeClient(server, user, 'Acme');
    const doc = await uploadFile(server, user, client.id, { name: 'a.pdf', bytes: '%PDF a' });
    const shortId = client.id.replace(/-/g, '').slice(-8);
    expect(fs.existsSync(path.join(dir, user.tenantId, `Acme (${shortId})`, 'a.pdf'))).toBe(true);
    await server.call('PATCH', `/api/v1/clients/${client.id}`, { as: user, body: { name: 'Acme: Group' } });
    await uploadFile(server, user, client.id, { name: 'b.pdf', bytes: '%PDF b' });
    expect(fs.readdirSync(path.join(dir, user.tenantId))).toContain(`Acme_ Group (${shortId})`);
    expect(fs.existsSync(path.join(dir, user.tenantId, `Acme (${shortId})`))).toBe(false);
    const content = await fetch(`${server.url}/api/v1/documents/${doc.body.id}/content`, { headers: { authorization: `Bearer ${await server.tokenFor(user)}` } });
    expect(await content.text()).toBe('%PDF a');
  });
});
