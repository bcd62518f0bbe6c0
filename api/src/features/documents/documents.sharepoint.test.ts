import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { newUser, startTestServer, type TestServer } from '../../../../test/support/server.js';
import { startGraphStandin, type GraphStandin } from '../../../../test/standins/graph/graph-standin.js';
import { documentsApiCases, makeClient, uploadFile } from './documents.cases.js';
import { chunkSize } from './sharepoint-store.js';

let standin: GraphStandin;
let server: TestServer;
const user = newUser(['User']);

beforeAll(async () => {
  standin = await startGraphStandin();
  server = await startTestServer({
    GRAPH_CLIENT_ID: randomUUID(),
    AAD_CLIENT_SECRET: 'test-secret',
    AAD_AUTHORITY_HOST: standin.url,
    GRAPH_BASE_URL: standin.url,
    SHAREPOINT_SITE_URL: standin.siteUrl,
    DOCUMENTS_STORE: 'sharepoint',
    MEETINGS_STORE: 'local',
    UPLOAD_LIMIT_MB: '8',
  });
});
afterEach(() => {
  standin.clearFaults();
  standin.refuseConsent(false);
  // Every Graph call carried a token the stand-in issued, and none leaked to pre-authenticated URLs.
  expect(standin.requests.filter((r) => !r.authorized)).toEqual([]);
  expect(standin.tokensLeakedToPreauthenticatedUrls).toBe(0);
});
afterAll(async () => {
  await server?.stop();
  await standin?.stop();
});

const folderOf = (clientId: string) => [...standin.items.values()].find((i) => i.folder && i.name.endsWith(`(${clientId.replace(/-/g, '').slice(-8)})`));
const documentsOf = async (clientId: string) => (await server.call('GET', `/api/v1/clients/${clientId}/documents`, { as: user })).body.items as { id: string; name: string }[];
const filesIn = (folderId: string | undefined) => (folderId ? standin.childrenOf(folderId).filter((i) => !i.folder) : []);

