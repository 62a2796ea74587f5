import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from '../../scripts/lib/chromium';

const root = path.resolve(__dirname, '../..');
export const SCREENSHOTS = path.join(root, 'artifacts/screenshots');
export const DOCS_SCREENSHOTS = path.join(root, 'docs/screenshots');
const AXE_REPORTS = path.join(root, 'artifacts/axe');
const AXE = require.resolve('axe-core/axe.min.js');
const AXE_PATH = '/__test__/axe.min.js';

/** The web app as `npm run build` leaves it; built here when a test file runs on a checkout without it. */
export function ensureWebApp(log: (line: string) => void): void {
  if (existsSync(path.join(root, 'apps/web/dist/index.html'))) return;
  log('apps/web/dist is missing: building the web app (node scripts/build.mjs --web-only)');
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--web-only'], { stdio: 'inherit' });
}

export async function launchChromium(log: (line: string) => void): Promise<Browser> {
  const executablePath = ensureChromium(log);
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/**
 * One Chromium for a test file, with the web app built: launched before the file's first test, closed after its last.
 * Read `.browser` inside a test or hook, not when the file loads.
 */
export function useChromium(log: (line: string) => void): { browser: Browser } {
  const handle = {} as { browser: Browser };
  beforeAll(async () => {
    ensureWebApp(log);
    handle.browser = await launchChromium(log);
  }, 15 * 60_000);
  afterAll(async () => {
    await handle.browser?.close();
  }, 60_000);
  return handle;
}

/** A signed-in user in a browser context of their own, as on their own machine. */
export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and Content-Security-Policy violations the page reported. */
  problems: string[];
}

export async function openContext(browser: Browser): Promise<Session> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    // A 401 or 404 the app handles shows up as a failed resource; the app's own errors and CSP reports do not.
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { context, page, problems };
}

export async function signIn(browser: Browser, baseUrl: string, username: string): Promise<Session> {
  const session = await openContext(browser);
  const { page } = session;
  await page.goto(`${baseUrl}/inloggen`);
  try {
    await page.getByLabel('Gebruikersnaam').waitFor();
  } catch (error) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, `failed-sign-in-${username}.png`) });
    throw new Error(
      `the sign-in page did not show its form for ${username}: ${(await page.textContent('body'))?.slice(0, 500)}`,
      { cause: error },
    );
  }
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill('demo');
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
  return session;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core's WCAG 2.1 A and AA rules (and its best practices) on the page as it is now: the serious and critical
 * violations. Every finding, minor ones included, is kept in artifacts/axe/<what>.json for a human to read.
 */
export async function seriousAxeViolations(page: Page, what = 'page'): Promise<AxeViolation[]> {
  // The app's Content-Security-Policy allows scripts from its own origin only, so axe comes from there: a URL of
  // the app that the browser context answers with axe-core's file, never reaching the server.
  const origin = new URL(page.url()).origin;
  await page
    .context()
    .route(`${origin}${AXE_PATH}`, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: readFileSync(AXE, 'utf8') }),
    );
  await page.addScriptTag({ url: `${origin}${AXE_PATH}` });
  // A string, evaluated in the page: this project's TypeScript knows no DOM types outside apps/web.
  const violations = await page.evaluate<AxeViolation[]>(`(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  })()`);
  mkdirSync(AXE_REPORTS, { recursive: true });
  const file = `${what
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()}.json`;
  writeFileSync(path.join(AXE_REPORTS, file), `${JSON.stringify({ url: page.url(), violations }, null, 2)}\n`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    .join('\n');
}

/** What has the keyboard focus: its text and class, to check where focus went. */
export function focused(page: Page): Promise<{ text: string; className: string }> {
  return page.evaluate(
    `({ text: document.activeElement?.textContent ?? '', className: String(document.activeElement?.className ?? '') })`,
  );
}

/**
 * A screenshot kept as a test artifact; with `docs`, and UPDATE_SCREENSHOTS=1 in the environment, also the one the
 * README shows (so that an ordinary test run leaves the checkout as it was).
 */
export async function screenshot(page: Page, name: string, options: { docs?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  // Wait for fonts and for the last request to settle, so a screenshot never shows "laden…".
  await page.evaluate('document.fonts.ready.then(() => true)');
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: file, animations: 'disabled' });
  if (options.docs && process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    copyFileSync(file, path.join(DOCS_SCREENSHOTS, `${name}.png`));
  }
}

/** Asks again until the answer is accepted (jest has no expect.poll); fails with the last answer after the timeout. */
export async function poll<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  do {
    last = await probe();
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 200));
  } while (Date.now() < deadline);
  throw new Error(`gave up after ${timeoutMs / 1000} s waiting; last answer: ${JSON.stringify(last)}`);
}

const DUTCH_DAY = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A calendar day `2026-12-11` as the web app writes it (`11 december 2026`), to look for it on a page. */
export function dutchDay(day: string): string {
  return DUTCH_DAY.format(new Date(`${day}T00:00:00Z`));
}
