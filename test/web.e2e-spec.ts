import type { Browser, Page } from 'playwright-core';
import { DemoSeedService } from '../apps/api/src/seed/demo-seed.service';
import { startTestApp, type TestApp } from './support/app';
import { startOidcProvider, WEB_CLIENT_ID, type OidcProviderStub } from './support/oidc-provider';
import {
  describeViolations,
  ensureWebApp,
  focused,
  launchChromium,
  openContext,
  poll,
  screenshot,
  seriousAxeViolations,
  signIn,
  type Session,
} from './support/browser';

const log = (line: string) => process.stdout.write(`\n${line}\n`);
let browser: Browser;

beforeAll(async () => {
  ensureWebApp(log);
  browser = await launchChromium(log);
}, 15 * 60_000);

afterAll(async () => {
  await browser?.close();
}, 60_000);

/**
 * The staff web app in Debian's Chromium against the product as `npm start` runs it: the API serving the built app
 * (under its Content-Security-Policy), a real Temporal worker and PostgreSQL, and the demo dossier 28 638.
 */
describe('the staff web app in a real browser', () => {
  let app: TestApp;
  const sessions: Session[] = [];
  // The demo nota of 17 June 2024, at its co-signers: the richest timeline of the dossier.
  const DEMO_NOTA = '5552554a-0000-4000-8000-000000000001';

  beforeAll(async () => {
    app = await startTestApp({
      // The suite signs in a dozen users within a minute from one address.
      env: { SEED_DEMO: 'true', SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' },
    });
    await app.app.get(DemoSeedService).whenSeeded();
  }, 120_000);

  afterAll(async () => {
    for (const session of sessions) await session.context.close().catch(() => undefined);
    await app?.close();
  }, 60_000);

  async function as(username: string): Promise<Page> {
    const session = await signIn(browser, app.baseUrl, username);
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
    const visitor = await openContext(browser);
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
    // The calendar opens on the month of the next open deadline: the Kamervragen of 10 December 2026.
    await staff.getByRole('heading', { name: 'december 2026' }).waitFor();
    await staff.getByRole('link', { name: /Kamervragen over mensenhandel/ }).waitFor();
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
        OIDC_AUDIENCE: 'notaflow',
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
        authorizationEndpoint: `${idp.issuer}/authorize`,
        endSessionEndpoint: `${idp.issuer}/logout`,
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
    expect(idp.exchanges).toEqual([{ ok: false, reason: 'unknown or used code' }]);
    expect((await fetch(`${app.baseUrl}/api/v1/auth/token`, { method: 'POST' })).status).toBe(404);
  });

  it('signs in through the identity provider and back, and signs out there too', async () => {
    const session = await openContext(browser);
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
