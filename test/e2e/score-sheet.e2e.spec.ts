import ExcelJS from 'exceljs';
import type { ImportReportDto } from '../../src/scoring/dto/scoring.dto';
import { visibleText } from '../helpers/page-text';
import { createTestApp, rowCounts, type TestApp } from '../helpers/test-app';

interface Unit {
  id: number;
  code: string;
  shortName: string;
}

/** Finds the worksheet cell of a unit row and an item column by their codes (rows 4 and A). */
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

describe('Excel score sheet of the Hải Dương 2023 bloc', () => {
  let t: TestApp;
  let blocId: number;
  let units: Unit[];
  const base = () => `/api/blocs/${blocId}/terms/2023`;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    blocId = (await t.http().get('/api/blocs').expect(200)).body.items[0].id;
    units = (await t.http().get('/api/units?pageSize=100').expect(200)).body.items;
  });
  afterAll(() => t.close());

  async function exported(): Promise<ExcelJS.Workbook> {
    const res = await t
      .http()
      .get(`${base()}/score-sheet.xlsx?stage=AGREED`)
      .responseType('blob')
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="bang-diem-HD-KTD-HUYEN-2023-agreed\.xlsx"/,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    return wb;
  }

  const upload = async (path: string, wb: ExcelJS.Workbook, status: number) => {
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    return t
      .http()
      .post(`${base()}/score-sheet/${path}?stage=AGREED`)
      .attach('file', buf, 'bang-diem.xlsx')
      .expect(status);
  };

  it('exports units × criteria with maxima and total formulas that match the ranking', async () => {
    const wb = await exported();
    const ws = wb.getWorksheet('Bảng điểm')!;
    expect(ws.getCell('A2').text).toBe('thidua:score-sheet');
    expect(cellOf(ws, 'HD-TPHD', 'I.1').value).toBe(96.5);
    let totalCol = 0;
    ws.getRow(4).eachCell((c, n) => {
      if (c.text === 'Tổng điểm') totalCol = n;
    });
    const total = ws.getCell(cellOf(ws, 'HD-TPHD', 'I.1').row, totalCol)
      .value as ExcelJS.CellFormulaValue;
    expect(total.formula).toBeTruthy();
    expect(total.result).toBe(968);
  });

  it('imports a sheet edited as a person would in Excel, after a preview, and the ranking follows', async () => {
    const wb = await exported();
    const ws = wb.getWorksheet('Bảng điểm')!;
    // Kim Thành gains 20 points in group I (cells were below their maxima) and overtakes Cẩm Giàng.
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

    const before = await rowCounts(t.dataSource);
    const preview = (await upload('preview', wb, 200)).body;
    expect(preview).toMatchObject({ ok: true, saved: false, unitsAffected: 1 });
    const expectedWrites = preview.linesToWrite as number;
    expect(expectedWrites).toBeGreaterThan(0);
    expect(await rowCounts(t.dataSource)).toEqual(before);

    const imported = (await upload('import', wb, 200)).body;
    expect(imported).toMatchObject({ ok: true, saved: true, linesToWrite: expectedWrites });
    const lines = (
      await t
        .http()
        .get(`${base()}/scores/${units.find((u) => u.code === 'HD-KT')!.id}?stage=AGREED`)
        .expect(200)
    ).body;
    expect(
      lines.lines.filter(
        (l: { code: string; reason: string | null }) =>
          l.code.startsWith('I.') && l.reason?.startsWith('Bổ sung'),
      ),
    ).toHaveLength(expectedWrites);

    const ranking = (await t.http().get(`${base()}/ranking`).expect(200)).body;
    expect(ranking.entries.slice(0, 3).map((e: { unit: Unit }) => e.unit.shortName)).toEqual([
      'Hải Dương',
      'Kim Thành',
      'Cẩm Giàng',
    ]);

    // importing the same file again writes nothing and says so
    const again = (await upload('import', wb, 200)).body;
    expect(again.linesToWrite).toBe(0);
  });

  it('refuses a sheet with bad rows, naming every bad row, and writes nothing', async () => {
    const wb = await exported();
    const ws = wb.getWorksheet('Bảng điểm')!;
    cellOf(ws, 'HD-GL', 'I.1').value = 150; // above the 100-point maximum
    cellOf(ws, 'HD-NS', 'II.2').value = 'bốn mươi'; // not a number
    cellOf(ws, 'HD-TH', 'III.1').value = 71; // changed without a reason at the agreed stage
    ws.getCell(cellOf(ws, 'HD-TM', 'I.1').row, 1).value = 'HD-XX'; // unknown unit code

    const before = await rowCounts(t.dataSource);
    const preview = (await upload('preview', wb, 200)).body;
    expect(preview.ok).toBe(false);
    const bad = preview.rows.filter((r: { errors: unknown[] }) => r.errors.length > 0);
    expect(bad.map((r: { unitCode: string }) => r.unitCode).sort()).toEqual([
      'HD-GL',
      'HD-NS',
      'HD-TH',
      'HD-XX',
    ]);
    const res = await upload('import', wb, 422);
    expect(res.body.code).toBe('SHEET_REJECTED');
    const messages = (res.body.details as { message: string }[]).map((d) => d.message).join('\n');
    for (const rowNo of bad.map((r: { rowNumber: number }) => r.rowNumber))
      expect(messages).toContain(`Dòng ${rowNo}`);
    expect(messages).toContain('cần ghi lý do');
    expect(await rowCounts(t.dataSource)).toEqual(before);
  });

  it("refuses files that are not this term's sheet", async () => {
    const exe = await t
      .http()
      .post(`${base()}/score-sheet/preview?stage=AGREED`)
      .attach('file', Buffer.from('MZ\x90\x00 not a workbook'), 'bang-diem.xlsx')
      .expect(200);
    expect(exe.body.fileErrors[0].code).toBe('SHEET_NOT_XLSX');
    const wb = await exported();
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const wrongStage = await t
      .http()
      .post(`${base()}/score-sheet/preview?stage=REVIEW`)
      .attach('file', buf, 'x.xlsx');
    expect(wrongStage.status).toBe(409); // the review stage is closed: nothing can be imported into it
    expect(wrongStage.body.code).toBe('SCORE_STAGE_CLOSED');
    await t.http().post(`${base()}/score-sheet/import?stage=AGREED`).expect(400);
  });

  it('previews unit names, values and totals, and counts added, changed and removed values apart', async () => {
    const wb = await exported();
    const ws = wb.getWorksheet('Bảng điểm')!;
    let reasonCol = 0;
    ws.getRow(4).eachCell((c, n) => {
      if (c.text === 'Lý do thay đổi') reasonCol = n;
    });
    // Gia Lộc (941): one criterion lowered by a point and a 5-point bonus; Thanh Miện (890): a cell emptied.
    const gl = cellOf(ws, 'HD-GL', 'I.1');
    const glI1 = gl.value as number;
    gl.value = glI1 - 1;
    cellOf(ws, 'HD-GL', 'B1').value = 5;
    ws.getCell(gl.row, reasonCol).value = 'Điều chỉnh theo biên bản thẩm định bổ sung';
    const tm = cellOf(ws, 'HD-TM', 'I.2');
    const tmI2 = tm.value as number;
    tm.value = null;
    ws.getCell(tm.row, reasonCol).value = 'Chờ số liệu chính thức của Cục Thống kê';

    const before = await rowCounts(t.dataSource);
    const preview = (await upload('preview', wb, 200)).body;
    expect(preview).toMatchObject({
      ok: true,
      unitRows: 12,
      linesToWrite: 3,
      linesAdded: 1,
      linesChanged: 1,
      linesRemoved: 1,
      linesUnchanged: 12 * 14 - 2,
      unitsAffected: 2,
    });
    expect(preview.items).toHaveLength(19);
    expect(preview.items[0]).toEqual({ code: 'I.1', title: 'Tăng trưởng kinh tế (GRDP)' });
    const row = (code: string) =>
      (preview as ImportReportDto).rows.find((r) => r.unitCode === code)!;
    expect(row('HD-GL')).toMatchObject({
      unitName: 'huyện Gia Lộc',
      unitId: units.find((u) => u.code === 'HD-GL')!.id,
      changes: 2,
      added: 1,
      changed: 1,
      removed: 0,
      unchanged: 13,
      totalBefore: { grandTotal: 941, grandTotalText: '941', missingCriteria: [] },
      totalAfter: { grandTotal: 945, grandTotalText: '945', missingCriteria: [] },
      valueChanges: [
        expect.objectContaining({ code: 'I.1', before: glI1, after: glI1 - 1 }),
        expect.objectContaining({ code: 'B1', before: null, beforeText: null, after: 5 }),
      ],
    });
    expect(row('HD-GL').values).toHaveLength(15);
    expect(row('HD-GL').values[0]).toEqual({
      code: 'I.1',
      title: 'Tăng trưởng kinh tế (GRDP)',
      value: glI1 - 1,
      valueText: String(glI1 - 1).replace('.', ','),
    });
    expect(row('HD-TM')).toMatchObject({
      unitName: 'huyện Thanh Miện',
      changes: 1,
      added: 0,
      changed: 0,
      removed: 1,
      unchanged: 13,
      totalBefore: { grandTotal: 890 },
      totalAfter: { grandTotal: null, grandTotalText: null, missingCriteria: ['I.2'] },
      valueChanges: [
        {
          code: 'I.2',
          title: expect.any(String),
          before: tmI2,
          beforeText: expect.any(String),
          after: null,
          afterText: null,
        },
      ],
    });
    expect(row('HD-TPHD')).toMatchObject({
      unitName: 'thành phố Hải Dương',
      changes: 0,
      unchanged: 14,
      totalAfter: { grandTotal: 968 },
    });
    expect(await rowCounts(t.dataSource)).toEqual(before);

    // The same preview as a page: names, values, totals and the counts in words, no code or ISO date.
    await t.login({ username: 'vanphong.xemtruoc', role: 'OFFICE_STAFF' });
    const login = await t
      .anon()
      .post('/web/login')
      .type('form')
      .send({ username: 'vanphong.xemtruoc', password: 'mat-khau-thu-nghiem-2024' });
    const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    const grid = await t
      .anon()
      .get(`/web/blocs/${blocId}/terms/2023/scores`)
      .set('Cookie', cookie)
      .expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(grid.text)![1]!;
    const beforeWeb = await rowCounts(t.dataSource);
    const page = await t
      .anon()
      .post(`/web/blocs/${blocId}/terms/2023/score-sheet/preview`)
      .set('Cookie', cookie)
      .field('_csrf', csrf)
      .field('stage', 'AGREED')
      .attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'bang-diem.xlsx')
      .expect(200);
    const text = visibleText(page.text);
    expect(text).toContain('12 dòng đơn vị');
    expect(text).toContain(
      'Sẽ ghi 3 điểm của 2 đơn vị: 1 điểm mới, 1 điểm sửa, 1 điểm xóa (ô để trống); 166 điểm giữ nguyên.',
    );
    /** The visible text of a unit's row in the table marked `table`. */
    const rowText = (table: string, unitCode: string) => {
      const html = page.text.slice(page.text.indexOf(table));
      const tr = html.slice(html.indexOf(`<tr data-unit="${unitCode}"`));
      return tr
        .slice(0, tr.indexOf('</tr>'))
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    };
    expect(rowText('data-preview-changes', 'HD-GL')).toMatch(
      /^\d+ huyện Gia Lộc HD-GL I\.1 : [\d,]+ → [\d,]+ B1 : \(trống\) → 5 1 1 0 941 945$/,
    );
    expect(rowText('data-preview-changes', 'HD-TM')).toMatch(
      /^\d+ huyện Thanh Miện HD-TM I\.2 : [\d,]+ → xóa 0 0 1 890 chưa đủ điểm \(thiếu I\.2\)$/,
    );
    expect(rowText('data-preview-values', 'HD-TPHD')).toMatch(
      /^\d+ thành phố Hải Dương HD-TPHD 96,5( [\d,]+){13} 968$/,
    );
    expect(text).toContain('Xác nhận nhập 3 điểm');
    expect(text).not.toMatch(/[A-Z]{3,}_[A-Z_]+/);
    expect(await rowCounts(t.dataSource)).toEqual(beforeWeb);

    // Imported, the ranking's total is the one the preview announced.
    const imported = (await upload('import', wb, 200)).body;
    expect(imported).toMatchObject({ saved: true, linesToWrite: 3, linesRemoved: 1 });
    const ranking = (await t.http().get(`${base()}/ranking`).expect(200)).body;
    const glEntry = ranking.entries.find((e: { unit: Unit }) => e.unit.code === 'HD-GL');
    expect(glEntry.totals.grandTotal).toBe(945);
  });
});
