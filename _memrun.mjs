import { Writable } from 'node:stream';
import { start } from './dist/api/src/server.js';
const sink = new Writable({ write: (_c, _e, cb) => cb() });
const running = await start({ ...process.env, PORT: '0', SEED_DEMO: 'false', LOG_LEVEL: 'info' }, sink);
console.log(`LISTENING ${running.url}`);
const mb = (n) => Math.round(n / 1048576);
setInterval(() => { if (process.env.GC_EACH) globalThis.gc(); const m = process.memoryUsage(); console.error(`rss ${mb(m.rss)} heapTotal ${mb(m.heapTotal)} heapUsed ${mb(m.heapUsed)} external ${mb(m.external)} arrayBuffers ${mb(m.arrayBuffers)}`); }, 2000);
process.once('SIGTERM', () => running.stop().then(() => process.exit(0)));
