import { AppError } from '../../http/errors.js';

/**
 * The registries' common HTTP behaviour: a time limit (5 s by default), one retry on a 5xx,
 * and "unavailable" (503 with Retry-After to our caller) for timeouts, network errors and
 * repeated 5xx. A registry that is down never looks like a company that does not exist.
 */
export class RegistryUnavailable extends AppError {
  constructor(source: string, why: string) {
    super('service-unavailable', `${source} is not answering right now (${why}). Try again in a minute.`, undefined, { retryAfter: 60 });
  }
}

export async function registryFetch(source: string, url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      throw new RegistryUnavailable(source, err instanceof Error && err.name === 'TimeoutError' ? 'timed out' : 'unreachable');
    }
    if (res.status < 500) return res;
    if (attempt === 2) throw new RegistryUnavailable(source, `status ${res.status}`);
  }
}

export async function jsonOf(source: string, res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    throw new RegistryUnavailable(source, 'not JSON');
  }
}
