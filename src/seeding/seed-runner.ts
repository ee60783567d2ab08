/**
 * Loads the reference data set (Hải Dương 2023: province, units, bloc and terms, tiers and rules,
 * criteria, scores, award history, the demo meeting) into an empty database. Over 400 lines on
 * purpose (issue 15 item 3): one concern, the order and shape of the seed files, written once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IsNull, type DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { AwardTierEntity } from '../award-tiers/award-tier.entity';
import { TierRuleEntity } from '../award-tiers/tier-rule.entity';
import { TierVotingRuleEntity } from '../award-tiers/tier-voting-rule.entity';
import { BlocMemberEntity } from '../registry/blocs/bloc-member.entity';
import { BlocTermEntity } from '../registry/blocs/bloc-term.entity';
import { BlocEntity } from '../registry/blocs/bloc.entity';
import { OrganizingBodyEntity } from '../registry/organizing-bodies/organizing-body.entity';
import type { Comparator } from '../domain/common/fraction';
import { UNIT_TYPE_LABELS, type BlocKind, type UnitType } from '../domain/registry/unit-types';
import type {
  SelfVotePolicy,
  TieBreak,
  VoteDenominator,
  VotingBody,
} from '../domain/registry/tiers';
import { ProvinceEntity } from '../registry/provinces/province.entity';
import { CriteriaItemEntity } from '../criteria/criteria-item.entity';
import { CriteriaSetEntity } from '../criteria/criteria-set.entity';
import { bodyToRows, rowsToDomain } from '../criteria/criteria.mapper';
import type { CriteriaSetBodyDto } from '../criteria/dto/criteria.dto';
import { validateCriteriaSet } from '../domain/scoring/criteria-set';
import { SCORING_PHASES, type ScoringPhase } from '../domain/scoring/phase';
import { ScoreEntryEntity, type ScoreStageCode } from '../scoring/score-entry.entity';
import { ScoringPhaseTransitionEntity } from '../scoring/scoring-phase-transition.entity';
import { UnitEntity } from '../registry/units/unit.entity';
import { viDate } from '../domain/common/vi-date';
import { seedClassification, type ClassificationFile } from './seed-classification';

export const SEED_DIR = path.join(__dirname, '..', '..', 'seeds', 'haiduong-2023');

interface ProvincesFile {
  provinces: {
    code: string;
    name: string;
    fullName: string;
    validFrom: string;
    validTo: string | null;
    successorCode: string | null;
  }[];
}
interface UnitsFile {
  provinceCode: string;
  validFrom: string;
  validTo: string | null;
  units: { code: string; shortName: string; type: UnitType }[];
}
interface OrganizingBodiesFile {
  organizingBodies: {
    code: string;
    name: string;
    headerLine: string;
    place: string;
    locality: string;
    addressee: string;
    office: string;
    authorityCodes: string[];
  }[];
}
interface BlocsFile {
  blocs: {
    code: string;
    name: string;
    kind: BlocKind;
    provinceCode: string;
    organizingBodyCode: string | null;
    terms: {
      year: number;
      headUnitCode: string | null;
      deputyUnitCode: string | null;
      secretaryName: string | null;
      note: string | null;
      memberCodes: string[];
    }[];
  }[];
}
interface VotingPreset {
  body: VotingBody;
  threshold: [number, number];
  thresholdComparator: Comparator;
  denominator: VoteDenominator;
  quorum: [number, number];
  quorumComparator: Comparator;
  allowWrittenAbsentee: boolean;
  selfVote: SelfVotePolicy;
  tieBreak: TieBreak;
  secretBallot: boolean;
}
interface TiersFile {
  tiers: {
    code: string;
    name: string;
    decidingAuthority: string;
    rank: number;
    rules: {
      validFrom: string;
      validTo: string | null;
      legalDocument: string;
      legalArticle: string;
      isSample: boolean;
      perBlocQuota: number | null;
      leaderOnly: boolean;
      provinceCap: [number, number] | null;
      provinceCapMinOne?: boolean;
      voting: string;
    }[];
  }[];
  votingPresets: Record<string, VotingPreset[]>;
}

interface CriteriaFile {
  blocCode: string;
  year: number;
  signedOn: string;
  definition: CriteriaSetBodyDto;
}
interface ScoresFile {
  blocCode: string;
  year: number;
  phase: ScoringPhase;
  stages: ScoreStageCode[];
  scores: Record<string, Record<string, number>>;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(SEED_DIR, file), 'utf8')) as T;
}

/** What each table's rows are called in the seed's console summary. */
const SEED_TABLE_WORDS: Readonly<Record<string, string>> = {
  province: 'tỉnh',
  unit: 'đơn vị',
  organizing_body: 'cơ quan tổ chức khối, cụm',
  bloc: 'khối thi đua',
  bloc_term: 'năm thi đua của khối',
  bloc_member: 'lượt thành viên khối',
  award_tier: 'hình thức khen thưởng',
  tier_rule: 'quy định khen thưởng',
  tier_voting_rule: 'quy định biểu quyết',
  criteria_set: 'bộ tiêu chí',
  criteria_item: 'tiêu chí',
  score_entry: 'điểm chấm',
  scoring_phase_transition: 'bước chuyển giai đoạn chấm điểm',
  classification_scheme: 'thang xếp loại thi đua',
  unit_classification: 'xếp loại thi đua của đơn vị',
};

