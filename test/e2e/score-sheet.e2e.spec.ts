import ExcelJS from 'exceljs';
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
});
