import type { Page } from 'playwright-core';
import { addDays, dayOfWeek, toAmsterdamDate } from '@notaflow/calendar';
import { DemoSeedService } from '../apps/api/src/seed/demo-seed.service';
import { formatMonth } from '../apps/web/src/lib/dates';
import { startTestApp, type TestApp } from './support/app';
import { FlowDriver } from './support/flow-driver';
import { pdfWith } from './support/documents';
import { API_AUDIENCE, startOidcProvider, WEB_CLIENT_ID, type OidcProviderStub } from './support/oidc-provider';
import {
  describeViolations,
  dutchDay,
  focused,
  openContext,
  poll,
  screenshot,
  seriousAxeViolations,
  signIn,
  type Session,
  useChromium,
} from './support/browser';

const log = (line: string) => process.stdout.write(`\n${line}\n`);
const chromium = useChromium(log);

/**
 * The staff web app in Debian's Chromium against the product as `npm start` runs it: the API serving the built app
 * (under its Content-Security-Policy), a real Temporal worker and PostgreSQL, and the demo dossier 28 638.
 */
describe('the staff web app in a real browser', () => {
  let app: TestApp;
  /** The API as the demo users use it: to bring a nota to where a test picks it up in the browser. */
  let flow: FlowDriver;
  const sessions: Session[] = [];
  // The demo nota of 17 June 2024, at its co-signers: the richest timeline of the dossier.
  const DEMO_NOTA = '5552554a-0000-4000-8000-000000000001';

  beforeAll(async () => {
    app = await startTestApp({
      // The suite signs in a dozen users within a minute from one address.
      env: { SEED_DEMO: 'true', SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' },
    });
    await app.app.get(DemoSeedService).whenSeeded();
    flow = await FlowDriver.create(app.baseUrl);
  }, 120_000);

  afterAll(async () => {
    for (const session of sessions) await session.context.close().catch(() => undefined);
    await app?.close();
  }, 60_000);

  async function as(username: string): Promise<Page> {
    const session = await signIn(chromium.browser, app.baseUrl, username);
    sessions.push(session);
    return session.page;
  }

  /** Signs out of a session that did its part: one browser context per user, closed as soon as it is done. */
  async function done(page: Page): Promise<void> {
    const session = sessions.find((s) => s.page === page);
    expect(session?.problems ?? []).toEqual([]);
    await session?.context.close();
  }

  const expectAccessible = expectNoSeriousViolations;

  /** The one open task of `username` on the nota, decided in the dialog of the nota page, reached from the inbox. */
  async function decide(username: string, title: string, decision: string, remarks?: string): Promise<Page> {
    const page = await as(username);
    await page.getByRole('heading', { level: 1, name: 'Mijn taken' }).waitFor();
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('button', { name: 'Besluit nemen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(decision, { exact: true }).check();
    if (remarks) await dialog.getByLabel(/^Opmerkingen/).fill(remarks);
    await dialog.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByText('Uw besluit is vastgelegd.').waitFor();
    return page;
  }

  /** The inbox as it stands now, loaded afresh: its table of open tasks, or the word that there are none. */
  async function inbox(page: Page): Promise<void> {
    await page.goto(`${app.baseUrl}/taken`);
    await page.getByRole('heading', { level: 1, name: 'Mijn taken' }).waitFor();
    await page.getByRole('table', { name: 'Open taken' }).or(page.getByText('Er wachten geen taken op u.')).waitFor();
  }

  /** The status tag beside a nota's title: where the nota stands, as its own page says. */
  function notaStatus(page: Page, text: string) {
    return page.locator('.nf-title').getByText(text, { exact: true });
  }

  async function figure(page: Page, name: string): Promise<number> {
    const value = page.locator(`[data-figure="${name}"] .nf-figure__value`);
    const text = await poll(
      async () => (await value.textContent())?.trim() ?? '',
      (t) => /^\d+%?$/.test(t),
    );
    return Number(text.replace('%', ''));
  }

  it('serves the app under its Content-Security-Policy, with index.html for its routes and 404s for the API', async () => {
    const shell = await fetch(`${app.baseUrl}/notas/abc`);
    expect(shell.status).toBe(200);
    expect(shell.headers.get('cache-control')).toBe('no-cache');
    expect(shell.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await shell.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const script = await fetch(`${app.baseUrl}${asset}`);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missing = await fetch(`${app.baseUrl}/api/v1/no-such-thing`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await fetch(`${app.baseUrl}/assets/no-such-file.js`)).status).toBe(404);
    expect(await (await fetch(`${app.baseUrl}/api/v1/auth/config`)).json()).toEqual({ mode: 'demo' });
  });

  it('passes axe (WCAG 2.1 AA) on every main page, and keeps a screenshot of each', async () => {
    const visitor = await openContext(chromium.browser);
    sessions.push(visitor);
    await visitor.page.goto(`${app.baseUrl}/notas`);
    await visitor.page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    await expectAccessible(visitor.page, 'the sign-in page');
    await screenshot(visitor.page, 'login');
    await done(visitor.page);

    const reviewer = await as('jenv.afdelingshoofd');
    await reviewer.getByRole('table').waitFor();
    await expectAccessible(reviewer, 'the inbox');
    await screenshot(reviewer, 'inbox');
    await done(reviewer);

    const staff = await as('jenv.staff');
    await staff.goto(`${app.baseUrl}/notas/${DEMO_NOTA}`);
    await staff.getByRole('heading', { level: 2, name: 'Tijdlijn' }).waitFor();
    await staff.getByText('Akkoord namens de minister van BZ').waitFor();
    await expectAccessible(staff, 'the nota timeline');
    // From the nota's title down: the timeline and what the nota waits for, rather than the header again.
    await staff.evaluate('window.scrollTo(0, document.querySelector(".nf-title").offsetTop - 16)');
    await screenshot(staff, 'nota-timeline', { docs: true });

    await staff.getByRole('link', { name: 'Kamertermijnen' }).click();
    await staff.getByRole('link', { name: 'Commissiedebat prostitutiebeleid en mensenhandel' }).waitFor();
    await expectAccessible(staff, 'the deadlines list');
    await screenshot(staff, 'deadlines');
    await staff.getByRole('link', { name: 'Kalender', exact: true }).click();
    // The calendar opens on the month of the next open deadline (in the demo, until mid-December 2026, the
    // Kamervragen of 10 December), or on this month when none is ahead.
    const today = toAmsterdamDate(new Date());
    const [next] = (
      (await flow.as.staff.get('/deadlines?limit=500')).body as { status: string; dueOn: string; title: string }[]
    )
      .filter((d) => d.status === 'open' && d.dueOn >= today)
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
    await staff.getByRole('heading', { name: formatMonth((next?.dueOn ?? today).slice(0, 7)) }).waitFor();
    if (next) await staff.getByRole('link', { name: next.title }).first().waitFor();
    await expectAccessible(staff, 'the deadline calendar');
    await screenshot(staff, 'deadlines-calendar');

    await staff.getByRole('link', { name: 'Nieuwe nota' }).click();
    await staff.getByLabel('Onderwerp').waitFor();
    await expectAccessible(staff, 'the register form');
    await screenshot(staff, 'register-form');

    await staff.getByRole('link', { name: 'Agenda-abonnement' }).click();
    await staff.getByRole('button', { name: 'Abonnement maken' }).click();
    const url = await staff.getByLabel('Adres', { exact: true }).inputValue();
    expect(url).toMatch(/\/api\/v1\/deadlines\.ics\?token=/);
    expect((await fetch(url)).headers.get('content-type')).toMatch(/^text\/calendar/);
    await expectAccessible(staff, 'the calendar feeds');
    await screenshot(staff, 'calendar-feed');
    await done(staff);

    const cosigner = await as('vws.signer');
    await cosigner.getByRole('link', { name: /Versterkt Actieplan/ }).click();
    await cosigner.getByRole('button', { name: 'Besluit nemen' }).click();
    await cosigner.getByRole('dialog').getByLabel('Medeondertekenen', { exact: true }).waitFor();
    await expectAccessible(cosigner, 'the decision dialog');
    await screenshot(cosigner, 'decision-dialog');
    await cosigner.keyboard.press('Escape');
    // Focus returns to the button that opened the dialog.
    await poll(
      () => focused(cosigner),
      (element) => element.text === 'Besluit nemen',
    );
    await done(cosigner);

    const manager = await as('jenv.management');
    await manager.locator('.recharts-surface').first().waitFor();
    await figure(manager, 'decided');
    await expectAccessible(manager, 'the dashboard');
    await screenshot(manager, 'dashboard', { docs: true });
    const download = manager.waitForEvent('download');
    await manager.getByRole('button', { name: 'Download CSV (Doorlooptijd per fase)' }).click();
    expect((await download).suggestedFilename()).toMatch(/^turnaround-stage-.*\.csv$/);
    await done(manager);
  }, 150_000);

  it('shows a field error of a bad form at its field, from the form and from the API', async () => {
    const staff = await as('jenv.staff');
    await staff.getByRole('link', { name: 'Nieuwe nota' }).click();
    await staff.getByLabel('Onderwerp').fill('Nota met een onbekende parafeerder');
    await staff.getByLabel(/^Uw kenmerk/).fill('2023X13980');
    await staff.getByRole('button', { name: 'Registreren en route starten' }).click();
    // The form's own check, mirroring the API's pattern: at the field, and in the summary that is focused.
    const uwKenmerk = staff.getByLabel(/^Uw kenmerk/);
    await poll(
      () => uwKenmerk.getAttribute('aria-invalid'),
      (value) => value === 'true',
    );
    const ownError = staff.locator(`#${await uwKenmerk.getAttribute('id')}-error`);
    await expect(ownError.textContent()).resolves.toMatch(/2023Z13980\/2023D36886/);
    await poll(
      () => focused(staff),
      (element) => element.className.includes('nf-error-summary'),
    );

    // The API's problem+json names route.reviewers[1]: shown at the second reviewer.
    await uwKenmerk.fill('');
    await staff.getByLabel('Parafeerder 2').fill('jenv.onbekend');
    await staff.getByLabel('Notadocument').setInputFiles(await notaFile('Nota met een onbekende parafeerder'));
    await staff.getByRole('button', { name: 'Registreren en route starten' }).click();
    const second = staff.getByLabel('Parafeerder 2');
    await poll(
      () => second.getAttribute('aria-invalid'),
      (value) => value === 'true',
    );
    const apiError = staff.locator('#route-reviewers-1-error');
    await expect(apiError.textContent()).resolves.toBe('jenv.onbekend is geen bekende gebruiker.');
    await expect(second.getAttribute('aria-describedby')).resolves.toContain('route-reviewers-1-error');
    await expectAccessible(staff, 'the register form with errors');
    await screenshot(staff, 'register-form-errors');
    await done(staff);
  }, 60_000);

  it('carries a nota from registration through every inbox to the Kamer, and the dashboard counts it', async () => {
    // Each test file has a database of its own: the title need not be unique across runs.
    const title = 'Voortgangsbrief aanpak mensenhandel, tweede helft 2026';
    const manager = await as('jenv.management');
    const decidedBefore = await figure(manager, 'decided');

    const staff = await as('jenv.staff');
    await staff.getByRole('link', { name: 'Nieuwe nota' }).click();
    await staff.getByLabel('Onderwerp').fill(title);
    await staff.getByLabel(/^Kamerstukdossier/).fill('28 638');
    await staff.getByLabel(/^Uw kenmerk/).fill('2024Z09876/2024D12345');
    // The parafenlijn and the bewindspersoon come prefilled from the organisation's users.
    await expect(staff.getByLabel('Parafeerder 3').inputValue()).resolves.toBe('jenv.dg');
    for (const ministry of ['VWS', 'BZ', 'BHO', 'SZW']) await staff.getByLabel(new RegExp(`^${ministry} – `)).check();
    await staff.getByLabel('De nota gaat naar de ministerraad').check();
    await staff.getByLabel('Notadocument').setInputFiles(await notaFile(title));
    await staff.getByRole('button', { name: 'Registreren en route starten' }).click();
    await staff.getByText('De route is gestart.').waitFor();
    await staff.getByRole('heading', { level: 1, name: title }).waitFor();
    await done(staff);

    const first = await as('jenv.afdelingshoofd');
    await first.getByRole('link', { name: title }).waitFor();
    await screenshot(first, 'inbox', { docs: true });
    await done(first);

    await done(await decide('jenv.afdelingshoofd', title, 'Paraferen', 'Akkoord, goed afgestemd met de politie'));
    await done(await decide('jenv.directeur', title, 'Paraferen'));
    await done(await decide('jenv.dg', title, 'Paraferen'));
    await done(await decide('jenv.bewindspersoon', title, 'Akkoord'));
    for (const cosigner of ['vws.signer', 'bz.signer', 'bho.signer', 'szw.signer']) {
      await done(
        await decide(cosigner, title, 'Medeondertekenen', `Akkoord namens ${cosigner.split('.')[0].toUpperCase()}`),
      );
    }
    const mr = await decide(
      'mr.secretariaat',
      title,
      'Aanhouden tot een volgende vergadering',
      'Eerst bespreken in de onderraad',
    );
    // Held over: a new ministerraad task for the next meeting, on the same page.
    await mr.getByRole('button', { name: 'Besluit nemen' }).click();
    await mr.getByRole('dialog').getByLabel('Akkoord bevonden', { exact: true }).check();
    await mr.getByRole('dialog').getByRole('button', { name: 'Besluit vastleggen' }).click();
    await mr.getByText('De nota staat nu in de fase verzending.').waitFor();
    await done(mr);

    // The dispatch task is the drafter's: it is in their inbox too.
    const dispatcher = await decide('jenv.staff', title, 'Verzonden aan de Tweede Kamer');
    await dispatcher.getByText('De nota is verzonden aan de Tweede Kamer.').waitFor();
    await dispatcher.getByLabel('Nummer').fill('250');
    await dispatcher.getByRole('button', { name: 'Kamerstuknummer vastleggen' }).click();
    await dispatcher.getByText('Kamerstuk 28 638, nr. 250 is vastgelegd.').waitFor();
    const timeline = dispatcher.locator('.nf-timeline');
    await timeline.getByText('Verzonden aan de Tweede Kamer', { exact: true }).waitFor();
    await expect(timeline.getByText('Besluit genomen: Aanhouden tot een volgende vergadering').count()).resolves.toBe(
      1,
    );
    await expect(timeline.getByText('Eerst bespreken in de onderraad').count()).resolves.toBe(1);
    await expect(timeline.getByText('Verzonden aan de Tweede Kamer', { exact: true }).count()).resolves.toBe(1);
    // Due against done for every decided task.
    await expect(timeline.getByText('op tijd', { exact: true }).count()).resolves.toBe(11);
    await done(dispatcher);

    // Eleven decisions: three initials, the bewindspersoon, four ministries, the ministerraad twice, dispatch.
    await manager.reload();
    await poll(
      () => figure(manager, 'decided'),
      (decided) => decided === decidedBefore + 11,
    );
    await done(manager);
  }, 240_000);

  it('sends a nota back from the parafenlijn with remarks, and the new version goes back to the same reviewer', async () => {
    const title = 'Reactie op het WODC-onderzoek naar arbeidsuitbuiting';
    const remarks = 'Graag de cijfers van de Inspectie SZW over 2025 toevoegen.';
    const nota = await flow.registerAndSubmit({ title });
    await flow.decide('afdelingshoofd', nota.id, 'approve');

    // The second of the parafenlijn sends it back; the form wants to know why.
    const reviewer = await as('jenv.directeur');
    await reviewer.getByRole('link', { name: title }).click();
    await reviewer.getByRole('heading', { level: 1, name: title }).waitFor();
    await reviewer.getByRole('button', { name: 'Besluit nemen' }).click();
    const dialog = reviewer.getByRole('dialog');
    await dialog.getByLabel('Terugsturen met opmerkingen', { exact: true }).check();
    await dialog.getByRole('button', { name: 'Besluit vastleggen' }).click();
    const remarksField = dialog.getByLabel(/^Opmerkingen/);
    await poll(
      () => remarksField.getAttribute('aria-invalid'),
      (value) => value === 'true',
    );
    await remarksField.fill(remarks);
    await expectAccessible(reviewer, 'the decision dialog sending a nota back');
    await screenshot(reviewer, 'decision-request-changes');
    await dialog.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await reviewer.getByText('Uw besluit is vastgelegd. De nota is nu: wijzigingen gevraagd.').waitFor();
    await inbox(reviewer);
    await expect(reviewer.getByRole('link', { name: title }).count()).resolves.toBe(0);

    // The drafter finds it among the notas with changes requested, and answers with a new version.
    const staff = await as('jenv.staff');
    await staff.getByRole('link', { name: "Nota's", exact: true }).click();
    await staff
      .getByRole('region', { name: /^Wijzigingen gevraagd \(\d+\)$/ })
      .getByRole('link', { name: title })
      .click();
    await staff.getByRole('heading', { level: 1, name: title }).waitFor();
    await notaStatus(staff, 'Wijzigingen gevraagd').waitFor();
    await staff.getByRole('region', { name: 'Tijdlijn' }).getByText(remarks).waitFor();
    const note = staff.getByLabel(/^Toelichting bij versie 2/);
    await note.fill('Cijfers van de Inspectie SZW over 2025 toegevoegd in paragraaf 3.');
    await expectAccessible(staff, 'a nota with changes requested');
    await screenshot(staff, 'nota-changes-requested');
    await staff.getByRole('button', { name: 'Nieuwe versie indienen' }).click();
    await staff.getByText('Versie 2 is ingediend: de route gaat verder.').waitFor();
    await notaStatus(staff, 'Parafering').waitFor();
    await staff
      .getByRole('region', { name: 'Versies' })
      .getByText('Cijfers van de Inspectie SZW over 2025 toegevoegd in paragraaf 3.')
      .waitFor();
    await done(staff);

    // The flow resumes where it was sent back: with the directeur, not again with the afdelingshoofd.
    await inbox(reviewer);
    await reviewer.getByRole('link', { name: title }).click();
    await reviewer.getByRole('heading', { level: 2, name: 'Uw taak: paraferen' }).waitFor();
    await expect(flow.openTasks('afdelingshoofd', nota.id)).resolves.toEqual([]);
    await reviewer.getByRole('button', { name: 'Besluit nemen' }).click();
    await reviewer.getByRole('dialog').getByText('versie 2').waitFor();
    await reviewer.keyboard.press('Escape');
    await done(reviewer);
  }, 120_000);

  it('withdraws a nota in review: it shows as withdrawn and its task leaves the inbox', async () => {
    const title = 'Beleidsreactie op het jaarverslag van CoMensha';
    const nota = await flow.registerAndSubmit({ title });
    const reviewer = await as('jenv.afdelingshoofd');
    await inbox(reviewer);
    await reviewer.getByRole('link', { name: title }).waitFor();

    const staff = await as('jenv.staff');
    await staff.goto(`${app.baseUrl}/notas/${nota.id}`);
    await notaStatus(staff, 'Parafering').waitFor();
    await staff.getByRole('button', { name: 'Nota intrekken' }).click();
    const dialog = staff.getByRole('dialog', { name: 'Nota intrekken' });
    // Not without a reason.
    await dialog.getByRole('button', { name: 'Intrekken', exact: true }).click();
    const reason = dialog.getByLabel('Reden');
    await poll(
      () => reason.getAttribute('aria-invalid'),
      (value) => value === 'true',
    );
    const why = 'Vervalt: de beleidsreactie gaat mee in de verzamelbrief.';
    await reason.fill(why);
    await expectAccessible(staff, 'the withdraw dialog');
    await screenshot(staff, 'withdraw-dialog');
    await dialog.getByRole('button', { name: 'Intrekken', exact: true }).click();
    await staff.getByText('De nota is ingetrokken; openstaande taken zijn vervallen.').waitFor();
    await notaStatus(staff, 'Ingetrokken').waitFor();
    await staff.getByText('Deze nota is afgerond; er is niets meer te doen.').waitFor();
    await expect(staff.getByRole('button', { name: 'Nota intrekken' }).count()).resolves.toBe(0);
    const timeline = staff.getByRole('region', { name: 'Tijdlijn' });
    await timeline.getByText('Taak vervallen', { exact: true }).waitFor();
    await timeline.getByText(why).waitFor();
    await expectAccessible(staff, 'a withdrawn nota');
    await screenshot(staff, 'nota-withdrawn');
    await staff.getByRole('link', { name: "Nota's", exact: true }).click();
    await staff
      .getByRole('region', { name: /^Afgewezen of ingetrokken \(\d+\)$/ })
      .getByRole('link', { name: title })
      .waitFor();
    await done(staff);

    await inbox(reviewer);
    await expect(reviewer.getByRole('link', { name: title }).count()).resolves.toBe(0);
    await done(reviewer);
  }, 120_000);

  it('hands a paraaf on to a colleague with a reason: it leaves one inbox for the other, and the timeline says so', async () => {
    const title = 'Voortgangsrapportage Samen tegen mensenhandel';
    const nota = await flow.registerAndSubmit({ title });
    const reviewer = await as('jenv.afdelingshoofd');
    await reviewer.goto(`${app.baseUrl}/notas/${nota.id}`);
    await reviewer.getByRole('heading', { level: 1, name: title }).waitFor();
    await reviewer.getByRole('button', { name: 'Overdragen' }).click();
    const dialog = reviewer.getByRole('dialog', { name: 'Paraferen: overdragen' });
    // A drafter does not initial: the flow refuses, and the dialog says so at the field.
    await dialog.getByLabel('Overdragen aan').fill('jenv.staff');
    await dialog.getByLabel('Reden').fill('Met verlof tot en met vrijdag');
    await dialog.getByRole('button', { name: 'Taak overdragen' }).click();
    await poll(
      () => dialog.getByLabel('Overdragen aan').getAttribute('aria-invalid'),
      (value) => value === 'true',
    );
    await dialog.getByLabel('Overdragen aan').fill('jenv.directeur');
    await expectAccessible(reviewer, 'the reassign dialog');
    await screenshot(reviewer, 'reassign-dialog');
    await dialog.getByRole('button', { name: 'Taak overdragen' }).click();
    await reviewer.getByText('De taak is overgedragen aan jenv.directeur.').waitFor();
    await reviewer.getByRole('region', { name: 'Tijdlijn' }).getByText('Met verlof tot en met vrijdag').waitFor();
    await expect(reviewer.getByRole('button', { name: 'Besluit nemen' }).count()).resolves.toBe(0);
    await done(reviewer);

    const directeur = await as('jenv.directeur');
    await inbox(directeur);
    await directeur.getByRole('link', { name: title }).waitFor();
    await done(directeur);
  }, 120_000);

  it('holds a nota in the ministerraad over to a meeting of its choosing, and the new task is on that agenda', async () => {
    const title = 'Kabinetsstandpunt herziening Wet bestrijding mensenhandel';
    const nota = await flow.registerAndSubmit({ title });
    await flow.throughDecision(nota.id);
    await flow.coSignAll(nota.id);
    const [task] = await flow.openTasks('mr', nota.id);
    const meetingOn: string = task.meetingOn;
    // Not the meeting a hold without a date goes to (the next one), but the one after: the date field decides.
    const nextMeeting = async (after: string): Promise<string> => {
      const reply = await flow.as.mr.get(`/calendar/ministerraad?after=${after}`);
      expect(reply.status).toBe(200);
      return reply.body.date;
    };
    const chosen = await nextMeeting(await nextMeeting(meetingOn));
    expect(dayOfWeek(chosen)).toBe(5);
    expect(chosen > toAmsterdamDate(new Date())).toBe(true);

    const mr = await as('mr.secretariaat');
    await mr.getByRole('link', { name: title }).click();
    await mr.getByText(`Op de agenda van de ministerraad van ${dutchDay(meetingOn)}.`).waitFor();
    await mr.getByRole('button', { name: 'Besluit nemen' }).click();
    const dialog = mr.getByRole('dialog');
    await dialog.getByLabel('Aanhouden tot een volgende vergadering', { exact: true }).check();
    await dialog.getByLabel(/^Aanhouden tot de vergadering van/).fill(chosen);
    await dialog.getByLabel(/^Opmerkingen/).fill('Na het advies van de Raad van State');
    await expectAccessible(mr, 'the decision dialog holding over to a meeting');
    await screenshot(mr, 'decision-hold-to-meeting');
    await dialog.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await mr.getByText('Uw besluit is vastgelegd. De nota staat nu in de fase ministerraad.').waitFor();
    await mr.getByText(`Op de agenda van de ministerraad van ${dutchDay(chosen)}.`).waitFor();
    await expect(mr.getByText(`Op de agenda van de ministerraad van ${dutchDay(meetingOn)}.`).count()).resolves.toBe(0);
    const timeline = mr.getByRole('region', { name: 'Tijdlijn' });
    await timeline.getByText(`Aangehouden tot de vergadering van ${dutchDay(chosen)}`).waitFor();
    await timeline.getByText(`Vergadering van ${dutchDay(chosen)}`, { exact: true }).waitFor();
    await expectAccessible(mr, 'a nota held over to a chosen meeting');
    await screenshot(mr, 'nota-held-to-meeting');
    await done(mr);
    const [held] = await flow.openTasks('mr', nota.id);
    expect(held.meetingOn).toBe(chosen);
  }, 120_000);

  it('records an uitstelverzoek on a deadline and, by management, that the Kamer granted it', async () => {
    // Dates ahead of today, so that the deadline stays open and its watch has nothing to do.
    const dueOn = addDays(toAmsterdamDate(new Date()), 42);
    const requested = addDays(dueOn, 28);
    const title = 'Toezegging: brief over de evaluatie van het Nationaal Verwijzingsmechanisme';
    const created = await flow.as.staff.post('/deadlines', { kind: 'toezegging', title, dueOn, dossier: '28 638' });
    expect(created.status).toBe(201);

    const staff = await as('jenv.staff');
    await staff.getByRole('link', { name: 'Kamertermijnen' }).click();
    await staff.getByRole('link', { name: title }).click();
    await staff.getByRole('heading', { level: 1, name: title }).waitFor();
    await staff.getByText('Voor deze termijn is geen uitstel gevraagd.').waitFor();
    await staff.getByRole('button', { name: 'Uitstel aanvragen' }).click();
    const request = staff.getByRole('dialog', { name: 'Uitstel aanvragen' });
    await request.getByLabel('Uitstel tot').fill(requested);
    await request.getByLabel('Reden').fill('De evaluatie van het WODC verschijnt later dan voorzien.');
    await expectAccessible(staff, 'the postponement request dialog');
    await screenshot(staff, 'postponement-request');
    await request.getByRole('button', { name: 'Verzoek vastleggen' }).click();
    await staff.getByText(`Het uitstelverzoek tot ${dutchDay(requested)} is vastgelegd.`).waitFor();
    const postponements = staff.getByRole('table', { name: 'Uitstelverzoeken, oudste eerst' });
    await postponements.getByRole('row', { name: /De evaluatie van het WODC verschijnt later/ }).waitFor();
    await postponements.getByText('Aangevraagd', { exact: true }).waitFor();
    await done(staff);

    const manager = await as('jenv.management');
    await manager.getByRole('heading', { level: 1 }).waitFor();
    await manager.getByRole('link', { name: 'Kamertermijnen' }).click();
    await manager.getByRole('link', { name: title }).click();
    await manager.getByRole('button', { name: 'Uitkomst uitstelverzoek vastleggen' }).click();
    const outcome = manager.getByRole('dialog', { name: 'Uitkomst van het uitstelverzoek' });
    await outcome.getByText(`Gevraagd: uitstel tot ${dutchDay(requested)}.`).waitFor();
    await outcome.getByLabel('Toegekend', { exact: true }).check();
    await outcome.getByLabel(/^Nieuwe datum/).waitFor();
    await expectAccessible(manager, 'the postponement outcome dialog');
    await screenshot(manager, 'postponement-outcome');
    await outcome.getByRole('button', { name: 'Uitkomst vastleggen' }).click();
    await manager.getByText('Het uitstel is toegekend: de termijn is verschoven.').waitFor();

    // The new date, and the original one beside it, once the page has read the deadline again.
    const facts = manager.getByRole('complementary', { name: 'Gegevens van de termijn' });
    const shown = await poll(
      async () => {
        const terms = await facts.getByRole('term').allTextContents();
        const definitions = await facts.getByRole('definition').allTextContents();
        return Object.fromEntries(terms.map((term, i) => [term, definitions[i]]));
      },
      (found) => 'Oorspronkelijke datum' in found,
    );
    expect(shown).toMatchObject({ Datum: dutchDay(requested), 'Oorspronkelijke datum': dutchDay(dueOn) });
    const table = manager.getByRole('table', { name: 'Uitstelverzoeken, oudste eerst' });
    await table.getByText('Toegekend', { exact: true }).waitFor();
    await table.getByText(`nieuwe datum ${dutchDay(requested)}`).waitFor();
    await expectAccessible(manager, 'a postponed deadline');
    await screenshot(manager, 'deadline-postponed');

    // The list says it too, and offers the deadlines as a calendar subscription.
    await manager.getByRole('link', { name: 'Alle Kamertermijnen' }).click();
    await manager
      .getByRole('row', { name: new RegExp(title) })
      .getByText(/^uitgesteld, was/)
      .waitFor();
    await manager.getByRole('main').getByRole('link', { name: 'Abonneren met een agenda-abonnement' }).click();
    await manager.getByRole('heading', { level: 1, name: 'Agenda-abonnement' }).waitFor();
    await manager.getByRole('button', { name: 'Abonnement maken' }).waitFor();
    await done(manager);
  }, 120_000);

  it("shows the notas per stage of the route ('Nota's per fase')", async () => {
    const staff = await as('jenv.staff');
    await staff.getByRole('link', { name: "Nota's", exact: true }).click();
    await staff.getByRole('heading', { level: 1, name: "Nota's" }).waitFor();
    const stages = staff.getByRole('navigation', { name: 'Fasen' });
    await stages.waitFor();
    // The demo dossier: a nota at its co-signers, a draft, one dispatched with its Kamerstuk number.
    await staff
      .getByRole('region', { name: /^Medeondertekening \(\d+\)$/ })
      .getByRole('link', { name: 'Versterkt Actieplan programma Samen tegen mensenhandel: Kamerbrief ter verzending' })
      .waitFor();
    await staff.getByRole('region', { name: /^Concept \(\d+\)$/ }).waitFor();
    await staff
      .getByRole('region', { name: /^Verzonden aan de Kamer \(\d+\)$/ })
      .getByText(/^Kamerstuk 28 638, nr\. \d+$/)
      .first()
      .waitFor();
    await stages.getByRole('link', { name: /^Medeondertekening \d+$/ }).click();
    expect(new URL(staff.url()).hash).toBe('#fase-co-signing');
    await expectAccessible(staff, 'the notas per stage');
    await staff.evaluate('window.scrollTo(0, 0)');
    await screenshot(staff, 'notas-per-fase');
    await done(staff);
  }, 60_000);
});

describe('signing in to the web app with the identity provider (authorization code flow with PKCE)', () => {
  let idp: OidcProviderStub;
  let app: TestApp;

  beforeAll(async () => {
    idp = await startOidcProvider();
    idp.user = {
      sub: '7c1e9a40',
      preferred_username: 'jenv.beleid',
      name: 'Beleidsmedewerker Rechtshandhaving',
      role: 'drafter',
      organisation: 'JENV',
    };
    app = await startTestApp({
      worker: false,
      env: {
        AUTH_MODE: 'oidc',
        OIDC_ISSUER: idp.issuer,
        OIDC_JWKS_URL: idp.jwksUrl,
        OIDC_AUDIENCE: API_AUDIENCE,
        OIDC_CLIENT_ID: WEB_CLIENT_ID,
      },
    });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await idp?.close();
  }, 60_000);

  it('tells the web app where to send the user, and relays only a code with its own verifier', async () => {
    expect(await (await fetch(`${app.baseUrl}/api/v1/auth/config`)).json()).toEqual({
      mode: 'oidc',
      oidc: {
        issuer: idp.issuer,
        authorizationEndpoint: `${idp.issuer}/auth`,
        endSessionEndpoint: `${idp.issuer}/session/end`,
        clientId: WEB_CLIENT_ID,
        scopes: ['openid', 'profile'],
        codeChallengeMethod: 'S256',
        tokenPath: '/api/v1/auth/oidc/token',
      },
    });
    const forged = await fetch(`${app.baseUrl}/api/v1/auth/oidc/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        code: 'not-a-code',
        codeVerifier: 'x'.repeat(43),
        redirectUri: `${app.baseUrl}/inloggen/terug`,
      }),
    });
    expect(forged.status).toBe(401);
    expect(idp.exchanges).toEqual([{ ok: false, reason: 'authorization code not found' }]);
    expect((await fetch(`${app.baseUrl}/api/v1/auth/token`, { method: 'POST' })).status).toBe(404);
  });

  it('signs in through the identity provider and back, and signs out there too', async () => {
    const session = await openContext(chromium.browser);
    const { page } = session;
    try {
      await page.goto(`${app.baseUrl}/taken`);
      await page.getByRole('button', { name: 'Aanmelden met uw organisatieaccount' }).click();
      // To the provider, which signs the user in at once and sends the browser back with a code.
      await page.getByRole('heading', { level: 1, name: 'Mijn taken' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/taken');
      await page.getByText('Beleidsmedewerker Rechtshandhaving').waitFor();
      // The provider checked the PKCE verifier against the challenge of the authorization request.
      expect(idp.exchanges.slice(1)).toEqual([{ ok: true }]);
      await expectNoSeriousViolations(page, 'the inbox after an OIDC sign-in');

      await page.getByRole('button', { name: 'Afmelden' }).click();
      await page.waitForURL((url) => url.pathname === '/inloggen');
      await page.getByRole('button', { name: 'Aanmelden met uw organisatieaccount' }).waitFor();
      expect(session.problems).toEqual([]);
    } finally {
      await session.context.close();
    }
  }, 60_000);
});

async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const violations = await seriousAxeViolations(page, what);
  if (violations.length) throw new Error(`axe on ${what}:\n${describeViolations(violations)}`);
}

/** A nota document as a drafter picks it in the browser's file chooser. */
async function notaFile(text: string): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  return { name: 'nota.pdf', mimeType: 'application/pdf', buffer: await pdfWith(text) };
}
