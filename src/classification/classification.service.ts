import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppError, CommonErrors, type ErrorDetail } from '../common/errors/app-error';
import { Db } from '../database/db.service';
import { deriveClassification } from '../domain/classification/derive';
import {
  describeClassificationBasis,
  describeClassificationVotingRule,
} from '../domain/classification/format';
import {
  CLASSIFICATION_METHOD_LABELS,
  checkScale,
  levelOfRank,
  type ClassificationLevel,
} from '../domain/classification/scale';
import { decideClassificationByVote } from '../domain/classification/vote';
import type { Finding } from '../domain/common/result';
import { checkAcknowledgements } from '../domain/eligibility';
import { isMeetingLocked } from '../domain/meetings/status';
import { CENTIPOINTS_PER_POINT, toCentipoints } from '../domain/scoring/points';
import type { BallotCounts, NomineeCount, Participation, VotingRule } from '../domain/voting';
import type { CountsDto } from '../meetings/dto/meeting.dto';
import { MeetingErrors } from '../meetings/meeting.errors';
import { MeetingsRepository } from '../meetings/meetings.repository';
import { ScoringService, type TermContext } from '../scoring/scoring.service';
import {
  ClassificationRepository,
  type StoredClassification,
  type StoredScheme,
} from '../scoring/classification/classification.repository';
import { ClassificationErrors } from './classification.errors';
import type {
  ClassificationDto,
  ClassificationVoteDto,
  ClassificationVotingRuleDto,
  DeriveClassificationDto,
  SaveClassificationSchemeDto,
} from './dto/classification.dto';

/** Default for a voted scale: > 1/2 of all members, quorum ≥ 2/3, secret ballot. */
const DEFAULT_VOTING_RULE: VotingRule = {
  threshold: { numerator: 1, denominator: 2 },
  thresholdComparator: 'GT',
  denominator: 'ALL_MEMBERS',
  quorum: { numerator: 2, denominator: 3 },
  quorumComparator: 'GTE',
  allowWrittenAbsentee: false,
  selfVote: 'ALLOWED',
  tieBreak: 'REVOTE',
  secretBallot: true,
};

const details = (fs: readonly Finding[]): ErrorDetail[] =>
  fs.map((f) => ({ field: f.field, code: f.code, message: f.message, params: f.params }));

function votingRuleOf(dto: ClassificationVotingRuleDto | undefined): VotingRule {
  if (!dto) return DEFAULT_VOTING_RULE;
  return {
    ...DEFAULT_VOTING_RULE,
    threshold: dto.threshold,
    thresholdComparator: dto.thresholdComparator,
    denominator: dto.denominator,
    quorum: dto.quorum,
    quorumComparator: dto.quorumComparator,
    secretBallot: dto.secretBallot ?? true,
  };
}

/**
 * Yearly classification (xếp loại thi đua) of a bloc term's units: the scale the bloc configures,
 * derived from the agreed totals or voted by the meeting, each with its basis and an audit row.
 */
@Injectable()
export class ClassificationService {
  constructor(
    private readonly db: Db,
    private readonly scoring: ScoringService,
    private readonly classifications: ClassificationRepository,
    private readonly meetings: MeetingsRepository,
    private readonly audit: AuditService,
  ) {}

  get(blocId: number, year: number): Promise<ClassificationDto> {
    return this.db.read(async (em) => this.view(em, await this.scoring.context(em, blocId, year)));
  }

  saveScheme(
    blocId: number,
    year: number,
    dto: SaveClassificationSchemeDto,
  ): Promise<ClassificationDto> {
    return this.db.write(async (em) => {
      const ctx = await this.scoring.context(em, blocId, year);
      if ((await this.classifications.countForTerm(em, ctx.term.id)) > 0)
        throw new AppError(ClassificationErrors.SCHEME_IN_USE);
      const problems: Finding[] = [];
      const levels: ClassificationLevel[] = dto.levels.map((l, i) => {
        if (l.minPoints === undefined || l.minPoints === null)
          return { rank: i + 1, label: l.label.trim(), minTotal: null };
        const points = toCentipoints(l.minPoints);
        if (!points.ok) problems.push({ ...points.error, field: `levels.${i}.minPoints` });
        return { rank: i + 1, label: l.label.trim(), minTotal: points.ok ? points.value : null };
      });
      problems.push(...checkScale({ method: dto.method, levels }));
      if (problems.length > 0)
        throw new AppError(ClassificationErrors.SCHEME_INVALID, {
          message: `${ClassificationErrors.SCHEME_INVALID.message} ${problems[0]!.message}`,
          details: details(problems),
        });
      const votingRule = dto.method === 'VOTED' ? votingRuleOf(dto.votingRule) : null;
      const saved = await this.classifications.saveScheme(
        em,
        ctx.term.id,
        { method: dto.method, levels, basis: dto.basis.trim() },
        votingRule,
      );
      const view = await this.view(em, ctx);
      await this.audit.record(em, {
        action: 'classification.scheme.save',
        entityType: 'classification_scheme',
        entityId: saved.id,
        after: view.scheme,
      });
      return view;
    });
  }

