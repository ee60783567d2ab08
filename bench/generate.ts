/*
 * Generator of the national data set (issue 9): provinces, communes, blocs, ten years of terms with
 * locked criteria and complete agreed score sheets, finalized year-end meetings with attendance,
 * secret ballots entered twice and tallied, nominations through the provincial stage, decisions and
 * awards history, plus the current year's terms scored and waiting for their meeting.
 *
 * Why bulk inserts and not the services: replaying ~4,000 meetings through the services (about
 * twenty transactions each, every one re-reading the meeting and writing an audit row) would take
 * well over an hour on the benchmark machine. The generator therefore writes rows directly, in one
 * transaction per province, into a database that the app itself has just migrated and seeded, with
 * the app's own entity metadata (column names, defaults). Every derived value is computed by the
 * same code the services use: the voting rule of a tier and year by MeetingContextLoader, count
 * checks by checkCounts, tallies by tallyBallot, review reference dates by reviewReferenceDate,
 * criteria rows by bodyToRows. The benchmark then renders documents from generated meetings and
 * enters a results day through the HTTP API, which exercises the real write path end to end.
 * What is not generated: audit rows for the generated history (the audit chain stays valid).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { AwardTierEntity } from '../src/award-tiers/award-tier.entity';
import { TierRuleEntity } from '../src/award-tiers/tier-rule.entity';
import { TierVotingRuleEntity } from '../src/award-tiers/tier-voting-rule.entity';
import { AwardHistoryEntity } from '../src/awards/award-history.entity';
import { BlocMemberEntity } from '../src/registry/blocs/bloc-member.entity';
import { BlocTermEntity } from '../src/registry/blocs/bloc-term.entity';
import { BlocEntity } from '../src/registry/blocs/bloc.entity';
import { CriteriaItemEntity } from '../src/criteria/criteria-item.entity';
import { CriteriaSetEntity } from '../src/criteria/criteria-set.entity';
import { bodyToRows } from '../src/criteria/criteria.mapper';
import type { CriteriaSetBodyDto } from '../src/criteria/dto/criteria.dto';
import { reviewReferenceDate } from '../src/domain/registry/tier-rules';
import {
  checkCounts,
  tallyBallot,
  type BallotCounts,
  type Tally,
  type VotingRule,
} from '../src/domain/voting';
import type { NominationStatus } from '../src/domain/nominations/status';
import {
  BallotEntity,
  BallotEntryEntity,
  MeetingAttendanceEntity,
} from '../src/meetings/meeting-parts.entity';
import { MeetingContextLoader } from '../src/meetings/meeting-context';
import { MeetingEntity } from '../src/meetings/meeting.entity';
import {
  NominationAcknowledgementEntity,
  NominationTransitionEntity,
} from '../src/nominations/nomination-history.entity';
import { NominationEntity } from '../src/nominations/nomination.entity';
import { ProvinceEntity } from '../src/registry/provinces/province.entity';
import { ScoreEntryEntity } from '../src/scoring/score-entry.entity';
import { ScoringPhaseTransitionEntity } from '../src/scoring/scoring-phase-transition.entity';
import { SEED_DIR } from '../src/seeding/seed-runner';
import { UnitEntity } from '../src/registry/units/unit.entity';
import { communeName, personName, PROVINCES } from './names';
import type { DataSetSize } from './sizes';

export interface Generated {
  size: DataSetSize;
  /** The current year: terms scored (AGREED), no nomination or meeting yet (the results day). */
  currentYear: number;
  provinceIds: number[];
  rows: Record<string, number>;
  ms: number;
}

/** Deterministic pseudo-random numbers (mulberry32), so that two runs generate the same data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface UnitRow {
  id: number;
  code: string;
  fullName: string;
}

/** Inserts rows in chunks through the entity's metadata (explicit ids; no reload of the rows). */
class Writer {
  readonly counts: Record<string, number> = {};
  private readonly next = new Map<string, number>();

  constructor(private readonly ds: DataSource) {}

  async init(): Promise<void> {
    for (const meta of this.ds.entityMetadatas) {
      if (!meta.primaryColumns.some((c) => c.propertyName === 'id')) continue;
      const r = await this.ds.query<{ m: number | string | null }[]>(
        `SELECT MAX("id") AS m FROM "${meta.tableName}"`,
      );
      this.next.set(meta.tableName, Number(r[0]?.m ?? 0) + 1);
    }
  }

