import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import { ProvinceEntity } from '../registry/provinces/province.entity';

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
    const known = new Set((await repo.find({ select: { code: true } })).map((p) => p.code));
    const missing = reference.filter((p) => !known.has(p.code));
    // "Or ignore": two instances starting together on one database both try; the second inserts nothing.
    if (missing.length > 0)
      await em
        .createQueryBuilder()
        .insert()
        .into(ProvinceEntity)
        .values(
          missing.map((p) => ({
            code: p.code,
            name: p.name,
            fullName: p.fullName,
            validFrom: p.validFrom,
            validTo: p.validTo,
            successorId: null,
            version: 1,
          })),
        )
        .orIgnore()
        .execute();
    const byCode = new Map((await repo.find()).map((p) => [p.code, p]));
    let linked = 0;
    for (const p of reference) {
      const row = byCode.get(p.code);
      const successor = p.successorCode === null ? undefined : byCode.get(p.successorCode);
      if (!row || !successor || row.successorId !== null) continue;
      const r = await em
        .createQueryBuilder()
        .update(ProvinceEntity)
        .set({ successorId: successor.id, version: row.version + 1 })
        .where('id = :id AND successor_id IS NULL', { id: row.id })
        .execute();
      linked += r.affected ?? 0;
    }
    const inserted = missing.filter((p) => byCode.has(p.code)).length;
    return { inserted, linked };
  });
}
