import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import { ProvinceEntity } from '../provinces/province.entity';

export const REFERENCE_DIR = path.join(__dirname, '..', '..', 'seeds', 'reference');

export interface ReferenceProvince {
  code: string;
  name: string;
  fullName: string;
  validFrom: string;
  validTo: string | null;
  successorCode: string | null;
}

/** The 63 provinces before and the 34 after Resolution 202/2025/QH15, with their lineage. */
export function readReferenceProvinces(): ReferenceProvince[] {
  const file = JSON.parse(fs.readFileSync(path.join(REFERENCE_DIR, 'provinces.json'), 'utf8')) as {
    provinces: ReferenceProvince[];
  };
  return file.provinces;
}

export interface ReferenceLoadReport {
  inserted: number;
  linked: number;
}

/**
 * Loads the reference provinces on every start: inserts the ones missing (by code) and sets a
 * missing successor link. Rows already there are left as they are (an office may have corrected
 * one), so a second run writes nothing.
 */
export async function loadReferenceProvinces(dataSource: DataSource): Promise<ReferenceLoadReport> {
  const reference = readReferenceProvinces();
  return dataSource.transaction(async (em) => {
    const repo = em.getRepository(ProvinceEntity);
    const existing = new Map((await repo.find()).map((p) => [p.code, p]));
    let inserted = 0;
    let linked = 0;
    for (const p of reference) {
      if (existing.has(p.code)) continue;
      const row = await repo.save(
        repo.create({
          code: p.code,
          name: p.name,
          fullName: p.fullName,
          validFrom: p.validFrom,
          validTo: p.validTo,
          successorId: null,
        }),
      );
      existing.set(p.code, row);
      inserted++;
    }
    for (const p of reference) {
      const row = existing.get(p.code);
      const successor = p.successorCode === null ? undefined : existing.get(p.successorCode);
      if (!row || !successor || row.successorId !== null) continue;
      await repo.update({ id: row.id }, { successorId: successor.id, version: row.version + 1 });
      linked++;
    }
    return { inserted, linked };
  });
}
