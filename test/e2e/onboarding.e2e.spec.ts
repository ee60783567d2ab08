import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { loadReferenceProvinces } from '../../src/seeding/reference-provinces';
import { createTestApp, rowCounts, type TestApp } from '../helpers/test-app';

/** Collects a binary body (xlsx) into a Buffer. */
function binary(res: Response, done: (err: Error | null, body: Buffer) => void): void {
  const parts: Buffer[] = [];
  res.on('data', (c: Buffer) => parts.push(c));
  res.on('end', () => done(null, Buffer.concat(parts)));
}

async function sheetFrom(template: Buffer, rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as never);
  const ws = wb.worksheets[0]!;
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface Province {
  id: number;
  code: string;
  fullName: string;
  validTo: string | null;
  predecessorIds: number[];
}

describe('Onboarding a province after the 2025 reform: reference provinces, imports, rollover', () => {
  let t: TestApp;
  let provinces: Province[];
  let hp: Province;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    provinces = (await t.http().get('/api/provinces').expect(200)).body as Province[];
    hp = provinces.find((p) => p.code === 'HP')!;
  });
  afterAll(() => t.close());

  describe('reference provinces (Resolution 202/2025/QH15)', () => {
    it('lists the 63 provinces before and the 34 after, with which old ones form each new one', async () => {
      expect(provinces).toHaveLength(86);
      const before = (await t.http().get('/api/provinces?activeOn=2025-06-30').expect(200))
        .body as Province[];
      const after = (await t.http().get('/api/provinces?activeOn=2025-07-01').expect(200))
        .body as Province[];
      expect(before).toHaveLength(63);
      expect(after).toHaveLength(34);
      const byId = new Map(provinces.map((p) => [p.id, p]));
      expect(hp.predecessorIds.map((id) => byId.get(id)!.fullName).sort()).toEqual([
        'thành phố Hải Phòng',
        'tỉnh Hải Dương',
      ]);
      const hcm = after.find((p) => p.code === 'HCM')!;
      expect(hcm.predecessorIds.map((id) => byId.get(id)!.fullName).sort()).toEqual([
        'Thành phố Hồ Chí Minh',
        'tỉnh Bà Rịa - Vũng Tàu',
        'tỉnh Bình Dương',
      ]);
      // 52 old provinces form the 23 new ones; 11 are unchanged.
      expect(after.filter((p) => p.predecessorIds.length > 0)).toHaveLength(23);
      expect(before.filter((p) => p.validTo !== null)).toHaveLength(52);
    });

    it('is loaded on every start and a second load writes nothing', async () => {
      expect(await loadReferenceProvinces(t.dataSource)).toEqual({ inserted: 0, linked: 0 });
    });
  });

  describe('units from the template', () => {
    let template: Buffer;
    const communes = Array.from({ length: 100 }, (_, i) => {
      const n = String(i + 1).padStart(3, '0');
      return [
        `HP-X${n}`,
        i % 10 === 0 ? 'phường' : 'xã',
        `Xã Thử ${n}`,
        '',
        '',
        '01/07/2025',
        '',
        '',
        '',
      ];
    });
    // Several old units → one new (Cẩm Giàng + Gia Lộc → X001); one old → several new (Tứ Kỳ → X002, X003).
    communes[0]![8] = 'HD-CG; HD-GL';
    communes[1]![8] = 'HD-TK';
    communes[2]![8] = 'HD-TK';

    beforeAll(async () => {
      template = (
        await t
          .http()
          .get(`/api/provinces/${hp.id}/units-import/template`)
          .buffer(true)
          .parse(binary)
          .expect(200)
      ).body as Buffer;
    });

    it('offers the template as Excel and CSV with the expected header', async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(template as never);
      expect(wb.worksheets[0]!.getRow(1).values).toEqual([
        undefined,
        'Mã đơn vị',
        'Loại',
        'Tên',
        'Tên đầy đủ',
        'Tên tập thể',
        'Hiệu lực từ',
        'Hiệu lực đến',
        'Mã tỉnh',
        'Mã đơn vị tiền thân',
      ]);
      const csv = await t
        .http()
        .get(`/api/provinces/${hp.id}/units-import/template?format=csv`)
        .expect(200);
      expect(csv.text).toContain('Mã đơn vị,Loại,Tên');
    });

    it('previews every row and writes nothing, then imports all 100 communes with their lineage, once', async () => {
      const file = await sheetFrom(template, communes);
      const before = await rowCounts(t.dataSource);
      const preview = (
        await t
          .http()
          .post(`/api/provinces/${hp.id}/units-import/preview`)
          .attach('file', file, 'don-vi.xlsx')
          .expect(200)
      ).body;
      expect(preview).toMatchObject({
        ok: true,
        rowsRead: 100,
        unitsToInsert: 100,
        unitsToUpdate: 0,
        linksToInsert: 4,
        written: 104,
        saved: false,
      });
      expect(preview.rows).toHaveLength(100);
      expect(await rowCounts(t.dataSource)).toEqual(before);

      const done = (
        await t
          .http()
          .post(`/api/provinces/${hp.id}/units-import`)
          .attach('file', file, 'don-vi.xlsx')
          .expect(200)
      ).body;
      expect(done).toMatchObject({ ok: true, written: 104, saved: true });
      const after = await rowCounts(t.dataSource);
      expect(after.unit).toBe(before.unit! + 100);
      expect(after.unit_lineage).toBe(before.unit_lineage! + 4);
      expect(after.audit_log).toBe(before.audit_log! + 104);

      const units = (await t.http().get(`/api/units?provinceId=${hp.id}&pageSize=200`).expect(200))
        .body.items as {
        id: number;
        code: string;
        fullName: string;
        collectiveName: string;
        typeLabel: string;
      }[];
      const x001 = units.find((u) => u.code === 'HP-X001')!;
      expect(x001).toMatchObject({
        typeLabel: 'phường',
        fullName: 'phường Xã Thử 001',
        collectiveName: 'Đảng bộ, chính quyền và nhân dân phường Xã Thử 001',
      });
      const detail = (await t.http().get(`/api/units/${x001.id}`).expect(200)).body;
      expect(detail.predecessors).toHaveLength(2);
      expect(detail.predecessors[0]).toMatchObject({
        kind: 'MERGED_INTO',
        effectiveDate: '2025-07-01',
      });
      const x002 = units.find((u) => u.code === 'HP-X002')!;
      expect(
        (await t.http().get(`/api/units/${x002.id}`).expect(200)).body.predecessors[0],
      ).toMatchObject({
        kind: 'SPLIT_INTO',
      });

      const again = (
        await t
          .http()
          .post(`/api/provinces/${hp.id}/units-import`)
          .attach('file', file, 'don-vi.xlsx')
          .expect(200)
      ).body;
      expect(again).toMatchObject({ ok: true, written: 0, unitsUnchanged: 100 });
      expect(await rowCounts(t.dataSource)).toEqual(after);
      // the import's audit rows (written in one batch) are signed into the keyed chain like single rows
      expect((await t.http().get('/api/audit/verify').expect(200)).body).toMatchObject({
        ok: true,
      });
    });

    it('finds the award history of a predecessor from its successor', async () => {
      const award = Buffer.from(
        '\uFEFFma_don_vi,nam,ma_hinh_thuc,so_quyet_dinh,ngay_quyet_dinh,cap_quyet_dinh\r\n' +
          'HD-CG,2021,PROV_MERIT,12/QĐ-UBND,15/03/2022,Chủ tịch UBND tỉnh\r\n',
        'utf8',
      );
      await t.http().post('/api/awards/import').attach('file', award, 'ls.csv').expect(200);
      const x001 = (await t.http().get('/api/units?q=HP-X001').expect(200)).body.items[0] as {
        id: number;
      };
      const own = (await t.http().get(`/api/awards?unitId=${x001.id}`).expect(200)).body;
      expect(own).toEqual([]);
      const inherited = (
        await t.http().get(`/api/awards?unitId=${x001.id}&withPredecessors=true`).expect(200)
      ).body;
      expect(inherited).toEqual([
        expect.objectContaining({
          year: 2021,
          inherited: true,
          unit: expect.objectContaining({ code: 'HD-CG' }),
        }),
      ]);
    });

    it('lists each refused row with its errors and writes nothing, not even the good rows (CSV)', async () => {
      const csv = Buffer.from(
        [
          '\uFEFFMã đơn vị,Loại,Tên,Hiệu lực từ,Hiệu lực đến,Mã đơn vị tiền thân',
          'HP-Y001,xã,Tốt,01/07/2025,,',
          'HP-Y002,làng,Sai loại,01/07/2025,,',
          'HP-Y003,xã,Sai tiền thân,01/07/2025,,HD-KHONG-CO',
          'HP-Y004,xã,Tiền thân chưa hết,01/07/2025,,HP-X010',
          'HP-Y005,xã,Sai ngày,31/02/2025,,',
          'HP-Y001,xã,Trùng mã,01/07/2025,,',
        ].join('\r\n'),
        'utf8',
      );
      const before = await rowCounts(t.dataSource);
      const preview = (
        await t
          .http()
          .post(`/api/provinces/${hp.id}/units-import/preview`)
          .attach('file', csv, 'don-vi.csv')
          .expect(200)
      ).body;
      expect(preview.ok).toBe(false);
      expect(preview.written).toBe(0);
      const codes = (row: number) =>
        (preview.rows as { rowNumber: number; errors: { code: string }[] }[])
          .find((r) => r.rowNumber === row)!
          .errors.map((e) => e.code);
      expect(codes(2)).toEqual([]);
      expect(codes(3)).toEqual(['UNIT_ROW_BAD_TYPE']);
      expect(codes(4)).toEqual(['UNIT_ROW_UNKNOWN_PREDECESSOR']);
      expect(codes(5)).toEqual(['UNIT_ROW_PREDECESSOR_NOT_ENDED']);
      expect(codes(6)).toEqual(['UNIT_ROW_BAD_DATE']);
      expect(codes(7)).toEqual(['UNIT_ROW_DUPLICATE']);
      const refused = await t
        .http()
        .post(`/api/provinces/${hp.id}/units-import`)
        .attach('file', csv, 'don-vi.csv')
        .expect(422);
      expect(refused.body.code).toBe('UNIT_IMPORT_REJECTED');
      expect(await rowCounts(t.dataSource)).toEqual(before);
    });

    it('refuses a file whose header is not the template', async () => {
      const csv = Buffer.from('ma,ten\r\nA,B\r\n', 'utf8');
      const r = (
        await t
          .http()
          .post(`/api/provinces/${hp.id}/units-import/preview`)
          .attach('file', csv, 'x.csv')
          .expect(200)
      ).body;
      expect(r).toMatchObject({ ok: false, written: 0 });
      expect(r.fileErrors[0].code).toBe('UNIT_IMPORT_BAD_HEADER');
    });
  });

  describe('blocs, a year, and the rollover', () => {
    let template: Buffer;
    const cum = (i: number) => `HP-CUM-${String(i).padStart(2, '0')}`;
    // Ten cụm of ten communes for 2026; the first of each is cụm trưởng, the second cụm phó.
    const rows = Array.from({ length: 100 }, (_, i) => {
      const c = Math.floor(i / 10) + 1;
      const role = i % 10 === 0 ? 'Cụm trưởng' : i % 10 === 1 ? 'Cụm phó' : '';
      return [
        cum(c),
        `Cụm thi đua số ${c}`,
        'cụm',
        2026,
        `HP-X${String(i + 1).padStart(3, '0')}`,
        role,
        '',
      ];
    });
    const blocId = async (code: string) =>
      (
        (await t.http().get(`/api/blocs?pageSize=100`).expect(200)).body.items as {
          id: number;
          code: string;
        }[]
      ).find((b) => b.code === code)!.id;

    beforeAll(async () => {
      template = (
        await t
          .http()
          .get(`/api/provinces/${hp.id}/blocs-import/template`)
          .buffer(true)
          .parse(binary)
          .expect(200)
      ).body as Buffer;
    });

    it('refuses a unit listed in two cụm of the same year, writing nothing', async () => {
      const bad = await sheetFrom(template, [
        ...rows,
        [cum(2), 'Cụm thi đua số 2', 'cụm', 2026, 'HP-X001', '', ''],
      ]);
      const before = await rowCounts(t.dataSource);
      const preview = (
        await t
          .http()
          .post(`/api/provinces/${hp.id}/blocs-import/preview`)
          .attach('file', bad, 'khoi.xlsx')
          .expect(200)
      ).body;
      expect(preview.ok).toBe(false);
      const errors = (preview.terms as { errors: { code: string }[] }[]).flatMap((x) =>
        x.errors.map((e) => e.code),
      );
      expect(errors).toContain('BLOC_MEMBER_IN_OTHER_BLOC');
      const r = await t
        .http()
        .post(`/api/provinces/${hp.id}/blocs-import`)
        .attach('file', bad, 'khoi.xlsx')
        .expect(422);
      expect(r.body.code).toBe('BLOC_IMPORT_REJECTED');
      expect(await rowCounts(t.dataSource)).toEqual(before);
    });

    it('imports ten cụm with their 2026 terms and members, once, and rolls the year over as previewed', async () => {
      const file = await sheetFrom(template, rows);
      const preview = (
        await t
          .http()
          .post(`/api/provinces/${hp.id}/blocs-import/preview`)
          .attach('file', file, 'khoi.xlsx')
          .expect(200)
      ).body;
      expect(preview).toMatchObject({
        ok: true,
        rowsRead: 100,
        blocsToInsert: 10,
        termsToInsert: 10,
        membersToWrite: 100,
        written: 120,
      });
      const done = (
        await t
          .http()
          .post(`/api/provinces/${hp.id}/blocs-import`)
          .attach('file', file, 'khoi.xlsx')
          .expect(200)
      ).body;
      expect(done).toMatchObject({ ok: true, written: 120, saved: true });
      const again = (
        await t
          .http()
          .post(`/api/provinces/${hp.id}/blocs-import`)
          .attach('file', file, 'khoi.xlsx')
          .expect(200)
      ).body;
      expect(again).toMatchObject({ ok: true, written: 0, termsUnchanged: 10 });
      const c1 = await blocId(cum(1));
      const term2026 = (await t.http().get(`/api/blocs/${c1}/terms/2026`).expect(200)).body;
      expect(term2026).toMatchObject({
        memberCount: 10,
        headUnit: { code: 'HP-X001' },
        deputyUnit: { code: 'HP-X002' },
      });

      // The year: cụm 1 signs its criteria; HP-X015 (cụm 2) ends on 31/12/2026; HP-X025 (cụm 3)
      // is already placed by hand in another cụm for 2027.
      const criteria = JSON.parse(
        fs.readFileSync(
          path.join(__dirname, '../../seeds/haiduong-2023/criteria-2023.json'),
          'utf8',
        ),
      ) as { definition: unknown };
      const set = (
        await t
          .http()
          .post(`/api/blocs/${c1}/terms/2026/criteria-sets`)
          .send({ definition: criteria.definition })
          .expect(201)
      ).body;
      await t
        .http()
        .post(`/api/criteria-sets/${set.id}/lock`)
        .send({ version: set.version, signedOn: '2026-03-02' })
        .expect(200);
      const units = (await t.http().get(`/api/units?provinceId=${hp.id}&pageSize=200`).expect(200))
        .body.items as {
        id: number;
        code: string;
        version: number;
      }[];
      const x015 = units.find((u) => u.code === 'HP-X015')!;
      await t
        .http()
        .patch(`/api/units/${x015.id}`)
        .send({ version: x015.version, validTo: '2026-12-31' })
        .expect(200);
      const other = (
        await t
          .http()
          .post('/api/blocs')
          .send({ code: 'HP-CUM-KHAC', name: 'Cụm khác', kind: 'CUM', provinceId: hp.id })
          .expect(201)
      ).body;
      const x025 = units.find((u) => u.code === 'HP-X025')!;
      await t
        .http()
        .post(`/api/blocs/${other.id}/terms`)
        .send({ year: 2027, memberUnitIds: [x025.id] })
        .expect(201);

      const before = await rowCounts(t.dataSource);
      const plan = (
        await t.http().post(`/api/provinces/${hp.id}/rollover/preview?year=2026`).expect(200)
      ).body;
      expect(await rowCounts(t.dataSource)).toEqual(before);
      expect(plan).toMatchObject({
        fromYear: 2026,
        toYear: 2027,
        termsToCreate: 10,
        membersToCreate: 98,
        criteriaDraftsToCreate: 1,
        refusedMembers: 2,
      });
      type PlanBloc = {
        blocId: number;
        blocCode: string;
        outcome: string;
        members: { unitCode: string }[];
        refused: { unitCode: string; code: string }[];
      };
      const byCode = new Map((plan.blocs as PlanBloc[]).map((b) => [b.blocCode, b]));
      expect(byCode.get('HP-CUM-KHAC')!.outcome).toBe('NO_TERM');
      expect(byCode.get(cum(2))!.refused).toEqual([
        expect.objectContaining({ unitCode: 'HP-X015', code: 'ROLLOVER_UNIT_DISSOLVED' }),
      ]);
      expect(byCode.get(cum(3))!.refused).toEqual([
        expect.objectContaining({ unitCode: 'HP-X025', code: 'ROLLOVER_UNIT_IN_TWO_BLOCS' }),
      ]);

      const applied = (
        await t.http().post(`/api/provinces/${hp.id}/rollover?year=2026`).expect(200)
      ).body;
      expect(applied).toMatchObject({ termsToCreate: 10, membersToCreate: 98, saved: true });
      for (const b of (plan.blocs as PlanBloc[]).filter((x) => x.outcome === 'CREATE')) {
        const term = (await t.http().get(`/api/blocs/${b.blocId}/terms/2027`).expect(200)).body;
        expect((term.members as { code: string }[]).map((m) => m.code).sort()).toEqual(
          b.members.map((m) => m.unitCode).sort(),
        );
      }
      const drafts = (await t.http().get(`/api/blocs/${c1}/terms/2027/criteria-sets`).expect(200))
        .body as {
        status: string;
      }[];
      expect(drafts).toEqual([expect.objectContaining({ status: 'DRAFT' })]);
      const afterApply = await rowCounts(t.dataSource);
      expect(afterApply.bloc_term).toBe(before.bloc_term! + 10);
      expect(afterApply.bloc_member).toBe(before.bloc_member! + 98);

      const twice = await t.http().post(`/api/provinces/${hp.id}/rollover?year=2026`).expect(409);
      expect(twice.body.code).toBe('ROLLOVER_NOTHING_TO_CREATE');
      expect(await rowCounts(t.dataSource)).toEqual(afterApply);
    });
  });

  describe('web pages', () => {
    let cookie: string;
    let csrf: string;

    beforeAll(async () => {
      await t.login({ username: 'web.onboard', role: 'OFFICE_STAFF' });
      const res = await t
        .anon()
        .post('/web/login')
        .type('form')
        .send({ username: 'web.onboard', password: 'mat-khau-thu-nghiem-2024' });
      cookie = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    });

    it('lets the office pick its province, preview a units file and confirm it', async () => {
      const page = await t
        .anon()
        .get(`/web/onboarding?tinh=${hp.id}`)
        .set('Cookie', cookie)
        .expect(200);
      expect(page.text).toContain('thành phố Hải Phòng');
      expect(page.text).toContain('Hợp thành từ:');
      expect(page.text).toContain(`/api/provinces/${hp.id}/units-import/template`);
      expect(page.text).toContain('tỉnh Tuyên Quang (01/08/2008 – 30/06/2025)');
      csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
      const csv = Buffer.from(
        '\uFEFFMã đơn vị,Loại,Tên,Hiệu lực từ\r\nHP-W001,xã,Web Một,01/07/2025\r\nHP-W002,đặc khu,Web Hai,01/07/2025\r\n',
        'utf8',
      );
      const preview = await t
        .anon()
        .post('/web/onboarding/units/preview')
        .field('_csrf', csrf)
        .set('Cookie', cookie)
        .field('provinceId', String(hp.id))
        .attach('file', csv, 'web.csv')
        .expect(200);
      expect(preview.text).toContain('Sẽ ghi 2 bản ghi.');
      expect(preview.text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
      // As a browser reads the hidden field: Handlebars escapes "=" (base64 padding) as &#x3D;.
      const sheet = /name="sheet" value="([^"]+)"/.exec(preview.text)![1]!.replace(/&#x3D;/g, '=');
      const before = await rowCounts(t.dataSource);
      await t
        .anon()
        .post('/web/onboarding/units/import')
        .field('_csrf', csrf)
        .set('Cookie', cookie)
        .field('provinceId', String(hp.id))
        .field('fileName', 'web.csv')
        .field('sheet', sheet)
        .expect(303);
      expect((await rowCounts(t.dataSource)).unit).toBe(before.unit! + 2);
    });

    it('shows the rollover preview of a year, writing nothing', async () => {
      const before = await rowCounts(t.dataSource);
      const res = await t
        .anon()
        .post('/web/onboarding/rollover/preview')
        .set('Cookie', cookie)
        .type('form')
        .send({ _csrf: csrf, provinceId: String(hp.id), year: '2027' })
        .expect(200);
      expect(res.text).toContain('Năm 2028: sẽ tạo 11 nhiệm kỳ');
      expect(await rowCounts(t.dataSource)).toEqual(before);
    });
  });
});
