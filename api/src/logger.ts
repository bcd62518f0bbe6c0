import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

/** One JSON line per event. Redaction is a second guard: request logs never include headers or bodies. */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { service: 'crm-api' },
      redact: { paths: ['req.headers.authorization', 'authorization', 'token', 'access_token', 'body', 'bodyHtml'], censor: '[redacted]' },
    },
    destination as pino.DestinationStream | undefined,
  );
}
