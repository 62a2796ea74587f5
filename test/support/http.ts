export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small client for the HTTP API as a user meets it: JSON in, JSON (or problem+json) out. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  /**
   * Signs in as a client should: a 503 says when to try again (Retry-After), as the API answers when PostgreSQL is
   * slow to hand out a connection on a machine under load. Three tries, then the answer stands.
   */
  static async login(baseUrl: string, username: string, password = 'demo'): Promise<ApiClient> {
    let reply = await new ApiClient(baseUrl).post<{ accessToken: string }>('/auth/token', { username, password });
    for (let attempt = 1; reply.status === 503 && attempt < 3; attempt++) {
      const seconds = Math.min(Number(reply.headers.get('retry-after')) || 1, 5);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      reply = await new ApiClient(baseUrl).post<{ accessToken: string }>('/auth/token', { username, password });
    }
    if (reply.status !== 200)
      throw new Error(`login of ${username} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    return new ApiClient(baseUrl, reply.body.accessToken);
  }

  get<T = any>(path: string): Promise<Reply<T>> {
    return this.request<T>('GET', path);
  }

  post<T = any>(path: string, body?: unknown): Promise<Reply<T>> {
    return this.request<T>('POST', path, body);
  }

  async request<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
}

export const DEMO_ROUTE = {
  reviewers: ['jenv.afdelingshoofd', 'jenv.directeur', 'jenv.dg'],
  decider: 'jenv.bewindspersoon',
  coSigners: ['VWS', 'BZ', 'BHO', 'SZW'],
  ministerraad: true,
};