  id(entity: new () => unknown): number {
    const table = this.ds.getMetadata(entity).tableName;
    const n = this.next.get(table) ?? 1;
    this.next.set(table, n + 1);
    return n;
  }

  async insert<E extends ObjectLiteral>(
    em: EntityManager,
    entity: new () => E,
    rows: readonly Partial<E>[],
  ): Promise<void> {
    if (rows.length === 0) return;
    const meta = this.ds.getMetadata(entity);
    const chunk = Math.max(1, Math.min(1000, Math.floor(30000 / (meta.columns.length + 1))));
    for (let i = 0; i < rows.length; i += chunk) {
      await em
        .createQueryBuilder()
        .insert()
        .into(entity)
        .values(rows.slice(i, i + chunk))
        .updateEntity(false)
        .execute();
    }
    this.counts[meta.tableName] = (this.counts[meta.tableName] ?? 0) + rows.length;
  }

  /** PostgreSQL: move each serial sequence past the explicit ids (SQLite's AUTOINCREMENT follows by itself). */
  async fixSequences(): Promise<void> {
    if (this.ds.options.type !== 'postgres') return;
    for (const meta of this.ds.entityMetadatas) {
      if (!meta.primaryColumns.some((c) => c.propertyName === 'id')) continue;
      // Only serial ids have a sequence (the cast ballots' ids are random text): ask PostgreSQL.
      const [seq] = await this.ds.query<{ s: string | null }[]>(
        `SELECT pg_get_serial_sequence('"${meta.tableName}"', 'id') AS s`,
      );
      if (!seq?.s) continue;
      await this.ds.query(
        `SELECT setval(pg_get_serial_sequence('"${meta.tableName}"', 'id'), GREATEST((SELECT COALESCE(MAX("id"), 0) FROM "${meta.tableName}"), 1))`,
      );
    }
  }
}

interface CriteriaFile {
  definition: CriteriaSetBodyDto;
}

/**
 * Writes the national data set into a database that the app has migrated and seeded (reference
 * tiers, the Hải Dương 2023 data). `app` is a Nest application context on that database.
 */
