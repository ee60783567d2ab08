import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/errors/app-error';
import { CriteriaService } from '../criteria/criteria.service';
import { Db } from '../database/db.service';
import { viDate } from '../domain/common/vi-date';
import {
  allowedScoringTransitions,
  canTransitionScoring,
  SCORING_PHASE_LABELS,
  type ScoringPhase,
} from '../domain/scoring/phase';
import type { BlocTermEntity } from '../registry/blocs/bloc-term.entity';
import { BlocsRepository } from '../registry/blocs/blocs.repository';
import type { AdvancePhaseDto, PhaseDto } from './dto/scoring.dto';
import type { ScoringPhaseTransitionEntity } from './scoring-phase-transition.entity';
import { ScoringErrors } from './scoring.errors';
import { ScoringRepository } from './scoring.repository';
import { ScoringService } from './scoring.service';

/**
 * The scoring phase of a bloc term (NOT_STARTED → SELF → REVIEW → AGREED → CLOSED, the table in
 * `domain/scoring/phase.ts`): read with its history, advanced one step with an audit row; closing
 * needs every member's agreed scores. Every move sets the phase (a column of the registry's
 * `bloc_term`, through its repository) and writes its `scoring_phase_transition` row in the caller's
 * transaction. Signing the covenant (locking the criteria set) starts scoring: criteria sit below
 * scoring, so the lock tells it through the listener registered at start-up.
 */
@Injectable()
export class ScoringPhasesService implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly scoring: ScoringService,
    private readonly blocs: BlocsRepository,
    private readonly scores: ScoringRepository,
    private readonly criteria: CriteriaService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.criteria.onLocked((em, term, signedOn) => this.start(em, term, signedOn));
  }

  phase(blocId: number, year: number): Promise<PhaseDto> {
    return this.db.read(async (em) => {
      const { term } = await this.scoring.context(em, blocId, year);
      return this.phaseDto(em, term);
    });
  }

  advance(blocId: number, year: number, dto: AdvancePhaseDto): Promise<PhaseDto> {
    return this.db.write(async (em) => {
      const ctx = await this.scoring.context(em, blocId, year);
      const from = ctx.term.scoringPhase;
      // Scoring starts only by signing the covenant (locking the criteria set).
      if (from === 'NOT_STARTED' || !canTransitionScoring(from, dto.to)) {
        throw new AppError(ScoringErrors.BAD_TRANSITION, {
          message: `Không thể chuyển từ "${SCORING_PHASE_LABELS[from]}" sang "${SCORING_PHASE_LABELS[dto.to]}".`,
          extra: {
            allowedTransitions: from === 'NOT_STARTED' ? [] : allowedScoringTransitions(from),
          },
        });
      }
      if (dto.to === 'CLOSED') {
        const ranking = await this.scoring.computeRanking(em, ctx);
        if (!ranking.complete) {
          throw new AppError(ScoringErrors.INCOMPLETE, {
            details: ranking.incompleteUnits.map((u) => ({
              field: u.unitCode,
              code: 'SCORE_MISSING',
              message: `${u.unitName}: còn thiếu điểm thống nhất của ${u.missingCriteria.length} tiêu chí (${u.missingCriteria.join(', ')}).`,
            })),
          });
        }
      }
      if (!(await this.move(em, ctx.term.id, from, dto.to, dto.reason?.trim() || null))) {
        throw new AppError(ScoringErrors.BAD_TRANSITION);
      }
      await this.audit.record(em, {
        action: 'scoring.phase',
        entityType: 'bloc_term',
        entityId: ctx.term.id,
        before: { phase: from },
        after: { phase: dto.to },
        reason: dto.reason?.trim() || null,
      });
      const term = await this.blocs.findTermById(em, ctx.term.id);
      return this.phaseDto(em, term ?? ctx.term);
    });
  }

  /** Moves the phase when it is still `from`, with its history row; false on a lost race. */
  async move(
    em: EntityManager,
    termId: number,
    from: ScoringPhase,
    to: ScoringPhase,
    reason: string | null,
  ): Promise<boolean> {
    if (!(await this.blocs.setScoringPhase(em, termId, from, to))) return false;
    await this.scores.insertPhaseTransition(em, { termId, fromPhase: from, toPhase: to, reason });
    return true;
  }

  history(em: EntityManager, termId: number): Promise<ScoringPhaseTransitionEntity[]> {
    return this.scores.phaseHistory(em, termId);
  }

  /** The covenant signed: a term not started yet enters self-assessment. */
  private async start(em: EntityManager, term: BlocTermEntity, signedOn: string): Promise<void> {
    if (term.scoringPhase !== 'NOT_STARTED') return;
    await this.move(
      em,
      term.id,
      'NOT_STARTED',
      'SELF',
      `Ký kết giao ước thi đua ngày ${viDate(signedOn)}`,
    );
  }

  private async phaseDto(em: EntityManager, term: BlocTermEntity): Promise<PhaseDto> {
    const history = await this.history(em, term.id);
    return {
      phase: term.scoringPhase,
      label: SCORING_PHASE_LABELS[term.scoringPhase],
      allowedTransitions:
        term.scoringPhase === 'NOT_STARTED'
          ? []
          : [...allowedScoringTransitions(term.scoringPhase)],
      history: history.map((h) => ({
        from: h.fromPhase,
        to: h.toPhase,
        reason: h.reason,
        at: new Date(h.createdAt).toISOString(),
      })),
    };
  }
}
