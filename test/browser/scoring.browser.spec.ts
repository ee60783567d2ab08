import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import {
  accessibilityProblems,
  screenshot,
  signIn,
  startWebHarness,
  type WebHarness,
} from './browser-harness';

interface Unit {
  id: number;
  code: string;
  shortName: string;
  fullName: string;
}

/** The worksheet cell of a unit row and an item column, found by their codes (row 4, column A). */
function cellOf(ws: ExcelJS.Worksheet, unitCode: string, itemCode: string): ExcelJS.Cell {
  let col = 0;
  ws.getRow(4).eachCell((c, n) => {
    if (c.text === itemCode) col = n;
  });
  let row = 0;
  ws.eachRow((r, n) => {
    if (r.getCell(1).text === unitCode) row = n;
  });
  if (!col || !row) throw new Error(`no cell ${unitCode}/${itemCode}`);
  return ws.getCell(row, col);
}

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('Web: units, blocs, criteria, scores and ranking (Chromium)', () => {
  let h: WebHarness;
  let blocId: number;
  let units: Unit[];
  const unit = (name: string) => units.find((u) => u.shortName === name)!;
  const base = () => `/web/blocs/${blocId}/terms/2023`;

  beforeAll(async () => {
    h = await startWebHarness();
    blocId = (await h.t.http().get('/api/blocs').expect(200)).body.items[0].id;
    units = (await h.t.http().get('/api/units?pageSize=100').expect(200)).body.items;
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('shows an office user the units, the bloc, the score grid and the ranking chart in ranking order', async () => {
    const user = await h.account({ username: 'vanphong.diem', role: 'OFFICE_STAFF' });
    const page = await (await h.context()).newPage();
    await signIn(page, user);

    // Units: list, filter by name, a unit's page with its bloc by year.
    await page.goto('/web/units');
    expect(await page.locator('table.units tbody tr').count()).toBe(12);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, '40-don-vi');
    await page.getByLabel('Tên hoặc mã đơn vị').fill('HD-CG');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/q=HD-CG/);
    expect(await page.locator('table.units tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: 'huyện Cẩm Giàng' }).click();
    expect(await text(page, 'h1')).toBe('huyện Cẩm Giàng');
    expect(await text(page, 'main')).toContain('Khối thi đua các huyện, thị xã, thành phố');

    // The bloc: its 2023 term with 12 members, head and deputy, and links to the year's pages.
    await page.goto('/web/blocs');
    await page.getByRole('link', { name: 'Khối thi đua các huyện, thị xã, thành phố' }).click();
    await page.waitForURL(new RegExp(`/web/blocs/${blocId}$`));
    const term = page.locator('#nam-2023');
    expect(await term.locator('tbody tr').count()).toBe(12);
    expect(await term.locator('caption').textContent()).toContain('12 đơn vị thành viên');
    for (const link of [
      'Bộ tiêu chí',
      'Bảng điểm',
      'Xếp hạng',
      'Cuộc họp bình xét',
      'Đề nghị khen thưởng',
    ])
      expect(await term.getByRole('link', { name: link, exact: true }).count()).toBe(1);
    expect(await term.getByRole('link', { name: 'Cuộc họp bình xét' }).getAttribute('href')).toBe(
      `${base()}/meetings`,
    );
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, '41-khoi-thi-dua');

    // Criteria: the signed 1.000-point set.
    await term.getByRole('link', { name: 'Bộ tiêu chí', exact: true }).click();
    expect(await text(page, '#h-current')).toContain('đã ký giao ước');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, '42-bo-tieu-chi');

    // The score grid: the agreed totals of every unit.
    await page.goto(`${base()}/scores`);
    expect(await page.locator('table.score-grid tbody tr').count()).toBe(12);
    expect(
      await text(page, `table.score-grid tr[data-unit="HD-TPHD"] td[data-stage="AGREED"]`),
    ).toBe('968');
    expect(await text(page, `table.score-grid tr[data-unit="HD-CG"] td[data-stage="SELF"]`)).toBe(
      '955',
    );
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, '43-bang-diem');

    // The ranking: 12 bars in ranking order with the API's totals, and the table as text.
    const api = (await h.t.http().get(`/api/blocs/${blocId}/terms/2023/ranking`).expect(200)).body;
    const apiTotals = api.entries.map(
      (e: { totals: { grandTotal: number } }) => e.totals.grandTotal,
    );
    expect(apiTotals.slice(0, 4)).toEqual([968, 955, 941, 936]);
    await page.goto(`${base()}/ranking`);
    const svg = page.locator('svg.bar-chart');
    expect(await svg.getAttribute('role')).toBe('img');
    expect(await svg.getAttribute('aria-label')).toContain('12 đơn vị');
    expect(await svg.locator('title').textContent()).toContain('Biểu đồ cột tổng điểm');
    const bars = svg.locator('g.bar');
    expect(await bars.count()).toBe(12);
    const drawn = await bars.evaluateAll((gs) =>
      gs.map((g) => ({
        unit: g.getAttribute('data-unit'),
        total: Number(g.getAttribute('data-total')),
        width: Number(g.querySelector('rect')?.getAttribute('width')),
      })),
    );
    expect(drawn.map((b) => b.total)).toEqual(apiTotals);
    expect(drawn.map((b) => b.unit)).toEqual(api.entries.map((e: { unit: Unit }) => e.unit.code));
    // Longer bars for higher totals (never increasing down the ranking).
    for (let i = 1; i < drawn.length; i++)
      expect(drawn[i]!.width).toBeLessThanOrEqual(drawn[i - 1]!.width);
    expect(await text(page, 'table.ranking tbody tr:first-child td[data-total]')).toBe('968');
    expect(await text(page, '[data-ranking-status]')).toContain(
      'đơn vị dẫn đầu: thành phố Hải Dương',
    );
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, '44-xep-hang');
  }, 120_000);

  it('keeps a bad score and a bad criterion with the Vietnamese message next to the field', async () => {
    const user = await h.account({ username: 'vanphong.nhap', role: 'OFFICE_STAFF' });
    const page = await (await h.context()).newPage();
    page.on('dialog', (d) => void d.accept());
    await signIn(page, user);

    // Score sheet, agreed stage: a value that is not a number and one above the maximum.
    const cg = unit('Cẩm Giàng');
    await page.goto(`${base()}/scores/${cg.id}`);
    const i1 = page.locator('input[name="lines.I.1.value"]');
    const i2 = page.locator('input[name="lines.I.2.value"]');
    expect(await i1.inputValue()).not.toBe('');
    const runningBefore = await text(page, '[data-sum-total]');
    expect(runningBefore).toBe('955');
    await i1.fill('chín mươi');
    await i2.fill('150');
    // The running total follows the typing: it cannot add a word.
    expect(await text(page, '[data-sum-total]')).toBe('chưa tính được');
    await screenshot(page, '45-phieu-cham-diem');
    await page.getByRole('button', { name: /^Lưu điểm/ }).click();
    await page.waitForLoadState('domcontentloaded');
    expect(await page.locator('input[name="lines.I.1.value"]').inputValue()).toBe('chín mươi');
    expect(await page.locator('input[name="lines.I.2.value"]').inputValue()).toBe('150');
    expect(await text(page, '[id="c-lines.I.1.value-err"]')).toBe('Trường này phải là số.');
    expect(await page.locator('input[name="lines.I.1.value"]').getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(await text(page, '.form-message')).toContain('Chưa lưu');
    // Nothing was written.
    const sheet = (
      await h.t
        .http()
        .get(`/api/blocs/${blocId}/terms/2023/scores/${cg.id}?stage=AGREED`)
        .expect(200)
    ).body;
    expect(sheet.totals.grandTotal).toBe(955);

    // Above the maximum (a number this time): the domain's message, next to the field.
    await page.goto(`${base()}/scores/${cg.id}`);
    await page.locator('input[name="lines.I.1.value"]').fill('150');
    await page.locator('input[name="lines.I.1.reason"]').fill('Thử giá trị vượt điểm tối đa');
    await page.getByRole('button', { name: /^Lưu điểm/ }).click();
    await page.waitForLoadState('domcontentloaded');
    expect(await page.locator('input[name="lines.I.1.value"]').inputValue()).toBe('150');
    expect(await text(page, '[id="c-lines.I.1.value-err"]')).toMatch(/tối đa/);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, '46-phieu-cham-diem-loi');

    // Criteria: a revision needs a reason; the draft editor keeps a bad maximum with its message.
    await page.goto(`${base()}/criteria`);
    await page.getByRole('button', { name: 'Tạo bản dự thảo sửa đổi' }).click();
    await page.waitForLoadState('domcontentloaded');
    expect(await page.locator('.form-message').first().getAttribute('data-code')).toBe(
      'CRITERIA_SET_REASON_REQUIRED',
    );
    await page.getByLabel('Lý do sửa đổi').fill('Điều chỉnh điểm tối đa nhóm I theo văn bản mới');
    await page.getByRole('button', { name: 'Tạo bản dự thảo sửa đổi' }).click();
    await page.waitForURL(/\/criteria\/\d+\/edit\?tb=created/);
    const max = page.locator('input[name="groups.0.criteria.0.maxPoints"]');
    expect(await max.inputValue()).toBe('100');
    await max.fill('một trăm');
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await page.waitForLoadState('domcontentloaded');
    expect(await page.locator('input[name="groups.0.criteria.0.maxPoints"]').inputValue()).toBe(
      'một trăm',
    );
    expect(await text(page, '[id="c-groups.0.criteria.0.maxPoints-err"]')).toMatch(/phải là số/);
    // An arithmetic error of the domain lands on the group's maximum.
    await page.locator('input[name="groups.0.criteria.0.maxPoints"]').fill('90');
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await page.waitForLoadState('domcontentloaded');
    expect(await page.locator('input[name="groups.0.criteria.0.maxPoints"]').inputValue()).toBe(
      '90',
    );
    expect(await page.locator('.form-message').first().getAttribute('data-code')).toBe(
      'CRITERIA_SET_INVALID',
    );
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, '47-du-thao-tieu-chi-loi');
  }, 120_000);

  it('exports the Excel sheet, previews the same file as no change, and imports an edited one', async () => {
    const user = await h.account({ username: 'vanphong.excel', role: 'OFFICE_STAFF' });
    const page = await (await h.context()).newPage();
    page.on('dialog', (d) => void d.accept());
    await signIn(page, user);
    await page.goto(`${base()}/scores`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Tải bảng điểm Excel/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^bang-diem-HD-KTD-HUYEN-2023-agreed\.xlsx$/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-web-'));
    const file = path.join(dir, 'bang-diem.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Bảng điểm')!;
    expect(cellOf(ws, 'HD-TPHD', 'I.1').value).toBe(96.5);

    // The same file: nothing would change, and there is nothing to confirm.
    await page.locator('input[type=file][name=file]').setInputFiles(file);
    await page.getByRole('button', { name: 'Tải lên và xem trước' }).click();
    await page.waitForURL(/score-sheet\/preview/);
    expect(await page.locator('[data-preview-status]').getAttribute('data-preview-status')).toBe(
      'ok',
    );
    expect(await text(page, '[data-preview-status]')).toBe(
      'Không có thay đổi nào so với điểm đang lưu.',
    );
    expect(await page.locator('[data-no-change]').count()).toBe(1);
    expect(await page.getByRole('button', { name: /Xác nhận nhập/ }).count()).toBe(0);

    // Kim Thành gains 20 points in group I, with the reason the agreed stage requires.
    cellOf(ws, 'HD-KT', 'I.1').value = 100;
    cellOf(ws, 'HD-KT', 'I.2').value = 100;
    cellOf(ws, 'HD-KT', 'I.3').value = 100;
    cellOf(ws, 'HD-KT', 'I.4').value = 100;
    let reasonCol = 0;
    ws.getRow(4).eachCell((c, n) => {
      if (c.text === 'Lý do thay đổi') reasonCol = n;
    });
    ws.getCell(cellOf(ws, 'HD-KT', 'I.1').row, reasonCol).value =
      'Bổ sung kết quả thu ngân sách quý IV được Sở Tài chính xác nhận';
    const edited = path.join(dir, 'bang-diem-sua.xlsx');
    await wb.xlsx.writeFile(edited);
    await page.goto(`${base()}/scores`);
    await page.locator('input[type=file][name=file]').setInputFiles(edited);
    await page.getByRole('button', { name: 'Tải lên và xem trước' }).click();
    await page.waitForURL(/score-sheet\/preview/);
    const changes = page.locator('table[data-preview-changes] tbody tr');
    expect(await changes.count()).toBe(1);
    expect(await text(page, 'table[data-preview-changes] tbody tr th')).toBe(
      'huyện Kim Thành HD-KT',
    );
    const count = Number(
      await text(page, 'table[data-preview-changes] tbody tr td[data-count="changed"]'),
    );
    expect(count).toBeGreaterThan(0);
    expect(await text(page, 'table[data-preview-changes] tbody tr td[data-total="before"]')).toBe(
      '936',
    );
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, '48-xem-truoc-nhap-excel');
    // Preview wrote nothing.
    const before = (await h.t.http().get(`/api/blocs/${blocId}/terms/2023/ranking`).expect(200))
      .body;
    expect(before.entries[3].totals.grandTotal).toBe(936);

    await page.getByRole('button', { name: /Xác nhận nhập/ }).click();
    await page.waitForURL(/\/scores\?giai-doan=AGREED&tb=imported/);
    expect(await text(page, '.notice')).toBe('Đã nhập dữ liệu.');
    const after = (await h.t.http().get(`/api/blocs/${blocId}/terms/2023/ranking`).expect(200))
      .body;
    const kimThanh = after.entries.find((e: { unit: Unit }) => e.unit.code === 'HD-KT').totals
      .grandTotal as number;
    expect(kimThanh).toBeGreaterThan(936);
    expect(await text(page, `table.score-grid tr[data-unit="HD-KT"] td[data-stage="AGREED"]`)).toBe(
      String(kimThanh),
    );
    expect(after.entries.slice(0, 3).map((e: { unit: Unit }) => e.unit.shortName)).toEqual([
      'Hải Dương',
      'Kim Thành',
      'Cẩm Giàng',
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it("lets a unit's representative open their own unit but not another unit's page or score sheet", async () => {
    const own = unit('Gia Lộc');
    const other = unit('Cẩm Giàng');
    const user = await h.account({ username: 'daidien.gialoc', role: 'UNIT_REP', unitId: own.id });
    const page = await (await h.context()).newPage();
    await signIn(page, user);

    let res = await page.goto(`/web/units/${own.id}`);
    expect(res?.status()).toBe(200);
    expect(await text(page, 'h1')).toBe('huyện Gia Lộc');
    res = await page.goto(`${base()}/scores/${own.id}`);
    expect(res?.status()).toBe(200);

    // The bloc's score grid: only their own unit's row, no other member, no bloc sums, no export.
    res = await page.goto(`${base()}/scores`);
    expect(res?.status()).toBe(200);
    const rows = page.locator('table.score-grid tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-unit')))).toEqual([
      own.code,
    ]);
    expect(await text(page, 'table.score-grid tbody tr th')).toBe(own.fullName);
    expect(await text(page, 'main')).not.toContain(other.fullName);
    expect(await text(page, 'main')).not.toContain(unit('Hải Dương').fullName);
    expect(await page.locator('table.score-grid tfoot').count()).toBe(0);
    expect(await page.getByRole('link', { name: /Tải bảng điểm Excel/ }).count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);

    for (const url of [`/web/units/${other.id}`, `${base()}/scores/${other.id}`]) {
      res = await page.goto(url);
      expect({ url, status: res?.status() }).toEqual({ url, status: 403 });
      expect(await text(page, 'h1')).toBe('Không có quyền truy cập');
      expect(await page.locator('[data-code]').getAttribute('data-code')).toBe('FORBIDDEN');
      expect(await text(page, 'main')).not.toContain('FORBIDDEN');
      expect(await text(page, 'main')).not.toContain(other.fullName);
    }
    await screenshot(page, '49-dai-dien-don-vi-403');
  }, 120_000);

  it('creates the first criteria set of a bloc-year as a blank draft, and keeps the chosen copy year', async () => {
    // A new 2024 term of the bloc, with no criteria set yet.
    await h.t
      .http()
      .post(`/api/blocs/${blocId}/terms`)
      .send({ year: 2024, memberUnitIds: units.slice(0, 3).map((u) => u.id) })
      .expect(201);
    const user = await h.account({ username: 'vanphong.tieuchi', role: 'OFFICE_STAFF' });
    const page = await (await h.context()).newPage();
    await signIn(page, user);
    const url = `/web/blocs/${blocId}/terms/2024/criteria`;

    // A refused copy (a reason that is too long) keeps the year that was chosen.
    await page.goto(url);
    const years = await page
      .locator('select[name="copyFromYear"] option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(years).toContain('2023');
    const chosen = years[years.length - 1]!;
    await page.locator('select[name="copyFromYear"]').selectOption(chosen);
    await page.evaluate(() => {
      const f = document.querySelector('select[name="copyFromYear"]')!.closest('form')!;
      const reason = document.createElement('input');
      reason.type = 'hidden';
      reason.name = 'reason';
      reason.value = 'x'.repeat(1001);
      f.appendChild(reason);
    });
    await page.getByRole('button', { name: 'Tạo bản dự thảo' }).click();
    await page.waitForLoadState('domcontentloaded');
    expect(await text(page, '.form-message')).toContain('Chưa lưu');
    expect(await page.locator('select[name="copyFromYear"]').inputValue()).toBe(chosen);
    expect(
      await page
        .locator(`select[name="copyFromYear"] option[value="${chosen}"]`)
        .getAttribute('selected'),
    ).not.toBeNull();

    // The blank draft: the smallest valid set, opened in the editor.
    await page.goto(url);
    await page.getByRole('button', { name: 'Tạo bộ tiêu chí trống' }).click();
    await page.waitForURL(/\/criteria\/\d+\/edit\?tb=created/);
    expect(await page.locator('input[name="groups.0.code"]').inputValue()).toBe('I');
    expect(await page.locator('input[name="groups.0.criteria.0.maxPoints"]').inputValue()).toBe(
      '100',
    );
    const current = (
      await h.t.http().get(`/api/blocs/${blocId}/terms/2024/criteria-sets/current`).expect(200)
    ).body;
    expect({ status: current.status, versionNo: current.versionNo }).toEqual({
      status: 'DRAFT',
      versionNo: 1,
    });
    expect(current.definition.scale).toBe(100);
    expect(current.definition.groups.map((g: { code: string }) => g.code)).toEqual(['I']);
  }, 120_000);
});
