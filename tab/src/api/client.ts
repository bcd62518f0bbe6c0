import type { FieldError } from '../../../api/src/contract/index.js';

/** A problem+json answer from the API, with its field errors for forms. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
  }
  fieldError(path: string): string | undefined {
    return this.errors.find((e) => e.path === path)?.message;
  }
}

export interface Api {
  get<T>(path: string): Promise<T>;
  /** GET returning the ETag version too, for records edited with If-Match. */
  getVersioned<T>(path: string): Promise<{ data: T; etag: string | null }>;
  post<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body: unknown, etag?: string | null): Promise<T>;
  del(path: string): Promise<void>;
  /** multipart/form-data upload with progress (fetch cannot report upload progress; XHR can). */
  upload<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<T>;
  /** Bytes behind the bearer token, for downloads. */
  blob(path: string): Promise<Blob>;
}

export function createApi(getToken: () => Promise<string>, onUnauthorized: () => void): Api {
  async function request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const res = await fetch(`/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${await getToken()}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status === 401) onUnauthorized();
    if (!res.ok) {
      const problem = (await res.json().catch(() => ({}))) as { type?: string; detail?: string; errors?: FieldError[] };
      throw new ApiError(res.status, problem.type ?? 'about:blank', problem.detail ?? res.statusText, problem.errors);
    }
    return res;
  }
  return {
    get: async (path) => (await request('GET', path)).json(),
    getVersioned: async (path) => {
      const res = await request('GET', path);
      return { data: await res.json(), etag: res.headers.get('etag') };
    },
    post: async (path, body) => (await request('POST', path, body ?? {})).json(),
    patch: async (path, body, etag) => (await request('PATCH', path, body, etag ? { 'if-match': etag } : {})).json(),
    del: async (path) => {
      await request('DELETE', path);
    },
    blob: async (path) => (await request('GET', path)).blob(),
    upload: async (path, form, onProgress) => {
      const token = await getToken();
      return new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `/api/v1${path}`);
        xhr.setRequestHeader('authorization', `Bearer ${token}`);
        xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
        xhr.onerror = () => reject(new Error('The upload did not reach the server.'));
        xhr.onload = () => {
          const json = (() => {
            try {
              return JSON.parse(xhr.responseText);
            } catch {
              return {};
            }
          })();
          if (xhr.status === 401) onUnauthorized();
          if (xhr.status >= 200 && xhr.status < 300) resolve(json as never);
          else reject(new ApiError(xhr.status, json.type ?? 'about:blank', json.detail ?? xhr.statusText, json.errors));
        };
        xhr.send(form);
      });
    },
  };
}
