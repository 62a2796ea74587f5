import { toAmsterdamDate } from '@notaflow/calendar';
import { startTestApp, type TestApp } from './support/app';
import {
  describeViolations,
  dutchDay,
  poll,
  screenshot,
  seriousAxeViolations,
  signIn,
  useChromium,
  type Session,
} from './support/browser';
import { ApiClient } from './support/http';
import type { Page } from 'playwright-core';

const log = (line: string) => process.stdout.write(`\n${line}\n`);
const chromium = useChromium(log);

/**
 * The deadline form's ways to a date besides a date of its own — a statutory term, an event on the Kamer's calendar,
 * none yet — and the uitstelbericht that extends Kamervragen, in Debian's Chromium against the API. No worker runs,
 * so no deadline watch closes what the test registers.
 */
describe('Kamer deadlines in the web app: terms, the Kamer calendar and the uitstelbericht', () => {
  let app: TestApp;
  let staff: ApiClient;
  const sessions: Session[] = [];

  beforeAll(async () => {
    app = await startTestApp({ worker: false, env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } });
    staff = await ApiClient.login(app.baseUrl, 'jenv.staff');
  }, 120_000);

  afterAll(async () => {
    for (const session of sessions) await session.context.close().catch(() => undefined);
    await app?.close();
  }, 60_000);

  async function deadlinesPage(): Promise<Page> {
    const session = await signIn(chromium.browser, app.baseUrl, 'jenv.staff');
    sessions.push(session);
    const { page } = session;
    await page.getByRole('link', { name: 'Kamertermijnen' }).click();
    await page.getByRole('button', { name: 'Termijn registreren' }).click();
    return page;
  }

  async function expectAccessible(page: Page, what: string): Promise<void> {
    const violations = await seriousAxeViolations(page, what);
    if (violations.length) throw new Error(`axe on ${what}:\n${describeViolations(violations)}`);
  }

  /** The deadline page's particulars as term -> definition, once `ready` holds. */
  async function facts(page: Page, ready: (shown: Record<string, string>) => boolean) {
    const panel = page.getByRole('complementary', { name: 'Gegevens van de termijn' });
    return poll(async () => {
      const terms = await panel.getByRole('term').allTextContents();
      const definitions = await panel.getByRole('definition').allTextContents();
      return Object.fromEntries(terms.map((term, i) => [term, definitions[i]]));
    }, ready);
  }

  it('registers Kamervragen by their term and records the uitstelbericht, which moves the term by three weeks', async () => {
    const receivedOn = toAmsterdamDate(new Date());
    const title = 'Kamervragen over de aanpak van arbeidsuitbuiting in de land- en tuinbouw';
    const page = await deadlinesPage();
    const form = page.getByRole('dialog', { name: 'Kamertermijn registreren' });
    await form.getByLabel('Soort').selectOption({ label: 'Kamervragen' });
    await form.getByLabel('Onderwerp').fill(title);
    await form.getByLabel('Datum', { exact: true }).selectOption({ label: 'Kamervragen: 3 weken na ontvangst' });
    await form.getByLabel('Ontvangen op').fill(receivedOn);
    await expectAccessible(page, 'the deadline form with a statutory term');
    await form.getByRole('button', { name: 'Registreren' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    const id = new URL(page.url()).pathname.split('/').pop()!;
    const registered = (await staff.get(`/deadlines/${id}`)).body;
    expect(registered).toMatchObject({ kind: 'kamervragen', preset: 'kamervragen', presetFrom: receivedOn });
    const shown = await facts(page, (found) => 'Termijn' in found);
    expect(shown).toMatchObject({
      Datum: dutchDay(registered.dueOn),
      Termijn: `Kamervragen, 3 weken, ontvangen op ${dutchDay(receivedOn)}`,
    });

    await page.getByRole('button', { name: 'Uitstelbericht vastleggen' }).click();
    const notice = page.getByRole('dialog', { name: 'Uitstelbericht vastleggen' });
    await notice.getByRole('button', { name: 'Vastleggen' }).click();
    // The form's own checks first: both fields named, nothing sent.
    await notice.getByText('Vul de datum in waarop het bericht is verstuurd.').first().waitFor();
    expect((await staff.get(`/deadlines/${id}`)).body.extendedOn).toBeNull();
    await notice.getByLabel('Verstuurd op').fill(receivedOn);
    await notice.getByLabel('Redenen').fill('De beantwoording vraagt afstemming met het ministerie van SZW.');
    await expectAccessible(page, 'the uitstelbericht dialog');
    await screenshot(page, 'deadline-extension-notice');
    await notice.getByRole('button', { name: 'Vastleggen' }).click();

    const extended = await poll(
      async () => (await staff.get(`/deadlines/${id}`)).body,
      (deadline) => deadline.extendedOn !== null,
    );
    expect(extended).toMatchObject({ extendedOn: receivedOn, originalDueOn: registered.dueOn });
    expect(extended.dueOn > registered.dueOn).toBe(true);
    await page.getByText(`Uitstelbericht vastgelegd: de termijn loopt nu tot ${dutchDay(extended.dueOn)}.`).waitFor();
    const after = await facts(page, (found) => 'Verlengd' in found);
    expect(after).toMatchObject({
      Datum: dutchDay(extended.dueOn),
      Verlengd: `bij bericht van ${dutchDay(receivedOn)}: De beantwoording vraagt afstemming met het ministerie van SZW.`,
    });
    // A term is extended once.
    await expect(page.getByRole('button', { name: 'Uitstelbericht vastleggen' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'an extended Kamervragen term');
  }, 120_000);

  it('ties a toezegging to the Kamer calendar, and registers one without a date (z.s.m.)', async () => {
    const anchored = 'Toezegging: brief over de evaluatie van de Wet aanpak mensenhandel vóór het zomerreces';
    const page = await deadlinesPage();
    const form = page.getByRole('dialog', { name: 'Kamertermijn registreren' });
    await form.getByLabel('Onderwerp').fill(anchored);
    await form
      .getByLabel('Datum', { exact: true })
      .selectOption({ label: 'Vóór of na een gebeurtenis op de Kamerkalender' });
    await form.getByLabel('Vóór of na').selectOption({ label: 'Vóór' });
    await form.getByLabel('Gebeurtenis').selectOption({ label: 'het zomerreces' });
    // A year the calendar data does not hold yet: the date stays open until an administrator adds the recess.
    await form.getByLabel('Jaar').fill('2031');
    await expectAccessible(page, 'the deadline form tied to the Kamer calendar');
    await screenshot(page, 'deadline-anchor');
    await form.getByRole('button', { name: 'Registreren' }).click();
    await page.getByRole('heading', { level: 1, name: anchored }).waitFor();
    const shown = await facts(page, (found) => 'Volgt uit' in found);
    expect(shown).toMatchObject({
      Datum: 'volgt zodra de Kamerkalender de gebeurtenis kent',
      'Volgt uit': 'de Kamerkalender: vóór het zomerreces 2031',
    });
    const id = new URL(page.url()).pathname.split('/').pop()!;
    expect((await staff.get(`/deadlines/${id}`)).body).toMatchObject({
      dueOn: null,
      anchor: { event: 'zomerreces', year: 2031, relation: 'before' },
    });

    const open = 'Toezegging: zo spoedig mogelijk een brief over de opvang van slachtoffers';
    await page.getByRole('link', { name: 'Alle Kamertermijnen' }).click();
    await page.getByRole('button', { name: 'Termijn registreren' }).click();
    await form.getByLabel('Onderwerp').fill(open);
    await form.getByLabel('Datum', { exact: true }).selectOption({ label: 'Nog geen datum (z.s.m.)' });
    await form.getByRole('button', { name: 'Registreren' }).click();
    await page.getByRole('heading', { level: 1, name: open }).waitFor();
    expect(await facts(page, (found) => 'Datum' in found)).toMatchObject({ Datum: 'z.s.m.' });
    await expectAccessible(page, 'a deadline without a date');
  }, 120_000);
});