export async function generateNational(
  app: INestApplicationContext,
  size: DataSetSize,
  log: (m: string) => void = () => undefined,
): Promise<Generated> {
  const started = Date.now();
  const ds = app.get<DataSource>(getDataSourceToken());
  const loader = app.get(MeetingContextLoader);
  const w = new Writer(ds);
  await w.init();
  const random = rng(20240328);
  const currentYear = size.lastYear + 1;
  const years = Array.from(
    { length: size.lastYear - size.firstYear + 1 },
    (_, i) => size.firstYear + i,
  );

  const criteria = JSON.parse(
    fs.readFileSync(path.join(SEED_DIR, 'criteria-2023.json'), 'utf8'),
  ) as CriteriaFile;
  const { columns, items } = bodyToRows(criteria.definition);
  const criterionItems = items.filter((i) => i.kind === 'CRITERION');

  const tiers = await ds.getRepository(AwardTierEntity).find({ order: { rank: 'ASC' } });
  const tier = (code: string) => {
    const t = tiers.find((x) => x.code === code);
    if (!t) throw new Error(`bench: tier ${code} missing from the seed`);
    return t;
  };
  const GOV = tier('GOV_FLAG');
  const PFLAG = tier('PROV_FLAG');
  const MERIT = tier('PROV_MERIT');

  // The seed's rules start on 01/01/2024; earlier reviews fall under the 2017 decree (sample copy).
  await ds.transaction(async (em) => {
    const rules = await em.getRepository(TierRuleEntity).find({
      where: { validFrom: '2024-01-01' },
      relations: { votingRules: true },
    });
    for (const r of rules) {
      const id = w.id(TierRuleEntity);
      await w.insert(em, TierRuleEntity, [
        {
          id,
          tierId: r.tierId,
          validFrom: '2014-01-01',
          validTo: '2023-12-31',
          legalDocument:
            'Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2013); Nghị định số 91/2017/NĐ-CP',
          legalArticle: r.legalArticle,
          isSample: true,
          perBlocQuota: r.perBlocQuota,
          leaderOnly: r.leaderOnly,
          provinceCapNum: r.provinceCapNum,
          provinceCapDen: r.provinceCapDen,
          provinceCapMinOne: r.provinceCapMinOne,
        },
      ]);
      await w.insert(
        em,
        TierVotingRuleEntity,
        (r.votingRules ?? []).map(({ id: _id, tierRuleId: _t, tierRule: _r, ...v }) => ({
          ...v,
          id: w.id(TierVotingRuleEntity),
          tierRuleId: id,
        })),
      );
    }
  });

  // The frozen BLOC voting rule of each tier and year, as the app resolves it when a ballot opens.
  const ruleOf = new Map<string, { rule: VotingRule; text: string }>();
  for (const y of [...years, currentYear])
    for (const t of tiers)
      ruleOf.set(`${t.id}|${y}`, await loader.blocVotingRule(ds.manager, t.id, y));

  const provinceIds: number[] = [];
  for (let p = 0; p < size.provinces; p++) {
    const prov = PROVINCES[p % PROVINCES.length]!;
    const pcode = `NB${String(p + 1).padStart(2, '0')}`;
    await ds.transaction(async (em) => {
      const provinceId = w.id(ProvinceEntity);
      provinceIds.push(provinceId);
      await w.insert(em, ProvinceEntity, [
        {
          id: provinceId,
          code: pcode,
          name: prov.name,
          fullName: prov.fullName,
          validFrom: '2015-01-01',
          validTo: null,
          successorId: null,
        },
      ]);
      const units: UnitRow[] = [];
      const unitRows: Partial<UnitEntity>[] = [];
      for (let u = 0; u < size.unitsPerProvince; u++) {
        const type = u % 4 === 0 ? 'PHUONG' : 'XA';
        const shortName = communeName(u);
        const fullName = `${type === 'PHUONG' ? 'phường' : 'xã'} ${shortName}`;
        const row = {
          id: w.id(UnitEntity),
          code: `${pcode}-${String(u + 1).padStart(3, '0')}`,
          shortName,
          type,
          fullName,
          collectiveName: `Đảng bộ, chính quyền và nhân dân ${fullName}`,
          provinceId,
          validFrom: '2015-01-01',
          validTo: null,
        } as const;
        unitRows.push(row);
        units.push({ id: row.id, code: row.code, fullName });
      }
      await w.insert(em, UnitEntity, unitRows);

      // Blocs split the province's communes evenly (8–9 members each in the full set).
      const blocs: { id: number; name: string; members: UnitRow[] }[] = [];
      for (let b = 0; b < size.blocsPerProvince; b++) {
        blocs.push({
          id: w.id(BlocEntity),
          name: `Cụm thi đua số ${b + 1} ${prov.fullName}`,
          members: units.filter((_, i) => i % size.blocsPerProvince === b),
        });
      }
      await w.insert(
        em,
        BlocEntity,
        blocs.map((b, i) => ({
          id: b.id,
          code: `${pcode}-CUM${String(i + 1).padStart(2, '0')}`,
          name: b.name,
          kind: 'CUM' as const,
          provinceId,
        })),
      );

      const govAllowed = Math.max(1, Math.floor(size.blocsPerProvince / 5));
      const prevOrder = new Map<number, UnitRow[]>();
      for (const year of [...years, currentYear]) {
        const past = year <= size.lastYear;
        const terms: Partial<BlocTermEntity>[] = [];
        const members: Partial<BlocMemberEntity>[] = [];
        const sets: Partial<CriteriaSetEntity>[] = [];
        const setItems: Partial<CriteriaItemEntity>[] = [];
        const scores: Partial<ScoreEntryEntity>[] = [];
        const phases: Partial<ScoringPhaseTransitionEntity>[] = [];
        const meetings: Partial<MeetingEntity>[] = [];
        const attendance: Partial<MeetingAttendanceEntity>[] = [];
        const ballots: Partial<BallotEntity>[] = [];
        const entries: Partial<BallotEntryEntity>[] = [];
        const noms: Partial<NominationEntity>[] = [];
        const transitions: Partial<NominationTransitionEntity>[] = [];
        const acks: Partial<NominationAcknowledgementEntity>[] = [];
        const awards: Partial<AwardHistoryEntity>[] = [];

        for (const [bi, bloc] of blocs.entries()) {
          const termId = w.id(BlocTermEntity);
          const prev = prevOrder.get(bloc.id);
          const head = prev?.[0] ?? bloc.members[0]!;
          const deputy = prev?.[1] ?? bloc.members[1]!;
          terms.push({
            id: termId,
            blocId: bloc.id,
            year,
            headUnitId: head.id,
            deputyUnitId: deputy.id,
            secretaryName: personName(termId),
            note: null,
            scoringPhase: past ? 'CLOSED' : 'AGREED',
          });
          for (const m of bloc.members)
            members.push({ id: w.id(BlocMemberEntity), termId, unitId: m.id, year });
          const setId = w.id(CriteriaSetEntity);
          sets.push({
            id: setId,
            termId,
            versionNo: 1,
            status: 'LOCKED',
            ...columns,
            reason: null,
            signedOn: `${year}-03-15`,
          });
          for (const it of items) setItems.push({ id: w.id(CriteriaItemEntity), setId, ...it });
          const steps = past
            ? (['NOT_STARTED', 'SELF', 'REVIEW', 'AGREED', 'CLOSED'] as const)
            : (['NOT_STARTED', 'SELF', 'REVIEW', 'AGREED'] as const);
          for (let s = 1; s < steps.length; s++)
            phases.push({
              id: w.id(ScoringPhaseTransitionEntity),
              termId,
              fromPhase: steps[s - 1]!,
              toPhase: steps[s]!,
              reason: s === 1 ? `Ký kết giao ước thi đua ngày ${year}-03-15` : null,
            });

          // Complete agreed sheets with distinct totals (so that each bloc has one leader).
          const totals = new Map<number, number>();
          const seen = new Set<number>();
          for (const m of bloc.members) {
            const values = criterionItems.map((c) => {
              const steps50 = Math.floor((c.maxPoints * 0.15) / 50);
              return c.maxPoints - 50 * Math.floor(random() * (steps50 + 1));
            });
            let total = values.reduce((a, b) => a + b, 0);
            while (seen.has(total)) {
              const k = Math.floor(random() * values.length);
              if (values[k]! >= 50) {
                values[k]! -= 50;
                total -= 50;
              }
            }
            seen.add(total);
            totals.set(m.id, total);
            criterionItems.forEach((c, k) =>
              scores.push({
                id: w.id(ScoreEntryEntity),
                termId,
                unitId: m.id,
                stage: 'AGREED',
                itemCode: c.code,
                value: values[k]!,
                reason: null,
              }),
            );
          }
          const order = [...bloc.members].sort((a, b) => totals.get(b.id)! - totals.get(a.id)!);
          prevOrder.set(bloc.id, order);
          if (!past) continue;

          // The year-end meeting (January–March of the next year), finalized.
          const meetingId = w.id(MeetingEntity);
          const absent = bi % 5 === 1 ? order[order.length - 1]! : null;
          const present = bloc.members.filter((m) => m !== absent);
          const host = order[bi % order.length]!;
          const date = `${year + 1}-0${1 + (bi % 3)}-${String(10 + (bi % 18)).padStart(2, '0')}`;
          meetings.push({
            id: meetingId,
            termId,
            status: 'FINALIZED',
            isRehearsal: false,
            meetingDate: date,
            startTime: '08:00',
            endTime: '11:30',
            place: `Hội trường Ủy ban nhân dân ${host.fullName}`,
            chairName: personName(meetingId * 7),
            chairTitle: 'Trưởng Cụm thi đua',
            secretaryName: personName(meetingId * 7 + 1),
            countingCommittee: JSON.stringify([
              { name: personName(meetingId * 7 + 2), role: 'Trưởng ban' },
              { name: personName(meetingId * 7 + 3), role: 'Thành viên' },
              { name: personName(meetingId * 7 + 4), role: 'Thành viên' },
            ]),
            guests: JSON.stringify([
              `Đại diện Ban Thi đua – Khen thưởng, Sở Nội vụ ${prov.fullName}`,
            ]),
            agenda: JSON.stringify([
              `Báo cáo tổng kết công tác thi đua, khen thưởng năm ${year} của Cụm`,
              `Công bố kết quả chấm điểm, xếp hạng thi đua năm ${year}`,
              'Bình xét, suy tôn đơn vị đề nghị khen thưởng (bỏ phiếu kín)',
            ]),
            nextHeadUnitId: order[0]!.id,
            nextDeputyUnitId: order[1]!.id,
            versionNo: 1,
            supersedesId: null,
            correctionReason: null,
            finalizedAt: new Date(`${date}T04:30:00Z`).toISOString(),
          });
          for (const m of bloc.members)
            attendance.push({
              id: w.id(MeetingAttendanceEntity),
              meetingId,
              unitId: m.id,
              present: m !== absent,
              delegateName: m !== absent ? `Chủ tịch UBND ${m.fullName}` : null,
              absenceReason: m !== absent ? null : 'Bận công tác đột xuất',
              writtenBallot: false,
            });

          // Nominations: the Government flag for a rotating few blocs within the province cap.
          const gov = (bi + year) % size.blocsPerProvince < govAllowed;
          const slate: { tier: AwardTierEntity; seats: number; units: UnitRow[] }[] = gov
            ? [
                { tier: GOV, seats: 1, units: [order[0]!] },
                { tier: PFLAG, seats: 1, units: [order[1]!] },
                { tier: MERIT, seats: 2, units: [order[2]!, order[3]!] },
              ]
            : [
                { tier: PFLAG, seats: 1, units: [order[0]!] },
                { tier: MERIT, seats: 2, units: [order[1]!, order[2]!] },
              ];
          const names = new Map(bloc.members.map((m) => [m.code, m.fullName]));
          const ranking = order.map((m) => m.code);
          for (const s of slate) {
            const { rule, text } = ruleOf.get(`${s.tier.id}|${year}`)!;
            const valid = present.length - (meetingId % 7 === 0 ? 1 : 0);
            const counts = (bump: number): BallotCounts => ({
              membersEntitled: bloc.members.length,
              ballotsIssued: present.length,
              ballotsReturned: present.length,
              valid,
              invalid: present.length - valid,
              seats: s.seats,
              nominees: s.units.map((u, k) => {
                const agree = Math.min(valid, valid - ((meetingId + k) % 3) + bump);
                const disagree = Math.floor((valid - agree) / 2);
                return {
                  nomineeId: u.code,
                  agree,
                  disagree,
                  noOpinion: valid - agree - disagree,
                };
              }),
              written: null,
            });
            let tally: Tally | null = null;
            let accepted: BallotCounts | null = null;
            let warnings: { code: string; reason: string }[] = [];
            for (let bump = 0; bump <= valid && !tally; bump++) {
              const c = counts(bump);
              const findings = checkCounts(c, {
                present: present.length,
                rule,
                participation: new Map(s.units.map((u) => [u.code, 'PRESENT'] as const)),
                scoreRanking: ranking,
                names,
              });
              if (findings.some((f) => f.severity === 'error'))
                throw new Error(`bench: generated counts refused: ${findings[0]!.message}`);
              const r = tallyBallot({
                rule,
                counts: c,
                present: present.length,
                nominees: s.units.map((u) => ({
                  nomineeId: u.code,
                  participation: 'PRESENT',
                  score: totals.get(u.id)!,
                })),
                chairDecision: null,
                names,
              });
              if (!r.ok) throw new Error(`bench: tally refused: ${r.error[0]?.message}`);
              if (r.value.status === 'DECIDED' && r.value.winners.length === s.units.length) {
                tally = r.value;
                accepted = c;
                warnings = findings.map((f) => ({
                  code: f.code,
                  reason: 'Ban kiểm phiếu đã kiểm tra lại (dữ liệu sinh cho đo hiệu năng)',
                }));
              }
            }
            if (!tally || !accepted)
              throw new Error(`bench: no passing counts for ${s.tier.code} in ${bloc.name}`);
            const ballotId = w.id(BallotEntity);
            ballots.push({
              id: ballotId,
              meetingId,
              tierId: s.tier.id,
              roundNo: 1,
              seats: s.seats,
              method: 'SECRET',
              status: 'DECIDED',
              nomineeUnitIds: JSON.stringify(s.units.map((u) => u.id)),
              ruleSnapshot: JSON.stringify({ rule, text }),
              votersSnapshot: JSON.stringify({
                membersEntitled: bloc.members.length,
                present: present.map((m) => m.id),
                written: [],
              }),
              chairDecision: null,
              acceptedCounts: JSON.stringify(accepted),
              tally: JSON.stringify(tally),
            });
            for (const no of [1, 2])
              entries.push({
                id: w.id(BallotEntryEntity),
                ballotId,
                entryNo: no,
                enteredBy: no === 1 ? 'thư ký hội nghị' : 'thành viên ban kiểm phiếu',
                status: 'ACCEPTED',
                counts: JSON.stringify(accepted),
                acknowledgements: JSON.stringify(warnings),
              });

            for (const u of s.units) {
              const nominationId = w.id(NominationEntity);
              const decided = year < size.lastYear;
              const cut = decided && s.tier.id === MERIT.id && (nominationId + year) % 13 === 0;
              const passedStage = !decided && p % 2 === 0;
              const status: NominationStatus = decided
                ? cut
                  ? 'CUT'
                  : 'DECIDED'
                : passedStage
                  ? 'PASSED'
                  : 'SUBMITTED';
              const councilDate = `${year + 1}-04-10`;
              const decider =
                s.tier.id === GOV.id
                  ? 'Thủ tướng Chính phủ'
                  : `Chủ tịch Ủy ban nhân dân ${prov.fullName}`;
              const decisionNumber = `${100 + (nominationId % 800)}/QĐ-${s.tier.id === GOV.id ? 'TTg' : 'UBND'}`;
              noms.push({
                id: nominationId,
                termId,
                unitId: u.id,
                tierId: s.tier.id,
                status,
                achievementSummary: `Hoàn thành xuất sắc nhiệm vụ năm ${year}; xếp thứ ${order.indexOf(u) + 1} trong ${bloc.name}.`,
                referenceDate: reviewReferenceDate(year),
                leaderExceptionBasis: null,
                councilAgree: decided || passedStage ? 13 - (nominationId % 2) : null,
                councilMembers: decided || passedStage ? 15 : null,
                councilDate: decided || passedStage ? councilDate : null,
                decisionNumber: status === 'DECIDED' ? decisionNumber : null,
                decisionDate: status === 'DECIDED' ? `${year + 1}-04-25` : null,
                decider: status === 'DECIDED' ? decider : null,
              });
              const path: [NominationStatus | null, NominationStatus, string | null][] = [
                [null, 'DRAFT', null],
                ['DRAFT', 'PROPOSED', `Hội nghị bình xét ngày ${date} đề nghị`],
                ['PROPOSED', 'SUBMITTED', null],
              ];
              if (decided || passedStage)
                path.push([
                  'SUBMITTED',
                  cut ? 'CUT' : 'PASSED',
                  cut ? 'Hội đồng TĐKT tỉnh không thông qua (vượt chỉ tiêu)' : null,
                ]);
              if (status === 'DECIDED') path.push(['PASSED', 'DECIDED', decisionNumber]);
              for (const [from, to, reason] of path)
                transitions.push({
                  id: w.id(NominationTransitionEntity),
                  nominationId,
                  fromStatus: from,
                  toStatus: to,
                  reason,
                });
              if (s.tier.id === PFLAG.id && u !== order[0])
                acks.push({
                  id: w.id(NominationAcknowledgementEntity),
                  nominationId,
                  code: 'NOT_LEADER',
                  reason: 'Đơn vị dẫn đầu được đề nghị Cờ thi đua của Chính phủ.',
                });
              if (status === 'DECIDED')
                awards.push({
                  id: w.id(AwardHistoryEntity),
                  unitId: u.id,
                  year,
                  tierId: s.tier.id,
                  decisionNumber,
                  decisionDate: `${year + 1}-04-25`,
                  decider,
                  source: 'DECISION',
                  nominationId,
                });
            }
          }
        }
        await w.insert(em, BlocTermEntity, terms);
        await w.insert(em, BlocMemberEntity, members);
        await w.insert(em, CriteriaSetEntity, sets);
        await w.insert(em, CriteriaItemEntity, setItems);
        await w.insert(em, ScoreEntryEntity, scores);
        await w.insert(em, ScoringPhaseTransitionEntity, phases);
        await w.insert(em, MeetingEntity, meetings);
        await w.insert(em, MeetingAttendanceEntity, attendance);
        await w.insert(em, BallotEntity, ballots);
        await w.insert(em, BallotEntryEntity, entries);
        await w.insert(em, NominationEntity, noms);
        await w.insert(em, NominationTransitionEntity, transitions);
        await w.insert(em, NominationAcknowledgementEntity, acks);
        await w.insert(em, AwardHistoryEntity, awards);
      }
    });
    log(`  tỉnh ${p + 1}/${size.provinces} (${prov.name}) xong, ${Date.now() - started} ms`);
  }
  await w.fixSequences();
  // Fresh statistics for the query planners, as after a routine maintenance run.
  await ds.query('ANALYZE');
  return { size, currentYear, provinceIds, rows: w.counts, ms: Date.now() - started };
}
