import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the Bot Framework connector: records what the bot posts to
 * `/v3/conversations/{id}/activities[/{replyToId}]` and answers like the connector does.
 */
export interface RecordedActivity {
  conversationId: string;
  replyToId: string | null;
  authorization: string | undefined;
  body: { type: string; text?: string; attachments?: { contentType: string; content: any }[] };
}

export async function startConnector(): Promise<{ url: string; sent: RecordedActivity[]; next(): Promise<RecordedActivity>; stop(): Promise<void> }> {
  const sent: RecordedActivity[] = [];
  const waiters: ((a: RecordedActivity) => void)[] = [];
  const server = http.createServer((req, res) => {
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      if (req.method !== 'POST' || !match) {
        res.writeHead(404).end();
        return;
      }
      const activity: RecordedActivity = { conversationId: decodeURIComponent(match[1]!), replyToId: match[2] ?? null, authorization: req.headers.authorization, body: JSON.parse(raw) };
      sent.push(activity);
      waiters.shift()?.(activity);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `sent-${sent.length}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  let read = 0;
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent,
    next: () =>
      new Promise((resolve, reject) => {
        if (sent.length > read) return resolve(sent[read++]!);
        const timer = setTimeout(() => reject(new Error('The bot sent nothing within 5 s')), 5000);
        waiters.push((a) => {
          clearTimeout(timer);
          read++;
          resolve(a);
        });
      }),
    stop: () => new Promise((r) => server.close(() => r())),
  };
}
