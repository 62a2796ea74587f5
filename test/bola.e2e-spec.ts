import { startTestApp, type TestApp } from './support/app';
import { FlowDriver, type Who } from './support/flow-driver';
import { pdfWith, upload } from './support/documents';
import { ApiClient, type Reply } from './support/http';

interface Attempt {
  /** As the OpenAPI document names the route. */
  route: string;
  method: 'get' | 'post' | 'delete';
  path: () => string;
  body?: Record<string, unknown>;
  /** Someone of another organisation, or another user, who must get nothing. */
  as: () => ApiClient;
}

/**
 * Object-level authorisation (BOLA) for every route that takes an id: another organisation's nota, task, deadline,
 * postponement or notification, and another user's calendar feed, answer 403 or 404 with no data of the object, and
 * nothing changes. The list is checked against the OpenAPI document, so a new route with an id fails here until it
 * is covered.
 */
describe('object-level authorisation on every route with an id', () => {
  let app: TestApp;
  let flow: FlowDriver;
  const ids: Record<string, string> = {};
  let admin: ApiClient;
  /** The right role in the wrong organisation: what object-level checks are for. */
  let bzDrafter: ApiClient;
  let vwsManager: ApiClient;

  beforeAll(async () => {
    app = await startTestApp();
    flow = await FlowDriver.create(app.baseUrl);
    admin = await ApiClient.login(app.baseUrl, 'az.admin');
    const [{ hash }] = await app.dataSource.query(
      `SELECT password_hash AS hash FROM users WHERE username = 'jenv.staff'`,
    );
    await app.dataSource.query(
      `INSERT INTO users (username, display_name, role, organisation_code, password_hash) VALUES
         ('bz.beleid', 'Beleidsmedewerker BZ', 'drafter', 'BZ', $1),
         ('vws.management', 'Management VWS', 'manager', 'VWS', $1)`,
      [hash],
    );
    bzDrafter = await ApiClient.login(app.baseUrl, 'bz.beleid');
    vwsManager = await ApiClient.login(app.baseUrl, 'vws.management');
    // A JENV nota on a route without BZ; a draft; a JENV deadline with a pending postponement; a JENV notification.
    const nota = await flow.registerAndSubmit({
      route: { reviewers: ['jenv.dg'], decider: 'jenv.bewindspersoon', coSigners: ['VWS'], ministerraad: false },
    });
    ids.nota = nota.id;
    ids.task = (await flow.openTasks('dg', nota.id))[0].id;
    ids.draft = (await flow.register({ title: 'Concept, nog niet ingediend' })).id;
    // A draft on a route through VWS, BZ and the ministerraad, withdrawn before it was ever submitted: still JENV's.
    ids.withdrawnDraft = (await flow.register({ title: 'Geheime nota, ingetrokken voor indiening' })).id;
    const withdrawn = await flow.as.staff.post(`/notas/${ids.withdrawnDraft}/withdraw`, {
      reason: 'Geheime reden: het beleid gaat niet door',
    });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn' });
    ids.document = (
      await upload(
        app.baseUrl,
        flow.as.staff.token!,
        ids.draft,
        { role: 'nota', title: 'Geheime nota' },
        {
          bytes: await pdfWith('Concept, nog niet ingediend'),
          fileName: 'concept.pdf',
        },
      )
    ).body.id;
    const deadline = (
      await flow.as.staff.post('/deadlines', { kind: 'toezegging', title: 'Geheime toezegging', dueOn: '2027-03-01' })
    ).body;
    ids.deadline = deadline.id;
    ids.postponement = (
      await flow.as.staff.post(`/deadlines/${deadline.id}/postponements`, {
        requestedDueOn: '2027-04-01',
        reason: 'Nog niet gereed',
      })
    ).body.id;
    const [{ id: notificationId }] = await app.dataSource.query(
      `INSERT INTO notifications (dedupe_key, kind, recipient_organisation, recipient_username, subject, body)
       VALUES ('bola', 'deadline_reminder', 'JENV', NULL, 'Geheime herinnering', 'Alleen voor JenV') RETURNING id`,
    );
    ids.notification = notificationId;
    ids.feed = (await flow.as.staff.post('/calendar-feeds', { name: 'Outlook' })).body.id;
    ids.recess = (
      await admin.post('/calendar/recesses', { name: 'testreces', fromOn: '2031-07-04', toOn: '2031-09-01' })
    ).body.id;
    ids.break = (
      await admin.post('/calendar/ministerraad-breaks', { name: 'testpauze', fromOn: '2031-07-18', toOn: '2031-08-14' })
    ).body.id;
    ids.kamerEvent = (
      await admin.post('/calendar/kamer-events', {
        kind: 'begrotingsbehandeling',
        organisation: 'JENV',
        fromOn: '2031-11-19',
        toOn: '2031-11-20',
      })
    ).body.id;
  });
  afterAll(async () => {
    await app?.close();
  });

  const as = (who: Who) => () => flow.as[who];
  const bz = () => bzDrafter;
  const vwsManagement = () => vwsManager;
  const beslisnota = {
    onderwerp: 'van buiten',
    datum: '2026-12-01',
    afzender: ['BZ'],
    bijlagen: [],
    aanleiding: 'x',
    geadviseerdBesluit: 'x',
    kernpunten: 'x',
    toelichting: 'x',
    nietOpenbaar: { informatie: 'x', toelichting: 'x' },
  };
  const attempts: Attempt[] = [
    { route: '/api/v1/notas/{id}/documents', method: 'post', path: () => `/notas/${ids.draft}/documents`, as: bz },
    { route: '/api/v1/notas/{id}/documents', method: 'get', path: () => `/notas/${ids.draft}/documents`, as: bz },
    {
      route: '/api/v1/notas/{id}/beslisnota',
      method: 'post',
      path: () => `/notas/${ids.draft}/beslisnota`,
      body: beslisnota,
      as: bz,
    },
    { route: '/api/v1/notas/{id}/changes', method: 'get', path: () => `/notas/${ids.nota}/changes`, as: bz },
    { route: '/api/v1/notas/{id}/package', method: 'get', path: () => `/notas/${ids.nota}/package`, as: bz },
    { route: '/api/v1/documents/{id}', method: 'get', path: () => `/documents/${ids.document}`, as: as('vws') },
    { route: '/api/v1/documents/{id}', method: 'delete', path: () => `/documents/${ids.document}`, as: bz },
    {
      route: '/api/v1/documents/{id}/content',
      method: 'get',
      path: () => `/documents/${ids.document}/content`,
      as: bz,
    },
    { route: '/api/v1/notas/{id}', method: 'get', path: () => `/notas/${ids.nota}`, as: bz },
    { route: '/api/v1/notas/{id}', method: 'get', path: () => `/notas/${ids.draft}`, as: as('vws') },
    // Withdrawn, but never submitted: not for the co-signers and the ministerraad on its route.
    { route: '/api/v1/notas/{id}', method: 'get', path: () => `/notas/${ids.withdrawnDraft}`, as: as('vws') },
    { route: '/api/v1/notas/{id}', method: 'get', path: () => `/notas/${ids.withdrawnDraft}`, as: as('mr') },
    {
      route: '/api/v1/notas/{id}/documents',
      method: 'get',
      path: () => `/notas/${ids.withdrawnDraft}/documents`,
      as: as('bz'),
    },
    { route: '/api/v1/notas/{id}/submit', method: 'post', path: () => `/notas/${ids.draft}/submit`, as: bz },
    {
      route: '/api/v1/notas/{id}/versions',
      method: 'post',
      path: () => `/notas/${ids.nota}/versions`,
      body: { note: 'van buiten' },
      as: bz,
    },
    {
      route: '/api/v1/notas/{id}/withdraw',
      method: 'post',
      path: () => `/notas/${ids.nota}/withdraw`,
      body: { reason: 'van buiten' },
      as: bz,
    },
    {
      route: '/api/v1/notas/{id}/kamerstuk',
      method: 'post',
      path: () => `/notas/${ids.nota}/kamerstuk`,
      body: { dossier: '28 638', number: 999 },
      as: bz,
    },
    {
      route: '/api/v1/tasks/{id}/decision',
      method: 'post',
      path: () => `/tasks/${ids.task}/decision`,
      body: { decision: 'approve', remarks: 'van buiten' },
      as: as('bz'),
    },
    {
      route: '/api/v1/tasks/{id}/reassign',
      method: 'post',
      path: () => `/tasks/${ids.task}/reassign`,
      body: { to: 'jenv.directeur', reason: 'van buiten' },
      as: bz,
    },
    { route: '/api/v1/deadlines/{id}', method: 'get', path: () => `/deadlines/${ids.deadline}`, as: vwsManagement },
    {
      route: '/api/v1/deadlines/{id}/extensions',
      method: 'post',
      path: () => `/deadlines/${ids.deadline}/extensions`,
      body: { sentOn: '2026-11-02', reasons: 'van buiten' },
      as: bz,
    },
    {
      route: '/api/v1/deadlines/{id}/postponements',
      method: 'post',
      path: () => `/deadlines/${ids.deadline}/postponements`,
      body: { requestedDueOn: '2027-05-01', reason: 'van buiten' },
      as: bz,
    },
    {
      route: '/api/v1/deadlines/{id}/status',
      method: 'post',
      path: () => `/deadlines/${ids.deadline}/status`,
      body: { status: 'cancelled' },
      as: vwsManagement,
    },
    {
      route: '/api/v1/postponements/{id}/outcome',
      method: 'post',
      path: () => `/postponements/${ids.postponement}/outcome`,
      body: { outcome: 'granted' },
      as: vwsManagement,
    },
    {
      route: '/api/v1/notifications/{id}/read',
      method: 'post',
      path: () => `/notifications/${ids.notification}/read`,
      as: as('vws'),
    },
    { route: '/api/v1/calendar-feeds/{id}', method: 'delete', path: () => `/calendar-feeds/${ids.feed}`, as: as('dg') },
    {
      route: '/api/v1/calendar/recesses/{id}',
      method: 'delete',
      path: () => `/calendar/recesses/${ids.recess}`,
      as: as('staff'),
    },
    {
      route: '/api/v1/calendar/ministerraad-breaks/{id}',
      method: 'delete',
      path: () => `/calendar/ministerraad-breaks/${ids.break}`,
      as: as('management'),
    },
    {
      route: '/api/v1/calendar/kamer-events/{id}',
      method: 'delete',
      path: () => `/calendar/kamer-events/${ids.kamerEvent}`,
      as: as('staff'),
    },
  ];

  it('covers every route of the OpenAPI document that takes an id', async () => {
    const document: any = await (await fetch(`${app.baseUrl}/api/v1/openapi.json`)).json();
    const withId = Object.entries(document.paths as Record<string, Record<string, unknown>>)
      .filter(([route]) => route.includes('{id}'))
      .flatMap(([route, operations]) => Object.keys(operations).map((method) => `${method} ${route}`));
    const covered = new Set(attempts.map((a) => `${a.method} ${a.route}`));
    expect(withId.filter((route) => !covered.has(route))).toEqual([]);
  });

  /** What the registry holds for the objects: must be the same after every refused attempt. */
  const state = () =>
    app.dataSource.query(
      `SELECT (SELECT json_agg(json_build_object('id', id, 'status', status, 'version', version, 'k', kamerstuk_number)
                 ORDER BY id) FROM notas) AS notas,
              (SELECT json_agg(json_build_object('id', id, 'status', status) ORDER BY id) FROM tasks) AS tasks,
              (SELECT json_agg(json_build_object('id', id, 'status', status, 'due', due_on) ORDER BY id) FROM deadlines) AS deadlines,
              (SELECT json_agg(json_build_object('id', id, 'status', status) ORDER BY id) FROM postponements) AS postponements,
              (SELECT json_agg(json_build_object('id', id, 'read', read_at) ORDER BY id) FROM notifications) AS notifications,
              (SELECT json_agg(json_build_object('id', id, 'revoked', revoked_at) ORDER BY id) FROM calendar_feeds) AS feeds,
              (SELECT count(*) FROM calendar_periods) AS periods,
              (SELECT count(*) FROM documents) AS documents,
              (SELECT count(*) FROM flow_events) AS events`,
    );

  it.each(attempts.map((attempt) => [`${attempt.method.toUpperCase()} ${attempt.route}`, attempt] as const))(
    '%s: refused with no data, nothing changed',
    async (_name, attempt) => {
      const before = await state();
      const client = attempt.as();
      const reply: Reply =
        attempt.method === 'get'
          ? await client.get(attempt.path())
          : await client.request(attempt.method.toUpperCase(), attempt.path(), attempt.body ?? {});
      expect([403, 404]).toContain(reply.status);
      expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const text = JSON.stringify(reply.body);
      for (const secret of ['Geheime', 'Concept, nog niet', 'Actieplan', 'Outlook', 'testreces', 'testpauze']) {
        expect(text).not.toContain(secret);
      }
      expect(Object.keys(reply.body).sort()).toEqual(expect.arrayContaining(['detail', 'status', 'title', 'type']));
      expect(await state()).toEqual(before);
    },
  );

  it('lists a draft withdrawn before submission for no other ministry, and keeps its reason for its own', async () => {
    for (const who of ['vws', 'bz', 'mr'] as const) {
      const listed = await flow.as[who].get('/notas?status=withdrawn');
      expect(listed.status).toBe(200);
      expect(JSON.stringify(listed.body)).not.toContain(ids.withdrawnDraft);
    }
    const own = await flow.as.staff.get(`/notas/${ids.withdrawnDraft}`);
    expect(own.body.history).toEqual([
      expect.objectContaining({
        type: 'withdrawn',
        actor: 'jenv.staff',
        organisation: 'JENV',
        remarks: 'Geheime reden: het beleid gaat niet door',
      }),
    ]);
    expect(JSON.stringify((await flow.as.staff.get('/notas?status=withdrawn')).body)).toContain(ids.withdrawnDraft);
  });

  it('still lets the owners act, so the refusals above are about who asks', async () => {
    expect((await flow.as.staff.get(`/notas/${ids.draft}`)).status).toBe(200);
    expect((await flow.as.vws.get(`/notas/${ids.nota}`)).status).toBe(200);
    expect((await flow.as.staff.get(`/deadlines/${ids.deadline}`)).status).toBe(200);
    expect((await flow.as.management.post(`/notifications/${ids.notification}/read`)).status).toBe(200);
    expect((await flow.as.staff.request('DELETE', `/calendar-feeds/${ids.feed}`)).status).toBe(204);
    expect((await admin.request('DELETE', `/calendar/recesses/${ids.recess}`)).status).toBe(204);
  });
});
