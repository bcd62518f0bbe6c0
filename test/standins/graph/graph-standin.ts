import https from 'node:https';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { generate } from 'selfsigned';
import { Agent, setGlobalDispatcher } from 'undici';

/**
 * Microsoft Graph and the Entra token endpoint on https://127.0.0.1, speaking their JSON shapes:
 * sites and drives, drive items (children, path addressing, simple upload, upload sessions with
 * Content-Range chunks, pre-authenticated download URLs), events (create, patch, cancel, get)
 * and the v2 token endpoint (on-behalf-of and client credentials). Every Graph call must carry
 * a bearer token this stand-in issued; upload and download URLs must carry none, as in SharePoint.
 */

export interface DriveItem {
  id: string;
  name: string;
  parentId: string | null;
  folder: boolean;
  content?: Buffer;
  mimeType?: string;
  createdBy: string;
}

export interface StandinEvent {
  id: string;
  iCalUId: string;
  ownerOid: string;
  subject: string;
  body: { contentType: string; content: string };
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  attendees: { emailAddress: { address: string; name?: string }; type: string }[];
  isOnlineMeeting: boolean;
  onlineMeetingProvider: string;
  joinUrl: string | null;
  isCancelled: boolean;
  deleted: boolean;
}

interface Fault {
  match: (method: string, path: string) => boolean;
  status: number;
  retryAfter?: number;
  code?: string;
  times: number;
}

interface UploadSession {
  parentId: string;
  name: string;
  total: number;
  parts: Buffer[];
  received: number;
  owner: string;
}

