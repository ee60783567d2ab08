import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CriteriaService } from '../criteria/criteria.service';
import { viDate } from '../domain/common/vi-date';
import type { ScoringPhase } from '../domain/scoring/phase';
import type { BlocTermEntity } from '../registry/blocs/bloc-term.entity';
import { BlocsRepository } from '../registry/blocs/blocs.repository';
import type { ScoringPhaseTransitionEntity } from './scoring-phase-transition.entity';
import { ScoringRepository } from './scoring.repository';

/**
 * A term's scoring phase and its history: every move sets the phase (a column of the registry's
 * `bloc_term`) and writes its `scoring_phase_transition` row in the caller's transaction. Signing
 * the covenant (locking the criteria set) starts scoring; `ScoringService.advance` moves it on.
 */
@Injectable()
export class ScoringPhasesService implements OnModuleInit {
  constructor(
    private readonly blocs: BlocsRepository,
    private readonly scores: ScoringRepository,
    private readonly criteria: CriteriaService,
  ) {}

  /** Criteria sit below scoring: the lock tells scoring through this listener, in its transaction. */
  onModuleInit(): void {
    this.criteria.onLocked((em, term, signedOn) => this.start(em, term, signedOn));
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
}
