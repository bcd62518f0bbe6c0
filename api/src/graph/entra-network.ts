import type { INetworkModule, NetworkRequestOptions } from '@azure/msal-node';

/**
 * msal-node's network calls over the global fetch, so token requests take the same TLS and
 * proxy path as Graph calls (one place to trust a certificate or route a proxy).
 */
async function send<T>(url: string, init: RequestInit, timeoutMs?: number) {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs ?? 30_000) });
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const text = await res.text();
  return { status: res.status, headers, body: (text ? JSON.parse(text) : {}) as T };
}

export const fetchNetworkClient: INetworkModule = {
  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number) {
    return send<T>(url, { method: 'GET', headers: options?.headers }, timeout);
  },
  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions) {
    return send<T>(url, { method: 'POST', headers: options?.headers, body: options?.body });
  },
};
