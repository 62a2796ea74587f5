import type { AppConfig } from '@notaflow/config';
import type { Actor } from '@notaflow/domain';
import { CalendarFeedRepository, DeadlineRepository } from '@notaflow/persistence';
import { TestDatabase } from '../../../../test/support/database';
import type { AppException } from '../common/app.exception';
import { CalendarFeedService, MAX_ACTIVE_FEEDS_PER_USER } from './calendar-feed.service';

const ORIGIN = 'https://notaflow.minjenv.example';
/** The text with its folded lines joined again (RFC 5545 3.1). */
const unfolded = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

async function refusalCode(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (error: AppException) => error.code,
  );
}

describe(CalendarFeedService.name, () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await TestDatabase.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  const setup = () => ({
    sut: new CalendarFeedService(new CalendarFeedRepository(db.dataSource), {
      CALENDAR_FEED_TTL_DAYS: 365,
    } as AppConfig),
  });
  const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;
  const deadlineOf = (by: Actor, title: string, dueOn = '2030-03-01') =>
    new DeadlineRepository(db.dataSource).insert({
      kind: 'toezegging',
      title,
      dueOn,
      dossier: null,
      notaId: null,
      organisation: by.organisation,
      recurrence: null,
      reminderLeadWorkingDays: [5],
      createdBy: by.username,
    });

  describe('create', () => {
    it('hands out a subscription URL whose token opens the deadlines of the owner’s organisation', async () => {
      const { sut } = setup();
      const [staff, vws] = [await db.newUser('drafter'), await db.newUser('drafter', 'VWS')];
      const own = await deadlineOf(staff, 'Brief aan de Kamer over de voortgang');
      await deadlineOf(vws, 'Toezegging van VWS');

      const feed = await sut.create(staff, { name: ' Outlook werk ' }, ORIGIN);
      expect(feed).toEqual({
        id: expect.any(String),
        name: 'Outlook werk',
        url: expect.stringMatching(/^https:\/\/notaflow\.minjenv\.example\/api\/v1\/deadlines\.ics\?token=[\w-]{43}$/),
        webcalUrl: expect.stringMatching(/^webcal:\/\/notaflow\.minjenv\.example\/api\/v1\/deadlines\.ics\?token=/),
        createdAt: expect.any(String),
      });

      const ics = unfolded(await sut.render(tokenOf(feed.url), ORIGIN));
      expect(ics).toContain('X-WR-CALNAME:notaflow — termijnen JENV');
      expect(ics).toContain(`UID:deadline-${own.id}@notaflow`);
      expect(ics).toContain(`URL;VALUE=URI:${ORIGIN}/termijnen/${own.id}`);
      expect(ics).not.toContain('Toezegging van VWS');
      // The fetch marks the feed in use; the token itself is never listed.
      const [listed] = await sut.list(staff, {});
      expect(listed).toEqual({
        id: feed.id,
        name: 'Outlook werk',
        createdAt: feed.createdAt,
        lastUsedAt: expect.any(String),
        revokedAt: null,
      });
      expect(JSON.stringify(listed)).not.toContain(tokenOf(feed.url));
    });

    it('stops at the cap of active feeds per user, and refuses a user the registry does not know', async () => {
      const { sut } = setup();
      const staff = await db.newUser('drafter');
      const feeds = [];
      for (let i = 0; i < MAX_ACTIVE_FEEDS_PER_USER; i++) feeds.push(await sut.create(staff, {}, ORIGIN));
      expect(await refusalCode(sut.create(staff, {}, ORIGIN))).toBe('calendar_feed_limit');
      await sut.revoke(staff, feeds[0]!.id);
      await expect(sut.create(staff, {}, ORIGIN)).resolves.toBeDefined();

      const stranger: Actor = { username: 'nobody', role: 'drafter', organisation: 'JENV' };
      expect(await refusalCode(sut.create(stranger, {}, ORIGIN))).toBe('user_unknown');
    });
  });

  describe('render', () => {
    it('opens nothing for a token that is malformed, unknown, or of a user who is gone', async () => {
      const { sut } = setup();
      const staff = await db.newUser('drafter');
      const feed = await sut.create(staff, {}, ORIGIN);
      for (const token of [undefined, 'short', 'a'.repeat(43)]) {
        expect(await refusalCode(sut.render(token))).toBe('calendar_feed_token_invalid');
      }
      await db.dataSource.query(`DELETE FROM users WHERE username = $1`, [staff.username]);
      expect(await refusalCode(sut.render(tokenOf(feed.url)))).toBe('calendar_feed_token_invalid');
    });

    it('follows its owner to another organisation, and leaves out the links when no origin is known', async () => {
      const { sut } = setup();
      const staff = await db.newUser('drafter');
      const feed = await sut.create(staff, {}, ORIGIN);
      await db.dataSource.query(`UPDATE users SET organisation_code = 'VWS' WHERE username = $1`, [staff.username]);
      const ics = await sut.render(tokenOf(feed.url));
      expect(ics).toContain('X-WR-CALNAME:notaflow — termijnen VWS');
      expect(ics).not.toContain('URL;');
    });
  });

  describe('revoke', () => {
    it("kills the feed's URL at once, once, and only for its owner", async () => {
      const { sut } = setup();
      const [staff, other] = [await db.newUser('drafter'), await db.newUser('drafter')];
      const feed = await sut.create(staff, {}, ORIGIN);
      expect(await refusalCode(sut.revoke(other, feed.id))).toBe('calendar_feed_not_found');
      await expect(sut.render(tokenOf(feed.url))).resolves.toContain('BEGIN:VCALENDAR');

      await sut.revoke(staff, feed.id);
      expect(await refusalCode(sut.render(tokenOf(feed.url)))).toBe('calendar_feed_token_invalid');
      const [{ revokedAt }] = await sut.list(staff, {});
      await sut.revoke(staff, feed.id);
      expect((await sut.list(staff, {}))[0]!.revokedAt).toBe(revokedAt);
      expect(await refusalCode(sut.revoke(staff, 'not-a-uuid'))).toBe('calendar_feed_not_found');
    });
  });
});
