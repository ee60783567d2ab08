/*
 * Onboarding at national scale (issue 17): one units file of 3,300 communes and wards and one blocs
 * file of 400 cụm with their members, previewed and imported in-process through the services
 * (the HTTP upload itself is not timed), on a fresh database of each kind.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { excel } from '../src/common/lazy/exceljs';
import { BlocImportService } from '../src/onboarding/bloc-import.service';
import { BLOC_COLUMNS, UNIT_COLUMNS } from '../src/onboarding/import-columns';
import { UnitImportService } from '../src/onboarding/unit-import.service';
import type { DbKind } from './harness';
import type { OnboardingTimings } from './onboarding-table';
import { msSince } from './stats';

export const ONBOARDING_UNITS = 3300;
export const ONBOARDING_BLOCS = 400;

async function xlsx(header: string[], rows: (string | number)[][]): Promise<Buffer> {
  const wb = new (excel().Workbook)();
  const ws = wb.addWorksheet('Dữ liệu');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The two files: every unit in the province, blocs of 8 or 9 units each for one year. */
export async function onboardingFiles(): Promise<{
  units: Buffer;
  blocs: Buffer;
  members: number;
}> {
  const code = (i: number) => `BX-${String(i + 1).padStart(5, '0')}`;
  const units = await xlsx(
    Object.values(UNIT_COLUMNS).map((c) => c.label),
    Array.from({ length: ONBOARDING_UNITS }, (_, i) => [
      code(i),
      i % 7 === 0 ? 'phường' : 'xã',
      `Đơn vị ${i + 1}`,
      '',
      '',
      '01/07/2025',
      '',
      '',
      '',
    ]),
  );
  const rows: (string | number)[][] = [];
  for (let i = 0; i < ONBOARDING_UNITS; i++) {
    const b = i % ONBOARDING_BLOCS;
    const first = i < ONBOARDING_BLOCS;
    const second = i >= ONBOARDING_BLOCS && i < 2 * ONBOARDING_BLOCS;
    rows.push([
      `BC-${String(b + 1).padStart(3, '0')}`,
      `Cụm thi đua số ${b + 1}`,
      'cụm',
      2026,
      code(i),
      first ? 'Cụm trưởng' : second ? 'Cụm phó' : '',
      '',
    ]);
  }
  const blocs = await xlsx(
    Object.values(BLOC_COLUMNS).map((c) => c.label),
    rows,
  );
  return { units, blocs, members: rows.length };
}

/** Times preview and import of both files, then a second import of the units file (writes nothing). */
export async function benchOnboarding(
  app: INestApplicationContext,
  kind: DbKind,
  log: (m: string) => void,
): Promise<OnboardingTimings> {
  const ds = app.get<DataSource>(getDataSourceToken());
  const hp = await ds.query<{ id: number }[]>(`SELECT "id" FROM "province" WHERE "code" = 'HP'`);
  const provinceId = Number(hp[0]!.id);
  const files = await onboardingFiles();
  const units = app.get(UnitImportService);
  const blocs = app.get(BlocImportService);
  const time = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
    const t = process.hrtime.bigint();
    const r = await f();
    return [r, msSince(t)];
  };
  const file = (buffer: Buffer, name: string) => ({ originalname: name, buffer });
  const [p1, unitsPreviewMs] = await time(() =>
    units.preview(provinceId, file(files.units, 'u.xlsx')),
  );
  if (!p1.ok || p1.unitsToInsert !== ONBOARDING_UNITS) throw new Error('units preview not ok');
  const [i1, unitsImportMs] = await time(() =>
    units.import(provinceId, file(files.units, 'u.xlsx')),
  );
  if (i1.written !== ONBOARDING_UNITS) throw new Error(`units import wrote ${i1.written}`);
  const [p2, blocsPreviewMs] = await time(() =>
    blocs.preview(provinceId, file(files.blocs, 'b.xlsx')),
  );
  if (!p2.ok)
    throw new Error(
      `blocs preview not ok: ${JSON.stringify(p2.terms.find((x) => x.errors.length))}`,
    );
  const [i2, blocsImportMs] = await time(() =>
    blocs.import(provinceId, file(files.blocs, 'b.xlsx')),
  );
  if (i2.written !== 2 * ONBOARDING_BLOCS + files.members)
    throw new Error(`blocs import wrote ${i2.written}`);
  const [again, reimportMs] = await time(() =>
    units.import(provinceId, file(files.units, 'u.xlsx')),
  );
  if (again.written !== 0) throw new Error('second import wrote rows');
  const r = {
    kind,
    units: ONBOARDING_UNITS,
    blocs: ONBOARDING_BLOCS,
    members: files.members,
    unitsPreviewMs,
    unitsImportMs,
    blocsPreviewMs,
    blocsImportMs,
    reimportMs,
  };
  log(`${kind}: onboarding ${JSON.stringify(r)}`);
  return r;
}
