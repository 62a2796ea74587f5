import { startTestApp, type TestApp } from './support/app';
import { ApiClient, type Reply } from './support/http';
import { expectFieldsRefused } from './support/problems';

/**
 * The calendar as the Algemene termijnenwet and the Kamer have it, through HTTP: the days a decree equates with a
 * holiday (art. 3 lid 3), the end of a statutory term (art. 1, 2 and 4), the ministerraad's extra and moved meetings
 * and the Kamer's events, which an administrator keeps as data. Dates an administrator adds lie in 2031, where no
 * other spec looks.
 */
describe('the calendar API: the law and the Kamer as data', () => {
  let app: TestApp;
  let staff: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    [staff, admin] = await Promise.all([
      ApiClient.login(app.baseUrl, 'jenv.staff'),
      ApiClient.login(app.baseUrl, 'az.admin'),
    ]);
  });
  afterAll(async () => {
    await app?.close();
  });

  const date = async (path: string) => {
    const reply = await staff.get(path);
    expect({ path, status: reply.status }).toEqual({ path, status: 200 });
    return reply.body.date as string;
  };
  /** A problem+json answer with its status and `code`; for a 400, the fields and their codes. */
  const expectProblem = (reply: Reply, status: number, code: string, fields?: Record<string, string>) => {
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect({ status: reply.status, code: reply.body.code }).toEqual({ status, code });
    if (fields) {
      const named = Object.fromEntries(
        (reply.body.errors as { name: string; code: string }[]).map((e) => [e.name, e.code]),
      );
      expect(named).toEqual(fields);
    }
  };

  describe('GET /calendar/equated-days', () => {
    it('answers the days of a year with their reason and the decree they come from', async () => {
      const reply = await staff.get('/calendar/equated-days?year=2024');
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual([
        { date: '2024-05-10', reason: 'vrijdag na Hemelvaartsdag', source: expect.stringContaining('10 mei 2024') },
        {
          date: '2024-12-27',
          reason: 'vrijdag na Tweede Kerstdag',
          source: expect.stringContaining('27 december 2024'),
        },
      ]);
      // Every decree day of 2023 to 2028, each with its source.
      const all = await staff.get('/calendar/equated-days');
      const days = (all.body as { date: string; source: string }[]).filter((d) => d.date >= '2023');
      expect(days.map((d) => d.date)).toEqual([
        '2023-04-28',
        '2023-05-19',
        '2024-05-10',
        '2024-12-27',
        '2025-05-30',
        '2026-01-02',
        '2026-05-15',
        '2027-05-07',
        '2028-04-28',
        '2028-05-26',
      ]);
      for (const day of days) expect(day.source).toMatch(/Besluit gelijkstelling/);
      expect((await staff.get('/calendar/equated-days?year=2030')).body).toEqual([]);
    });

    it('refuses a year that is no year', async () => {
      for (const year of ['24', '2024.5', 'abcd', '1800']) {
        expectProblem(await staff.get(`/calendar/equated-days?year=${year}`), 400, 'validation_failed', {
          year: expect.any(String),
        });
      }
      expect((await new ApiClient(app.baseUrl).get('/calendar/equated-days')).status).toBe(401);
    });
  });

  describe('GET /calendar/term-end', () => {
    it('ends a term per the Algemene termijnenwet, equated days included', async () => {
      // Kamervragen received Friday 6 December 2024: three weeks end on Friday 27 December, equated with a holiday,
      // so the term runs to Monday 30 December (art. 1).
      expect(await date('/calendar/term-end?from=2024-12-06&days=21')).toBe('2024-12-30');
      // Art. 2: three days from Friday 14 June 2024 end on Monday by art. 1, which holds one working day: Tuesday.
      expect(await date('/calendar/term-end?from=2024-06-14&days=3')).toBe('2024-06-18');
      // Two days are not "at least three": only art. 1.
      expect(await date('/calendar/term-end?from=2024-06-14&days=2')).toBe('2024-06-17');
      // Koningsdag on a Sunday (2025: celebrated Saturday 26 April): Monday the 28th ends the term.
      expect(await date('/calendar/term-end?from=2025-04-21&days=6')).toBe('2025-04-28');
      // 5 May every year: Monday 5 May 2025.
      expect(await date('/calendar/term-end?from=2025-04-28&days=7')).toBe('2025-05-06');
      // A working day ends the term on itself; 0 days from a Saturday: the next working day.
      expect(await date('/calendar/term-end?from=2024-06-10&days=7')).toBe('2024-06-17');
      expect(await date('/calendar/term-end?from=2024-06-15&days=0')).toBe('2024-06-17');
      // Art. 4: over 90 days the law does not apply; the term ends on its calendar day, Tweede Paasdag 2024 or not.
      expect(await date('/calendar/term-end?from=2024-01-01&days=91')).toBe('2024-04-01');
    });

    it('refuses bad input with a problem naming each field', async () => {
      const cases: [string, string[]][] = [
        ['/calendar/term-end?from=2024-02-30&days=21', ['from']],
        ['/calendar/term-end?from=2024-06-14&days=-1', ['days']],
        ['/calendar/term-end?from=2024-06-14&days=3651', ['days']],
        ['/calendar/term-end?from=2024-06-14&days=1.5', ['days']],
        ['/calendar/term-end?from=2024-06-14&days=x', ['days']],
        ['/calendar/term-end', ['from', 'days']],
      ];
      for (const [path, fields] of cases) expectFieldsRefused(path, await staff.get(path), fields);
    });
  });

  describe('equated days as an administrator keeps them', () => {
    const day = { date: '2031-05-23', reason: 'vrijdag na Hemelvaartsdag', source: 'Besluit gelijkstelling (test)' };

    it('takes a new decree day, which every working-day computation then skips', async () => {
      expect(await date('/calendar/add-working-days?from=2031-05-21&days=1')).toBe('2031-05-23');
      expectProblem(await staff.post('/calendar/equated-days', day), 403, 'role_not_allowed');

      const created = await admin.post('/calendar/equated-days', { ...day, reason: ` ${day.reason} ` });
      expect(created.status).toBe(201);
      expect(created.body).toEqual(day);
      expect((await staff.get('/calendar/equated-days?year=2031')).body).toEqual([day]);
      // Hemelvaartsdag 2031 is Thursday 22 May: Wednesday + 1 working day is now Monday.
      expect(await date('/calendar/add-working-days?from=2031-05-21&days=1')).toBe('2031-05-26');
      expect((await staff.get('/calendar/working-days?from=2031-05-19&to=2031-05-26')).body).toEqual({
        workingDays: 3,
      });
      expect(await date('/calendar/term-end?from=2031-05-02&days=21')).toBe('2031-05-26');

      expectProblem(await admin.post('/calendar/equated-days', day), 409, 'equated_day_exists');

      expectProblem(await staff.request('DELETE', `/calendar/equated-days/${day.date}`), 403, 'role_not_allowed');
      expect((await admin.request('DELETE', `/calendar/equated-days/${day.date}`)).status).toBe(204);
      expectProblem(await admin.request('DELETE', `/calendar/equated-days/${day.date}`), 404, 'equated_day_not_found');
      expect(await date('/calendar/add-working-days?from=2031-05-21&days=1')).toBe('2031-05-23');
    });

    it('refuses a day that counts as no working day anyway, and bad fields', async () => {
      // A Saturday, and Hemelvaartsdag.
      for (const weekend of ['2031-05-24', '2031-05-22']) {
        expectProblem(await admin.post('/calendar/equated-days', { ...day, date: weekend }), 400, 'validation_failed', {
          date: 'not_a_working_day',
        });
      }
      expectProblem(
        await admin.post('/calendar/equated-days', { date: '2031-02-30', reason: ' ', source: '' }),
        400,
        'validation_failed',
        { date: expect.any(String), reason: expect.any(String), source: expect.any(String) },
      );
      expectProblem(await admin.post('/calendar/equated-days', { ...day, extra: 1 }), 400, 'validation_failed', {
        extra: 'unknown_field',
      });
      expectProblem(await admin.request('DELETE', '/calendar/equated-days/not-a-day'), 400, 'validation_failed', {
        date: expect.any(String),
      });
    });
  });

  describe('ministerraad meetings the Friday rule does not give', () => {
    it('lists the seeded extra meeting, records a moved one and plans on it', async () => {
      const seeded = await staff.get('/calendar/ministerraad-meetings');
      expect(seeded.status).toBe(200);
      expect(seeded.body).toContainEqual({ date: '2024-07-02', movedFrom: null, source: expect.stringMatching(/\S/) });
      // The kabinet-Schoof's first meeting, on the Tuesday of its beëdiging.
      expect(await date('/calendar/ministerraad?after=2024-07-01')).toBe('2024-07-02');
      expectProblem(
        await admin.post('/calendar/ministerraad-meetings', { date: '2024-07-02' }),
        409,
        'ministerraad_meeting_exists',
      );

      // Friday 11 July 2031 moved to Thursday the 10th: no meeting on the Friday.
      const moved = { date: '2031-07-10', movedFrom: '2031-07-11', source: 'test' };
      expectProblem(await staff.post('/calendar/ministerraad-meetings', moved), 403, 'role_not_allowed');
      const created = await admin.post('/calendar/ministerraad-meetings', moved);
      expect(created.status).toBe(201);
      expect(created.body).toEqual(moved);
      expect(await date('/calendar/ministerraad?after=2031-07-08')).toBe('2031-07-10');
      expect(await date('/calendar/ministerraad?after=2031-07-10')).toBe('2031-07-18');

      expect((await admin.request('DELETE', '/calendar/ministerraad-meetings/2031-07-10')).status).toBe(204);
      expectProblem(
        await admin.request('DELETE', '/calendar/ministerraad-meetings/2031-07-10'),
        404,
        'ministerraad_meeting_not_found',
      );
      expect(await date('/calendar/ministerraad?after=2031-07-08')).toBe('2031-07-11');
    });

    it('refuses a move from a day without a meeting, and bad fields', async () => {
      expectProblem(
        await admin.post('/calendar/ministerraad-meetings', { date: '2031-07-10', movedFrom: '2031-07-09' }),
        400,
        'validation_failed',
        { movedFrom: 'not_a_meeting_day' },
      );
      expectProblem(
        await admin.post('/calendar/ministerraad-meetings', { date: '2031-07-10', movedFrom: '2031-07-10' }),
        400,
        'validation_failed',
        { movedFrom: 'duplicate' },
      );
      // A Friday the ministerraad meets on already.
      expectProblem(
        await admin.post('/calendar/ministerraad-meetings', { date: '2031-07-11' }),
        409,
        'ministerraad_meeting_exists',
      );
      expectProblem(
        await admin.post('/calendar/ministerraad-meetings', { date: '10-07-2031', movedFrom: 5 }),
        400,
        'validation_failed',
        { date: expect.any(String), movedFrom: expect.any(String) },
      );
    });
  });

  describe("the Kamer's events", () => {
    it('lists the seeded APB and begrotingsbehandelingen; an admin adds and removes one', async () => {
      const seeded = await staff.get('/calendar/kamer-events');
      expect(seeded.status).toBe(200);
      expect(seeded.body).toContainEqual({
        id: expect.any(String),
        kind: 'begrotingsbehandeling',
        organisation: 'JENV',
        fromOn: '2024-02-07',
        toOn: '2024-02-08',
        source: expect.stringMatching(/\S/),
      });
      expect(seeded.body).toContainEqual(
        expect.objectContaining({ kind: 'algemene_politieke_beschouwingen', organisation: null, fromOn: '2023-09-20' }),
      );

      const event = { kind: 'begrotingsbehandeling', organisation: 'JENV', fromOn: '2031-11-19', toOn: '2031-11-20' };
      expectProblem(await staff.post('/calendar/kamer-events', event), 403, 'role_not_allowed');
      const created = await admin.post('/calendar/kamer-events', event);
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: expect.any(String), ...event, source: null });
      expectProblem(
        await admin.post('/calendar/kamer-events', { ...event, fromOn: '2031-11-20', toOn: '2031-11-21' }),
        409,
        'kamer_event_overlap',
      );
      // Another ministry's budget may be treated on the same days.
      const other = await admin.post('/calendar/kamer-events', { ...event, organisation: 'VWS' });
      expect(other.status).toBe(201);

      for (const id of [created.body.id, other.body.id]) {
        expect((await admin.request('DELETE', `/calendar/kamer-events/${id}`)).status).toBe(204);
      }
      expectProblem(
        await admin.request('DELETE', `/calendar/kamer-events/${created.body.id}`),
        404,
        'kamer_event_not_found',
      );
      expectProblem(await admin.request('DELETE', '/calendar/kamer-events/not-a-uuid'), 404, 'kamer_event_not_found');
    });

    it('refuses an event without its ministry, or with one it has none of, and bad fields', async () => {
      const base = { fromOn: '2031-09-17', toOn: '2031-09-18' };
      expectProblem(
        await admin.post('/calendar/kamer-events', { ...base, kind: 'begrotingsbehandeling' }),
        400,
        'validation_failed',
        { organisation: 'required' },
      );
      expectProblem(
        await admin.post('/calendar/kamer-events', {
          ...base,
          kind: 'algemene_politieke_beschouwingen',
          organisation: 'JENV',
        }),
        400,
        'validation_failed',
        { organisation: 'only_with_begrotingsbehandeling' },
      );
      expectProblem(
        await admin.post('/calendar/kamer-events', {
          kind: 'algemene_politieke_beschouwingen',
          fromOn: '2031-09-18',
          toOn: '2031-09-17',
        }),
        400,
        'validation_failed',
        { toOn: 'before_start' },
      );
      expectProblem(
        await admin.post('/calendar/kamer-events', {
          kind: 'debat',
          organisation: 'jenv',
          fromOn: 'x',
          toOn: '2031-09-18',
        }),
        400,
        'validation_failed',
        { kind: 'not_one_of', organisation: expect.any(String), fromOn: expect.any(String) },
      );
    });
  });

  it('publishes the new routes in the OpenAPI document', async () => {
    const doc = await new ApiClient(app.baseUrl).get('/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/calendar/equated-days',
        '/api/v1/calendar/equated-days/{date}',
        '/api/v1/calendar/term-end',
        '/api/v1/calendar/ministerraad-meetings',
        '/api/v1/calendar/ministerraad-meetings/{date}',
        '/api/v1/calendar/kamer-events',
        '/api/v1/calendar/kamer-events/{id}',
      ]),
    );
  });
});
