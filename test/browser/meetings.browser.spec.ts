import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import {
  accessibilityProblems,
  screenshot,
  signIn,
  startWebHarness,
  type WebHarness,
} from './browser-harness';

/**
 * The secretary records the Hải Dương 2023 meeting (28/03/2024) through the pages, as
 * test/e2e/meeting.e2e.spec.ts does through the API: the meeting, the roll (7/12 refused, then
 * 12/12), three ballots, double entry with one mismatch corrected by its author, the results of
 * the seed article, finalisation, the documents and the minutes downloaded.
 */
describe('Web: the secretary records the Hải Dương 2023 meeting (Chromium)', () => {
  let h: WebHarness;
  let blocId: number;
  let secretary: Page;
  let counter: Page;
  let meetingUrl: string;
  const ballotUrls: Record<string, string> = {};

  beforeAll(async () => {
    h = await startWebHarness({ seedMeeting: false });
    blocId = (await h.t.http().get('/api/blocs').expect(200)).body.items[0].id;
    // The nominations (drafts) the ballots are made of: another area's pages, set up by the API.
    const units = (await h.t.http().get('/api/units?pageSize=100').expect(200)).body.items as {
      id: number;
      shortName: string;
    }[];
    const tiers = (await h.t.http().get('/api/award-tiers').expect(200)).body as {
      id: number;
      code: string;
    }[];
    const nominate = (name: string, code: string, acks?: unknown[]) =>
      h.t
        .http()
        .post(`/api/blocs/${blocId}/terms/2023/nominations`)
        .send({
          unitId: units.find((u) => u.shortName === name)!.id,
          tierId: tiers.find((t) => t.code === code)!.id,
          achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ năm 2023.',
          acknowledgements: acks,
        })
        .expect(201);
    await nominate('Hải Dương', 'GOV_FLAG');
    await nominate('Cẩm Giàng', 'PROV_FLAG', [
      { code: 'NOT_LEADER', reason: 'Đơn vị dẫn đầu được đề nghị Cờ thi đua của Chính phủ' },
    ]);
    await nominate('Gia Lộc', 'PROV_MERIT');
    await nominate('Kim Thành', 'PROV_MERIT');
    const s = await h.account({
      username: 'thuky.khoi',
      role: 'BLOC_SECRETARY',
      blocIds: [blocId],
    });
    const c = await h.account({ username: 'kiemphieu', role: 'BLOC_SECRETARY', blocIds: [blocId] });
    secretary = await (await h.context()).newPage();
    secretary.on('dialog', (d) => void d.accept());
    await signIn(secretary, s);
    counter = await (await h.context({ tablet: true })).newPage();
    counter.on('dialog', (d) => void d.accept());
    await signIn(counter, c);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  const text = async (page: Page, selector: string) =>
    ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const submit = async (page: Page, name: string | RegExp) => {
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name }).first().click(),
    ]);
  };

  const chooseTier = async (page: Page, name: string) => {
    const value = await page.locator('#f-tierId option', { hasText: name }).getAttribute('value');
    await page.locator('#f-tierId').selectOption(value);
  };

  /** Types one ballot's counts: totals, then each nominee's agree / disagree / no opinion. */
  async function typeCounts(
    page: Page,
    totals: [number | string, number | string, number | string, number | string],
    lines: Record<string, [number | string, number | string, number | string]>,
  ) {
    const names = [
      'Số phiếu phát ra',
      'Số phiếu thu về',
      'Số phiếu hợp lệ',
      'Số phiếu không hợp lệ',
    ];
    for (let i = 0; i < 4; i++)
      await page.getByLabel(names[i]!, { exact: true }).fill(String(totals[i]));
    for (const [unit, [a, d, n]] of Object.entries(lines)) {
      await page.getByLabel(new RegExp(`${unit}: Tán thành$`)).fill(String(a));
      await page.getByLabel(new RegExp(`${unit}: Không tán thành$`)).fill(String(d));
      await page.getByLabel(new RegExp(`${unit}: Không có ý kiến$`)).fill(String(n));
    }
  }

  it('creates the meeting, keeping what was typed when a field is wrong', async () => {
    const page = secretary;
    await page.goto(`/web/blocs/${blocId}/terms/2023/meetings`);
    expect(await page.locator('h1').textContent()).toBe('Hội nghị bình xét năm 2023');
    expect(await text(page, 'table')).toContain('Chưa có hội nghị nào');
    await page.getByLabel('Ngày họp').fill('28/03/2024');
    await page.getByLabel('Giờ bắt đầu').fill('8 giờ');
    await page.getByLabel('Địa điểm').fill('Hội trường UBND thành phố Hải Dương');
    await page.getByLabel(/^Người chủ trì/).fill('(ghi họ tên chủ trì)');
    await page.getByLabel('Chức vụ người chủ trì').fill('Trưởng Khối thi đua');
    await page.getByLabel('Thư ký hội nghị').fill('(ghi họ tên thư ký)');
    await page.getByLabel('Trưởng ban kiểm phiếu').fill('(ghi họ tên trưởng ban)');
    await page
      .getByLabel('Khách mời')
      .fill('Đồng chí Nguyễn Minh Hùng, Phó Chủ tịch UBND tỉnh Hải Dương');
    await page
      .getByLabel('Chương trình hội nghị')
      .fill(
        'Báo cáo tổng kết công tác thi đua, khen thưởng năm 2023 của Khối\nBình xét, suy tôn đơn vị đề nghị khen thưởng (bỏ phiếu kín)',
      );
    await submit(page, 'Tạo hội nghị');
    // Refused: the message is next to the time field, in Vietnamese, and everything typed is kept.
    expect(await page.locator('[role=alert]').getAttribute('data-code')).toBe('VALIDATION_FAILED');
    expect(await text(page, '[role=alert]')).not.toContain('VALIDATION_FAILED');
    expect(await text(page, '#f-startTime-err')).toMatch(/^Trường này /);
    expect(await page.getByLabel('Giờ bắt đầu').inputValue()).toBe('8 giờ');
    expect(await page.getByLabel('Ngày họp').inputValue()).toBe('28/03/2024');
    expect(await page.getByLabel('Khách mời').inputValue()).toContain('Nguyễn Minh Hùng');
    expect(await page.locator('#f-place-err').count()).toBe(0);

    await page.getByLabel('Giờ bắt đầu').fill('08:00');
    await submit(page, 'Tạo hội nghị');
    expect(page.url()).toMatch(/\/web\/meetings\/\d+\?tb=created$/);
    meetingUrl = new URL(page.url()).pathname;
    expect(await page.locator('h1').textContent()).toBe('Hội nghị bình xét ngày 28/03/2024');
    expect(await text(page, '.facts')).toContain('28/03/2024, từ 08:00');
    expect(await text(page, '.facts')).toContain('Nguyễn Minh Hùng');
    expect(await text(page, '[data-meeting-status]')).toBe('chuẩn bị');
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('records the roll: 7 of 12 cannot open a ballot (coded refusal), 12 of 12 reach the quorum', async () => {
    const page = secretary;
    const rows = page.locator('table.attendance tbody tr');
    expect(await rows.count()).toBe(12);
    // Five units absent: the indicator follows the ticks before anything is saved.
    for (let i = 7; i < 12; i++) {
      const row = rows.nth(i);
      await row.getByRole('radio', { name: 'Vắng mặt' }).check();
      await row.getByRole('textbox', { name: /lý do vắng mặt/ }).fill('Bận công tác');
    }
    const quorum = page.locator('#quorum');
    expect(await quorum.getAttribute('aria-live')).toBe('polite');
    expect(await text(page, '#quorum')).toContain('có mặt 7/12, cần tối thiểu 8');
    expect(await text(page, '#quorum')).toContain('Chưa đủ số thành viên tối thiểu');
    // A refused submission (a delegate's name over 300 characters) keeps the ticked written
    // ballot (stored: not ticked) and shows the message next to the field.
    const written = rows.nth(8).getByRole('checkbox', { name: /gửi phiếu bằng văn bản/ });
    await written.check();
    const delegate = rows.first().getByRole('textbox', { name: /đại biểu dự họp/ });
    await delegate.fill('x'.repeat(301));
    await submit(page, 'Lưu điểm danh');
    expect(await text(page, '[role=alert]')).toContain('Chưa lưu');
    expect(await page.locator('table.attendance .field-error').count()).toBe(1);
    expect(await rows.first().locator('.field-error').count()).toBe(1);
    expect(await written.isChecked()).toBe(true);
    expect(
      await rows
        .nth(9)
        .getByRole('checkbox', { name: /gửi phiếu/ })
        .isChecked(),
    ).toBe(false);
    expect(await rows.nth(8).getByRole('radio', { name: 'Vắng mặt' }).isChecked()).toBe(true);
    await delegate.fill('');
    await written.uncheck();
    await submit(page, 'Lưu điểm danh');
    expect(await text(page, '.notice')).toBe('Đã lưu.');
    expect(await text(page, '#quorum')).toContain(
      'Có mặt 7/12 đơn vị; cần tối thiểu 8 (≥ 2/3) — không đủ điều kiện.',
    );
    await submit(page, /Khai mạc hội nghị/);
    expect(await text(page, '[data-meeting-status]')).toBe('đã điểm danh');
    await chooseTier(page, 'Cờ thi đua của Chính phủ');
    await submit(page, 'Thêm phiếu bầu');
    expect(await text(page, 'tr[data-ballot="GOV_FLAG"]')).toContain('Hải Dương');
    await submit(page, /Mở phiếu Cờ thi đua của Chính phủ/);
    expect(await page.locator('[role=alert]').first().getAttribute('data-code')).toBe(
      'BALLOT_NO_QUORUM',
    );
    expect(await text(page, '[role=alert]')).toContain('cần tối thiểu 8');
    expect(await text(page, 'tr[data-ballot="GOV_FLAG"]')).toContain('chưa mở');

    // Everyone arrives.
    for (let i = 7; i < 12; i++) {
      const row = rows.nth(i);
      await row.getByRole('radio', { name: 'Có mặt' }).check();
      await row.getByRole('textbox', { name: /lý do vắng mặt/ }).fill('');
    }
    await rows
      .first()
      .getByRole('textbox', { name: /đại biểu dự họp/ })
      .fill('Đại diện lãnh đạo UBND thành phố');
    expect(await text(page, '#quorum')).toContain('có mặt 12/12');
    await submit(page, 'Lưu điểm danh');
    expect(await text(page, '#quorum')).toContain(
      'Có mặt 12/12 đơn vị; cần tối thiểu 8 (≥ 2/3) — đủ điều kiện.',
    );
    expect(await text(page, '#quorum')).toContain('Đủ số thành viên tối thiểu');
    expect(
      await rows
        .first()
        .getByRole('textbox', { name: /đại biểu dự họp/ })
        .inputValue(),
    ).toBe('Đại diện lãnh đạo UBND thành phố');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, '20-hoi-nghi-diem-danh');
  });

  it('creates and opens the three ballots', async () => {
    const page = secretary;
    await chooseTier(page, 'Cờ thi đua của Ủy ban nhân dân tỉnh');
    await submit(page, 'Thêm phiếu bầu');
    await chooseTier(page, 'Bằng khen');
    await page.getByLabel('Số lượng được chọn').fill('2');
    await submit(page, 'Thêm phiếu bầu');
    for (const tier of [
      'Cờ thi đua của Chính phủ',
      'Cờ thi đua của Ủy ban nhân dân tỉnh',
      'Bằng khen',
    ])
      await submit(page, new RegExp(`Mở phiếu ${tier}`));
    expect(await text(page, '[data-meeting-status]')).toBe('đang bỏ phiếu');
    for (const code of ['GOV_FLAG', 'PROV_FLAG', 'PROV_MERIT']) {
      const row = page.locator(`tr[data-ballot="${code}"]`);
      expect(await text(page, `tr[data-ballot="${code}"]`)).toContain(
        'đang nhập kết quả kiểm phiếu',
      );
      ballotUrls[code] = (await row.getByRole('link').getAttribute('href'))!;
    }
    expect(await text(page, 'tr[data-ballot="PROV_MERIT"]')).toContain('Gia Lộc, Kim Thành');
  });

  it('enters the counts with running sums and the coded checks; letters are refused next to the field', async () => {
    const page = secretary;
    await page.goto(ballotUrls.GOV_FLAG!);
    expect(await page.locator('h1').textContent()).toBe('Phiếu bầu: Cờ thi đua của Chính phủ');
    // Without JS the live checks' list is hidden; the script shows it. The invalid-ballot limit
    // comes from the server (the domain's 1/10).
    const raw = await (await page.context().request.get(ballotUrls.GOV_FLAG!)).text();
    expect(raw).toContain('<ul data-check-list hidden>');
    expect(raw).toContain('data-invalid-num="1" data-invalid-den="10" data-invalid-text="10 %"');
    expect(await page.locator('[data-check-list]').isVisible()).toBe(true);
    // As the secretary types: the running sum and the failed check show before any submission.
    await typeCounts(page, [12, 12, 11, 0], { 'Hải Dương': [12, 0, 0] });
    expect(await text(page, '[data-line-sum="HD-TPHD"]')).toBe('12');
    expect(await text(page, '[data-check-list]')).toContain(
      'Sai: Hợp lệ (11) + không hợp lệ (0) = 11, khác số phiếu thu về (12)',
    );
    expect(await text(page, '[data-live-for="valid"]')).toContain('khác số phiếu thu về');
    // The server's coded check is authoritative: 422, shown next to the field, values kept.
    await submit(page, 'Lưu lần nhập 1');
    expect(await page.locator('[role=alert]').first().getAttribute('data-code')).toBe(
      'BALLOT_COUNTS_INVALID',
    );
    expect(await text(page, '#c-valid-err')).toContain(
      'Số phiếu hợp lệ (11) + không hợp lệ (0) = 11, khác số phiếu thu về (12)',
    );
    expect(await page.getByLabel('Số phiếu hợp lệ', { exact: true }).inputValue()).toBe('11');

    // Letters in a count: Vietnamese message next to that field, everything typed kept.
    await page.getByLabel('Số phiếu hợp lệ', { exact: true }).fill('12');
    await page.getByLabel(/Hải Dương: Tán thành$/).fill('12a');
    expect(await text(page, '[data-live-for="nominees[HD-TPHD].agree"]')).toBe(
      'Phải là số nguyên không âm.',
    );
    await submit(page, 'Lưu lần nhập 1');
    expect(await page.locator('[role=alert]').getAttribute('data-code')).toBe('VALIDATION_FAILED');
    expect(await text(page, '[role=alert]')).not.toContain('VALIDATION_FAILED');
    expect(await text(page, '#c-HD-TPHD-agree-err')).toBe('Trường này phải là số nguyên.');
    expect(await page.getByLabel(/Hải Dương: Tán thành$/).inputValue()).toBe('12a');
    expect(await page.getByLabel('Số phiếu hợp lệ', { exact: true }).inputValue()).toBe('12');
    expect(await page.getByLabel('Số phiếu phát ra', { exact: true }).inputValue()).toBe('12');
    expect(await page.locator('#c-valid-err').count()).toBe(0);
    await screenshot(page, '21-hoi-nghi-loi-nhap-so');

    // A warning (fewer ballots issued than members present) needs a reason before it is saved.
    await typeCounts(page, [11, 11, 11, 0], { 'Hải Dương': [11, 0, 0] });
    expect(await text(page, '[data-check-list]')).toContain(
      'Cảnh báo: số phiếu phát ra (11) ít hơn số có mặt (12)',
    );
    await submit(page, 'Lưu lần nhập 1');
    expect(await page.locator('[role=alert]').first().getAttribute('data-code')).toBe(
      'WARNING_NOT_ACKNOWLEDGED',
    );
    const ack = page.getByLabel('Lý do chấp nhận cảnh báo COUNT_ISSUED_LT_PRESENT');
    expect(await ack.inputValue()).toBe('');
    expect(await text(page, '#ack-COUNT_ISSUED_LT_PRESENT-hint')).toContain(
      'Số phiếu phát ra (11) ít hơn số thành viên có mặt (12)',
    );
    expect(await page.getByLabel('Số phiếu phát ra', { exact: true }).inputValue()).toBe('11');
    expect(await accessibilityProblems(page)).toEqual([]);

    // The invalid-ballot share: 1/12 is within the limit, 2/12 is above it (a warning).
    await typeCounts(page, [12, 12, 11, 1], { 'Hải Dương': [11, 0, 0] });
    expect(await text(page, '[data-check-list]')).not.toContain('tỷ lệ phiếu không hợp lệ');
    await typeCounts(page, [12, 12, 10, 2], { 'Hải Dương': [10, 0, 0] });
    expect(await text(page, '[data-check-list]')).toContain(
      'Cảnh báo: tỷ lệ phiếu không hợp lệ 2/12 vượt 10 %; cần ghi lý do',
    );

    // The paper says 12: the secretary types the real counts (the empty reason is not sent).
    await typeCounts(page, [12, 12, 12, 0], { 'Hải Dương': [12, 0, 0] });
    await submit(page, 'Lưu lần nhập 1');
    expect(await text(page, '.notice')).toBe('Đã ghi số phiếu.');
    expect(await text(page, 'main')).toContain('Bạn đã nhập lần 1');

    await page.goto(ballotUrls.PROV_FLAG!);
    await typeCounts(page, [12, 12, 12, 0], { 'Cẩm Giàng': [11, 1, 0] });
    await submit(page, 'Lưu lần nhập 1');
    expect(await text(page, '.notice')).toBe('Đã ghi số phiếu.');

    await page.goto(ballotUrls.PROV_MERIT!);
    await typeCounts(page, [12, 12, 12, 0], { 'Gia Lộc': [10, 2, 0], 'Kim Thành': [9, 2, 1] });
    expect(await text(page, '[data-line-sum="HD-GL"]')).toBe('12');
    expect(await text(page, '[data-line-sum="HD-KT"]')).toBe('12');
    expect(await text(page, '[data-check-list]')).toContain(
      'Đúng: Tổng tán thành (19) không vượt hợp lệ × số lượng được chọn (12 × 2 = 24)',
    );
    expect(await text(page, '[data-check-list]')).not.toContain('Sai:');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, '22-hoi-nghi-nhap-phieu');
    await submit(page, 'Lưu lần nhập 1');
    expect(await text(page, '.notice')).toBe('Đã ghi số phiếu.');
  });

  it('takes the second entries from another user; a mismatch is compared field by field and corrected by its author', async () => {
    const page = counter;
    await page.goto(ballotUrls.GOV_FLAG!);
    // The second entry does not see the first one's numbers.
    expect(await page.getByLabel('Số phiếu phát ra', { exact: true }).inputValue()).toBe('');
    expect(await text(page, 'main')).toContain('Lần nhập thứ hai độc lập');
    await typeCounts(page, [12, 12, 12, 0], { 'Hải Dương': [12, 0, 0] });
    await submit(page, 'Lưu lần nhập 2');
    expect(await text(page, '[data-ballot-status]')).toBe('đã có kết quả');
    expect(await text(page, '[data-winners]')).toMatch(/Hải Dương/);

    await page.goto(ballotUrls.PROV_FLAG!);
    await typeCounts(page, [12, 12, 12, 0], { 'Cẩm Giàng': [10, 2, 0] });
    await submit(page, 'Lưu lần nhập 2');
    expect(await text(page, '[data-ballot-status]')).toBe('đang nhập kết quả kiểm phiếu');
    const cmp = page.locator('table.comparison tbody tr');
    expect(await cmp.count()).toBe(2);
    expect(await text(page, 'table.comparison thead')).toContain('Lần 1 (thuky.khoi)');
    expect(await text(page, 'table.comparison thead')).toContain('Lần 2 (kiemphieu)');
    const cells = async (i: number) =>
      (await cmp.nth(i).locator('th, td').allTextContents()).map((c) => c.trim());
    expect(await cells(0)).toEqual(['huyện Cẩm Giàng: tán thành', '11', '10']);
    expect(await cells(1)).toEqual(['huyện Cẩm Giàng: không tán thành', '1', '2']);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, '23-hoi-nghi-so-sanh-hai-lan-nhap');

    // The secretary sees the same comparison; the counter typed wrong and corrects entry 2.
    await secretary.goto(ballotUrls.PROV_FLAG!);
    expect(await secretary.locator('table.comparison tbody tr').count()).toBe(2);
    expect(await text(page, '#h-entry')).toBe('Sửa lần nhập thứ 2 của bạn');
    expect(await text(page, '#c-HD-CG-agree-diff')).toBe('Lệch: lần 1 ghi 11, lần 2 ghi 10');
    await typeCounts(page, [12, 12, 12, 0], { 'Cẩm Giàng': [11, 1, 0] });
    await submit(page, 'Lưu bản sửa');
    expect(await text(page, '[data-ballot-status]')).toBe('đã có kết quả');
    expect(await page.locator('table.comparison').count()).toBe(0);

    await page.goto(ballotUrls.PROV_MERIT!);
    await typeCounts(page, [12, 12, 12, 0], { 'Gia Lộc': [10, 2, 0], 'Kim Thành': [9, 2, 1] });
    await submit(page, 'Lưu lần nhập 2');
    expect(await text(page, '[data-ballot-status]')).toBe('đã có kết quả');
  });

  it("shows the results with their arithmetic: the seed article's outcome", async () => {
    const page = secretary;
    await page.goto(ballotUrls.PROV_FLAG!);
    const line = await text(page, 'tr[data-result="HD-CG"]');
    expect(line).toContain('11/12 = 91,7 % ≥ 70 %');
    expect(line).toContain('Được suy tôn');
    expect(await text(page, '[data-winners]')).toMatch(/Cẩm Giàng/);

    await page.goto(ballotUrls.PROV_MERIT!);
    expect(await text(page, 'tr[data-result="HD-GL"]')).toContain('83,3 %');
    expect(await text(page, 'tr[data-result="HD-KT"]')).toContain('75,0 %');
    expect(await text(page, '[data-winners]')).toMatch(/Gia Lộc.*Kim Thành/);
    expect(await text(page, '#ket-qua')).toContain('Có mặt 12/12 đơn vị');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, '24-hoi-nghi-ket-qua');

    await page.goto(meetingUrl);
    expect(await text(page, '[data-meeting-status]')).toBe('đã kiểm phiếu');
    const won = async (code: string) =>
      (await page.locator(`tr[data-ballot="${code}"] td`).nth(4).textContent())?.trim();
    expect(await won('GOV_FLAG')).toBe('Hải Dương (1/1 suất)');
    expect(await won('PROV_FLAG')).toBe('Cẩm Giàng (1/1 suất)');
    expect(await won('PROV_MERIT')).toBe('Gia Lộc, Kim Thành (2/2 suất)');
  });

  it('finalises with a confirmation; the locked meeting refuses a stale change with a clear message', async () => {
    // The counter has the console open (before the finalisation) in another tab.
    await counter.goto(meetingUrl);
    const page = secretary;
    await page.getByLabel('Giờ kết thúc').fill('11:30');
    await submit(page, 'Chốt kết quả');
    expect(await text(page, '.notice')).toBe('Đã chốt kết quả cuộc họp.');
    expect(await text(page, '[data-meeting-status]')).toBe('đã chốt kết quả');
    expect(await text(page, '.facts')).toContain('từ 08:00 đến 11:30');
    expect(await text(page, 'main')).toContain('Hội nghị đã khoá.');
    expect(await page.getByRole('button', { name: 'Lưu điểm danh' }).count()).toBe(0);

    const res = await Promise.all([
      counter.waitForEvent('response', (r) => r.url().endsWith('/finalize')),
      counter.getByRole('button', { name: 'Chốt kết quả' }).click(),
    ]);
    expect(res[0].status()).toBe(409);
    await counter.waitForLoadState();
    const alert = await text(counter, '[role=alert]');
    expect(alert).toContain('Kết quả hội nghị đã chốt; không thay đổi được');
    expect(alert).not.toContain('MEETING_LOCKED');
    expect(await counter.locator('[role=alert]').getAttribute('data-code')).toBe('MEETING_LOCKED');
  });

  it('issues the documents with progress, previews the minutes and downloads PDF and Word', async () => {
    const page = secretary;
    await page.getByRole('link', { name: 'Văn bản của hội nghị' }).click();
    await page.waitForURL(/\/documents$/);
    expect(await text(page, 'table')).toContain('Chưa có văn bản nào');
    expect(await page.locator('[data-busy] progress').count()).toBe(1);
    expect(await page.locator('[data-busy]').isHidden()).toBe(true);
    // None ticked: refused next to the group, and the boxes stay as sent (none ticked).
    const kinds = page.locator('input[type=checkbox][name=kinds]');
    expect(await kinds.count()).toBe(5);
    for (let i = 0; i < 5; i++) await kinds.nth(i).uncheck();
    await submit(page, 'Phát hành các văn bản đã chọn');
    expect(await text(page, '#kinds-err')).toBe('Vui lòng chọn ít nhất một văn bản.');
    for (let i = 0; i < 5; i++) expect(await kinds.nth(i).isChecked()).toBe(false);
    expect(await text(page, 'table')).toContain('Chưa có văn bản nào');
    for (let i = 0; i < 5; i++) await kinds.nth(i).check();
    await Promise.all([
      page.waitForURL(/tb=issued/),
      page.getByRole('button', { name: 'Phát hành các văn bản đã chọn' }).click(),
    ]);
    expect(await text(page, '.notice')).toBe('Đã phát hành văn bản.');
    const docs = page.locator('table tbody tr[data-doc]');
    expect(await docs.count()).toBe(5);
    expect(await text(page, 'tr[data-doc="MINUTES"]')).toContain('Biên bản họp bình xét, suy tôn');
    expect(await text(page, 'tr[data-doc="MINUTES"]')).toMatch(/\d{2}\/BB-/);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, '25-hoi-nghi-van-ban');

    await page.locator('tr[data-doc="MINUTES"] th a').click();
    await page.waitForURL(/\/documents\/\d+$/);
    expect(await page.locator('h1').textContent()).toMatch(/^Biên bản họp bình xét, suy tôn số /);
    const frame = page.frameLocator('iframe.doc-preview');
    await frame.locator('body').waitFor();
    const body = ((await frame.locator('body').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(body).toMatch(/BIÊN BẢN/);
    expect(body).toContain('Cẩm Giàng');
    expect(body).toContain('Nguyễn Minh Hùng');
    expect(await page.locator('iframe.doc-preview').getAttribute('sandbox')).toBe('');
    await screenshot(page, '26-hoi-nghi-xem-bien-ban');

    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải bản PDF' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/^minutes-\d{2}-BB-.*-v1\.pdf$/);
    const pdfBytes = fs.readFileSync(await pdf.path());
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải bản Word (.docx)' }).click(),
    ]);
    expect(docx.suggestedFilename()).toMatch(/^minutes-.*\.docx$/);
    const docxBytes = fs.readFileSync(await docx.path());
    expect(docxBytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(docxBytes.length).toBeGreaterThan(2000);
  });

  it('lets an administrator (as the bloc secretary) open a correction of the finalised meeting as a new version', async () => {
    const admin = await h.account({ username: 'quantri.web', role: 'OFFICE_ADMIN' });
    const page = await (await h.context()).newPage();
    page.on('dialog', (d) => void d.accept());
    await signIn(page, admin);
    await page.goto(meetingUrl);
    // The secretary of the bloc may start one too (meeting-console.browser.spec.ts); here the
    // administrator does, with a reason.
    await secretary.goto(meetingUrl);
    expect(await secretary.locator('#dinh-chinh').count()).toBe(1);
    expect(await page.locator('#dinh-chinh').count()).toBe(1);
    await submit(page, 'Lập bản đính chính');
    expect(await text(page, '#f-reason-err')).toBe('Trường này không được để trống.');
    await page.getByLabel('Lý do đính chính').fill('Ghi sai tên thư ký');
    await submit(page, 'Lập bản đính chính');
    expect(await text(page, '.notice')).toBe('Đã ghi bản đính chính.');
    expect(new URL(page.url()).pathname).not.toBe(meetingUrl);
    expect(await text(page, 'main')).toContain('Bản đính chính lần 2: Ghi sai tên thư ký');
    expect(await text(page, '[data-meeting-status]')).toBe('đã kiểm phiếu');
    await page.goto(meetingUrl);
    expect(await text(page, '[data-meeting-status]')).toBe('đã được đính chính (bản cũ)');
  });
});
