import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { addDays, toAmsterdamDate } from '@notaflow/calendar';
import { startTestApp, type TestApp } from './support/app';
import { FlowDriver, type Who } from './support/flow-driver';
import { ApiClient } from './support/http';

interface FeedReply {
  status: number;
  contentType: string | null;
  cacheControl: string | null;
  text: string;
}

/** A calendar app's fetch: the URL as given, no access token. */
async function fetchFeed(url: string): Promise<FeedReply> {
  const response = await fetch(url);
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    cacheControl: response.headers.get('cache-control'),
    text: await response.text(),
  };
}

/**
 * A request through node:http, which sends the headers as given: fetch() may not set Host, and adds
 * `Cache-Control: no-cache` to a conditional request, as browsers do, which rules out a 304.
 */
function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The events of an iCalendar text by UID, each as its content lines with folded lines joined (RFC 5545 3.1). */
function eventsOf(ics: string): Map<string, string[]> {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const events = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = [];
    else if (line === 'END:VEVENT' && current) {
      const uid = current.find((l) => l.startsWith('UID:'))?.slice('UID:'.length);
      if (!uid) throw new Error(`event without UID: ${current.join(' | ')}`);
      events.set(uid, current);
      current = undefined;
    } else current?.push(line);
  }
  return events;
}