/** Counts of what a seed run wrote; `written` equals rows inserted plus rows updated. */
export class SeedReport {
  readonly inserted: Record<string, number> = {};
  readonly updated: Record<string, number> = {};
  readonly unchanged: Record<string, number> = {};

  count(kind: 'inserted' | 'updated' | 'unchanged', table: string): void {
    this[kind][table] = (this[kind][table] ?? 0) + 1;
  }

  get written(): number {
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    return sum(this.inserted) + sum(this.updated);
  }

  /** One sentence in Vietnamese words for the console: "thêm 1 tỉnh, 12 đơn vị, …". */
  get summary(): string {
    const fmt = (r: Record<string, number>) =>
      Object.entries(r)
        .map(([t, n]) => `${n} ${SEED_TABLE_WORDS[t] ?? 'dòng khác'}`)
        .join(', ');
    const parts = [
      Object.keys(this.inserted).length ? `thêm ${fmt(this.inserted)}` : '',
      Object.keys(this.updated).length ? `cập nhật ${fmt(this.updated)}` : '',
      Object.keys(this.unchanged).length ? `giữ nguyên ${fmt(this.unchanged)}` : '',
    ].filter(Boolean);
    return `Dữ liệu mẫu Hải Dương 2023: ${parts.join('; ') || 'không có gì thay đổi'}. Tổng số dòng đã ghi: ${this.written}.`;
  }
}

/** Inserts or updates one row found by its natural key; reports what was written. */
async function upsert<E extends object>(
  em: EntityManager,
  entity: new () => E,
  table: string,
  where: Partial<E>,
  values: Partial<E>,
  report: SeedReport,
  /** How the stored row is found, when more than `where` (the key a new row is made with). */
  find: FindOptionsWhere<E> = where as FindOptionsWhere<E>,
): Promise<E> {
  const repo = em.getRepository(entity);
  const existing = await repo.findOneBy(find);
  if (!existing) {
    const saved = await repo.save(repo.create({ ...where, ...values } as never) as E);
    report.count('inserted', table);
    return saved;
  }
  const changed = Object.entries(values).some(
    ([k, v]) => (existing as Record<string, unknown>)[k] !== v,
  );
  if (!changed) {
    report.count('unchanged', table);
    return existing;
  }
  Object.assign(existing, values);
  const saved = await repo.save(existing);
  report.count('updated', table);
  return saved;
}

/**
 * Loads the Hải Dương 2023 reference data set idempotently (upsert by natural key) in one
 * transaction; a second run writes nothing and reports 0 rows written.
 */
