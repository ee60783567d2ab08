import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { BlocsRepository } from '../registry/blocs/blocs.repository';
import { AppError } from '../common/errors/app-error';
import { Db, ReadScopes } from '../database/db.service';
import { describeClassificationBasis } from '../domain/classification/format';
import { toUnitDto } from '../registry/units/unit.mapper';
import { ClassificationRepository } from './classification/classification.repository';
import type { RankingDto, SetDrawNumbersDto } from './dto/scoring.dto';
import { ScoringErrors } from './scoring.errors';
import { describeTieBreak, toTotalsDto } from './scoring.mapper';
import { ScoringService } from './scoring.service';

/**
 * The ranking of a bloc term as the API and the pages show it (the read model: positions, the
 * leader, tie-break explanations, draw numbers, yearly classification, a status sentence), kept
 * between requests, and the draw numbers that settle a tie at the meeting.
 */
@Injectable()
export class RankingService {
  constructor(
    private readonly db: Db,
    private readonly scoring: ScoringService,
    private readonly blocs: BlocsRepository,
    private readonly classifications: ClassificationRepository,
    private readonly audit: AuditService,
  ) {}

  /** Kept between requests until the next change to the bloc's year (Db.readCached). */
  ranking(blocId: number, year: number): Promise<RankingDto> {
    return this.db.readCached(
      `ranking:${blocId}:${year}`,
      async (em) => {
        const ctx = await this.scoring.context(em, blocId, year);
        const ranking = await this.scoring.computeRanking(em, ctx);
        const byCode = new Map(ctx.members.map((u) => [u.code, u]));
        const unitDto = (code: string) => toUnitDto(byCode.get(code)!);
        const classified = new Map(
          (await this.classifications.forTerm(em, ctx.term.id)).map((c) => [c.unitId, c]),
        );
        const classificationOf = (code: string) => {
          const c = classified.get(byCode.get(code)!.id);
          return c
            ? { rank: c.rank, label: c.label, basisText: describeClassificationBasis(c.basis) }
            : null;
        };
        const leader = ranking.leaderUnitCode ? unitDto(ranking.leaderUnitCode) : null;
        const final = ctx.term.scoringPhase === 'CLOSED';
        const statusText = !ranking.complete
          ? `Bảng xếp hạng chưa đầy đủ: ${ranking.incompleteUnits.length} đơn vị còn thiếu điểm thống nhất, nên chưa xác định đơn vị dẫn đầu.`
          : leader
            ? `${final ? 'Điểm đã chốt' : 'Điểm chưa chốt'}; đơn vị dẫn đầu: ${leader.fullName}.`
            : 'Có đơn vị bằng điểm ở vị trí thứ nhất chưa phân định được; hội nghị cần quyết định.';
        return {
          blocId,
          year,
          phase: ctx.term.scoringPhase,
          final,
          complete: ranking.complete,
          statusText,
          leader,
          tieBreakRules: describeTieBreak(ctx.tieBreak, ctx.domainSet),
          entries: ranking.entries.map((e) => ({
            position: e.position,
            rank: e.rank,
            unit: unitDto(e.unitCode),
            totals: toTotalsDto(e.totals),
            isLeader: e.isLeader,
            unresolvedTie: e.unresolvedTie,
            tieBreakExplanation: e.tieBreakExplanation,
            drawNumber: ctx.draws.get(byCode.get(e.unitCode)!.id) ?? null,
            classification: classificationOf(e.unitCode),
          })),
          incompleteUnits: ranking.incompleteUnits.map((u) => ({
            unit: unitDto(u.unitCode),
            missingCriteria: [...u.missingCriteria],
          })),
          criteriaSetVersion: ctx.set?.versionNo ?? 0,
        };
      },
      () => [ReadScopes.blocYear(blocId, year)],
    );
  }

  setDrawNumbers(blocId: number, year: number, dto: SetDrawNumbersDto): Promise<RankingDto> {
    return this.db
      .write(async (em) => {
        const ctx = await this.scoring.context(em, blocId, year);
        const draws = new Map(ctx.draws);
        for (const d of dto.draws) {
          this.scoring.member(ctx, d.unitId);
          draws.set(d.unitId, d.drawNumber);
        }
        const numbers = [...draws.values()].filter((n): n is number => n !== null);
        if (new Set(numbers).size !== numbers.length) {
          throw new AppError(ScoringErrors.DRAW_INVALID, {
            message: 'Hai đơn vị không thể bốc cùng một số thăm.',
          });
        }
        await this.blocs.setDrawNumbers(em, ctx.term.id, draws);
        await this.audit.record(em, {
          action: 'scoring.draws',
          entityType: 'bloc_term',
          entityId: ctx.term.id,
          before: Object.fromEntries(ctx.draws),
          after: Object.fromEntries(draws),
        });
      })
      .then(() => this.ranking(blocId, year));
  }
}
