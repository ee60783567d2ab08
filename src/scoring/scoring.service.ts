import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BlocTermEntity } from '../registry/blocs/bloc-term.entity';
import type { BlocEntity } from '../registry/blocs/bloc.entity';
import { BlocErrors } from '../registry/blocs/bloc.errors';
import { BlocsRepository } from '../registry/blocs/blocs.repository';
import { AppError } from '../common/errors/app-error';
import type { CriteriaSetEntity } from '../criteria/criteria-set.entity';
import { parseTieBreak, rowsToDomain } from '../criteria/criteria.mapper';
import { CriteriaRepository } from '../criteria/criteria.repository';
import type { CriteriaSet } from '../domain/scoring/criteria-set';
import { SCORING_PHASE_LABELS, stageStatus } from '../domain/scoring/phase';
import { rankUnits, type Ranking, type TieBreakKey } from '../domain/scoring/ranking';
import { computeUnitTotals } from '../domain/scoring/totals';
import type { UnitEntity } from '../registry/units/unit.entity';
import type { ScoreEntryEntity, ScoreStageCode } from './score-entry.entity';
import { ScoringErrors } from './scoring.errors';
import { toDomainLines } from './scoring.mapper';
import { ScoringRepository } from './scoring.repository';

/** Everything a scoring operation needs about one bloc term, loaded once. */
export interface TermContext {
  bloc: BlocEntity;
  term: BlocTermEntity;
  set: CriteriaSetEntity | null;
  domainSet: CriteriaSet | null;
  tieBreak: TieBreakKey[];
  members: UnitEntity[];
  draws: Map<number, number | null>;
}

/**
 * What scoring gives every other operation on a bloc term (R11, R12): the term's context (its
 * signed criteria, members and draw numbers), the checks each write repeats (a signed set, an open
 * stage, a member) and the ranking computed from the agreed lines. Read through the caller's
 * transaction; no writes here. The phases are `ScoringPhasesService`, the score lines
 * `ScoreLinesService`, the ranking as the API shows it `RankingService`.
 */
@Injectable()
export class ScoringService {
  constructor(
    private readonly scores: ScoringRepository,
    private readonly criteria: CriteriaRepository,
    private readonly blocs: BlocsRepository,
  ) {}

  /** The term's context for other services (Excel, documents); reads through the caller's transaction. */
  async context(em: EntityManager, blocId: number, year: number): Promise<TermContext> {
    const bloc = await this.blocs.findById(em, blocId);
    if (!bloc) throw new AppError(BlocErrors.NOT_FOUND);
    const term = await this.blocs.findTerm(em, blocId, year);
    if (!term) throw new AppError(BlocErrors.TERM_NOT_FOUND);
    return this.contextOf(em, bloc, term);
  }

  /** The context of a term already read (one query fewer than `context`). */
  async contextOfTerm(em: EntityManager, term: BlocTermEntity): Promise<TermContext> {
    const bloc = await this.blocs.findById(em, term.blocId);
    if (!bloc) throw new AppError(BlocErrors.NOT_FOUND);
    return this.contextOf(em, bloc, term);
  }

  private async contextOf(
    em: EntityManager,
    bloc: TermContext['bloc'],
    term: BlocTermEntity,
  ): Promise<TermContext> {
    const set = await this.criteria.findByStatus(em, term.id, 'LOCKED');
    const domainSet = set ? rowsToDomain(set, await this.criteria.items(em, set.id)) : null;
    const { members, rows } = await this.blocs.membersWithRows(em, term.id);
    const draws = new Map(rows.map((m) => [m.unitId, m.drawNumber]));
    return {
      bloc,
      term,
      set,
      domainSet,
      tieBreak: set ? parseTieBreak(set.tieBreak) : [],
      members,
      draws,
    };
  }

  /** The term of an id (for records that point at a term). */
  async termById(em: EntityManager, termId: number): Promise<BlocTermEntity> {
    const term = await this.blocs.findTermById(em, termId);
    if (!term) throw new AppError(BlocErrors.TERM_NOT_FOUND);
    return term;
  }

  requireLockedSet(ctx: TermContext): CriteriaSet {
    if (!ctx.domainSet) throw new AppError(ScoringErrors.NO_LOCKED_SET);
    return ctx.domainSet;
  }

  requireOpen(ctx: TermContext, stage: ScoreStageCode): void {
    const status = stageStatus(ctx.term.scoringPhase, stage);
    if (status === 'CLOSED') throw new AppError(ScoringErrors.STAGE_CLOSED);
    if (status === 'NOT_YET_OPEN') {
      throw new AppError(ScoringErrors.STAGE_NOT_OPEN, {
        message: `${ScoringErrors.STAGE_NOT_OPEN.message} Giai đoạn hiện tại: ${SCORING_PHASE_LABELS[ctx.term.scoringPhase]}.`,
      });
    }
  }

  member(ctx: TermContext, unitId: number): UnitEntity {
    const unit = ctx.members.find((u) => u.id === unitId);
    if (!unit) throw new AppError(ScoringErrors.NOT_A_MEMBER);
    return unit;
  }

  /** The members ranked by their agreed lines (R12's tie-breaks); needs the signed criteria set. */
  async computeRanking(em: EntityManager, ctx: TermContext): Promise<Ranking> {
    const set = this.requireLockedSet(ctx);
    const agreed = await this.scores.lines(em, ctx.term.id, 'AGREED');
    const byUnit = new Map<number, ScoreEntryEntity[]>();
    for (const r of agreed) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
    const result = rankUnits(
      ctx.members.map((u) => {
        const draw = ctx.draws.get(u.id);
        return {
          unitCode: u.code,
          unitName: u.fullName,
          ...(draw ? { drawOrder: draw } : {}),
          totals: computeUnitTotals(set, toDomainLines(byUnit.get(u.id) ?? [])),
        };
      }),
      ctx.tieBreak,
    );
    if (!result.ok) {
      throw new AppError(ScoringErrors.INVALID, {
        details: result.error.map((f) => ({ field: f.field, code: f.code, message: f.message })),
      });
    }
    return result.value;
  }
}