export interface GraphStandin {
  url: string;
  /** The host name to trust and to list as a Graph custom host. */
  host: string;
  siteId: string;
  siteUrl: string;
  driveId: string;
  items: Map<string, DriveItem>;
  events: Map<string, StandinEvent>;
  /** Every Graph request (not token, upload or download), with whether a valid bearer came with it. */
  requests: { method: string; path: string; authorized: boolean }[];
  /** Requests to upload/download URLs that wrongly carried an Authorization header. */
  tokensLeakedToPreauthenticatedUrls: number;
  tokenRequests: { grantType: string; tenant: string }[];
  /** Answer the next `times` matching Graph requests with this status (429/503 with Retry-After, 401, 403, 500 …). */
  fail(fault: Partial<Fault> & { status: number }): void;
  clearFaults(): void;
  /** Make the token endpoint refuse with AADSTS65001 (consent missing) until cleared. */
  refuseConsent(on: boolean): void;
  childrenOf(parentId: string): DriveItem[];
  rootId: string;
  pathOf(id: string): string;
  stop(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
const graphError = (res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) =>
  json(res, status, { error: { code, message, innerError: { 'request-id': randomUUID(), date: new Date().toISOString() } } }, headers);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** The payload of a JWT, unverified: the stand-in only needs to know whose token it is. */
function claimsOf(jwt: string): Record<string, string> {
  try {
    return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    return {};
  }
}

/**
 * Starts the stand-in and makes this process trust its self-signed certificate (added to the
 * system roots for every fetch), as a machine with the stand-in's CA installed would.
 */
export async function startGraphStandin(): Promise<GraphStandin> {
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  setGlobalDispatcher(new Agent({ connect: { ca: [...tls.rootCertificates, pems.cert] } }));

  const tenantHost = 'contoso.sharepoint.com';
  const siteId = `${tenantHost},${randomUUID()},${randomUUID()}`;
  const driveId = `b!${randomUUID().replace(/-/g, '')}`;
  const rootId = 'root-' + randomUUID();
  const items = new Map<string, DriveItem>([[rootId, { id: rootId, name: 'root', parentId: null, folder: true, createdBy: 'system' }]]);
  const events = new Map<string, StandinEvent>();
  const sessions = new Map<string, UploadSession>();
  const tokens = new Map<string, { oid: string | null; tenant: string }>();
  const faults: Fault[] = [];
  const requests: GraphStandin['requests'] = [];
  const tokenRequests: GraphStandin['tokenRequests'] = [];
  let consentRefused = false;
  let leaked = 0;
  let base = '';

  const childrenOf = (parentId: string) => [...items.values()].filter((i) => i.parentId === parentId);
  const pathOf = (id: string): string => {
    const item = items.get(id);
    if (!item || item.parentId === null) return '';
    return `${pathOf(item.parentId)}/${item.name}`;
  };
  const webUrlOf = (id: string) => `https://${tenantHost}/sites/sales/CRM%20Clients${encodeURI(pathOf(id))}`;
  const driveItem = (i: DriveItem, withDownload = false) => ({
    id: i.id,
    name: i.name,
    webUrl: webUrlOf(i.id),
    size: i.content?.length ?? 0,
    createdDateTime: new Date().toISOString(),
    lastModifiedDateTime: new Date().toISOString(),
    parentReference: { driveId, driveType: 'documentLibrary', id: i.parentId ?? undefined, path: `/drives/${driveId}/root:${pathOf(i.parentId ?? rootId)}` },
    ...(i.folder ? { folder: { childCount: childrenOf(i.id).length } } : { file: { mimeType: i.mimeType ?? 'application/octet-stream' } }),
    ...(withDownload && !i.folder ? { '@microsoft.graph.downloadUrl': `${base}/download/${i.id}?tempauth=${randomUUID()}` } : {}),
  });
  const nameTaken = (parentId: string, name: string, except?: string) =>
    childrenOf(parentId).some((c) => c.id !== except && c.name.toLowerCase() === name.toLowerCase());
  const eventJson = (e: StandinEvent) => ({
    '@odata.etag': `W/"${e.id}"`,
    id: e.id,
    iCalUId: e.iCalUId,
    subject: e.subject,
    body: e.body,
    start: e.start,
    end: e.end,
    attendees: e.attendees.map((a) => ({ ...a, status: { response: 'none', time: '0001-01-01T00:00:00Z' } })),
    isOnlineMeeting: e.isOnlineMeeting,
    onlineMeetingProvider: e.onlineMeetingProvider,
    onlineMeeting: e.joinUrl ? { joinUrl: e.joinUrl } : null,
    isCancelled: e.isCancelled,
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(e.id)}&exvsurl=1&path=/calendar/item`,
  });

  async function token(req: IncomingMessage, res: ServerResponse, tenant: string) {
    const form = new URLSearchParams((await readBody(req)).toString('utf8'));
    const grantType = form.get('grant_type') ?? '';
    tokenRequests.push({ grantType, tenant });
    if (!form.get('client_id') || !(form.get('client_secret') || form.get('client_assertion'))) {
      return json(res, 401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.', error_codes: [7000215] });
    }
    let oid: string | null = null;
    if (grantType === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      if (form.get('requested_token_use') !== 'on_behalf_of' || !form.get('assertion')) return json(res, 400, { error: 'invalid_request', error_description: 'AADSTS50027: Invalid JWT token.' });
      if (consentRefused) {
        return json(res, 400, {
          error: 'invalid_grant',
          error_description: "AADSTS65001: The user or administrator has not consented to use the application with ID 'crm'. Send an interactive authorization request for this user and resource.",
          error_codes: [65001],
          suberror: 'consent_required',
          timestamp: new Date().toISOString(),
          trace_id: randomUUID(),
          correlation_id: randomUUID(),
        });
      }
      oid = claimsOf(form.get('assertion')!).oid ?? null;
      if (!oid) return json(res, 400, { error: 'invalid_grant', error_description: 'AADSTS50013: Assertion failed signature validation.' });
    } else if (grantType !== 'client_credentials') {
      return json(res, 400, { error: 'unsupported_grant_type', error_description: 'AADSTS70003: The app requested an unsupported grant type.' });
    }
    const accessToken = `standin.${randomUUID()}`;
    tokens.set(accessToken, { oid, tenant });
    json(res, 200, { token_type: 'Bearer', scope: form.get('scope') ?? '', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken });
  }

  async function graph(req: IncomingMessage, res: ServerResponse, path: string, url: URL) {
    const method = req.method ?? 'GET';
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const who = bearer ? tokens.get(bearer) : undefined;
    requests.push({ method, path, authorized: Boolean(who) });
    if (!who) return graphError(res, 401, 'InvalidAuthenticationToken', 'Access token is empty.');
    const fault = faults.find((f) => f.times > 0 && f.match(method, path));
    if (fault) {
      fault.times--;
      const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
      return graphError(res, fault.status, fault.code ?? (fault.status === 429 ? 'TooManyRequests' : 'generalException'), `Stand-in fault ${fault.status}`, headers);
    }
    const p = decodeURIComponent(path);
    let m: RegExpExecArray | null;

    if (method === 'GET' && (m = /^\/sites\/([^/:]+):(\/.*)$/.exec(p))) return json(res, 200, { id: siteId, displayName: 'Sales', webUrl: `https://${m[1]}${m[2]}` });
    if (method === 'GET' && p === `/sites/${siteId}/drives`) {
      return json(res, 200, { value: [{ id: 'b!other', name: 'Documents', driveType: 'documentLibrary' }, { id: driveId, name: 'CRM Clients', driveType: 'documentLibrary', webUrl: `https://${tenantHost}/sites/sales/CRM%20Clients` }] });
    }
    if ((m = /^\/drives\/([^/]+)\/(.*)$/.exec(p))) {
      if (m[1] !== driveId) return graphError(res, 404, 'itemNotFound', 'The drive does not exist.');
      return driveRoute(req, res, method, m[2]!, url, who.oid ?? 'app');
    }
    if ((m = /^\/(?:me|users\/([^/]+))\/events(?:\/([^/]+))?(\/cancel)?$/.exec(p))) {
      const owner = m[1] ?? who.oid;
      if (!owner) return graphError(res, 400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
      return eventsRoute(req, res, method, owner, m[2], Boolean(m[3]));
    }
    return graphError(res, 400, 'BadRequest', `Stand-in does not know ${method} ${p}`);
  }

  async function driveRoute(req: IncomingMessage, res: ServerResponse, method: string, rest: string, url: URL, by: string) {
    let m: RegExpExecArray | null;
    if (method === 'GET' && rest === 'root') return json(res, 200, driveItem(items.get(rootId)!));
    // items/{parent}:/{name}:/content and :/createUploadSession (path addressing under a folder)
    if ((m = /^items\/([^/:]+):\/([^:]+):\/(content|createUploadSession)$/.exec(rest))) {
      const [, parentId, name, action] = m;
      if (!items.get(parentId!)?.folder) return graphError(res, 404, 'itemNotFound', 'The parent folder does not exist.');
      const body = await readBody(req);
      if (action === 'content' && method === 'PUT') {
        if (url.searchParams.get('@microsoft.graph.conflictBehavior') === 'fail' && nameTaken(parentId!, name!)) return graphError(res, 409, 'nameAlreadyExists', 'The specified item name already exists.');
        const item: DriveItem = { id: randomUUID(), name: name!, parentId: parentId!, folder: false, content: body, mimeType: req.headers['content-type'], createdBy: by };
        items.set(item.id, item);
        return json(res, 201, driveItem(item));
      }
      if (action === 'createUploadSession' && method === 'POST') {
        const spec = JSON.parse(body.toString('utf8') || '{}') as { item?: Record<string, unknown> };
        if (spec.item?.['@microsoft.graph.conflictBehavior'] === 'fail' && nameTaken(parentId!, name!)) return graphError(res, 409, 'nameAlreadyExists', 'The specified item name already exists.');
        const id = randomUUID();
        sessions.set(id, { parentId: parentId!, name: name!, total: -1, parts: [], received: 0, owner: by });
        return json(res, 200, { uploadUrl: `${base}/upload/${id}?tempauth=${randomUUID()}`, expirationDateTime: new Date(Date.now() + 3_600_000).toISOString(), nextExpectedRanges: ['0-'] });
      }
    }
    if ((m = /^items\/([^/:]+):\/([^:]+)$/.exec(rest)) && method === 'GET') {
      const child = childrenOf(m[1]!).find((c) => c.name.toLowerCase() === m![2]!.toLowerCase());
      return child ? json(res, 200, driveItem(child)) : graphError(res, 404, 'itemNotFound', 'The resource could not be found.');
    }
    if ((m = /^items\/([^/:]+)\/children$/.exec(rest))) {
      const parent = items.get(m[1]!);
      if (!parent?.folder) return graphError(res, 404, 'itemNotFound', 'The resource could not be found.');
      if (method === 'GET') {
        const top = Number(url.searchParams.get('$top') ?? 200);
        const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
        const all = childrenOf(parent.id).sort((a, b) => a.name.localeCompare(b.name));
        const page = all.slice(skip, skip + top);
        const next = skip + top < all.length ? `${base}/v1.0/drives/${driveId}/items/${parent.id}/children?$top=${top}&$skiptoken=${skip + top}` : undefined;
        return json(res, 200, { value: page.map((i) => driveItem(i)), ...(next ? { '@odata.nextLink': next } : {}) });
      }
      if (method === 'POST') {
        const spec = JSON.parse((await readBody(req)).toString('utf8')) as { name: string; folder?: object; '@microsoft.graph.conflictBehavior'?: string };
        if (nameTaken(parent.id, spec.name)) return graphError(res, 409, 'nameAlreadyExists', 'The specified item name already exists.');
        const item: DriveItem = { id: randomUUID(), name: spec.name, parentId: parent.id, folder: true, createdBy: by };
        items.set(item.id, item);
        return json(res, 201, driveItem(item));
      }
    }
    if ((m = /^items\/([^/:]+)$/.exec(rest))) {
      const item = items.get(m[1]!);
      if (!item) return graphError(res, 404, 'itemNotFound', 'The resource could not be found.');
      if (method === 'GET') return json(res, 200, driveItem(item, true));
      if (method === 'PATCH') {
        const spec = JSON.parse((await readBody(req)).toString('utf8')) as { name?: string };
        if (spec.name) {
          if (nameTaken(item.parentId!, spec.name, item.id)) return graphError(res, 409, 'nameAlreadyExists', 'The specified item name already exists.');
          item.name = spec.name;
        }
        return json(res, 200, driveItem(item));
      }
      if (method === 'DELETE') {
        const drop = (id: string) => {
          for (const c of childrenOf(id)) drop(c.id);
          items.delete(id);
        };
        drop(item.id);
        res.writeHead(204).end();
        return;
      }
    }
    return graphError(res, 400, 'invalidRequest', `Stand-in does not know ${method} drives/…/${rest}`);
  }

  async function eventsRoute(req: IncomingMessage, res: ServerResponse, method: string, owner: string, id: string | undefined, cancel: boolean) {
    const body = await readBody(req);
    if (!id && method === 'POST') {
      const spec = JSON.parse(body.toString('utf8')) as Partial<StandinEvent> & { onlineMeetingProvider?: string };
      const e: StandinEvent = {
        id: `AAMk${randomUUID().replace(/-/g, '')}`,
        iCalUId: `040000008200E00074C5B7101A82E008${randomUUID().replace(/-/g, '').toUpperCase()}`,
        ownerOid: owner,
        subject: spec.subject ?? '',
        body: spec.body ?? { contentType: 'text', content: '' },
        start: spec.start!,
        end: spec.end!,
        attendees: spec.attendees ?? [],
        isOnlineMeeting: Boolean(spec.isOnlineMeeting),
        onlineMeetingProvider: spec.onlineMeetingProvider ?? 'unknown',
        joinUrl: spec.isOnlineMeeting ? `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${randomUUID()}%40thread.v2/0` : null,
        isCancelled: false,
        deleted: false,
      };
      events.set(e.id, e);
      return json(res, 201, eventJson(e));
    }
    const e = id ? events.get(id) : undefined;
    if (!e || e.deleted || e.ownerOid !== owner) return graphError(res, 404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    if (cancel && method === 'POST') {
      // Graph removes a cancelled meeting from the organizer's calendar.
      e.isCancelled = true;
      e.deleted = true;
      res.writeHead(202).end();
      return;
    }
    if (method === 'GET') return json(res, 200, eventJson(e));
    if (method === 'PATCH') {
      const spec = JSON.parse(body.toString('utf8')) as Partial<StandinEvent>;
      Object.assign(e, Object.fromEntries(Object.entries(spec).filter(([k]) => ['subject', 'body', 'start', 'end', 'attendees'].includes(k))));
      return json(res, 200, eventJson(e));
    }
    if (method === 'DELETE') {
      e.deleted = true;
      res.writeHead(204).end();
      return;
    }
    return graphError(res, 405, 'ErrorInvalidRequest', 'Method not allowed.');
  }

  async function upload(req: IncomingMessage, res: ServerResponse, id: string) {
    const session = sessions.get(id);
    if (!session) return graphError(res, 404, 'itemNotFound', 'The upload session was not found.');
    if (req.method === 'GET') return json(res, 200, { expirationDateTime: new Date(Date.now() + 3_600_000).toISOString(), nextExpectedRanges: [`${session.received}-`] });
    if (req.method === 'DELETE') {
      sessions.delete(id);
      res.writeHead(204).end();
      return;
    }
    const fault = faults.find((f) => f.times > 0 && f.match('PUT', '/upload'));
    const body = await readBody(req);
    if (fault) {
      fault.times--;
      return graphError(res, fault.status, fault.code ?? 'serviceNotAvailable', `Stand-in fault ${fault.status}`, fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {});
    }
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(req.headers['content-range'] ?? ''));
    if (!range) return graphError(res, 400, 'invalidRange', 'Content-Range is missing or malformed.');
    const [from, to, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (from !== session.received || to - from + 1 !== body.length) {
      return graphError(res, 416, 'invalidRange', 'The uploaded fragment does not match the expected range.', {});
    }
    if (body.length > 60 * 1024 * 1024 || (to + 1 < total && body.length % (320 * 1024) !== 0)) {
      return graphError(res, 400, 'invalidRange', 'Fragments must be multiples of 320 KiB, under 60 MiB.');
    }
    session.total = total;
    session.parts.push(body);
    session.received = to + 1;
    if (session.received < total) return json(res, 202, { expirationDateTime: new Date(Date.now() + 3_600_000).toISOString(), nextExpectedRanges: [`${session.received}-`] });
    sessions.delete(id);
    if (nameTaken(session.parentId, session.name)) return graphError(res, 409, 'nameAlreadyExists', 'The specified item name already exists.');
    const item: DriveItem = { id: randomUUID(), name: session.name, parentId: session.parentId, folder: false, content: Buffer.concat(session.parts), createdBy: session.owner };
    items.set(item.id, item);
    return json(res, 201, driveItem(item));
  }

  const server = https.createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const url = new URL(req.url ?? '/', base);
    const preauthenticated = url.pathname.startsWith('/upload/') || url.pathname.startsWith('/download/');
    if (preauthenticated && req.headers.authorization) {
      leaked++;
      return graphError(res, 401, 'unauthenticated', 'Upload and download URLs are pre-authenticated: sending a bearer token is refused.');
    }
    let m: RegExpExecArray | null;
    const route = async () => {
      if ((m = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname)) && req.method === 'POST') return token(req, res, m[1]!);
      if ((m = /^\/v1\.0(\/.*)$/.exec(url.pathname))) return graph(req, res, m[1]!, url);
      if ((m = /^\/upload\/([^/]+)$/.exec(url.pathname))) return upload(req, res, m[1]!);
      if ((m = /^\/download\/([^/]+)$/.exec(url.pathname)) && req.method === 'GET') {
        const item = items.get(m[1]!);
        if (!item?.content) return graphError(res, 404, 'itemNotFound', 'Gone.');
        res.writeHead(200, { 'content-type': item.mimeType ?? 'application/octet-stream', 'content-length': String(item.content.length) });
        res.end(item.content);
        return;
      }
      graphError(res, 404, 'NotFound', `No stand-in route for ${req.method} ${url.pathname}`);
    };
    route().catch((err: unknown) => graphError(res, 500, 'generalException', String(err)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    host: '127.0.0.1',
    siteId,
    siteUrl: `https://${tenantHost}/sites/sales`,
    driveId,
    rootId,
    items,
    events,
    requests,
    get tokensLeakedToPreauthenticatedUrls() {
      return leaked;
    },
    tokenRequests,
    fail(f) {
      faults.push({ match: f.match ?? (() => true), status: f.status, retryAfter: f.retryAfter, code: f.code, times: f.times ?? 1 });
    },
    clearFaults() {
      faults.length = 0;
    },
    refuseConsent(on) {
      consentRefused = on;
    },
    childrenOf,
    pathOf,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
