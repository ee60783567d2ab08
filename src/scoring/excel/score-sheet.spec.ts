import ExcelJS from 'exceljs';
import { deflateRawSync } from 'node:zlib';
import type { Finding } from '../../domain/common/result';
import { validateCriteriaSet, type CriteriaSet } from '../../domain/scoring/criteria-set';
import { readScoreSheet, type ReadResult, type ScoreSheetExpectation } from './score-sheet-reader';
import { writeScoreSheet, type ScoreSheetModel } from './score-sheet-writer';

/** 100-point scale: groups I (60) and II (40), two bonus items (overall cap 5), one penalty item. */
const SET: CriteriaSet = {
  scale: 100,
  groups: [
    {
      code: 'I',
      title: 'Thực hiện nhiệm vụ chính trị',
      maxPoints: 6000,
      criteria: [
        { code: 'I.1', title: 'Tăng trưởng kinh tế', maxPoints: 3000 },
        { code: 'I.2', title: 'Thu ngân sách', maxPoints: 3000 },
      ],
    },
    {
      code: 'II',
      title: 'Công tác thi đua, khen thưởng',
      maxPoints: 4000,
      criteria: [
        { code: 'II.1', title: 'Tổ chức phong trào thi đua', maxPoints: 2500 },
        { code: 'II.2', title: 'Nhân rộng điển hình tiên tiến', maxPoints: 1500 },
      ],
    },
  ],
  bonusItems: [
    { code: 'C1', title: 'Sáng kiến được công nhận', cap: 300 },
    { code: 'C2', title: 'Được Chính phủ tặng cờ thi đua', cap: 300 },
  ],
  penaltyItems: [{ code: 'T1', title: 'Chậm nộp báo cáo', cap: 500 }],
  bonusCap: 500,
  penaltyCap: 500,
};

// Sheet columns: C I.1, D I.2, E II.1, F II.2, G C1, H C2, I T1, J–M totals, N reason.
const UNITS = [
  { code: 'H01', name: 'Huyện Cẩm Giàng' },
  { code: 'H02', name: 'Thị xã Kinh Môn' },
  { code: 'H03', name: 'Thành phố Chí Linh' },
  { code: 'H04', name: 'Huyện Thanh Hà' },
];

const VALUES = new Map<string, Map<string, number>>([
  // Complete row with decimals, bonus and penalty.
  [
    'H01',
    new Map([
      ['I.1', 1250],
      ['I.2', 2825],
      ['II.1', 2500],
      ['II.2', 1433],
      ['C1', 200],
      ['T1', 150],
    ]),
  ],
  // Missing cells (empty, not zero) and a zero.
  [
    'H02',
    new Map([
      ['I.1', 3000],
      ['II.1', 0],
    ]),
  ],
  // Bonus items add up above the overall cap: counted up to 5.
  [
    'H03',
    new Map([
      ['I.1', 2000],
      ['I.2', 2000],
      ['II.1', 2000],
      ['II.2', 1000],
      ['C1', 300],
      ['C2', 300],
    ]),
  ],
]);

function model(overrides: Partial<ScoreSheetModel> = {}): ScoreSheetModel {
  return {
    title: 'Bảng điểm thi đua năm 2023 – Khối thi đua các huyện, thị xã, thành phố',
    blocCode: 'KHOI-HUYEN',
    year: 2023,
    stage: 'AGREED',
    stageLabel: 'Điểm thống nhất',
    criteriaSetVersion: 3,
    set: SET,
    units: UNITS,
    values: VALUES,
    ...overrides,
  };
}

const EXPECTED: ScoreSheetExpectation = {
  blocCode: 'KHOI-HUYEN',
  year: 2023,
  stage: 'AGREED',
  set: SET,
  unitCodes: UNITS.map((u) => u.code),
};

async function load(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  const ws = wb.getWorksheet('Bảng điểm');
  if (ws === undefined) throw new Error('sheet missing');
  return ws;
}

/** Opens the file, lets `edit` change cells like a person in Excel would, saves it again. */
async function edited(buffer: Buffer, edit: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const ws = await load(buffer);
  edit(ws);
  return Buffer.from(await ws.workbook.xlsx.writeBuffer());
}

