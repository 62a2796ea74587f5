import { startTestApp, type TestApp } from './support/app';
import {
  describeViolations,
  screenshot,
  seriousAxeViolations,
  signIn,
  useChromium,
  type Session,
} from './support/browser';
import { FlowDriver } from './support/flow-driver';

const log = (line: string) => process.stdout.write(`\n${line}\n`);
const chromium = useChromium(log);

/** The header's search in Debian's Chromium against the API: from any page to the results, and on to a nota. */
describe('searching in the web app', () => {
  let app: TestApp;
  let flow: FlowDriver;
  let session: Session | undefined;

  beforeAll(async () => {
    app = await startTestApp({ worker: false, env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } });
    flow = await FlowDriver.create(app.baseUrl);
  }, 120_000);

  afterAll(async () => {
    await session?.context.close().catch(() => undefined);
    await app?.close();
  }, 60_000);

  it('finds a nota by a word in another form, marks it, and opens the nota; the page is accessible', async () => {
    const nota = await flow.register({ title: 'Brief over de bloemlezing van het gevangeniswezen' });
    session = await signIn(chromium.browser, app.baseUrl, 'jenv.staff');
    const { page } = session;

    const box = page.getByRole('search', { name: 'Zoeken' });
    await box.getByLabel('Zoek op kenmerk, Kamerstuk of woorden').fill('brieven gevangeniswezen');
    await box.getByLabel('Zoek op kenmerk, Kamerstuk of woorden').press('Enter');
    await page.waitForURL(
      (url) => url.pathname === '/zoeken' && url.searchParams.get('q') === 'brieven gevangeniswezen',
    );
    await page.getByRole('heading', { level: 1, name: 'Zoeken' }).waitFor();
    await page.getByRole('status').filter({ hasText: '1 resultaat voor ‘brieven gevangeniswezen’' }).waitFor();

    const results = page.getByRole('list', { name: 'Zoekresultaten' });
    const result = results.getByRole('listitem');
    await expect(result.textContent()).resolves.toContain(`Nota · ons kenmerk ${nota.onsKenmerk} · gevonden in titel`);
    await expect(result.locator('mark').allTextContents()).resolves.toEqual(['Brief', 'gevangeniswezen']);
    const violations = await seriousAxeViolations(page, 'search-results');
    if (violations.length) throw new Error(`axe on the search results:\n${describeViolations(violations)}`);
    await screenshot(page, 'search-results');

    // The box keeps the search; a search by ons kenmerk finds the same nota.
    await expect(box.getByLabel('Zoek op kenmerk, Kamerstuk of woorden').inputValue()).resolves.toBe(
      'brieven gevangeniswezen',
    );
    await box.getByLabel('Zoek op kenmerk, Kamerstuk of woorden').fill(nota.onsKenmerk);
    await box.getByRole('button', { name: 'Zoeken' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `1 resultaat voor ‘${nota.onsKenmerk}’` })
      .waitFor();

    await results.getByRole('link', { name: nota.title }).click();
    await page.getByRole('heading', { level: 1, name: nota.title }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/notas/${nota.id}`);
  });

  it('says so when nothing is found', async () => {
    const { page } = session!;
    await page.goto(`${app.baseUrl}/zoeken?q=${encodeURIComponent('onvindbaar woord')}`);
    await page.getByRole('status').filter({ hasText: 'Niets gevonden voor ‘onvindbaar woord’.' }).waitFor();
    const violations = await seriousAxeViolations(page, 'search-nothing-found');
    if (violations.length) throw new Error(`axe on an empty search:\n${describeViolations(violations)}`);
    expect(session!.problems).toEqual([]);
  });
});
