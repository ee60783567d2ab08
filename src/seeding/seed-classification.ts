import type { EntityManager } from 'typeorm';
import { BlocTermEntity } from '../registry/blocs/bloc-term.entity';
import { BlocEntity } from '../registry/blocs/bloc.entity';
import { ClassificationSchemeEntity } from '../scoring/classification/classification-scheme.entity';
import { UnitClassificationEntity } from '../scoring/classification/unit-classification.entity';
import { deriveClassification } from '../domain/classification/derive';
import {
  checkScale,
  type ClassificationLevel,
  type ClassificationMethod,
} from '../domain/classification/scale';
import type { CriteriaSet } from '../domain/scoring/criteria-set';
import { computeUnitTotals } from '../domain/scoring/totals';

export interface ClassificationFile {
  blocCode: string;
  year: number;
  method: ClassificationMethod;
  basis: string;
  levels: { label: string; minPoints: number | null }[];
}

/**
 * The sample scale of the Hải Dương 2023 bloc and each unit's level derived from its agreed total
 * (the same pure rule as the API's derive). Written once: a term that already has a scale is left
 * as the office keeps it.
 */
export async function seedClassification(
  em: EntityManager,
  file: ClassificationFile,
  set: CriteriaSet,
  agreedPoints: ReadonlyMap<number, Record<string, number>>,
  count: (kind: 'inserted' | 'unchanged', table: string) => void,
): Promise<void> {
  const bloc = await em.getRepository(BlocEntity).findOneBy({ code: file.blocCode });
  const term = bloc
    ? await em.getRepository(BlocTermEntity).findOneBy({ blocId: bloc.id, year: file.year })
    : null;
  if (!term) throw new Error(`seed: no term ${file.blocCode}/${file.year}`);
  if (await em.getRepository(ClassificationSchemeEntity).findOneBy({ blocTermId: term.id })) {
    count('unchanged', 'classification_scheme');
    return;
  }
  const levels: ClassificationLevel[] = file.levels.map((l, i) => ({
    rank: i + 1,
    label: l.label,
    minTotal: l.minPoints === null ? null : Math.round(l.minPoints * 100),
  }));
  const scale = { method: file.method, levels };
  const problems = checkScale(scale);
  if (problems.length > 0)
    throw new Error(
      `seed: invalid classification scale: ${problems.map((p) => p.message).join('; ')}`,
    );
  await em.getRepository(ClassificationSchemeEntity).insert({
    blocTermId: term.id,
    method: file.method,
    levels: JSON.stringify(levels),
    basis: file.basis,
    votingRule: null,
    version: 1,
  });
  count('inserted', 'classification_scheme');
  if (file.method !== 'DERIVED') return;
  for (const [unitId, values] of agreedPoints) {
    const totals = computeUnitTotals(
      set,
      Object.entries(values).map(([code, points]) => ({ code, value: Math.round(points * 100) })),
    );
    if (!totals.ok) continue;
    const derived = deriveClassification(totals.value.grandTotal, scale);
    if (!derived.ok) continue;
    await em.getRepository(UnitClassificationEntity).insert({
      blocTermId: term.id,
      unitId,
      levelRank: derived.value.level.rank,
      levelLabel: derived.value.level.label,
      method: 'DERIVED',
      basis: JSON.stringify(derived.value.basis),
      version: 1,
    });
    count('inserted', 'unit_classification');
  }
}
