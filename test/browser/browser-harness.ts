/*
 * Browser tests: the real app (same module, pipes, guards and filter as main.ts) on a scratch
 * database, listening on a free local port, driven by Debian's Chromium through playwright-core.
 * No browser is ever downloaded: CHROMIUM_PATH or /usr/bin/chromium (installed by .ci/run).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { UsersService } from '../../src/auth/users.service';
import type { AppConfig } from '../../src/config/app-config';
import type { Role } from '../../src/domain/auth/permissions';
import { createTestApp, type TestApp } from '../helpers/test-app';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Screenshots of the pages, kept as CI artifacts (test-artifacts/ is ignored by git). */
export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', 'test-artifacts', 'screenshots');

export const PASSWORD = 'mat-khau-trinh-duyet-2024';

export interface WebHarness {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /** Creates an account (password PASSWORD) and returns its user name. */
  account(user: {
    username: string;
    role: Role;
    blocIds?: number[];
    unitId?: number;
  }): Promise<string>;
  /** A fresh browser context (own cookies), Vietnamese locale, laptop-sized window. */
  context(options?: { tablet?: boolean }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function startWebHarness(
  options: { seedMeeting?: boolean; config?: Partial<AppConfig> } = {},
): Promise<WebHarness> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(
      `Không tìm thấy Chromium tại ${CHROMIUM}: cài bằng "apt-get install chromium" (.ci/run làm việc này) hoặc đặt CHROMIUM_PATH.`,
    );
  const t = await createTestApp({
    seed: true,
    seedMeeting: options.seedMeeting ?? false,
    config: options.config,
  });
  await t.app.listen(0, '127.0.0.1');
  const address = t.app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const contexts: BrowserContext[] = [];
  return {
    t,
    baseUrl,
    browser,
    async account(user) {
      await t.app.get(UsersService).create({
        username: user.username,
        displayName: user.username,
        role: user.role,
        password: PASSWORD,
        blocIds: user.blocIds,
        unitId: user.unitId,
      });
      return user.username;
    },
    async context(o = {}) {
      const c = await browser.newContext({
        baseURL: baseUrl,
        locale: 'vi-VN',
        viewport: o.tablet ? { width: 820, height: 1180 } : { width: 1366, height: 900 },
        acceptDownloads: true,
      });
      c.setDefaultTimeout(15_000);
      contexts.push(c);
      return c;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await t.close();
    },
  };
}

/** Signs in through the login page and waits for the page it leads to. */
export async function signIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto('/web/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith('/web/login')),
    page.getByRole('button', { name: 'Đăng nhập' }).click(),
  ]);
}

/** A full-page screenshot under test-artifacts/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Every page must be in Vietnamese and keyboard-usable: html lang="vi", one h1, every form
 * control has an accessible name. Returns the problems found (empty when fine).
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (document.documentElement.lang !== 'vi') problems.push('html lang khác "vi"');
    if (document.querySelectorAll('h1').length !== 1) problems.push('số thẻ h1 khác 1');
    document.querySelectorAll('input:not([type=hidden]), select, textarea').forEach((el) => {
      const e = el as HTMLInputElement;
      const labelled =
        (e.id && document.querySelector(`label[for="${e.id}"]`)) ||
        e.getAttribute('aria-label') ||
        e.getAttribute('aria-labelledby') ||
        e.closest('label');
      if (!labelled)
        problems.push(`ô nhập không có nhãn: ${e.name || e.id || e.outerHTML.slice(0, 60)}`);
    });
    return problems;
  });
}
