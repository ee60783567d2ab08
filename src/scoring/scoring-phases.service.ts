import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { BlocTermEntity } from '../blocs/bloc-term.entity';
import { BlocsRepository } from '../blocs/blocs.repository';
import { AppError } from '../common/errors/app-error';
import { Db } from '../database/db.service';
import {
  allowedScoringTransitions,
  canTransitionScoring,
  SCORING_PHASE_LABELS,
} from '../domain/scoring/phase';
import type { AdvancePhaseDto, PhaseDto } from './dto/scoring.dto';
import { ScoringErrors } from './scoring.errors';
import { ScoringService } from './scoring.service';

/**
 * The scoring phase of a bloc term (NOT_STARTED → SELF → REVIEW → AGREED → CLOSED, the table in
 * `domain/scoring/phase.ts`): read with its history, advanced one step with an audit row. Closing
 * needs every member's agreed scores.
 */
@Injectable()
export class ScoringPhasesService {
  constructor(
    private readonly db: Db,
    private readonly scoring: ScoringService,
    private readonly blocs: BlocsRepository,
    private readonly audit: AuditService,
  ) {}

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
      if (
        !(await this.blocs.moveScoringPhase(
          em,
          ctx.term.id,
          from,
          dto.to,
          dto.reason?.trim() || null,
        ))
      ) {
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

  private async phaseDto(em: EntityManager, term: BlocTermEntity): Promise<PhaseDto> {
    const history = await this.blocs.phaseHistory(em, term.id);
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
