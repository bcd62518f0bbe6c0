import { expect, it } from 'vitest';
import { newUser, type TestServer, type TestUser } from '../../../../test/support/server.js';

/** Multipart upload through the API, as the tab sends it. */
export async function uploadFile(server: TestServer, as: TestUser, clientId: string, file: { name: string; bytes: Buffer | string; type?: string }, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([file.bytes], { type: file.type ?? 'application/pdf' }), file.name);
  const res = await fetch(`${server.url}/api/v1/clients/${clientId}/documents`, { method: 'POST', headers: { authorization: `Bearer ${await server.tokenFor(as)}` }, body: form });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

export async function makeClient(server: TestServer, as: TestUser, name = 'Škoda Dílny s.r.o.') {
  return (await server.call('POST', '/api/v1/clients', { as, body: { kind: 'company', name } })).body as { id: string; name: string };
}

/**
 * The documents API as the tab sees it, the same whichever store holds the bytes: these cases
 * run against the local disk store and against SharePoint through the Graph stand-in.
 */
export function documentsApiCases(get: () => { server: TestServer; user: TestUser }) {
  it('when a PDF is uploaded, then 201 answers its record and the bytes come back from /content', async () => {
    const { server, user } = get();
    const client = await makeClient(server, user);
    const up = await uploadFile(server, user, client.id, { name: 'Nabídka 2026.pdf', bytes: '%PDF-1.7 offer' });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ name: 'Nabídka 2026.pdf', size: 14, contentType: 'application/pdf', clientId: client.id, dealId: null });
    expect(up.headers.get('location')).toBe(`/api/v1/documents/${up.body.id}`);
    const res = await fetch(`${server.url}/api/v1/documents/${up.body.id}/content`, { headers: { authorization: `Bearer ${await server.tokenFor(user)}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('%PDF-1.7 offer');
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''Nab%C3%ADdka%202026.pdf");
  });

  it('when a file goes to a deal, then it is listed under the deal and the client', async () => {
    const { server, user } = get();
    const client = await makeClient(server, user);
    const deal = (await server.call('POST', '/api/v1/deals', { as: user, body: { clientId: client.id, title: 'Fleet renewal' } })).body;
    const up = await uploadFile(server, user, client.id, { name: 'scope.docx', bytes: 'PK docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }, { dealId: deal.id });
    expect(up.status).toBe(201);
    expect(up.body.dealId).toBe(deal.id);
    const ofDeal = await server.call('GET', `/api/v1/deals/${deal.id}/documents`, { as: user });
    expect(ofDeal.body.items.map((d: { id: string }) => d.id)).toEqual([up.body.id]);
    const ofClient = await server.call('GET', `/api/v1/clients/${client.id}/documents`, { as: user });
    expect(ofClient.body.items.map((d: { id: string }) => d.id)).toEqual([up.body.id]);
  });

  it('when two files have the same name, then the second is stored as "name (2)"', async () => {
    const { server, user } = get();
    const client = await makeClient(server, user);
    const first = await uploadFile(server, user, client.id, { name: 'contract.pdf', bytes: '%PDF one' });
    const second = await uploadFile(server, user, client.id, { name: 'contract.pdf', bytes: '%PDF two' });
    expect([first.body.name, second.body.name]).toEqual(['contract.pdf', 'contract (2).pdf']);
  });

  it('when a name has forbidden characters or a leading dot, then it is sanitized, not refused', async () => {
    const { server, user } = get();
    const client = await makeClient(server, user);
    const up = await uploadFile(server, user, client.id, { name: '.q1: "plan" <draft>|a*b?.txt', bytes: 'text', type: 'text/plain' });
    expect(up.status).toBe(201);
    expect(up.body.name).toBe('q1_ _plan_ _draft__a_b_.txt');
  });

  it('when the list is paged, then the cursor walks through every document once', async () => {
    const { server, user } = get();
    const client = await makeClient(server, user);
    for (const n of [1, 2, 3]) await uploadFile(server, user, client.id, { name: `p${n}.txt`, bytes: `${n}`, type: 'text/plain' });
    const first = await server.call('GET', `/api/v1/clients/${client.id}/documents?limit=2`, { as: user });
    const second = await server.call('GET', `/api/v1/clients/${client.id}/documents?limit=2&cursor=${first.body.nextCursor}`, { as: user });
    expect([...first.body.items, ...second.body.items].map((d: { name: string }) => d.name)).toEqual(['p3.txt', 'p2.txt', 'p1.txt']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('when a document is renamed, then the new name is kept and a taken name is 409', async () => {
    const { server, user } = get();
    const client = await makeClient(server, user);
    const a = await uploadFile(server, user, client.id, { name: 'a.pdf', bytes: '%PDF a' });
    await uploadFile(server, user, client.id, { name: 'b.pdf', bytes: '%PDF b' });
    const renamed = await server.call('PATCH', `/api/v1/documents/${a.body.id}`, { as: user, body: { name: 'final offer.pdf' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('final offer.pdf');
    const clash = await server.call('PATCH', `/api/v1/documents/${a.body.id}`, { as: user, body: { name: 'b.pdf' } });
    expect(clash.status).toBe(409);
    expect(clash.body.errors[0].path).toBe('name');
    const content = await fetch(`${server.url}/api/v1/documents/${a.body.id}/content`, { headers: { authorization: `Bearer ${await server.tokenFor(user)}` } });
    expect(await content.text()).toBe('%PDF a');
  });

  it('when a rename would make it a program, then 415 and the name is unchanged', async () => {
    const { server, user } = get();
    const client = await makeClient(server, user);
    const a = await uploadFile(server, user, client.id, { name: 'a.pdf', bytes: '%PDF a' });
    const res = await server.call('PATCH', `/api/v1/documents/${a.body.id}`, { as: user, body: { name: 'a.exe' } });
    expect(res.status).toBe(415);
    expect((await server.call('GET', `/api/v1/documents/${a.body.id}`, { as: user })).body.name).toBe('a.pdf');
  });

  it('when a document is deleted, then it is gone from the list and its content is 404', async () => {
    const { server, user } = get();
    const client = await makeClient(server, user);
    const a = await uploadFile(server, user, client.id, { name: 'old.pdf', bytes: '%PDF old' });
    expect((await server.call('DELETE', `/api/v1/documents/${a.body.id}`, { as: user })).status).toBe(204);
    expect((await server.call('GET', `/api/v1/clients/${client.id}/documents`, { as: user })).body.items).toEqual([]);
    expect((await server.call('GET', `/api/v1/documents/${a.body.id}/content`, { as: user })).status).toBe(404);
  });

  it('when the file is over the upload limit, then 413 and nothing is stored', async () => {
    const { server, user } = get();
    const client = await makeClient(server, user);
    const res = await uploadFile(server, user, client.id, { name: 'big.pdf', bytes: Buffer.alloc(server.config.graph.uploadLimitBytes + 1, 1) });
    expect(res.status).toBe(413);
    expect(res.body.type).toBe('/problems/payload-too-large');
    expect((await server.call('GET', `/api/v1/clients/${client.id}/documents`, { as: user })).body.items).toEqual([]);
  });

  it.each([
    ['an .exe', { name: 'setup.exe', bytes: 'MZ\x90\x00', type: 'application/x-msdownload' }],
    ['a program renamed to .pdf', { name: 'invoice.pdf', bytes: 'MZ\x90\x00 program', type: 'application/pdf' }],
    ['a script by content type', { name: 'notes.txt', bytes: 'alert(1)', type: 'text/javascript' }],
    ['a PowerShell script', { name: 'run.ps1', bytes: 'Get-Item', type: 'text/plain' }],
  ])('when %s is uploaded, then 415 and nothing is stored', async (_what, file) => {
    const { server, user } = get();
    const client = await makeClient(server, user);
    const res = await uploadFile(server, user, client.id, file);
    expect(res.status).toBe(415);
    expect(res.body.type).toBe('/problems/unsupported-media-type');
    expect(res.body.errors[0].path).toBe('file');
    expect((await server.call('GET', `/api/v1/clients/${client.id}/documents`, { as: user })).body.items).toEqual([]);
  });

  it('when the body is JSON instead of multipart, then 415', async () => {
    const { server, user } = get();
    const client = await makeClient(server, user);
    const res = await server.call('POST', `/api/v1/clients/${client.id}/documents`, { as: user, body: { name: 'x.pdf' } });
    expect(res.status).toBe(415);
  });

  it('when the form has no file or a bad dealId, then 400 or 422 on that field', async () => {
    const { server, user } = get();
    const client = await makeClient(server, user);
    const other = await makeClient(server, user, 'Other client');
    const otherDeal = (await server.call('POST', '/api/v1/deals', { as: user, body: { clientId: other.id, title: 'Theirs' } })).body;
    const form = new FormData();
    form.append('dealId', otherDeal.id);
    const none = await fetch(`${server.url}/api/v1/clients/${client.id}/documents`, { method: 'POST', headers: { authorization: `Bearer ${await server.tokenFor(user)}` }, body: form });
    expect(none.status).toBe(400);
    expect(((await none.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('file');
    const notUuid = await uploadFile(server, user, client.id, { name: 'a.pdf', bytes: '%PDF' }, { dealId: 'nope' });
    expect(notUuid.status).toBe(400);
    expect(notUuid.body.errors[0].path).toBe('dealId');
    const wrongDeal = await uploadFile(server, user, client.id, { name: 'a.pdf', bytes: '%PDF' }, { dealId: otherDeal.id });
    expect(wrongDeal.status).toBe(422);
    expect(wrongDeal.body.errors[0].path).toBe('dealId');
    expect((await server.call('GET', `/api/v1/clients/${client.id}/documents`, { as: user })).body.items).toEqual([]);
  });

  it("when another tenant reads, renames, deletes or uploads to this tenant's records, then 404 and nothing changes", async () => {
    const { server, user } = get();
    const client = await makeClient(server, user);
    const doc = await uploadFile(server, user, client.id, { name: 'secret.pdf', bytes: '%PDF secret' });
    const intruder = newUser(['Admin']);
    for (const [method, url, body] of [
      ['GET', `/api/v1/documents/${doc.body.id}`],
      ['GET', `/api/v1/documents/${doc.body.id}/content`],
      ['PATCH', `/api/v1/documents/${doc.body.id}`, { name: 'mine.pdf' }],
      ['DELETE', `/api/v1/documents/${doc.body.id}`],
      ['GET', `/api/v1/clients/${client.id}/documents`],
    ] as const) {
      expect((await server.call(method, url, { as: intruder, body })).status).toBe(404);
    }
    const upload = await uploadFile(server, intruder, client.id, { name: 'planted.pdf', bytes: '%PDF' });
    expect(upload.status).toBe(404);
    const list = await server.call('GET', `/api/v1/clients/${client.id}/documents`, { as: user });
    expect(list.body.items.map((d: { name: string }) => d.name)).toEqual(['secret.pdf']);
  });

  it('when a Reader uploads, then 403; when a User deletes a colleague\'s document, then 403', async () => {
    const { server, user } = get();
    const client = await makeClient(server, user);
    const reader = newUser(['Reader'], user.tenantId);
    expect((await uploadFile(server, reader, client.id, { name: 'r.pdf', bytes: '%PDF' })).status).toBe(403);
    const doc = await uploadFile(server, user, client.id, { name: 'mine.pdf', bytes: '%PDF' });
    const colleague = newUser(['User'], user.tenantId);
    expect((await server.call('DELETE', `/api/v1/documents/${doc.body.id}`, { as: colleague })).status).toBe(403);
    expect((await server.call('GET', `/api/v1/documents/${doc.body.id}`, { as: colleague })).status).toBe(200);
  });
}
