import { startConnector } from '../test/standins/bot-connector/connector.js';

/**
 * `find` round trips through the bot on loopback: post a Teams message activity to
 * /api/messages and wait until the reply reaches the connector stand-in.
 */
export async function botFindRoundTrips(baseUrl: string, who: { tenantId: string; oid: string }, queries: string[], count = 200): Promise<{ p50: number; p95: number }> {
  const connector = await startConnector();
  try {
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      const res = await fetch(`${baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: `bench-${i}`,
          channelId: 'msteams',
          serviceUrl: connector.url,
          text: `find ${queries[i % queries.length]}`,
          from: { id: '29:bench', aadObjectId: who.oid },
          recipient: { id: '28:crm-bot' },
          conversation: { id: 'a:bench', conversationType: 'personal', tenantId: who.tenantId },
        }),
      });
      if (res.status >= 300) throw new Error(`/api/messages answered ${res.status}`);
      await connector.next();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 10) / 10;
    return { p50: at(0.5), p95: at(0.95) };
  } finally {
    await connector.stop();
  }
}
