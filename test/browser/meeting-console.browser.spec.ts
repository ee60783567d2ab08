import type { Page } from 'playwright-core';
import { signIn, startWebHarness, type WebHarness } from './browser-harness';

/**
 * The meeting console without traps (issue 16): a time typed "8:00", multi-line fields kept as
 * typed after a refusal, the roll saved by "Khai mạc hội nghị" itself, every ballot opened in one
 * action, "1/2 suất" and "không đạt" for a nominee that fails, a correction started by the
 * bloc secretary, next year's officers recorded as the meeting decided them, and a correction
 * approved by a second person where the office wants it.
 */
describe('Web: the meeting console keeps what the secretary did (Chromium)', () => {
  let h: WebHarness;
  let blocId: number;
  let secretary: Page;
  let counter: Page;
  let meetingUrl: string;
  const ballotUrls: Record<string, string> = {};
  let correctedUrl = '';

  beforeAll(async () => {
    h = await startWebHarness({ seedMeeting: false });
    blocId = (await h.t.http().get('/api/blocs').expect(200)).body.items[0].id;
    const units = (await h.t.http().get('/api/units?pageSize=100').expect(200)).body.items as {
      id: number;
      shortName: string;
    }[];
    const tiers = (await h.t.http().get('/api/award-tiers').expect(200)).body as {
      id: number;
      code: string;
    }[];
    for (const [name, code] of [
      ['Hải Dương', 'GOV_FLAG'],
      ['Gia Lộc', 'PROV_MERIT'],
      ['Kim Thành', 'PROV_MERIT'],
    ] as const)
      await h.t
        .http()
        .post(`/api/blocs/${blocId}/terms/2023/nominations`)
        .send({
          unitId: units.find((u) => u.shortName === name)!.id,
          tierId: tiers.find((t) => t.code === code)!.id,
          achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ năm 2023.',
        })
        .expect(201);
    const s = await h.account({ username: 'thuky.bt', role: 'BLOC_SECRETARY', blocIds: [blocId] });
    const c = await h.account({
      username: 'kiemphieu.bt',
      role: 'BLOC_SECRETARY',
      blocIds: [blocId],
    });
    secretary = await (await h.context()).newPage();
    secretary.on('dialog', (d) => void d.accept());
    await signIn(secretary, s);
    counter = await (await h.context()).newPage();
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
  async function typeCounts(
    page: Page,
    totals: [number, number, number, number],
    lines: Record<string, [number, number, number]>,
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

  it('takes "8:00" as a time, and gives multi-line fields back exactly as typed after a refusal', async () => {
    const page = secretary;
    await page.goto(`/web/blocs/${blocId}/terms/2023/meetings`);
    const agenda = '\nBáo cáo tổng kết năm 2023\n\n  Bình xét, suy tôn (bỏ phiếu kín)\n';
    await page.getByLabel('Ngày họp').fill('28/03/2024');
    await page.getByLabel('Giờ bắt đầu').fill('8 giờ sáng');
    await page.getByLabel('Địa điểm').fill('Hội trường UBND thành phố Hải Dương');
    await page.getByLabel(/^Người chủ trì/).fill('Nguyễn Văn Hùng');
    await page.getByLabel('Thư ký hội nghị').fill('Trần Thị Lan');
    await page.getByLabel('Chương trình hội nghị').fill(agenda);
    await submit(page, 'Tạo hội nghị');
    expect(await page.locator('#f-startTime-err').count()).toBe(1);
    expect(await page.getByLabel('Chương trình hội nghị').inputValue()).toBe(agenda);

    await page.getByLabel('Giờ bắt đầu').fill('8:00');
    await submit(page, 'Tạo hội nghị');
    meetingUrl = new URL(page.url()).pathname;
    expect(meetingUrl).toMatch(/^\/web\/meetings\/\d+$/);
    expect(await text(page, '.facts')).toContain('28/03/2024, từ 08:00');
  });

  it('saves the roll as it shows on screen when the meeting is opened ("Khai mạc")', async () => {
    const page = secretary;
    // Nothing saved yet: the page says so, whatever the radios show.
    expect(await text(page, '#quorum')).toContain('Điểm danh chưa được lưu');
    const rows = page.locator('table.attendance tbody tr');
    const last = rows.nth(11);
    await last.getByRole('radio', { name: 'Vắng mặt' }).check();
    await last.getByRole('textbox', { name: /lý do vắng mặt/ }).fill('Bận công tác');
    // Straight to "Khai mạc", without "Lưu điểm danh".
    await submit(page, /Khai mạc hội nghị/);
    expect(await text(page, '.notice')).toBe(
      'Đã lưu điểm danh và khai mạc hội nghị; có thể mở phiếu bầu.',
    );
    expect(await text(page, '[data-meeting-status]')).toBe('đã điểm danh');
    expect(await text(page, '#quorum')).toContain('Có mặt 11/12 đơn vị');
    expect(await last.getByRole('radio', { name: 'Vắng mặt' }).isChecked()).toBe(true);
    expect(await last.getByRole('textbox', { name: /lý do vắng mặt/ }).inputValue()).toBe(
      'Bận công tác',
    );
  });

  it('opens every ballot of the meeting in one action', async () => {
    const page = secretary;
    const chooseTier = async (name: string) => {
      const value = await page.locator('#f-tierId option', { hasText: name }).getAttribute('value');
      await page.locator('#f-tierId').selectOption(value);
    };
    await chooseTier('Cờ thi đua của Chính phủ');
    await submit(page, 'Thêm phiếu bầu');
    await chooseTier('Bằng khen');
    await page.getByLabel('Số lượng được chọn').fill('2');
    await submit(page, 'Thêm phiếu bầu');
    await submit(page, 'Mở tất cả phiếu bầu chưa mở (2 phiếu)');
    expect(await text(page, '.notice')).toContain('Đã mở phiếu bầu');
    expect(await text(page, '[data-meeting-status]')).toBe('đang bỏ phiếu');
    for (const code of ['GOV_FLAG', 'PROV_MERIT']) {
      const row = page.locator(`tr[data-ballot="${code}"]`);
      expect(await text(page, `tr[data-ballot="${code}"]`)).toContain(
        'đang nhập kết quả kiểm phiếu',
      );
      ballotUrls[code] = (await row.getByRole('link').getAttribute('href'))!;
    }
    expect(await page.getByRole('button', { name: /Mở tất cả phiếu bầu/ }).count()).toBe(0);
  });

  it('says "1/2 suất" when one of two passes, and "không đạt" for the other after finalization', async () => {
    for (const [page, button] of [
      [secretary, 'Lưu lần nhập 1'],
      [counter, 'Lưu lần nhập 2'],
    ] as const) {
      await page.goto(ballotUrls.GOV_FLAG!);
      await typeCounts(page, [11, 11, 11, 0], { 'Hải Dương': [11, 0, 0] });
      await submit(page, button);
      await page.goto(ballotUrls.PROV_MERIT!);
      await typeCounts(page, [11, 11, 11, 0], { 'Gia Lộc': [10, 1, 0], 'Kim Thành': [3, 8, 0] });
      await submit(page, button);
    }
    const page = secretary;
    await page.goto(ballotUrls.PROV_MERIT!);
    expect(await text(page, '[data-ballot-status]')).toBe('đã có kết quả');
    expect(await text(page, 'main')).toContain('Được suy tôn (1/2 suất)');
    expect(await text(page, '[data-winners]')).toMatch(/Gia Lộc/);
    expect(await text(page, '[data-winners]')).not.toMatch(/Kim Thành/);

    await page.goto(meetingUrl);
    await page.getByLabel('Giờ kết thúc').fill('11:30');
    await submit(page, 'Chốt kết quả');
    expect(await text(page, '[data-meeting-status]')).toBe('đã chốt kết quả');
    expect(await text(page, '.facts')).toContain('từ 08:00 đến 11:30');

    await page.goto(`/web/blocs/${blocId}/terms/2023/nominations`);
    const kimThanh = page.locator('table.nominations tr', { hasText: 'Kim Thành' });
    expect(await kimThanh.textContent()).toContain('không đạt (hội nghị bình xét ngày 28/03/2024)');
    expect(await kimThanh.textContent()).not.toContain('dự thảo');
    const giaLoc = page.locator('table.nominations tr', { hasText: 'Gia Lộc' });
    expect(await giaLoc.textContent()).toContain('khối đã đề nghị');
  });

  it('lets the bloc secretary start a correction of the finalized meeting', async () => {
    const page = secretary;
    await page.goto(meetingUrl);
    expect(await page.locator('#dinh-chinh').count()).toBe(1);
    await page.getByLabel('Lý do đính chính').fill('Ghi sai giờ kết thúc');
    await submit(page, 'Lập bản đính chính');
    expect(await text(page, '.notice')).toBe('Đã ghi bản đính chính.');
    expect(await text(page, 'main')).toContain('Bản đính chính lần 2: Ghi sai giờ kết thúc');
  });

  it("records next year's officers as the meeting decided them; finalizing says it created next year's term", async () => {
    const page = secretary;
    correctedUrl = page.url().replace(/[?#].*$/, '');
    const mid = Number(/\/web\/meetings\/(\d+)/.exec(correctedUrl)![1]);
    const present = (await h.t.http().get(`/api/meetings/${mid}`).expect(200)).body.quorum
      .present as number;
    const head = page.locator('fieldset[data-officer="nextHead"]');
    await head.getByLabel('Đơn vị', { exact: true }).selectOption({ label: 'huyện Cẩm Giàng' });
    await head.getByLabel(/Thống nhất suy tôn/).check();
    await head
      .getByLabel('Căn cứ', { exact: true })
      .fill('Luân phiên theo Quy chế hoạt động của Khối');
    const deputy = page.locator('fieldset[data-officer="nextDeputy"]');
    await deputy.getByLabel('Đơn vị', { exact: true }).selectOption({ label: 'huyện Gia Lộc' });
    await deputy.getByLabel(/Bỏ phiếu/).check();
    for (const [label, n] of [
      ['Số phiếu phát ra', present],
      ['Số phiếu thu về', present],
      ['Số phiếu hợp lệ', present],
      ['Số phiếu không hợp lệ', 0],
      ['Tán thành', present - 1],
      ['Không tán thành', 1],
      ['Không có ý kiến', 0],
    ] as const)
      await deputy.getByLabel(label, { exact: true }).fill(String(n));
    await submit(page, 'Chốt kết quả');
    expect(await text(page, '.notice')).toBe(
      'Đã chốt kết quả hội nghị và lập danh sách khối năm sau, với trưởng khối, phó khối do hội nghị quyết định. Bảng điều khiển vẫn ở năm đang làm.',
    );
    expect(await text(page, 'dd[data-officer-decision="HEAD"]')).toBe(
      'Hội nghị thống nhất suy tôn huyện Cẩm Giàng làm Trưởng khối năm 2024, không bỏ phiếu; căn cứ: Luân phiên theo Quy chế hoạt động của Khối.',
    );
    expect(await text(page, 'dd[data-officer-decision="DEPUTY"]')).toMatch(
      /^Hội nghị bầu huyện Gia Lộc làm Phó khối năm 2024: /,
    );
    await page.goto(`${h.baseUrl}/web`);
    expect(await page.locator('select[name="nam"] option[selected]').textContent()).toBe('2023');
  });

  it('leaves a correction pending until another administrator approves it, where the office wants two people', async () => {
    const bloc = (
      await h.t.dataSource.query<{ id: number }[]>(
        `SELECT organizing_body_id AS id FROM bloc WHERE id = ${blocId}`,
      )
    )[0]!;
    const body = (await h.t.http().get(`/api/organizing-bodies/${bloc.id}`).expect(200)).body;
    await h.t
      .http()
      .patch(`/api/organizing-bodies/${bloc.id}`)
      .send({ version: body.version, correctionNeedsApproval: true })
      .expect(200);
    const page = secretary;
    await page.goto(correctedUrl);
    const finalized = correctedUrl;
    await page.getByLabel('Lý do đính chính').fill('Ghi sai căn cứ suy tôn trưởng khối');
    await submit(page, 'Gửi đề nghị đính chính');
    expect(await text(page, '.notice')).toBe(
      'Đã gửi đề nghị đính chính; biên bản đã chốt giữ nguyên cho đến khi một quản trị viên khác duyệt.',
    );
    expect(await text(page, '[data-pending-correction]')).toContain(
      'Chờ một quản trị viên (không phải người đề nghị) duyệt hoặc từ chối.',
    );

    const a = await h.account({ username: 'quantri.bt', role: 'OFFICE_ADMIN' });
    const admin = await (await h.context()).newPage();
    admin.on('dialog', (d) => void d.accept());
    await signIn(admin, a);
    await admin.goto(finalized);
    expect(await text(admin, '[data-pending-correction]')).toContain(
      'Ghi sai căn cứ suy tôn trưởng khối',
    );
    await submit(admin, 'Duyệt đính chính');
    expect(await text(admin, '.notice')).toBe(
      'Đã duyệt đề nghị đính chính: phiên bản đính chính đã mở để sửa.',
    );
    expect(await text(admin, 'main')).toContain('Ghi sai căn cứ suy tôn trưởng khối');
    expect(admin.url()).not.toBe(finalized);
  });
});