function codes(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.code);
}

function fileErrorCodes(result: ReadResult): string[] {
  return codes(result.fileErrors);
}

/** Minimal ZIP writer (stored or deflated entries, CRC left at 0) for malformed-file tests. */
function zip(entries: { name: string; data: Buffer; deflate?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = e.deflate === true ? deflateRawSync(e.data) : e.data;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.deflate === true ? 8 : 0, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.deflate === true ? 8 : 0, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('score sheet (.xlsx) of a bloc term', () => {
  let written: Buffer;
  beforeAll(async () => {
    expect(validateCriteriaSet(SET)).toEqual([]);
    written = await writeScoreSheet(model());
  });

  describe('writeScoreSheet', () => {
    it('lays out title, identification row, headers and maxima', async () => {
      const ws = await load(written);
      expect(ws.getCell('A1').value).toBe(model().title);
      expect([1, 2, 3, 4, 5].map((c) => ws.getCell(2, c).value)).toEqual([
        'thidua:score-sheet',
        'KHOI-HUYEN',
        2023,
        'AGREED',
        3,
      ]);
      expect(ws.getCell('F2').value).toEqual(expect.stringContaining('Điểm thống nhất'));
      expect(ws.getCell('C3').value).toBe('I. Thực hiện nhiệm vụ chính trị (60)');
      expect(ws.getCell('E3').value).toBe('II. Công tác thi đua, khen thưởng (40)');
      const row4 = ['C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N'].map(
        (c) => ws.getCell(`${c}4`).value,
      );
      expect(row4).toEqual([
        'I.1',
        'I.2',
        'II.1',
        'II.2',
        'C1',
        'C2',
        'T1',
        'Tổng điểm tiêu chí',
        'Điểm cộng',
        'Điểm trừ',
        'Tổng điểm',
        'Lý do thay đổi',
      ]);
      expect(ws.getCell('C5').value).toBe('Tăng trưởng kinh tế');
      const maxima = ['C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M'].map(
        (c) => ws.getCell(`${c}6`).value,
      );
      expect(maxima).toEqual([30, 30, 25, 15, 3, 3, 5, 100, 5, 5, 105]);
      expect(ws.getCell('A7').value).toBe('H01');
      expect(ws.getCell('B7').value).toBe('Huyện Cẩm Giàng');
      expect(ws.getCell('C7').value).toBe(12.5);
      expect(ws.getCell('F7').value).toBe(14.33);
      expect(ws.getCell('C7').numFmt).toBe('#,##0.00');
      expect(ws.getCell('D8').value).toBeNull(); // empty, not zero
      expect(ws.getCell('E8').value).toBe(0);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 6 });
      expect(ws.getCell('F9').dataValidation).toMatchObject({
        type: 'decimal',
        operator: 'between',
        formulae: [0, 15],
        showErrorMessage: true,
      });
    });

    it('writes the totals as Excel formulas with correct cached results', async () => {
      const ws = await load(written);
      // `cell.result`, not `cell.value`: exceljs leaves a result of 0 out of `value`.
      const at = (a: string): unknown => ({
        formula: ws.getCell(a).formula,
        result: ws.getCell(a).result,
      });
      // H01: criteria 12.5 + 28.25 + 25 + 14.33 = 80.08; bonus 2; penalty 1.5.
      expect(at('J7')).toEqual({ formula: 'SUM(C7:F7)', result: 80.08 });
      expect(at('K7')).toEqual({ formula: 'MIN(SUM(G7:H7),5)', result: 2 });
      expect(at('L7')).toEqual({ formula: 'MIN(SUM(I7:I7),5)', result: 1.5 });
      expect(at('M7')).toEqual({ formula: 'J7+K7-L7', result: 80.58 });
      // H02: empty cells count as nothing in the sums.
      expect(at('J8')).toEqual({ formula: 'SUM(C8:F8)', result: 30 });
      expect(at('M8')).toEqual({ formula: 'J8+K8-L8', result: 30 });
      // H03: bonus 3 + 3 capped at 5.
      expect(at('K9')).toEqual({ formula: 'MIN(SUM(G9:H9),5)', result: 5 });
      expect(at('M9')).toEqual({ formula: 'J9+K9-L9', result: 75 });
      // H04: no values at all.
      expect(at('M10')).toEqual({ formula: 'J10+K10-L10', result: 0 });
      expect(ws.getCell('N7').value).toBeNull();
    });

    it('neutralises formula injection in unit names and codes', async () => {
      const evil = '=HYPERLINK("http://evil.example","Bấm vào đây")';
      const buffer = await writeScoreSheet(
        model({
          title: '=1+1 Bảng điểm',
          units: [
            { code: 'H01', name: evil },
            { code: '-H02', name: '+84 Huyện B' },
            { code: 'H03', name: '@SUM(1,1)' },
            { code: 'H04', name: '-Huyện D' },
          ],
          values: new Map(),
        }),
      );
      const ws = await load(buffer);
      expect(ws.getCell('A1').value).toBe("'=1+1 Bảng điểm");
      expect(ws.getCell('B7').value).toBe(`'${evil}`);
      expect(ws.getCell('B7').type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell('A8').value).toBe("'-H02");
      expect(ws.getCell('B8').value).toBe("'+84 Huyện B");
      expect(ws.getCell('B9').value).toBe("'@SUM(1,1)");
      expect(ws.getCell('B10').value).toBe("'-Huyện D");
      for (let r = 7; r <= 10; r++) expect(ws.getCell(r, 2).formula).toBeUndefined();

      // The neutralised code reads back as the unit's real code.
      const result = await readScoreSheet(buffer, {
        ...EXPECTED,
        unitCodes: ['H01', '-H02', 'H03', 'H04'],
      });
      expect(result.ok).toBe(true);
      expect(result.rows.map((r) => r.unitCode)).toEqual(['H01', '-H02', 'H03', 'H04']);
    });
  });

  describe('readScoreSheet', () => {
    it('round trip: reads back exactly the written values, decimals and empty cells', async () => {
      const result = await readScoreSheet(written, EXPECTED);
      expect(result.fileErrors).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.sheet).toEqual({
        blocCode: 'KHOI-HUYEN',
        year: 2023,
        stage: 'AGREED',
        criteriaSetVersion: 3,
      });
      expect(result.rows.map((r) => r.rowNumber)).toEqual([7, 8, 9, 10]);
      for (const row of result.rows) {
        const expectedLines = [...(VALUES.get(row.unitCode) ?? new Map<string, number>())].map(
          ([code, value]) => ({ code, value }),
        );
        const order = ['I.1', 'I.2', 'II.1', 'II.2', 'C1', 'C2', 'T1'];
        expectedLines.sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code));
        expect(row.lines).toEqual(expectedLines);
        expect(row.reason).toBeNull();
      }
      // Bonus above the overall cap is a warning only.
      expect(result.rows[2]?.errors).toEqual([
        expect.objectContaining({
          code: 'ROW_BONUS_TOTAL_CAPPED',
          severity: 'warning',
          field: 'R9',
        }),
      ]);
      expect(result.rows[0]?.errors).toEqual([]);
      expect(result.missingUnitCodes).toEqual([]);
    });

    it("reads a person's edits: new values, cleared cells, text numbers, reasons", async () => {
      const buffer = await edited(written, (ws) => {
        ws.getCell('D7').value = 20.75; // changed
        ws.getCell('F7').value = null; // cleared
        ws.getCell('D8').value = '12,5'; // typed as text with a decimal comma
        ws.getCell('E8').value = { formula: '10+2.5', result: 12.5 }; // a formula: its result counts
        ws.getCell('I8').value = { formula: '2-2', result: 0 }; // a formula whose result is 0
        ws.getCell('N8').value = 'Điều chỉnh theo biên bản họp khối ngày 15/12';
        ws.getCell('J7').value = 999; // derived column: ignored
      });
      const result = await readScoreSheet(buffer, EXPECTED);
      expect(result.ok).toBe(true);
      const [h01, h02] = result.rows;
      expect(h01?.lines).toEqual([
        { code: 'I.1', value: 1250 },
        { code: 'I.2', value: 2075 },
        { code: 'II.1', value: 2500 },
        { code: 'C1', value: 200 },
        { code: 'T1', value: 150 },
      ]);
      expect(h02?.lines).toEqual([
        { code: 'I.1', value: 3000 },
        { code: 'I.2', value: 1250 },
        { code: 'II.1', value: 1250 },
        { code: 'T1', value: 0 },
      ]);
      expect(h02?.reason).toBe('Điều chỉnh theo biên bản họp khối ngày 15/12');
    });

    it('reports every row error at once, with row, unit and column', async () => {
      const buffer = await edited(written, (ws) => {
        ws.getCell('A7').value = 'X99'; // unknown unit
        ws.getCell('C7').value = 31; // and above max on the same row
        ws.getCell('A8').value = 'H01'; // H01 now first at row 8 …
        ws.getCell('A9').value = 'H01'; // … and duplicated at row 9
        ws.getCell('C10').value = 'abc';
        ws.getCell('D10').value = { formula: '1/0', result: { error: '#DIV/0!' } };
        ws.getCell('E10').value = 12.345;
        ws.getCell('F10').value = -3;
        ws.getCell('G10').value = 3.5; // bonus item cap 3
        ws.getCell('H10').value = '1.000'; // ambiguous thousands separator
        ws.getCell('I10').value = 5; // fine
        ws.getCell('C11').value = 'Người lập biểu'; // value without a unit code
      });
      const result = await readScoreSheet(buffer, EXPECTED);
      expect(result.ok).toBe(false);
      expect(result.fileErrors).toEqual([]);
      const byRow = new Map(result.rows.map((r) => [r.rowNumber, r]));

      expect(codes(byRow.get(7)?.errors ?? [])).toEqual(['ROW_UNKNOWN_UNIT', 'ROW_ABOVE_MAX']);
      expect(byRow.get(7)?.errors[0]?.message).toBe(
        'Dòng 7, cột A: mã đơn vị “X99” không thuộc khối thi đua này.',
      );
      expect(byRow.get(7)?.errors[1]).toMatchObject({
        field: 'R7C3',
        params: expect.objectContaining({ row: 7, column: 'C', unitCode: 'X99', itemCode: 'I.1' }),
      });
      expect(byRow.get(7)?.errors[1]?.message).toMatch(/^Dòng 7 \(đơn vị X99\), cột C – I\.1: /);

      expect(byRow.get(8)?.errors).toEqual([]);
      expect(byRow.get(9)?.errors).toEqual([
        expect.objectContaining({
          code: 'ROW_DUPLICATE_UNIT',
          field: 'R9C1',
          message: 'Dòng 9, cột A: đơn vị H01 đã có ở dòng 8; mỗi đơn vị chỉ được một dòng.',
        }),
        expect.objectContaining({ code: 'ROW_BONUS_TOTAL_CAPPED', severity: 'warning' }),
      ]);

      const row10 = byRow.get(10)?.errors ?? [];
      expect(row10.map((f) => [f.code, f.field])).toEqual([
        ['ROW_NOT_A_NUMBER', 'R10C3'],
        ['ROW_NOT_A_NUMBER', 'R10C4'],
        ['ROW_TOO_MANY_DECIMALS', 'R10C5'],
        ['ROW_NEGATIVE', 'R10C6'],
        ['ROW_ABOVE_MAX', 'R10C7'],
        ['ROW_TOO_MANY_DECIMALS', 'R10C8'],
      ]);
      for (const f of row10) {
        expect(f.severity).toBe('error');
        expect(f.message).toMatch(/^Dòng 10 \(đơn vị H04\), cột [C-H] – [A-Z.0-9]+: /);
      }
      expect(row10[0]?.message).toContain('“abc” không phải là số');
      expect(row10[1]?.message).toContain('#DIV/0!');
      expect(row10[2]?.message).toContain('12,345');
      expect(row10[4]?.message).toContain('khoản cộng điểm C1');
      // Valid and out-of-range integer values are listed; unparseable ones are not.
      expect(byRow.get(10)?.lines).toEqual([
        { code: 'II.2', value: -300 },
        { code: 'C1', value: 350 },
        { code: 'T1', value: 500 },
      ]);

      expect(byRow.get(11)?.errors).toEqual([
        expect.objectContaining({ code: 'ROW_UNKNOWN_UNIT', field: 'R11C1' }),
        expect.objectContaining({ code: 'ROW_NOT_A_NUMBER', field: 'R11C3' }),
      ]);
      expect(byRow.get(11)?.unitCode).toBe('');
      expect(result.missingUnitCodes).toEqual(['H02', 'H03']);
    });

    it('ignores empty rows below the table and rows without code, values or reason', async () => {
      const buffer = await edited(written, (ws) => {
        ws.getCell('B13').value = 'Người lập biểu';
        ws.getCell('C20').value = null;
      });
      const result = await readScoreSheet(buffer, EXPECTED);
      expect(result.ok).toBe(true);
      expect(result.rows.map((r) => r.unitCode)).toEqual(['H01', 'H02', 'H03', 'H04']);
    });

    it('refuses a sheet of another bloc, year or stage', async () => {
      const otherBloc = await readScoreSheet(written, { ...EXPECTED, blocCode: 'KHOI-SO' });
      expect(fileErrorCodes(otherBloc)).toEqual(['SHEET_WRONG_TERM']);
      expect(otherBloc.fileErrors[0]?.message).toBe(
        'Tệp là bảng điểm của khối “KHOI-HUYEN” năm 2023, không phải của khối “KHOI-SO” năm 2023 đang nhập.',
      );
      expect(otherBloc.rows).toEqual([]);
      expect(otherBloc.ok).toBe(false);

      const otherYear = await readScoreSheet(written, { ...EXPECTED, year: 2024 });
      expect(fileErrorCodes(otherYear)).toEqual(['SHEET_WRONG_TERM']);

      const otherStage = await readScoreSheet(written, { ...EXPECTED, stage: 'SELF' });
      expect(fileErrorCodes(otherStage)).toEqual(['SHEET_WRONG_STAGE']);
      expect(otherStage.fileErrors[0]?.message).toBe(
        'Tệp là bảng điểm giai đoạn “thống nhất”, không phải giai đoạn “tự chấm” đang nhập.',
      );

      const both = await readScoreSheet(written, { ...EXPECTED, year: 2022, stage: 'REVIEW' });
      expect(fileErrorCodes(both)).toEqual(['SHEET_WRONG_TERM', 'SHEET_WRONG_STAGE']);
    });

    it('refuses a workbook without the identification marker', async () => {
      const buffer = await edited(written, (ws) => {
        ws.getCell('A2').value = null;
      });
      const result = await readScoreSheet(buffer, EXPECTED);
      expect(fileErrorCodes(result)).toEqual(['SHEET_MARKER_MISSING']);
      expect(result.sheet).toBeNull();

      const plain = new ExcelJS.Workbook();
      plain.addWorksheet('Sheet1').getCell('A1').value = 'Bảng điểm tự làm';
      const other = await readScoreSheet(Buffer.from(await plain.xlsx.writeBuffer()), EXPECTED);
      expect(fileErrorCodes(other)).toEqual(['SHEET_MARKER_MISSING']);
    });

    it('reports unknown, duplicate and missing item columns', async () => {
      const buffer = await edited(written, (ws) => {
        ws.getCell('F4').value = 'II.9'; // II.2 renamed: unknown + missing
        ws.getCell('H4').value = 'C1'; // C2 replaced by a second C1: duplicate + missing
        ws.getCell('O4').value = 'Ghi chú'; // a column added by the office
      });
      const result = await readScoreSheet(buffer, EXPECTED);
      expect(result.ok).toBe(false);
      expect(result.fileErrors.map((f) => [f.code, f.field])).toEqual([
        ['SHEET_UNKNOWN_COLUMN', 'R4C6'],
        ['SHEET_DUPLICATE_COLUMN', 'R4C8'],
        ['SHEET_UNKNOWN_COLUMN', 'R4C15'],
        ['SHEET_MISSING_COLUMN', 'R4'],
        ['SHEET_MISSING_COLUMN', 'R4'],
      ]);
      expect(result.fileErrors[0]?.message).toBe(
        'Cột F (dòng 4) có mã “II.9”, không có trong bộ tiêu chí của kỳ thi đua này.',
      );
      expect(result.fileErrors[3]?.message).toBe(
        'Thiếu cột của tiêu chí II.2 (mã “II.2” ở dòng 4).',
      );
      expect(result.fileErrors[4]?.params).toEqual({ code: 'C2' });
      // Rows are still previewed with the columns that were recognised.
      expect(result.rows[0]?.lines.map((l) => l.code)).toEqual(['I.1', 'I.2', 'II.1', 'C1', 'T1']);
    });

    it('answers SHEET_NOT_XLSX for random bytes, a renamed .exe, a foreign ZIP or a truncated file', async () => {
      let seed = 42;
      const random = Buffer.alloc(4096);
      for (let i = 0; i < random.length; i++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        random[i] = seed & 0xff;
      }
      const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), random]);
      const foreignZip = zip([
        { name: 'readme.txt', data: Buffer.from('xin chào'), deflate: true },
      ]);
      const corruptDeflate = zip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'xl/workbook.xml', data: Buffer.from('not deflate data at all') },
      ]);
      corruptDeflate.writeUInt16LE(8, 8); // claims deflate in the local header …
      corruptDeflate.writeUInt16LE(8, corruptDeflate.indexOf('PK\x01\x02', 0, 'latin1') + 10);
      const garbageWorkbook = zip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>'), deflate: true },
        { name: 'xl/workbook.xml', data: Buffer.from('<<< không phải XML'), deflate: true },
      ]);
      const inputs: Buffer[] = [
        Buffer.alloc(0),
        random,
        exe,
        Buffer.from('Mã đơn vị;Tên đơn vị\nH01;Huyện A\n'),
        foreignZip,
        corruptDeflate,
        garbageWorkbook,
        written.subarray(0, Math.floor(written.length / 2)),
      ];
      for (const input of inputs) {
        const result = await readScoreSheet(input, EXPECTED);
        expect(fileErrorCodes(result)).toEqual(['SHEET_NOT_XLSX']);
        expect(result.ok).toBe(false);
        expect(result.rows).toEqual([]);
      }
    });

    it('refuses too large files, sheets and archives before reading cells', async () => {
      const big = Buffer.alloc(5 * 1024 * 1024 + 1);
      const tooBig = await readScoreSheet(big, EXPECTED);
      expect(fileErrorCodes(tooBig)).toEqual(['SHEET_TOO_LARGE']);
      expect(tooBig.fileErrors[0]?.params).toMatchObject({ what: 'bytes' });

      const manyRows = await edited(written, (ws) => {
        ws.getCell(2001, 1).value = 'H01';
      });
      const rows = await readScoreSheet(manyRows, EXPECTED);
      expect(fileErrorCodes(rows)).toEqual(['SHEET_TOO_LARGE']);
      expect(rows.fileErrors[0]?.message).toBe(
        'Bảng tính có 2.001 dòng, vượt giới hạn 2.000 dòng của một bảng điểm.',
      );
      const atLimit = await edited(written, (ws) => {
        ws.getCell(2000, 2).value = 'Ghi chú cuối bảng';
      });
      expect((await readScoreSheet(atLimit, EXPECTED)).ok).toBe(true);

      const manyColumns = await edited(written, (ws) => {
        ws.getCell(3, 501).value = 'x';
      });
      const cols = await readScoreSheet(manyColumns, EXPECTED);
      expect(fileErrorCodes(cols)).toEqual(['SHEET_TOO_LARGE']);
      expect(cols.fileErrors[0]?.params).toMatchObject({ what: 'columns', actual: 501 });

      // Zip bomb: 60 MB of shared strings compressed to a few kilobytes.
      const bomb = zip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>'), deflate: true },
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>'), deflate: true },
        { name: 'xl/sharedStrings.xml', data: Buffer.alloc(60 * 1024 * 1024, 0x41), deflate: true },
      ]);
      expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
      const bombed = await readScoreSheet(bomb, EXPECTED);
      expect(fileErrorCodes(bombed)).toEqual(['SHEET_TOO_LARGE']);
      expect(bombed.fileErrors[0]?.params).toMatchObject({ what: 'uncompressed' });
    });
  });
});
