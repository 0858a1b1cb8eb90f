// A logged-in HTTP client over real loopback sockets (fetch), for tests and the soak run that talk
// to a server in another process: keeps the session cookie and sends the CSRF token on writes.
export interface HttpResult {
  status: number;
  body: unknown;
  text: string;
  ms: number;
}

export class HttpClient {
  cookie: string | null = null;
  csrf: string | null = null;

  constructor(readonly base: string) {}

  async login(username: string, password: string): Promise<HttpResult> {
    const res = await this.request('POST', '/api/auth/login', { username, password });
    if (res.status === 200) this.csrf = (res.body as { csrfToken: string }).csrfToken;
    return res;
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<HttpResult> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = `duban_session=${this.cookie}`;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const t0 = performance.now();
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const ms = performance.now() - t0;
    const set = res.headers.getSetCookie().find((c) => c.startsWith('duban_session='));
    if (set) this.cookie = decodeURIComponent(set.slice('duban_session='.length).split(';')[0]) || null;
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: kept as text (a download, or a bug the caller will report)
    }
    return { status: res.status, body: parsed, text, ms };
  }
}
