import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser, startTestServer, type TestServer } from '../../../../test/support/server.js';
import { clientWithContact, inOneHour, meetingsApiCases } from './meetings.cases.js';

let server: TestServer;
const user = newUser(['User']);

beforeAll(async () => {
  server = await startTestServer({ MEETINGS_STORE: 'local' });
});
afterAll(() => server.stop());

describe('meetings kept in the CRM (embedded mode)', () => {
  meetingsApiCases(() => ({ server, user }));

  it('when a meeting is scheduled without Microsoft 365, then it has no Outlook event nor Teams link', async () => {
    const { client } = await clientWithContact(server, user);
    const res = await server.call('POST', '/api/v1/meetings', { as: user, body: { clientId: client.id, subject: 'Local', start: inOneHour(), end: inOneHour(2) } });
    expect(res.body).toMatchObject({ provider: 'local', eventId: null, joinUrl: null, online: true });
    expect((await server.call('POST', '/api/v1/meetings/sync', { as: user })).body).toEqual({ checked: 0, moved: 0, cancelled: 0 });
  });
});