export async function seedReferenceData(dataSource: DataSource): Promise<SeedReport> {
  const provincesFile = readJson<ProvincesFile>('provinces.json');
  const unitsFile = readJson<UnitsFile>('units.json');
  const blocsFile = readJson<BlocsFile>('blocs.json');
  const bodiesFile = readJson<OrganizingBodiesFile>('organizing-bodies.json');
  const tiersFile = readJson<TiersFile>('award-tiers.json');
  const report = new SeedReport();

  await dataSource.transaction(async (em) => {
    const provinceIds = new Map<string, number>();
    // Successors first, so that each province row is written once with its successor link.
    let remaining = [...provincesFile.provinces];
    while (remaining.length > 0) {
      const ready = remaining.filter(
        (p) => p.successorCode === null || provinceIds.has(p.successorCode),
      );
      if (ready.length === 0)
        throw new Error('seed: province successor links form a cycle or name an unknown code');
      for (const p of ready) {
        const successorId =
          p.successorCode === null ? null : (provinceIds.get(p.successorCode) ?? null);
        const values = {
          name: p.name,
          fullName: p.fullName,
          validFrom: p.validFrom,
          validTo: p.validTo,
          successorId,
        };
        const row = await upsert(em, ProvinceEntity, 'province', { code: p.code }, values, report);
        provinceIds.set(p.code, row.id);
      }
      remaining = remaining.filter((p) => !provinceIds.has(p.code));
    }

    const unitIds = new Map<string, number>();
    const provinceId = provinceIds.get(unitsFile.provinceCode);
    if (provinceId === undefined)
      throw new Error(`seed: unknown province ${unitsFile.provinceCode}`);
    for (const u of unitsFile.units) {
      const fullName = `${UNIT_TYPE_LABELS[u.type]} ${u.shortName}`;
      const row = await upsert(
        em,
        UnitEntity,
        'unit',
        { code: u.code },
        {
          shortName: u.shortName,
          type: u.type,
          fullName,
          collectiveName: `Đảng bộ, chính quyền và nhân dân ${fullName}`,
          provinceId,
          validFrom: unitsFile.validFrom,
          validTo: unitsFile.validTo,
        },
        report,
      );
      unitIds.set(u.code, row.id);
    }
    const unitId = (code: string | null): number | null => {
      if (code === null) return null;
      const id = unitIds.get(code);
      if (id === undefined) throw new Error(`seed: unknown unit ${code}`);
      return id;
    };

    const bodyIds = new Map<string, number>();
    for (const { code, authorityCodes, ...values } of bodiesFile.organizingBodies) {
      const row = await upsert(
        em,
        OrganizingBodyEntity,
        'organizing_body',
        { code },
        { ...values, authorityCodes: authorityCodes.join(',') },
        report,
      );
      bodyIds.set(code, row.id);
    }

    for (const b of blocsFile.blocs) {
      const blocProvince = provinceIds.get(b.provinceCode);
      if (blocProvince === undefined) throw new Error(`seed: unknown province ${b.provinceCode}`);
      const organizingBodyId =
        b.organizingBodyCode === null ? null : (bodyIds.get(b.organizingBodyCode) ?? null);
      if (b.organizingBodyCode !== null && organizingBodyId === null)
        throw new Error(`seed: unknown organizing body ${b.organizingBodyCode}`);
      const bloc = await upsert(
        em,
        BlocEntity,
        'bloc',
        { code: b.code },
        { name: b.name, kind: b.kind, provinceId: blocProvince, organizingBodyId },
        report,
      );
      for (const t of b.terms) {
        const term = await upsert(
          em,
          BlocTermEntity,
          'bloc_term',
          { blocId: bloc.id, year: t.year },
          {
            headUnitId: unitId(t.headUnitCode),
            deputyUnitId: unitId(t.deputyUnitCode),
            secretaryName: t.secretaryName,
            note: t.note,
          },
          report,
        );
        for (const code of t.memberCodes) {
          await upsert(
            em,
            BlocMemberEntity,
            'bloc_member',
            { termId: term.id, unitId: unitId(code) ?? 0 },
            { year: t.year },
            report,
          );
        }
      }
    }

    for (const t of tiersFile.tiers) {
      const tier = await upsert(
        em,
        AwardTierEntity,
        'award_tier',
        { code: t.code },
        { name: t.name, decidingAuthority: t.decidingAuthority, rank: t.rank },
        report,
        // the seeded tiers are the shared ones: an organization's own tier of that code is not one
        { code: t.code, organizingBodyId: IsNull() },
      );
      for (const r of t.rules) {
        const rule = await upsert(
          em,
          TierRuleEntity,
          'tier_rule',
          { tierId: tier.id, validFrom: r.validFrom },
          {
            validTo: r.validTo,
            legalDocument: r.legalDocument,
            legalArticle: r.legalArticle,
            isSample: r.isSample,
            perBlocQuota: r.perBlocQuota,
            leaderOnly: r.leaderOnly,
            provinceCapNum: r.provinceCap?.[0] ?? null,
            provinceCapDen: r.provinceCap?.[1] ?? null,
            provinceCapMinOne: r.provinceCapMinOne ?? false,
          },
          report,
        );
        for (const v of tiersFile.votingPresets[r.voting] ?? []) {
          await upsert(
            em,
            TierVotingRuleEntity,
            'tier_voting_rule',
            { tierRuleId: rule.id, body: v.body },
            {
              thresholdNum: v.threshold[0],
              thresholdDen: v.threshold[1],
              thresholdComparator: v.thresholdComparator,
              denominator: v.denominator,
              quorumNum: v.quorum[0],
              quorumDen: v.quorum[1],
              quorumComparator: v.quorumComparator,
              allowWrittenAbsentee: v.allowWrittenAbsentee,
              selfVote: v.selfVote,
              tieBreak: v.tieBreak,
              secretBallot: v.secretBallot,
            },
            report,
          );
        }
      }
    }

    await seedScoring(
      em,
      readJson<CriteriaFile>('criteria-2023.json'),
      readJson<ScoresFile>('scores-2023.json'),
      unitIds,
      report,
    );
  });
  return report;
}

