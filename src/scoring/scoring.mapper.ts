import { toPoints } from '../criteria/criteria.mapper';
import type { Finding } from '../domain/common/result';
import type { CriteriaSet } from '../domain/scoring/criteria-set';
import { formatPoints } from '../domain/scoring/points';
import type { TieBreakKey } from '../domain/scoring/ranking';
import type { ScoreLine } from '../domain/scoring/score-lines';
import type { UnitTotals } from '../domain/scoring/totals';
import type { FindingDto, ScoreLineDto, TotalsDto } from './dto/scoring.dto';
import type { ScoreEntryEntity } from './score-entry.entity';

/** Stored lines as the domain's score lines (values in hundredths, a reason only when given). */
export function toDomainLines(rows: readonly ScoreEntryEntity[]): ScoreLine[] {
  return rows.map((r) => ({
    code: r.itemCode,
    value: r.value,
    ...(r.reason ? { reason: r.reason } : {}),
  }));
}

export function toLineDto(r: ScoreEntryEntity): ScoreLineDto {
  return {
    code: r.itemCode,
    value: toPoints(r.value),
    valueText: formatPoints(r.value),
    reason: r.reason,
    version: r.version,
  };
}

export function toTotalsDto(t: UnitTotals): TotalsDto {
  return {
    grandTotal: toPoints(t.grandTotal),
    grandTotalText: formatPoints(t.grandTotal),
    criteriaTotal: toPoints(t.criteriaTotal),
    bonusTotal: toPoints(t.bonusTotal),
    penaltyTotal: toPoints(t.penaltyTotal),
    groups: t.groups.map((g) => ({
      groupCode: g.groupCode,
      subtotal: toPoints(g.subtotal),
      maxPoints: toPoints(g.maxPoints),
    })),
  };
}

export function toFindingDto(f: Finding): FindingDto {
  return {
    code: f.code,
    severity: f.severity,
    message: f.message,
    ...(f.field ? { field: f.field } : {}),
  };
}

/** The configured tie-break order in words, as the ranking and the minutes show it. */
export function describeTieBreak(keys: readonly TieBreakKey[], set: CriteriaSet | null): string[] {
  const rules = ['Tổng điểm cao hơn xếp trên'];
  for (const k of keys) {
    switch (k.kind) {
      case 'GROUP_SCORE': {
        const g = set?.groups.find((x) => x.code === k.groupCode);
        rules.push(
          `Bằng điểm: điểm nhóm ${k.groupCode}${g ? ` (${g.title})` : ''} cao hơn xếp trên`,
        );
        break;
      }
      case 'FEWER_PENALTY':
        rules.push('Bằng điểm: bị trừ ít điểm hơn xếp trên');
        break;
      case 'DRAW_ORDER':
        rules.push('Bằng điểm: số bốc thăm tại hội nghị nhỏ hơn xếp trên');
        break;
    }
  }
  rules.push('Vẫn bằng nhau: đồng hạng, ghi rõ "chưa phân định được"');
  return rules;
}
