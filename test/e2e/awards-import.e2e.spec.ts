import ExcelJS from 'exceljs';
import { createTestApp, rowCounts, type TestApp } from '../helpers/test-app';

describe('Awards history import (CSV and Excel)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(() => t.close());

  const csv = (lines: string[]) => Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
  const header = 'ma_don_vi,nam,ma_hinh_thuc,so_quyet_dinh,ngay_quyet_dinh,cap_quyet_dinh';

  it('previews, imports once, and a second import writes nothing', async () => {
    const file = csv([
      header,
      'HD-CG,2021,PROV_MERIT,123/QĐ-UBND,15/03/2022,Chủ tịch UBND tỉnh',
      'HD-TPHD,2022,PROV_FLAG,456/QĐ-UBND,2023-03-10,Chủ tịch UBND tỉnh',
    ]);
    const before = await rowCounts(t.dataSource);
    const preview = (
      await t
        .http()
        .post('/api/awards/import/preview')
        .attach('file', file, 'lich-su.csv')
        .expect(200)
    ).body;
    expect(preview).toMatchObject({ ok: true, rowsRead: 2, rowsToWrite: 2, saved: false });
    expect(await rowCounts(t.dataSource)).toEqual(before);
    const done = (
      await t.http().post('/api/awards/import').attach('file', file, 'lich-su.csv').expect(200)
    ).body;
    expect(done).toMatchObject({ ok: true, rowsToWrite: 2, saved: true });
    expect((await rowCounts(t.dataSource)).award_history).toBe(before.award_history! + 2);
    const again = (
      await t.http().post('/api/awards/import').attach('file', file, 'lich-su.csv').expect(200)
    ).body;
    expect(again.rowsToWrite).toBe(0);
    const list = (await t.http().get('/api/awards?year=2021').expect(200)).body;
    expect(list).toEqual([
      expect.objectContaining({
        year: 2021,
        decisionDate: '2022-03-15',
        source: 'IMPORT',
        tier: expect.objectContaining({ code: 'PROV_MERIT' }),
      }),
    ]);
  });

  it('reads an Excel file the same way', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Khen thưởng');
    ws.addRow(header.split(','));
    ws.addRow(['HD-GL', 2020, 'PROV_MERIT', '77/QĐ-UBND', '01/04/2021', 'Chủ tịch UBND tỉnh']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const r = (
      await t.http().post('/api/awards/import').attach('file', buf, 'lich-su.xlsx').expect(200)
    ).body;
    expect(r).toMatchObject({ ok: true, rowsToWrite: 1 });
  });

  it('refuses a file with bad rows, naming each row, and writes nothing', async () => {
    const file = csv([
      header,
      'HD-XX,2021,PROV_MERIT,,,',
      'HD-CG,20x1,PROV_MERIT,,,',
      'HD-CG,2019,NO_SUCH,,,',
      'HD-KT,2019,PROV_MERIT,1/QĐ,31/02/2020,',
      'HD-NS,2018,PROV_MERIT,,,',
    ]);
    const before = await rowCounts(t.dataSource);
    const res = await t.http().post('/api/awards/import').attach('file', file, 'x.csv').expect(422);
    expect(res.body.code).toBe('AWARD_IMPORT_REJECTED');
    const msgs = (res.body.details as { message: string; code: string }[]).map((d) => d.message);
    for (const row of [2, 3, 4, 5])
      expect(msgs.some((m) => m.startsWith(`Dòng ${row}:`))).toBe(true);
    expect(msgs.some((m) => m.startsWith('Dòng 6:'))).toBe(false);
    expect(await rowCounts(t.dataSource)).toEqual(before);
    const bin = await t
      .http()
      .post('/api/awards/import/preview')
      .attach('file', Buffer.from([0, 1, 2, 3, 0]), 'x.csv')
      .expect(200);
    expect(bin.body.fileErrors[0].code).toBe('AWARD_FILE_UNREADABLE');
    const noCol = await t
      .http()
      .post('/api/awards/import/preview')
      .attach('file', csv(['don_vi,nam', 'HD-CG,2020']), 'x.csv')
      .expect(200);
    expect(noCol.body.fileErrors[0].code).toBe('AWARD_FILE_MISSING_COLUMN');
  });
});
