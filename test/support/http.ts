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

  static async login(baseUrl: string, username: string, password = 'demo'): Promise<ApiClient> {
    const reply = await new ApiClient(baseUrl).post<{ accessToken: string }>('/auth/token', { username, password });
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
