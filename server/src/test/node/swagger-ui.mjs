// Opens Swagger UI in a real browser (Debian's chromium, headless) and checks that it shows the
// JustIAM contract: the title and the operations for listing users and signing in.
// Environment: BASE_URL (the server), SCREENSHOT_DIR (where to save what the browser saw).
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const baseUrl = process.env.BASE_URL;
const screenshotDir = process.env.SCREENSHOT_DIR;
if (!baseUrl || !screenshotDir) {
  console.error('BASE_URL and SCREENSHOT_DIR are required');
  process.exit(2);
}

const expectedTexts = [
  'JustIAM API',
  'List users, newest first',
  'Sign in with a username or email and a password',
];

const userDataDir = mkdtempSync(join(tmpdir(), 'justiam-swagger-'));
let context;
let failed = false;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 2000 },
  });
  const page = context.pages()[0] ?? await context.newPage();
  const consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(String(e)));

  const response = await page.goto(`${baseUrl}/swagger/index.html`, { waitUntil: 'load', timeout: 60_000 });
  if (!response || response.status() !== 200) {
    throw new Error(`index.html answered ${response && response.status()}`);
  }
  for (const text of expectedTexts) {
    await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout: 60_000 });
    console.log(`visible: ${text}`);
  }
  // The operation paths render as well, so the whole spec was loaded and parsed.
  await page.locator('.opblock-summary-path', { hasText: '/api/v1/users' }).first()
    .waitFor({ state: 'visible', timeout: 30_000 });
  const operations = await page.locator('.opblock').count();
  console.log(`operations shown: ${operations}`);
  if (operations < 20) {
    throw new Error(`expected at least 20 operations, saw ${operations}`);
  }
  if (consoleErrors.length > 0) {
    throw new Error(`page errors: ${consoleErrors.join('; ')}`);
  }
  mkdirSync(screenshotDir, { recursive: true });
  const file = join(screenshotDir, 'swagger-ui.png');
  await page.screenshot({ path: file, fullPage: false });
  console.log(`screenshot: ${file}`);
} catch (e) {
  failed = true;
  console.error(`Swagger UI check failed: ${e && e.stack ? e.stack : e}`);
} finally {
  if (context) {
    await context.close();
  }
  rmSync(userDataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
