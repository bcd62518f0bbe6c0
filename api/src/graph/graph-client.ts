import {
  AuthenticationHandler,
  Client,
  GraphError,
  HTTPMessageHandler,
  RedirectHandler,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
} from '@microsoft/microsoft-graph-client';
import { AppError } from '../http/errors.js';
import type { GraphIdentity, GraphTokens } from './graph-tokens.js';

/** Retries per call on 429/503/504, and the longest Retry-After we wait out inside one API request. */
const maxRetries = 3;
const longestWaitSeconds = 10;

export interface GraphAccess {
  /** Runs Graph calls as `who`, mapping Graph's failures to the API's problems. */
  call<T>(who: GraphIdentity, work: (client: Client) => Promise<T>): Promise<T>;
  /** Graph root, e.g. https://graph.microsoft.com. */
  readonly baseUrl: string;
}

function clientFor(tokens: GraphTokens, who: GraphIdentity, baseUrl: string): Client {
  const auth = new AuthenticationHandler({ getAccessToken: () => tokens.token(who) });
  const retry = new RetryHandler(
    // Retry-After is honoured (the handler reads it); a longer one than we can hold a request for ends the retries.
    new RetryHandlerOptions(1, maxRetries, (_delay, _attempt, _req, _opts, res: Response) => retryAfterSeconds(res.headers) <= longestWaitSeconds),
  );
  const redirect = new RedirectHandler();
  const telemetry = new TelemetryHandler();
  const http = new HTTPMessageHandler();
  auth.setNext(retry);
  retry.setNext(redirect);
  redirect.setNext(telemetry);
  telemetry.setNext(http);
  // The token goes only to https Graph hosts and the configured one (never to upload or download URLs).
  return Client.initWithMiddleware({ middleware: auth, baseUrl, defaultVersion: 'v1.0', customHosts: new Set([new URL(baseUrl).hostname]) });
}

function retryAfterSeconds(headers: Headers | undefined): number {
  const value = headers?.get('retry-after');
  if (!value) return 0;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(value);
  return Number.isNaN(at) ? 0 : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** Graph's answer as the API's problem: busy → 503 with Retry-After, refused → consent, gone → 404. */
export function graphProblem(err: unknown): unknown {
  if (!(err instanceof GraphError)) return err;
  const status = err.statusCode;
  if (status === 429 || status === 503 || status === 504) {
    return new AppError('service-unavailable', 'Microsoft 365 is busy right now. Try again after the time in Retry-After.', undefined, {
      retryAfter: Math.max(1, retryAfterSeconds(err.headers)),
    });
  }
  if (status === 403) {
    return new AppError('consent-required', 'Microsoft 365 refused access: consent to the CRM using your files and calendar, or ask an admin for access to the site.', undefined, {
      scopes: ['Files.ReadWrite.All', 'Calendars.ReadWrite', 'OnlineMeetings.ReadWrite'],
    });
  }
  if (status === 404) return new AppError('not-found', 'The item is no longer in Microsoft 365 (deleted or moved there).');
  if (status === 409) return new AppError('conflict', 'Microsoft 365 already has an item with this name.');
  return new AppError('service-unavailable', `Microsoft 365 answered an unexpected error (${status}${err.code ? ` ${err.code}` : ''}).`, undefined, { retryAfter: 30 });
}

export function createGraphAccess(tokens: GraphTokens, baseUrl: string): GraphAccess {
  return {
    baseUrl,
    async call(who, work) {
      // Fetched first so a consent or Entra failure surfaces as itself, not wrapped by the Graph client.
      await tokens.token(who);
      try {
        return await work(clientFor(tokens, who, baseUrl));
      } catch (err) {
        if (err instanceof GraphError && err.statusCode === 401) {
          // A token Graph no longer accepts: drop it and try once with a fresh one.
          tokens.forget(who);
          await tokens.token(who);
          try {
            return await work(clientFor(tokens, who, baseUrl));
          } catch (again) {
            throw graphProblem(again);
          }
        }
        throw graphProblem(err);
      }
    },
  };
}