  /** DERIVED: classifies every member with an agreed total; members without one are left out. */
  derive(blocId: number, year: number, dto: DeriveClassificationDto): Promise<ClassificationDto> {
    return this.db.write(async (em) => {
      const ctx = await this.scoring.context(em, blocId, year);
      const scheme = await this.requireScheme(em, ctx, 'DERIVED');
      if (scheme.version !== dto.schemeVersion)
        throw new AppError(CommonErrors.VERSION_CONFLICT, {
          extra: { currentVersion: scheme.version },
        });
      const ranking = await this.scoring.computeRanking(em, ctx);
      const byCode = new Map(ctx.members.map((u) => [u.code, u]));
      const rows: StoredClassification[] = [];
      for (const entry of ranking.entries) {
        const derived = deriveClassification(entry.totals.grandTotal, scheme);
        if (!derived.ok) continue;
        rows.push({
          unitId: byCode.get(entry.unitCode)!.id,
          rank: derived.value.level.rank,
          label: derived.value.level.label,
          method: 'DERIVED',
          basis: derived.value.basis,
        });
      }
      await this.classifications.upsert(em, ctx.term.id, rows);
      const view = await this.view(em, ctx);
      await this.audit.record(em, {
        action: 'classification.derive',
        entityType: 'bloc_term',
        entityId: ctx.term.id,
        after: {
          units: view.units.map((u) => ({ unit: u.unit.code, level: u.label, basis: u.basisText })),
        },
      });
      return view;
    });
  }

  /** VOTED: one ballot of the meeting proposing one level; the units whose line passes take it. */
  vote(blocId: number, year: number, dto: ClassificationVoteDto): Promise<ClassificationDto> {
    return this.db.write(async (em) => {
      const ctx = await this.scoring.context(em, blocId, year);
      const scheme = await this.requireScheme(em, ctx, 'VOTED');
      const level = levelOfRank(scheme, dto.levelRank);
      if (!level) throw new AppError(ClassificationErrors.LEVEL_NOT_FOUND);
      const meeting = await this.meetings.findById(em, dto.meetingId);
      if (!meeting || meeting.termId !== ctx.term.id || meeting.isRehearsal)
        throw new AppError(ClassificationErrors.MEETING_NOT_OF_TERM);
      if (isMeetingLocked(meeting.status)) throw new AppError(MeetingErrors.LOCKED);
      if (meeting.status === 'DRAFT') throw new AppError(ClassificationErrors.MEETING_NOT_OPEN);
      const roll = await this.meetings.attendance(em, meeting.id);
      const members = new Map(ctx.members.map((m) => [m.id, m]));
      const listed = dto.counts.nominees.map((n) => n.unitId);
      if (new Set(listed).size !== listed.length || listed.some((id) => !members.has(id)))
        throw new AppError(ClassificationErrors.UNIT_NOT_MEMBER);
      const present = new Set(roll.filter((r) => r.present).map((r) => r.unitId));
      const participation = (id: number): Participation => (present.has(id) ? 'PRESENT' : 'ABSENT');
      const rule = scheme.votingRule ?? DEFAULT_VOTING_RULE;
      const decided = decideClassificationByVote({
        meetingId: meeting.id,
        level,
        rule,
        counts: this.countsOf(ctx, dto.counts),
        present: present.size,
        nominees: listed.map((id) => ({
          nomineeId: members.get(id)!.code,
          participation: participation(id),
          score: null,
        })),
        names: new Map(ctx.members.map((m) => [m.code, m.fullName])),
      });
      if (!decided.ok)
        throw new AppError(ClassificationErrors.VOTE_INVALID, {
          message: `${ClassificationErrors.VOTE_INVALID.message} ${decided.error[0]!.message}`,
          details: details(decided.error),
        });
      const missing = checkAcknowledgements(
        decided.value.tally.warnings,
        dto.acknowledgements ?? [],
      );
      if (missing.length > 0)
        throw new AppError(CommonErrors.WARNING_NOT_ACKNOWLEDGED, {
          message: missing[0]!.message,
          details: details(missing),
        });
      const byCode = new Map(ctx.members.map((m) => [m.code, m]));
      await this.classifications.upsert(
        em,
        ctx.term.id,
        decided.value.passed.map((p) => ({
          unitId: byCode.get(p.nomineeId)!.id,
          rank: level.rank,
          label: level.label,
          method: 'VOTED',
          basis: p.basis,
        })),
      );
      await this.audit.record(em, {
        action: 'classification.vote',
        entityType: 'bloc_term',
        entityId: ctx.term.id,
        after: {
          meetingId: meeting.id,
          level: level.label,
          passed: decided.value.passed.map((p) => p.nomineeId),
          notPassed: decided.value.notPassed,
          minutes: decided.value.tally.minutes,
        },
      });
      return this.view(em, ctx);
    });
  }

