import { Writable } from 'node:stream';
import express from 'express';
import { start } from '../api/src/server.js';

/**
 * `crm`: the real server on the bench database (logging at info to a sink that drops the lines,
 * so JSON serialization is still paid). `bare`: an Express route returning a constant.
 */
const kind = process.argv[2];
if (kind === 'bare') {
  const app = express();
  app.get('/constant', (_req, res) => {
    res.json({ ok: true });
  });
  const server = app.listen(0, '127.0.0.1', () => {
    const address = server.address() as { port: number };
    console.log(`LISTENING http://127.0.0.1:${address.port}`);
  });
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
} else {
  const sink = new Writable({ write: (_chunk, _enc, cb) => cb() });
  const running = await start({ ...process.env, PORT: '0', SEED_DEMO: process.env.SEED_DEMO ?? 'false', LOG_LEVEL: 'info' }, sink);
  console.log(`LISTENING ${running.url}`);
  process.once('SIGTERM', () => running.stop().then(() => process.exit(0)));
}
