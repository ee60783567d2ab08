import type { Page } from 'playwright-core';
import {
  accessibilityProblems,
  screenshot,
  signIn,
  startWebHarness,
  type WebHarness,
} from './browser-harness';

const text = async (page: Page, selector: string): Promise<string> =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** The value of the option whose label contains `part` (labels are units' full names). */
async function optionValue(page: Page, select: string, part: string): Promise<string> {
  const v = await page
    .locator(`${select} option`)
    .filter({ hasText: part })
    .first()
    .getAttribute('value');
  if (!v) throw new Error(`Không có lựa chọn "${part}" trong ${select}`);
  return v;
}

describe('Web: nominations, provincial stage, audit log and accounts (Chromium)', () => {
  let h: WebHarness;
  beforeAll(async () => {
    h = await startWebHarness({ seedMeeting: true });
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  it('shows an office user the provincial list of the 28/03/2024 meeting, the nominations and one nomination with its rule checks', async () => {
    const user = await h.account({ username: 'vanphong.tinh', role: 'OFFICE_STAFF' });
    const page = await (await h.context()).newPage();
    await signIn(page, user);

    // The provincial stage, by tier.
    await page.goto('/web/province?nam=2023');
    expect(await page.locator('h1').textContent()).toBe('Giai đoạn cấp tỉnh năm 2023');
    const tier = (code: string) => page.locator(`section[data-tier="${code}"]`);
    const units = async (code: string) =>
      (await tier(code).locator('tbody th[scope=row]').allTextContents()).map((s) => s.trim());
    expect(await tier('GOV_FLAG').locator('h2').textContent()).toMatch(/Cờ thi đua của Chính phủ/);
    expect(await units('GOV_FLAG')).toEqual([expect.stringMatching(/Hải Dương/)]);
    expect(await units('PROV_FLAG')).toEqual([expect.stringMatching(/Cẩm Giàng/)]);
    expect(await units('PROV_MERIT')).toEqual([
      expect.stringMatching(/Gia Lộc/),
      expect.stringMatching(/Kim Thành/),
    ]);
    expect(await tier('PROV_MERIT').locator('h2').textContent()).toMatch(/Bằng khen/);
    // The four proposals went up from the finalized meeting; the caps are shown.
    expect(await page.locator('tbody tr').filter({ hasText: 'khối đã đề nghị' }).count()).toBe(4);
    expect(await text(page, 'section[data-tier="GOV_FLAG"] p')).toMatch(/Trần toàn tỉnh: Tối đa/);
    expect(await page.getByRole('link', { name: 'Xem trước (HTML)' }).count()).toBe(2);
    expect(await page.locator('[data-busy] progress').count()).toBe(2);
    const preview = await page
      .getByRole('link', { name: 'Xem trước (HTML)' })
      .first()
      .getAttribute('href');
    const doc = await page.context().request.get(preview!);
    expect(doc.status()).toBe(200);
    expect(await doc.text()).toContain('Cẩm Giàng');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, '60-cap-tinh');

    // The year's nominations across the blocs.
    await page
      .getByRole('navigation', { name: 'Menu chính' })
      .getByText('Đề nghị khen thưởng')
      .click();
    await page.waitForURL(/\/web\/nominations/);
    expect(await text(page, '[data-total]')).toBe('4');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, '61-de-nghi-khen-thuong');

    // One nomination: Cẩm Giàng's provincial flag, with its acknowledged NOT_LEADER warning.
    await page
      .getByRole('link', { name: /Cẩm Giàng/ })
      .first()
      .click();
    await page.waitForURL(/\/web\/nominations\/\d+$/);
    expect(await text(page, '[data-status]')).toBe('khối đã đề nghị');
    const rule = (code: string) => page.locator(`tr[data-rule="${code}"]`);
    expect(await rule('NOT_LEADER').locator('.badge').first().textContent()).toContain('Cảnh báo');
    expect(await rule('NOT_LEADER').textContent()).toContain('không phải đơn vị dẫn đầu khối');
    expect(await rule('NOT_LEADER').textContent()).toContain('Đã xác nhận, lý do:');
    expect(await rule('NOT_LEADER').textContent()).toContain(
      'Luật Thi đua, khen thưởng số 06/2022/QH15',
    );
    expect(await rule('BLOC_QUOTA').locator('.badge').first().textContent()).toContain('Đạt');
    expect(await rule('UNIT_DISSOLVED').locator('.badge').first().textContent()).toContain('Đạt');
    expect(await page.locator('tr.rule-error').count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, '62-ho-so-de-nghi');
  }, 120_000);

  it('withdraws a proposal with its reason, and asks for a reason for the NOT_LEADER warning of a new one, keeping what was typed', async () => {
    const user = await h.account({ username: 'vanphong.hoso', role: 'OFFICE_STAFF' });
    const page = await (await h.context()).newPage();
    page.on('dialog', (d) => void d.accept());
    await signIn(page, user);
    await page.goto('/web/nominations?nam=2023');
    await page
      .getByRole('link', { name: /Cẩm Giàng/ })
      .first()
      .click();
    await page.waitForURL(/\/web\/nominations\/\d+$/);
    const nominationUrl = page.url();

    // Withdrawing needs a reason: refused without one, the message is next to the field.
    const withdraw = page
      .locator('form.transition')
      .filter({ has: page.locator('input[value="WITHDRAWN"]') });
    await withdraw.getByRole('button', { name: 'Rút hồ sơ' }).click();
    await page.waitForLoadState();
    expect(await text(page, '#f-reason_WITHDRAWN-err')).toBe('Bước này phải ghi lý do.');
    expect(await text(page, '[data-status]')).toBe('khối đã đề nghị');
    await page.getByLabel('Lý do (Rút hồ sơ)').fill('Khối đề nghị lại sau khi rà soát hồ sơ.');
    await page.getByRole('button', { name: 'Rút hồ sơ' }).click();
    await page.waitForURL((u) => u.href.startsWith(nominationUrl) && u.search.includes('tb=saved'));
    expect(await text(page, '[data-status]')).toBe('đã rút');

    // A new nomination for the same unit and tier: the NOT_LEADER warning needs a reason.
    await page
      .getByRole('link', { name: /Khối thi đua/ })
      .first()
      .click();
    await page.waitForURL(/\/web\/blocs\/\d+\/terms\/2023\/nominations/);
    expect(await page.locator('table.suggestions tbody tr').count()).toBeGreaterThan(0);
    expect(
      await page.locator('table.nominations tbody tr').filter({ hasText: 'đã rút' }).textContent(),
    ).toContain('hồ sơ đã kết thúc');
    await page.selectOption('#f-unitId', await optionValue(page, '#f-unitId', 'Cẩm Giàng'));
    await page.selectOption(
      '#f-tierId',
      await optionValue(page, '#f-tierId', 'Cờ thi đua của Ủy ban'),
    );
    const summary = 'Xếp thứ hai trong Khối năm 2023; đề nghị lại sau rà soát.';
    await page.getByLabel('Tóm tắt thành tích').fill(summary);
    await page.getByLabel('Ngày xét').fill('01/01/2024');
    await page.getByRole('button', { name: 'Tạo hồ sơ' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.form-message').first().getAttribute('data-code')).toBe(
      'WARNING_NOT_ACKNOWLEDGED',
    );
    const ack = page.getByLabel('Lý do xác nhận cảnh báo «Đơn vị không dẫn đầu khối»');
    expect(await ack.getAttribute('aria-invalid')).toBe('true');
    expect(await text(page, '#new-ack_NOT_LEADER-err')).toBe(
      'Vui lòng ghi lý do để xác nhận cảnh báo này.',
    );
    expect(await text(page, '.acks .warning-box')).toContain('không phải đơn vị dẫn đầu khối');
    expect(await page.getByLabel('Tóm tắt thành tích').inputValue()).toBe(summary);
    expect(await page.getByLabel('Ngày xét').inputValue()).toBe('01/01/2024');
    expect(await page.locator('#f-unitId option:checked').textContent()).toContain('Cẩm Giàng');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, '63-xac-nhan-canh-bao');

    // A blank reason is no reason: still refused, still kept.
    await ack.fill('   ');
    await page.getByRole('button', { name: 'Tạo hồ sơ' }).click();
    await page.waitForLoadState();
    expect(await text(page, '#new-ack_NOT_LEADER-err')).toBe(
      'Vui lòng ghi lý do để xác nhận cảnh báo này.',
    );
    expect(await page.getByLabel('Tóm tắt thành tích').inputValue()).toBe(summary);

    const reason = 'Đơn vị dẫn đầu được đề nghị Cờ thi đua của Chính phủ.';
    await page.getByLabel('Lý do xác nhận cảnh báo «Đơn vị không dẫn đầu khối»').fill(reason);
    await page.getByRole('button', { name: 'Tạo hồ sơ' }).click();
    await page.waitForURL(/\/web\/nominations\/\d+\?tb=created/);
    expect(page.url()).not.toBe(nominationUrl);
    expect(await text(page, '[data-status]')).toBe('dự thảo');
    expect(await page.locator('tr[data-rule="NOT_LEADER"]').textContent()).toContain(
      `Đã xác nhận, lý do: ${reason}`,
    );
    expect(await page.locator('dd').filter({ hasText: summary }).count()).toBe(1);
  }, 120_000);

  it('sends a proposal to the province, records the council vote (a refused count first) and the decision', async () => {
    const user = await h.account({ username: 'vanphong.hoidong', role: 'OFFICE_STAFF' });
    const page = await (await h.context()).newPage();
    page.on('dialog', (d) => void d.accept());
    await signIn(page, user);
    await page.goto('/web/province?nam=2023');
    await page
      .locator('section[data-tier="PROV_MERIT"] tbody tr')
      .filter({ hasText: 'Gia Lộc' })
      .getByRole('link', { name: /Gia Lộc/ })
      .click();
    await page.waitForURL(/\/web\/nominations\/\d+$/);
    await page.getByRole('button', { name: 'Gửi lên tỉnh' }).click();
    await page.waitForURL(/tb=saved/);
    expect(await text(page, '[data-status]')).toBe('đã gửi tỉnh');

    // A count that is not a number, then more valid ballots than members present: refused, kept.
    await page.getByLabel('Tổng số thành viên Hội đồng').fill('15');
    await page.getByLabel('Số thành viên có mặt').fill('14');
    await page.getByLabel('Số phiếu hợp lệ').fill('15');
    await page.getByLabel('Số phiếu đồng ý').fill('mười hai');
    await page.getByLabel('Ngày họp Hội đồng').fill('02/04/2024');
    await page.getByRole('button', { name: 'Ghi kết quả biểu quyết' }).click();
    await page.waitForLoadState();
    expect(await text(page, '#f-agree-err')).toBe('Trường này phải là số nguyên.');
    expect(await page.getByLabel('Số phiếu đồng ý').inputValue()).toBe('mười hai');
    expect(await page.getByLabel('Ngày họp Hội đồng').inputValue()).toBe('02/04/2024');
    await page.getByLabel('Số phiếu đồng ý').fill('12');
    await page.getByRole('button', { name: 'Ghi kết quả biểu quyết' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.form-message').first().getAttribute('data-code')).toBe(
      'COUNCIL_COUNTS_INVALID',
    );
    expect(await text(page, '[data-status]')).toBe('đã gửi tỉnh');
    await page.getByLabel('Số phiếu hợp lệ').fill('14');
    await page.getByRole('button', { name: 'Ghi kết quả biểu quyết' }).click();
    await page.waitForURL(/tb=saved/);
    expect(await text(page, '[data-status]')).toBe('Hội đồng TĐKT tỉnh thông qua');

    await page.getByLabel('Số quyết định').fill('512/QĐ-UBND');
    await page.getByLabel('Ngày quyết định').fill('10/04/2024');
    await page.getByLabel('Người ký quyết định').fill('Chủ tịch UBND tỉnh Hải Dương');
    await page.getByRole('button', { name: 'Ghi quyết định' }).click();
    await page.waitForURL(/tb=saved/);
    expect(await text(page, '[data-status]')).toBe('đã có quyết định khen thưởng');
    await page.goto('/web/province?nam=2023');
    const gl = page
      .locator('section[data-tier="PROV_MERIT"] tbody tr')
      .filter({ hasText: 'Gia Lộc' });
    expect(await gl.textContent()).toContain('12/15 đồng ý, 02/04/2024');
    expect(await gl.textContent()).toContain('Số 512/QĐ-UBND ngày 10/04/2024');
  }, 120_000);

  it('lets an administrator create an account (a weak password first), shows it in the audit log; a bloc secretary reaches neither page', async () => {
    const admin = await h.account({ username: 'quantri.web', role: 'OFFICE_ADMIN' });
    const page = await (await h.context()).newPage();
    await signIn(page, admin);
    const nav = page.getByRole('navigation', { name: 'Menu chính' });
    await nav.getByText('Tài khoản').click();
    await page.waitForURL(/\/web\/users$/);
    const before = await page.locator('table.users tbody tr').count();

    await page.getByLabel('Tên đăng nhập').fill('thuky.khoimoi');
    await page.getByLabel('Họ tên').fill('Nguyễn Thị Thư Ký');
    await page.selectOption('#f-role', 'BLOC_SECRETARY');
    const blocBox = page.locator('#f-blocIds input[type=checkbox]').first();
    await blocBox.check();
    const blocId = await blocBox.getAttribute('value');
    await page.getByLabel('Mật khẩu').fill('ngan');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.waitForLoadState();
    expect(await page.getByLabel('Mật khẩu').getAttribute('aria-invalid')).toBe('true');
    expect(await text(page, '#f-password-err')).toBe(
      'Mật khẩu phải có ít nhất 10 ký tự và không trùng tên đăng nhập.',
    );
    expect(await page.getByLabel('Mật khẩu').inputValue()).toBe('');
    expect(await page.getByLabel('Tên đăng nhập').inputValue()).toBe('thuky.khoimoi');
    expect(await page.getByLabel('Họ tên').inputValue()).toBe('Nguyễn Thị Thư Ký');
    expect(await page.locator('#f-role').inputValue()).toBe('BLOC_SECRETARY');
    expect(await page.locator(`#f-blocIds input[value="${blocId}"]`).isChecked()).toBe(true);
    expect(await page.locator('table.users tbody tr').count()).toBe(before);
    expect(await accessibilityProblems(page)).toEqual([]);

    // Long enough but containing the user name: the service's rule, next to the field too.
    await page.getByLabel('Mật khẩu').fill('thuky.khoimoi-2024');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.waitForLoadState();
    expect(await text(page, '#f-password-err')).toBe(
      'Mật khẩu phải có ít nhất 10 ký tự và không trùng tên đăng nhập.',
    );
    expect(await page.getByLabel('Họ tên').inputValue()).toBe('Nguyễn Thị Thư Ký');

    const password = 'mat-khau-thu-ky-moi-2024';
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.waitForURL(/\/web\/users\?tb=created/);
    expect(await page.locator('table.users tbody tr').count()).toBe(before + 1);
    const row = page.locator('table.users tbody tr').filter({ hasText: 'thuky.khoimoi' });
    expect(await row.textContent()).toContain('Thư ký khối/cụm thi đua');
    expect(await row.textContent()).toMatch(/Khối/);
    await screenshot(page, '64-tai-khoan');

    // The audit log shows the creation, by whom, and the chain holds.
    await nav.getByText('Nhật ký').click();
    await page.waitForURL(/\/web\/audit/);
    await page.getByLabel('Loại bản ghi').fill('user');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/entityType=user/);
    const created = page
      .locator('tr[data-action="user.create"]')
      .filter({ hasText: 'thuky.khoimoi' });
    expect(await created.count()).toBe(1);
    expect(await created.textContent()).toContain('quantri.web');
    expect(await created.textContent()).toContain('Tạo tài khoản');
    expect(await created.textContent()).not.toContain(password);
    expect(await page.locator('[data-chain]').count()).toBe(0);
    await page.getByRole('link', { name: 'Kiểm tra chuỗi băm của toàn bộ nhật ký' }).click();
    await page.waitForURL(/kiemtra=1/);
    expect(await page.locator('[data-chain]').getAttribute('data-chain')).toBe('ok');
    await page.goBack();
    expect(await page.getByRole('link', { name: /Tải CSV/ }).getAttribute('href')).toBe(
      '/api/audit/export.csv?entityType=user',
    );
    const csv = await page.context().request.get('/api/audit/export.csv?entityType=user');
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('thuky.khoimoi');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, '65-nhat-ky');

    // A date that is not one: the message next to the filter, in Vietnamese.
    await page.goto('/web/audit?from=32/13/2024');
    expect(await page.getByLabel('Từ ngày').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Từ ngày').inputValue()).toBe('32/13/2024');

    // The new secretary: neither menu entry, and the 403 page on both.
    const sec = await (await h.context()).newPage();
    await signIn(sec, 'thuky.khoimoi', password);
    const menu = await sec.getByRole('navigation', { name: 'Menu chính' }).textContent();
    // The province-wide list is not theirs; their bloc's nominations are reached from the bloc.
    expect(menu).not.toContain('Đề nghị khen thưởng');
    expect(menu).not.toContain('Tài khoản');
    expect(menu).not.toContain('Nhật ký');
    expect(menu).not.toContain('Cấp tỉnh');
    for (const path of ['/web/users', '/web/audit', '/web/province']) {
      const res = await sec.goto(path);
      expect({ path, status: res?.status() }).toEqual({ path, status: 403 });
      expect(await sec.locator('h1').textContent()).toBe('Không có quyền truy cập');
    }

    // The administrator edits the account: a unit representative needs a unit (next to the field),
    // then the account is disabled and the secretary's session ends.
    await page.goto('/web/users');
    await page.getByRole('link', { name: 'Sửa tài khoản thuky.khoimoi' }).click();
    await page.waitForURL(/\/web\/users\/\d+$/);
    await page.getByLabel('Họ tên').fill('Nguyễn Thị Thư Ký (đổi)');
    await page.selectOption('#f-role', 'UNIT_REP');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForLoadState();
    expect(await text(page, '#f-unitId-err')).toContain('đại diện đơn vị cần đúng một đơn vị');
    expect(await page.getByLabel('Họ tên').inputValue()).toBe('Nguyễn Thị Thư Ký (đổi)');
    expect(await page.locator('#f-role').inputValue()).toBe('UNIT_REP');
    await page.selectOption('#f-role', 'BLOC_SECRETARY');
    await page.locator('#f-active').uncheck();
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/tb=saved/);
    expect(await page.locator('#f-active').isChecked()).toBe(false);
    await page.goto('/web/users');
    expect(
      await page.locator('table.users tbody tr').filter({ hasText: 'thuky.khoimoi' }).textContent(),
    ).toContain('Đã khoá');
    await sec.goto('/web');
    await sec.waitForURL(/\/web\/login/);
  }, 120_000);
});