  private countsOf(ctx: TermContext, dto: CountsDto): BallotCounts {
    const codeOf = new Map(ctx.members.map((m) => [m.id, m.code]));
    const shape = (list: CountsDto['nominees']): NomineeCount[] =>
      list.map((n) => ({
        nomineeId: codeOf.get(n.unitId) ?? `#${n.unitId}`,
        agree: n.agree,
        disagree: n.disagree,
        noOpinion: n.noOpinion,
      }));
    return {
      membersEntitled: ctx.members.length,
      ballotsIssued: dto.ballotsIssued,
      ballotsReturned: dto.ballotsReturned,
      valid: dto.valid,
      invalid: dto.invalid,
      seats: dto.nominees.length,
      nominees: shape(dto.nominees),
      written: dto.written
        ? {
            received: dto.written.received,
            valid: dto.written.valid,
            invalid: dto.written.invalid,
            nominees: shape(dto.written.nominees),
          }
        : null,
    };
  }

  private async requireScheme(
    em: EntityManager,
    ctx: TermContext,
    method: StoredScheme['method'],
  ): Promise<StoredScheme> {
    const scheme = await this.classifications.schemeForTerm(em, ctx.term.id);
    if (!scheme) throw new AppError(ClassificationErrors.SCHEME_MISSING);
    if (scheme.method !== method)
      throw new AppError(ClassificationErrors.WRONG_METHOD, {
        message: `Thang xếp loại của năm này ${CLASSIFICATION_METHOD_LABELS[scheme.method]}.`,
      });
    return scheme;
  }

  private async view(em: EntityManager, ctx: TermContext): Promise<ClassificationDto> {
    const scheme = await this.classifications.schemeForTerm(em, ctx.term.id);
    const rows = await this.classifications.forTerm(em, ctx.term.id);
    const ref = (u: { id: number; code: string; fullName: string }) => ({
      id: u.id,
      code: u.code,
      fullName: u.fullName,
    });
    const members = new Map(ctx.members.map((m) => [m.id, m]));
    const classified = new Set(rows.map((r) => r.unitId));
    return {
      blocId: ctx.bloc.id,
      year: ctx.term.year,
      scheme: scheme
        ? {
            method: scheme.method,
            methodLabel: CLASSIFICATION_METHOD_LABELS[scheme.method],
            levels: scheme.levels.map((l) => ({
              rank: l.rank,
              label: l.label,
              minPoints: l.minTotal === null ? null : l.minTotal / CENTIPOINTS_PER_POINT,
            })),
            basis: scheme.basis,
            votingRuleText: scheme.votingRule
              ? describeClassificationVotingRule(scheme.votingRule)
              : null,
            version: scheme.version,
          }
        : null,
      units: rows
        .filter((r) => members.has(r.unitId))
        .map((r) => ({
          unit: ref(members.get(r.unitId)!),
          rank: r.rank,
          label: r.label,
          method: r.method,
          basisText: describeClassificationBasis(r.basis),
          basis: r.basis,
        })),
      unclassified: ctx.members.filter((m) => !classified.has(m.id)).map(ref),
    };
  }
}
