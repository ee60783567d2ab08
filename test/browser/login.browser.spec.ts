import {
  accessibilityProblems,
  screenshot,
  signIn,
  startWebHarness,
  type WebHarness,
} from './browser-harness';

describe('Web: sign-in, layout and errors (Chromium)', () => {
  let h: WebHarness;
  beforeAll(async () => {
    h = await startWebHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('sends an anonymous visitor to the login page, keeps the typed name on a wrong password, then signs in', async () => {
    const user = await h.account({ username: 'vanphong.web', role: 'OFFICE_STAFF' });
    const page = await (await h.context()).newPage();
    await page.goto('/');
    await page.waitForURL(/\/web\/login\?next=/);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, '01-dang-nhap');

    await page.getByLabel('Tên đăng nhập').fill(user);
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau-roi');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const alert = page.getByRole('alert');
    await expect(alert.textContent()).resolves.toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    await expect(alert.textContent()).resolves.not.toContain('AUTH_INVALID_CREDENTIALS');
    expect(await alert.getAttribute('data-code')).toBe('AUTH_INVALID_CREDENTIALS');
    expect(await page.getByLabel('Tên đăng nhập').inputValue()).toBe(user);
    expect(await page.getByLabel('Mật khẩu').inputValue()).toBe('');
    // The message takes the focus, so a screen reader reads it out.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');

    await signIn(page, user);
    expect(new URL(page.url()).pathname).toBe('/web');
    expect(await page.locator('h1').textContent()).toMatch(/^Tổng quan năm 2023$/);
    expect(await page.getByRole('navigation', { name: 'Menu chính' }).textContent()).toContain(
      'Khối, cụm thi đua',
    );
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, '02-tong-quan');

    // An unknown page: Vietnamese error page (its code kept out of sight), not a stack trace.
    const res = await page.goto('/web/khong-co-trang-nay');
    expect(res?.status()).toBe(404);
    expect(await page.locator('main').textContent()).not.toContain('ROUTE_NOT_FOUND');
    expect(await page.locator('[data-code]').getAttribute('data-code')).toBe('ROUTE_NOT_FOUND');

    // Sign out: the session is gone, pages lead to the login again.
    await page.goto('/web');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/web\/login/);
    expect(await page.getByRole('status').textContent()).toContain('Đã đăng xuất');
    await page.goto('/web');
    await page.waitForURL(/\/web\/login\?next=%2Fweb/);
  });

  it('refuses a form post without the session token (CSRF) and a redirect to another site after sign-in', async () => {
    const user = await h.account({ username: 'vanphong.csrf', role: 'OFFICE_STAFF' });
    const ctx = await h.context();
    const page = await ctx.newPage();
    await signIn(page, user);
    const r = await ctx.request.post('/web/logout', { form: { _csrf: 'gia-mao' } });
    expect(r.status()).toBe(403);
    expect(await r.text()).toContain('CSRF_REJECTED');
    await page.goto(`/web/login?next=${encodeURIComponent('https://vi-du.invalid/')}`);
    await page.getByLabel('Tên đăng nhập').fill(user);
    await page.getByLabel('Mật khẩu').fill('mat-khau-trinh-duyet-2024');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((u) => u.pathname === '/web');
  });
});