/** The sample criteria set (signed) and agreed scores of the Hải Dương 2023 bloc. */
async function seedScoring(
  em: EntityManager,
  criteria: CriteriaFile,
  scores: ScoresFile,
  unitIds: ReadonlyMap<string, number>,
  report: SeedReport,
): Promise<void> {
  const bloc = await em.getRepository(BlocEntity).findOneBy({ code: criteria.blocCode });
  const term = bloc
    ? await em.getRepository(BlocTermEntity).findOneBy({ blocId: bloc.id, year: criteria.year })
    : null;
  if (!term) throw new Error(`seed: no term ${criteria.blocCode}/${criteria.year}`);
  const { columns, items } = bodyToRows(criteria.definition);
  const domainSet = rowsToDomain(columns, items);
  const problems = validateCriteriaSet(domainSet).filter((f) => f.severity === 'error');
  if (problems.length > 0)
    throw new Error(`seed: invalid criteria set: ${problems.map((p) => p.message).join('; ')}`);
  const set = await upsert(
    em,
    CriteriaSetEntity,
    'criteria_set',
    { termId: term.id, versionNo: 1 },
    { ...columns, status: 'LOCKED', reason: null, signedOn: criteria.signedOn },
    report,
  );
  for (const item of items) {
    await upsert(
      em,
      CriteriaItemEntity,
      'criteria_item',
      { setId: set.id, code: item.code },
      { ...item },
      report,
    );
  }

  const existing = new Map(
    (await em.getRepository(ScoreEntryEntity).findBy({ termId: term.id })).map((r) => [
      `${r.unitId}|${r.stage}|${r.itemCode}`,
      r,
    ]),
  );
  const fresh: Partial<ScoreEntryEntity>[] = [];
  for (const [unitCode, values] of Object.entries(scores.scores)) {
    const unitId = unitIds.get(unitCode);
    if (unitId === undefined) throw new Error(`seed: unknown unit ${unitCode}`);
    for (const stage of scores.stages) {
      for (const [itemCode, points] of Object.entries(values)) {
        const value = Math.round(points * 100);
        const row = existing.get(`${unitId}|${stage}|${itemCode}`);
        if (!row)
          fresh.push({ termId: term.id, unitId, stage, itemCode, value, reason: null, version: 1 });
        else if (row.value !== value) {
          await em
            .getRepository(ScoreEntryEntity)
            .update({ id: row.id }, { value, version: row.version + 1 });
          report.count('updated', 'score_entry');
        } else report.count('unchanged', 'score_entry');
      }
    }
  }
  for (let i = 0; i < fresh.length; i += 200)
    await em.getRepository(ScoreEntryEntity).insert(fresh.slice(i, i + 200));
  for (let i = 0; i < fresh.length; i++) report.count('inserted', 'score_entry');

  // Walk the scoring workflow up to the seeded phase, with its history rows, only from the start.
  if (term.scoringPhase === 'NOT_STARTED') {
    const target = SCORING_PHASES.indexOf(scores.phase);
    let from: ScoringPhase = 'NOT_STARTED';
    for (const to of SCORING_PHASES.slice(1, target + 1)) {
      const reason =
        from === 'NOT_STARTED'
          ? `Ký kết giao ước thi đua ngày ${viDate(criteria.signedOn)} (dữ liệu mẫu)`
          : 'Dữ liệu mẫu';
      await em
        .getRepository(ScoringPhaseTransitionEntity)
        .insert({ termId: term.id, fromPhase: from, toPhase: to, reason });
      report.count('inserted', 'scoring_phase_transition');
      from = to;
    }
    await em
      .getRepository(BlocTermEntity)
      .update({ id: term.id }, { scoringPhase: scores.phase, version: term.version + 1 });
    report.count('updated', 'bloc_term');
  }

  await seedClassification(
    em,
    readJson<ClassificationFile>('classification-2023.json'),
    domainSet,
    new Map(
      Object.entries(scores.scores).map(([unitCode, values]) => [unitIds.get(unitCode)!, values]),
    ),
    (kind, table) => report.count(kind, table),
  );
}

/** True when the database holds no province yet (a brand-new installation). */
export async function isEmptyDatabase(dataSource: DataSource): Promise<boolean> {
  return (await dataSource.getRepository(ProvinceEntity).count()) === 0;
}