describe('documents in SharePoint through Graph (stand-in)', () => {
  documentsApiCases(() => ({ server, user }));

  it('when a client gets its first document, then a folder "<name> (<short id>)" is created in the library root, and a deal subfolder inside it', async () => {
    const client = await makeClient(server, user, 'Kowalski / Syn: "Okna"');
    const deal = (await server.call('POST', '/api/v1/deals', { as: user, body: { clientId: client.id, title: 'Windows 2026' } })).body;
    const up = await uploadFile(server, user, client.id, { name: 'plan.pdf', bytes: '%PDF' }, { dealId: deal.id });
    const folder = folderOf(client.id)!;
    expect(folder.name).toBe(`Kowalski _ Syn_ _Okna_ (${client.id.replace(/-/g, '').slice(-8)})`);
    expect(folder.parentId).toBe(standin.rootId);
    const dealFolder = standin.childrenOf(folder.id)[0]!;
    expect(dealFolder.name).toBe(`Windows 2026 (${deal.id.replace(/-/g, '').slice(-8)})`);
    expect(filesIn(dealFolder.id).map((f) => f.name)).toEqual(['plan.pdf']);
    expect(up.body.webUrl).toBe(`https://contoso.sharepoint.com/sites/sales/CRM%20Clients${encodeURI(standin.pathOf(filesIn(dealFolder.id)[0]!.id))}`);
  });

  it('when the client is renamed, then its folder is renamed in SharePoint on the next access and web links follow', async () => {
    const client = await makeClient(server, user, 'Old Name');
    const first = await uploadFile(server, user, client.id, { name: 'a.pdf', bytes: '%PDF' });
    const folderId = folderOf(client.id)!.id;
    await server.call('PATCH', `/api/v1/clients/${client.id}`, { as: user, body: { name: 'New Name' } });
    await uploadFile(server, user, client.id, { name: 'b.pdf', bytes: '%PDF' });
    expect(standin.items.get(folderId)!.name).toBe(`New Name (${client.id.replace(/-/g, '').slice(-8)})`);
    expect(filesIn(folderId).map((f) => f.name).sort()).toEqual(['a.pdf', 'b.pdf']);
    const doc = (await server.call('GET', `/api/v1/documents/${first.body.id}`, { as: user })).body;
    expect(doc.webUrl).toContain('/New%20Name%20(');
  });

  it('when a file is over 4 MB, then it goes up in an upload session in 320 KiB-multiple chunks and downloads intact', async () => {
    const client = await makeClient(server, user);
    const bytes = Buffer.alloc(5 * 1024 * 1024 + 123);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7) % 251;
    const before = standin.requests.length;
    const up = await uploadFile(server, user, client.id, { name: 'scan.pdf', bytes });
    expect(up.status).toBe(201);
    expect(up.body.size).toBe(bytes.length);
    expect(standin.requests.slice(before).some((r) => r.path.endsWith(':/createUploadSession'))).toBe(true);
    const res = await fetch(`${server.url}/api/v1/documents/${up.body.id}/content`, { headers: { authorization: `Bearer ${await server.tokenFor(user)}` } });
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    expect(chunkSize % (320 * 1024)).toBe(0);
  });

  it('when a chunk fails once, then the upload resumes from where the session says and completes', async () => {
    const client = await makeClient(server, user);
    const bytes = Buffer.alloc(chunkSize * 2 + 10, 3);
    standin.fail({ status: 500, times: 1, match: (m, p) => m === 'PUT' && p === '/upload' });
    const up = await uploadFile(server, user, client.id, { name: 'resumed.pdf', bytes });
    expect(up.status).toBe(201);
    expect(filesIn(folderOf(client.id)!.id)[0]!.content!.equals(bytes)).toBe(true);
  });

  it('when SharePoint keeps failing after the upload started, then 503 and there is no document row and no file', async () => {
    const client = await makeClient(server, user);
    standin.fail({ status: 500, times: 10, match: (m, p) => m === 'PUT' && p === '/upload' });
    const up = await uploadFile(server, user, client.id, { name: 'lost.pdf', bytes: Buffer.alloc(chunkSize * 2, 1) });
    expect(up.status).toBe(503);
    expect(up.headers.get('retry-after')).toBeTruthy();
    expect(await documentsOf(client.id)).toEqual([]);
    expect(filesIn(folderOf(client.id)?.id)).toEqual([]);
  });

  it('when Graph answers 429 once, then the upload is retried and succeeds', async () => {
    const client = await makeClient(server, user);
    standin.fail({ status: 429, retryAfter: 1, times: 1, match: (m, p) => m === 'PUT' && p.endsWith(':/content') });
    const up = await uploadFile(server, user, client.id, { name: 'retry.txt', bytes: 'hello', type: 'text/plain' });
    expect(up.status).toBe(201);
  });

  it('when Graph answers 429 storms, then the caller gets 503 with Retry-After and nothing is stored', async () => {
    const client = await makeClient(server, user);
    await uploadFile(server, user, client.id, { name: 'warm.txt', bytes: 'folder made', type: 'text/plain' });
    standin.fail({ status: 429, retryAfter: 0, times: 50, match: (_m, p) => p.endsWith(':/content') });
    const up = await uploadFile(server, user, client.id, { name: 'storm.txt', bytes: 'x', type: 'text/plain' });
    expect(up.status).toBe(503);
    expect(up.body.type).toBe('/problems/service-unavailable');
    expect(up.headers.get('retry-after')).toBe('1');
    expect((await documentsOf(client.id)).map((d) => d.name)).toEqual(['warm.txt']);
  });

  it('when the person has not consented, then 403 consent-required and nothing is stored', async () => {
    const client = await makeClient(server, user);
    const stranger = newUser(['User'], user.tenantId); // no cached Graph token yet
    standin.refuseConsent(true);
    const up = await uploadFile(server, stranger, client.id, { name: 'a.pdf', bytes: '%PDF' });
    expect(up.status).toBe(403);
    expect(up.body.type).toBe('/problems/consent-required');
    expect(await documentsOf(client.id)).toEqual([]);
  });

  it('when a file with the name was put in the folder by hand, then the upload takes the next number', async () => {
    const client = await makeClient(server, user);
    await uploadFile(server, user, client.id, { name: 'first.txt', bytes: '1', type: 'text/plain' });
    const folderId = folderOf(client.id)!.id;
    standin.items.set('by-hand', { id: 'by-hand', name: 'offer.pdf', parentId: folderId, folder: false, content: Buffer.from('%PDF'), createdBy: 'someone' });
    const up = await uploadFile(server, user, client.id, { name: 'offer.pdf', bytes: '%PDF crm' });
    expect(up.body.name).toBe('offer (2).pdf');
  });
});