/** The value of a property of an event, its parameters included: `DTSTART;VALUE=DATE:20231221`. */
function prop(event: string[] | undefined, name: string): string | undefined {
  return event?.find((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`));
}

const uidOf = (deadlineId: string) => `deadline-${deadlineId}@notaflow`;
const sha256 = (text: string) => createHash('sha256').update(text).digest();

describe('iCal feed of the Kamer deadlines', () => {
  let app: TestApp;
  let flow: FlowDriver;
  const today = toAmsterdamDate(new Date());

  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    flow = await FlowDriver.create(app.baseUrl);
  });
  afterAll(async () => {
    await app?.close();
  });

  const createDeadline = async (body: Record<string, unknown>) => {
    const reply = await flow.as.staff.post('/deadlines', body);
    if (reply.status !== 201) throw new Error(`create deadline: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  const createFeed = async (who: Who = 'staff', body: Record<string, unknown> = {}) => {
    const reply = await flow.as[who].post('/calendar-feeds', body);
    if (reply.status !== 201) throw new Error(`create feed: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;
  const postpone = async (deadlineId: string, requestedDueOn: string, grant?: Record<string, unknown>) => {
    const requested = await flow.as.staff.post(`/deadlines/${deadlineId}/postponements`, {
      requestedDueOn,
      reason: 'Het actieplan is nog niet gereed; debat na de begrotingsbehandeling',
    });
    expect(requested.status).toBe(201);
    if (grant) {
      const outcome = await flow.as.management.post(`/postponements/${requested.body.id}/outcome`, grant);
      expect(outcome.status).toBe(200);
    }
    return requested.body;
  };
  const insertDeadlineOf = async (organisation: string, title: string, dueOn: string): Promise<string> => {
    // No demo user of VWS may register deadlines (drafters and managers only), so the row goes in directly.
    const [row] = await app.dataSource.query(
      `INSERT INTO deadlines (kind, title, due_on, original_due_on, organisation_code, status, created_by)
       VALUES ('toezegging', $1, $2, $2, $3, 'open', 'vws.signer') RETURNING id`,
      [title, dueOn, organisation],
    );
    return row.id;
  };

  it("serves the organisation's deadlines to the URL returned, without an access token", async () => {
    const debat = await createDeadline({
      kind: 'commissiedebat',
      title: 'Commissiedebat prostitutiebeleid en mensenhandel',
      dueOn: '2023-10-12',
      dossier: '28 638',
    });
    await postpone(debat.id, '2023-11-30', { outcome: 'granted', newDueOn: '2023-12-21' });
    const toezegging = await createDeadline({
      kind: 'toezegging',
      title: 'Brief voor de begrotingsbehandeling JenV',
      dueOn: addDays(today, 60),
    });
    const motie = await createDeadline({
      kind: 'motie',
      title: 'Motie Bikker c.s. (28 638, nr. 238)',
      dueOn: addDays(today, 90),
    });
    expect((await flow.as.staff.post(`/deadlines/${motie.id}/status`, { status: 'cancelled' })).status).toBe(200);
    const recentlyMet = await createDeadline({
      kind: 'reporting',
      title: 'Voortgangsbrief',
      dueOn: addDays(today, -30),
    });
    expect((await flow.as.staff.post(`/deadlines/${recentlyMet.id}/status`, { status: 'met' })).status).toBe(200);
    const longAgoMet = await createDeadline({ kind: 'kamervragen', title: 'Oude vragen', dueOn: addDays(today, -800) });
    expect((await flow.as.staff.post(`/deadlines/${longAgoMet.id}/status`, { status: 'met' })).status).toBe(200);
    // Called off today, though due long ago: clients that once showed it learn of the cancellation.
    const longAgoCancelled = await createDeadline({ kind: 'other', title: 'Vervallen', dueOn: addDays(today, -800) });
    expect((await flow.as.staff.post(`/deadlines/${longAgoCancelled.id}/status`, { status: 'cancelled' })).status).toBe(
      200,
    );
    const vwsDeadline = await insertDeadlineOf('VWS', 'Toezegging van VWS', addDays(today, 30));

    const feed = await createFeed('staff', { name: 'Outlook werk' });
    expect(feed).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Outlook werk',
      url: expect.stringMatching(new RegExp(`^${app.baseUrl}/api/v1/deadlines\\.ics\\?token=[A-Za-z0-9_-]{43}$`)),
      webcalUrl: expect.stringMatching(/^webcal:\/\/127\.0\.0\.1:\d+\/api\/v1\/deadlines\.ics\?token=/),
      createdAt: expect.any(String),
    });
    expect(feed.webcalUrl.replace(/^webcal:/, 'http:')).toBe(feed.url);

    const reply = await fetchFeed(feed.url);
    expect(reply.status).toBe(200);
    expect(reply.contentType).toBe('text/calendar; charset=utf-8');
    expect(reply.cacheControl).toMatch(/^private, max-age=\d+$/);
    expect(reply.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(reply.text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(reply.text).toContain('\r\nX-WR-CALNAME:notaflow — termijnen JENV\r\n');
    expect(reply.text).toContain('\r\nX-WR-TIMEZONE:Europe/Amsterdam\r\n');
    expect(reply.text).toContain('\r\nX-PUBLISHED-TTL:PT1H\r\n');
    expect(reply.text).toMatch(/\r\nPRODID:-\/\/notaflow\/\/termijnen\/\/NL\r\n/);

    const events = eventsOf(reply.text);
    expect([...events.keys()].sort()).toEqual(
      [debat.id, toezegging.id, motie.id, recentlyMet.id, longAgoCancelled.id].map(uidOf).sort(),
    );
    expect(events.has(uidOf(vwsDeadline))).toBe(false);
    expect(events.has(uidOf(longAgoMet.id))).toBe(false);

    const postponed = events.get(uidOf(debat.id));
    expect(prop(postponed, 'DTSTART')).toBe('DTSTART;VALUE=DATE:20231221');
    expect(prop(postponed, 'SEQUENCE')).toBe('SEQUENCE:1');
    expect(prop(postponed, 'SUMMARY')).toBe('SUMMARY:Commissiedebat: Commissiedebat prostitutiebeleid en mensenhandel');
    expect(prop(postponed, 'DESCRIPTION')).toBe(
      'DESCRIPTION:Dossier: 28 638\\nStatus: open\\nUitgesteld\\; oorspronkelijk 12 oktober 2023',
    );
    expect(prop(postponed, 'STATUS')).toBe('STATUS:CONFIRMED');
    expect(prop(postponed, 'LAST-MODIFIED')).toMatch(/^LAST-MODIFIED:\d{8}T\d{6}Z$/);

    const plain = events.get(uidOf(toezegging.id));
    expect(prop(plain, 'DTSTART')).toBe(`DTSTART;VALUE=DATE:${toezegging.dueOn.replace(/-/g, '')}`);
    expect(prop(plain, 'SEQUENCE')).toBe('SEQUENCE:0');
    expect(prop(plain, 'SUMMARY')).toBe('SUMMARY:Toezegging: Brief voor de begrotingsbehandeling JenV');
    // One click from the calendar to the deadline in the web app, served by the API at its root.
    expect(prop(plain, 'URL')).toBe(`URL;VALUE=URI:${app.baseUrl}/termijnen/${toezegging.id}`);

    const cancelled = events.get(uidOf(motie.id));
    expect(prop(cancelled, 'STATUS')).toBe('STATUS:CANCELLED');
    expect(prop(cancelled, 'SEQUENCE')).toBe('SEQUENCE:1');
    expect(prop(cancelled, 'SUMMARY')).toBe('SUMMARY:Motie: Motie Bikker c.s. (28 638\\, nr. 238) (vervallen)');

    expect(prop(events.get(uidOf(longAgoCancelled.id)), 'STATUS')).toBe('STATUS:CANCELLED');
    expect(prop(events.get(uidOf(recentlyMet.id)), 'SUMMARY')).toBe(
      'SUMMARY:Periodieke rapportage: Voortgangsbrief (gehaald)',
    );

    // The same rows make the same text, so a client polling an unchanged feed gets a 304 without the body.
    const first = await rawRequest(feed.url);
    expect(first.headers.etag).toEqual(expect.any(String));
    const again = await rawRequest(feed.url, { headers: { 'if-none-match': first.headers.etag as string } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
  });

  it('keeps the UID and raises the SEQUENCE when a postponement is granted', async () => {
    const deadline = await createDeadline({
      kind: 'kamervragen',
      title: 'Vragen over mensenhandel',
      dueOn: '2031-03-03',
    });
    const feed = await createFeed();
    const before = eventsOf((await fetchFeed(feed.url)).text).get(uidOf(deadline.id));
    expect(prop(before, 'DTSTART')).toBe('DTSTART;VALUE=DATE:20310303');
    expect(prop(before, 'SEQUENCE')).toBe('SEQUENCE:0');

    const pending = await postpone(deadline.id, '2031-03-24');
    const asked = eventsOf((await fetchFeed(feed.url)).text).get(uidOf(deadline.id));
    expect(prop(asked, 'DTSTART')).toBe('DTSTART;VALUE=DATE:20310303');
    expect(prop(asked, 'SEQUENCE')).toBe('SEQUENCE:0');
    expect(prop(asked, 'DESCRIPTION')).toContain('Uitstel gevraagd tot 24 maart 2031');

    expect((await flow.as.staff.post(`/postponements/${pending.id}/outcome`, { outcome: 'granted' })).status).toBe(200);
    const moved = eventsOf((await fetchFeed(feed.url)).text).get(uidOf(deadline.id));
    expect(prop(moved, 'DTSTART')).toBe('DTSTART;VALUE=DATE:20310324');
    expect(prop(moved, 'SEQUENCE')).toBe('SEQUENCE:1');
    expect(prop(moved, 'DESCRIPTION')).toContain('oorspronkelijk 3 maart 2031');

    await postpone(deadline.id, '2031-04-14', { outcome: 'granted' });
    const movedAgain = eventsOf((await fetchFeed(feed.url)).text).get(uidOf(deadline.id));
    expect(prop(movedAgain, 'DTSTART')).toBe('DTSTART;VALUE=DATE:20310414');
    expect(prop(movedAgain, 'SEQUENCE')).toBe('SEQUENCE:2');
  });

  it('answers a missing, malformed, unknown or revoked token with 401 problem+json, never a calendar', async () => {
    const feed = await createFeed();
    const token = tokenOf(feed.url);
    expect((await fetchFeed(feed.url)).status).toBe(200);

    const revoked = await flow.as.staff.request('DELETE', `/calendar-feeds/${feed.id}`);
    expect(revoked.status).toBe(204);
    expect(revoked.body).toBeUndefined();
    // Revoking again changes nothing.
    expect((await flow.as.staff.request('DELETE', `/calendar-feeds/${feed.id}`)).status).toBe(204);

    const feedUrl = `${app.baseUrl}/api/v1/deadlines.ics`;
    for (const url of [
      feed.url,
      feedUrl,
      `${feedUrl}?token=`,
      `${feedUrl}?token=x`,
      `${feedUrl}?token=${randomBytes(32).toString('base64url')}`,
      `${feedUrl}?token=${token.slice(0, -1)}`,
      `${feedUrl}?token=${token}&token=${token}`,
    ]) {
      const reply = await fetchFeed(url);
      expect({ url, status: reply.status }).toEqual({ url, status: 401 });
      expect(reply.contentType).toMatch(/^application\/problem\+json/);
      expect(reply.text).not.toContain('VCALENDAR');
      expect(JSON.parse(reply.text)).toMatchObject({
        status: 401,
        title: 'Unauthorized',
        instance: '/api/v1/deadlines.ics',
      });
      expect(reply.text).not.toContain(token);
    }

    const listed = await flow.as.staff.get('/calendar-feeds');
    expect(listed.body.find((f: any) => f.id === feed.id)).toMatchObject({ revokedAt: expect.any(String) });
  });

  it("keeps a user's feeds to that user: others cannot list or revoke them", async () => {
    const feed = await createFeed('staff', { name: 'Telefoon' });
    const other = await flow.as.directeur.get('/calendar-feeds');
    expect(other.status).toBe(200);
    expect(other.body.map((f: any) => f.id)).not.toContain(feed.id);

    for (const id of [feed.id, '7d9f2b8e-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const reply = await flow.as.directeur.request('DELETE', `/calendar-feeds/${id}`);
      expect({ id, status: reply.status }).toEqual({ id, status: 404 });
      expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect((await flow.as.staff.request('DELETE', '/calendar-feeds/not-a-uuid')).status).toBe(404);
    expect((await fetchFeed(feed.url)).status).toBe(200);
  });

  it('gives any signed-in user a feed of their own organisation', async () => {
    const jenv = await createDeadline({ kind: 'other', title: 'Alleen JENV', dueOn: addDays(today, 10) });
    const vws = await insertDeadlineOf('VWS', 'Alleen VWS', addDays(today, 10));

    const directeur = eventsOf((await fetchFeed((await createFeed('directeur')).url)).text);
    expect(directeur.has(uidOf(jenv.id))).toBe(true);
    expect(directeur.has(uidOf(vws))).toBe(false);

    const vwsReply = await fetchFeed((await createFeed('vws')).url);
    expect(vwsReply.text).toContain('X-WR-CALNAME:notaflow — termijnen VWS');
    const vwsEvents = eventsOf(vwsReply.text);
    expect(vwsEvents.has(uidOf(vws))).toBe(true);
    expect(vwsEvents.has(uidOf(jenv.id))).toBe(false);
  });

  it('never shows the token again, and stores only its SHA-256 hash', async () => {
    const first = await createFeed('afdelingshoofd', { name: '  Outlook thuis  ' });
    const second = await createFeed('afdelingshoofd');
    expect(first.name).toBe('Outlook thuis');
    expect(second.name).toBeNull();

    const listed = await flow.as.afdelingshoofd.get('/calendar-feeds');
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      { id: second.id, name: null, createdAt: second.createdAt, lastUsedAt: null, revokedAt: null },
      { id: first.id, name: 'Outlook thuis', createdAt: first.createdAt, lastUsedAt: null, revokedAt: null },
    ]);
    const text = JSON.stringify(listed.body);
    for (const feed of [first, second]) expect(text).not.toContain(tokenOf(feed.url));

    const rows = await app.dataSource.query(`SELECT * FROM calendar_feeds WHERE id = $1`, [first.id]);
    expect(rows).toHaveLength(1);
    expect(Buffer.compare(rows[0].token_hash, sha256(tokenOf(first.url)))).toBe(0);
    expect(JSON.stringify(rows[0])).not.toContain(tokenOf(first.url));
  });

  it('records when a feed was last used, at most once a minute', async () => {
    const feed = await createFeed('dg');
    const lastUsed = async () =>
      (await flow.as.dg.get('/calendar-feeds')).body.find((f: any) => f.id === feed.id).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await fetchFeed(feed.url);
    const first = await lastUsed();
    expect(Date.parse(first)).toBeGreaterThan(Date.now() - 60_000);
    await fetchFeed(feed.url);
    expect(await lastUsed()).toBe(first);

    await app.dataSource.query(
      `UPDATE calendar_feeds SET last_used_at = last_used_at - interval '2 minutes' WHERE id = $1`,
      [feed.id],
    );
    await fetchFeed(feed.url);
    expect(Date.parse(await lastUsed())).toBeGreaterThanOrEqual(Date.parse(first));
  });

  it("follows the owner's registry entry: a user who moves sees the new organisation, one who is gone nothing", async () => {
    const username = `jenv.tijdelijk.${randomBytes(4).toString('hex')}`;
    await app.dataSource.query(
      `INSERT INTO users (username, display_name, role, organisation_code) VALUES ($1, 'Tijdelijk', 'reviewer', 'JENV')`,
      [username],
    );
    const token = randomBytes(32).toString('base64url');
    await app.dataSource.query(`INSERT INTO calendar_feeds (username, token_hash) VALUES ($1, $2)`, [
      username,
      sha256(token),
    ]);
    const url = `${app.baseUrl}/api/v1/deadlines.ics?token=${token}`;
    expect((await fetchFeed(url)).text).toContain('X-WR-CALNAME:notaflow — termijnen JENV');

    await app.dataSource.query(`UPDATE users SET organisation_code = 'VWS' WHERE username = $1`, [username]);
    expect((await fetchFeed(url)).text).toContain('X-WR-CALNAME:notaflow — termijnen VWS');

    await app.dataSource.query(`DELETE FROM users WHERE username = $1`, [username]);
    expect((await fetchFeed(url)).status).toBe(401);
  });

  it('stops a feed older than CALENDAR_FEED_TTL_DAYS, and the feeds of a deactivated user', async () => {
    const expiring = await createFeed('staff');
    expect((await fetchFeed(expiring.url)).status).toBe(200);
    await app.dataSource.query(`UPDATE calendar_feeds SET created_at = now() - interval '366 days' WHERE id = $1`, [
      expiring.id,
    ]);
    const expired = await fetchFeed(expiring.url);
    expect(expired.status).toBe(401);
    expect(expired.text).toMatch(/expired/);

    const username = `jenv.vertrokken.${randomBytes(4).toString('hex')}`;
    await app.dataSource.query(
      `INSERT INTO users (username, display_name, role, organisation_code) VALUES ($1, 'Vertrokken', 'reviewer', 'JENV')`,
      [username],
    );
    const token = randomBytes(32).toString('base64url');
    await app.dataSource.query(`INSERT INTO calendar_feeds (username, token_hash) VALUES ($1, $2)`, [
      username,
      sha256(token),
    ]);
    const url = `${app.baseUrl}/api/v1/deadlines.ics?token=${token}`;
    expect((await fetchFeed(url)).status).toBe(200);
    await app.dataSource.query(`UPDATE users SET deactivated_at = now() WHERE username = $1`, [username]);
    expect((await fetchFeed(url)).status).toBe(401);
  });

  it('validates the name, and refuses unknown fields', async () => {
    const fieldsOf = (body: any) => (body.errors ?? []).map((e: { name: string }) => e.name);
    for (const [body, field] of [
      [{ name: '' }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(101) }, 'name'],
      [{ name: 42 }, 'name'],
      [{ token: 'mine' }, 'token'],
    ] as const) {
      const reply = await flow.as.bewindspersoon.post('/calendar-feeds', body);
      expect({ body, status: reply.status }).toEqual({ body, status: 400 });
      expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect([...new Set(fieldsOf(reply.body))]).toEqual([field]);
    }
    expect((await flow.as.bewindspersoon.post('/calendar-feeds')).status).toBe(201);
    const list = await flow.as.bewindspersoon.get('/calendar-feeds?limit=0');
    expect(list.status).toBe(400);
    expect(fieldsOf(list.body)).toEqual(['limit']);
  });

  it('caps the active feeds of a user', async () => {
    const created = [];
    for (let i = 0; i < 20; i++) created.push(await createFeed('szw'));
    const refused = await flow.as.szw.post('/calendar-feeds', {});
    expect(refused.status).toBe(409);
    expect((await flow.as.szw.request('DELETE', `/calendar-feeds/${created[0].id}`)).status).toBe(204);
    expect((await flow.as.szw.post('/calendar-feeds', {})).status).toBe(201);
  });

  it('needs an access token to manage feeds', async () => {
    for (const [method, path] of [
      ['POST', '/calendar-feeds'],
      ['GET', '/calendar-feeds'],
      ['DELETE', '/calendar-feeds/7d9f2b8e-0000-4000-8000-000000000000'],
    ]) {
      const reply = await fetch(`${app.baseUrl}/api/v1${path}`, { method });
      expect({ path, method, status: reply.status }).toEqual({ path, method, status: 401 });
    }
  });

  it('builds the URL from a plain Host header only', async () => {
    const login = await fetch(`${app.baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bz.signer', password: 'demo' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const post = async (host: string) => {
      const reply = await rawRequest(`${app.baseUrl}/api/v1/calendar-feeds`, {
        method: 'POST',
        headers: { host, authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: '{}',
      });
      return { status: reply.status, body: JSON.parse(reply.text) };
    };
    const proxied = await post('notaflow.example:8443');
    expect(proxied.status).toBe(201);
    expect(proxied.body.url).toMatch(/^http:\/\/notaflow\.example:8443\/api\/v1\/deadlines\.ics\?token=/);
    for (const host of ['evil.example/x?', 'user@evil.example', 'evil.example#']) {
      const refused = await post(host);
      expect({ host, status: refused.status }).toEqual({ host, status: 400 });
      expect(refused.body.errors).toEqual([{ name: 'Host', code: 'bad_host', reason: expect.any(String) }]);
    }
  });

  it('documents the routes in the OpenAPI document', async () => {
    const document: any = await (await fetch(`${app.baseUrl}/api/v1/openapi.json`)).json();
    const ics = document.paths['/api/v1/deadlines.ics'].get;
    expect(ics.parameters).toEqual([expect.objectContaining({ name: 'token', in: 'query', required: true })]);
    expect(Object.keys(ics.responses['200'].content)).toEqual(['text/calendar']);
    expect(ics.responses['401']).toBeDefined();
    expect(ics.security).toBeUndefined();
    expect(document.paths['/api/v1/calendar-feeds'].post.responses['201']).toBeDefined();
    expect(document.paths['/api/v1/calendar-feeds'].get.responses['200']).toBeDefined();
    expect(document.paths['/api/v1/calendar-feeds/{id}'].delete.responses['204']).toBeDefined();
  });

  it('hands out links on PUBLIC_URL when the API sits behind a proxy', async () => {
    const behindProxy = await startTestApp({ worker: false, env: { PUBLIC_URL: 'https://notaflow.minjenv.example/' } });
    try {
      const staff = await ApiClient.login(behindProxy.baseUrl, 'jenv.staff');
      const created = await staff.post('/calendar-feeds', { name: 'Outlook' });
      expect(created.status).toBe(201);
      expect(created.body.url).toMatch(
        /^https:\/\/notaflow\.minjenv\.example\/api\/v1\/deadlines\.ics\?token=[\w-]{43}$/,
      );
      expect(created.body.webcalUrl).toMatch(/^webcal:\/\/notaflow\.minjenv\.example\/api\/v1\/deadlines\.ics\?token=/);
      // The link works where the API really listens.
      const token = new URL(created.body.url).searchParams.get('token');
      const deadline = await staff.post('/deadlines', { kind: 'toezegging', title: 'Brief', dueOn: '2030-01-15' });
      const reply = await fetchFeed(`${behindProxy.baseUrl}/api/v1/deadlines.ics?token=${token}`);
      expect(reply.status).toBe(200);
      // The events link to the web app where users see it too.
      expect(prop(eventsOf(reply.text).get(uidOf(deadline.body.id)), 'URL')).toBe(
        `URL;VALUE=URI:https://notaflow.minjenv.example/termijnen/${deadline.body.id}`,
      );
    } finally {
      await behindProxy.close();
    }
  });
});
