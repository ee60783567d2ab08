import type { CriteriaSet, ScoringScale } from '../domain/scoring/criteria-set';
import type { TieBreakKey } from '../domain/scoring/ranking';
import type { CriteriaItemEntity } from './criteria-item.entity';
import type { CriteriaSetEntity, CriteriaSetStatus } from './criteria-set.entity';
import type { CriteriaSetBodyDto, CriteriaSetDto, CriteriaSetSummaryDto } from './dto/criteria.dto';

/** Points typed by people (12.5) → centipoints (1250); DTO validation already allows 2 decimals at most. */
export const toCp = (points: number): number => Math.round(points * 100);
/** Centipoints → points for JSON (1250 → 12.5). */
export const toPoints = (cp: number): number => cp / 100;

export const CRITERIA_SET_STATUS_LABELS: Readonly<Record<CriteriaSetStatus, string>> = {
  DRAFT: 'dự thảo',
  LOCKED: 'đã ký giao ước',
  SUPERSEDED: 'đã được thay thế',
};

export type ItemRow = Omit<CriteriaItemEntity, 'id' | 'setId' | 'set'>;

/** Request body → item rows (in display order) and set columns. */
export function bodyToRows(body: CriteriaSetBodyDto): {
  columns: Pick<CriteriaSetEntity, 'scale' | 'bonusCap' | 'penaltyCap' | 'tieBreak' | 'isSample'>;
  items: ItemRow[];
} {
  const items: ItemRow[] = [];
  let position = 0;
  for (const g of body.groups) {
    items.push({
      kind: 'GROUP',
      code: g.code,
      title: g.title,
      maxPoints: toCp(g.maxPoints),
      guide: null,
      groupCode: null,
      position: position++,
    });
    for (const c of g.criteria) {
      items.push({
        kind: 'CRITERION',
        code: c.code,
        title: c.title,
        maxPoints: toCp(c.maxPoints),
        guide: c.guide ?? null,
        groupCode: g.code,
        position: position++,
      });
    }
  }
  for (const b of body.bonusItems)
    items.push({
      kind: 'BONUS',
      code: b.code,
      title: b.title,
      maxPoints: toCp(b.cap),
      guide: null,
      groupCode: null,
      position: position++,
    });
  for (const p of body.penaltyItems)
    items.push({
      kind: 'PENALTY',
      code: p.code,
      title: p.title,
      maxPoints: toCp(p.cap),
      guide: null,
      groupCode: null,
      position: position++,
    });
  const tieBreak = body.tieBreak.map((k) =>
    k.kind === 'GROUP_SCORE' ? { kind: k.kind, groupCode: k.groupCode ?? '' } : { kind: k.kind },
  );
  return {
    columns: {
      scale: body.scale,
      bonusCap: toCp(body.bonusCap),
      penaltyCap: toCp(body.penaltyCap),
      tieBreak: JSON.stringify(tieBreak),
      isSample: body.isSample ?? false,
    },
    items,
  };
}

export function parseTieBreak(json: string): TieBreakKey[] {
  return JSON.parse(json) as TieBreakKey[];
}

/** Stored rows → the domain's criteria set (centipoints). */
export function rowsToDomain(
  set: Pick<CriteriaSetEntity, 'scale' | 'bonusCap' | 'penaltyCap'>,
  items: readonly ItemRow[],
): CriteriaSet {
  const sorted = [...items].sort((a, b) => a.position - b.position);
  return {
    scale: set.scale as ScoringScale,
    groups: sorted
      .filter((i) => i.kind === 'GROUP')
      .map((g) => ({
        code: g.code,
        title: g.title,
        maxPoints: g.maxPoints,
        criteria: sorted
          .filter((c) => c.kind === 'CRITERION' && c.groupCode === g.code)
          .map((c) => ({
            code: c.code,
            title: c.title,
            maxPoints: c.maxPoints,
            ...(c.guide ? { guide: c.guide } : {}),
          })),
      })),
    bonusItems: sorted
      .filter((i) => i.kind === 'BONUS')
      .map((i) => ({ code: i.code, title: i.title, cap: i.maxPoints })),
    penaltyItems: sorted
      .filter((i) => i.kind === 'PENALTY')
      .map((i) => ({ code: i.code, title: i.title, cap: i.maxPoints })),
    bonusCap: set.bonusCap,
    penaltyCap: set.penaltyCap,
  };
}

/** Domain set (centipoints) → request/response body (points). */
export function domainToBody(
  set: CriteriaSet,
  tieBreak: TieBreakKey[],
  isSample: boolean,
): CriteriaSetBodyDto {
  return {
    scale: set.scale,
    groups: set.groups.map((g) => ({
      code: g.code,
      title: g.title,
      maxPoints: toPoints(g.maxPoints),
      criteria: g.criteria.map((c) => ({
        code: c.code,
        title: c.title,
        maxPoints: toPoints(c.maxPoints),
        ...(c.guide ? { guide: c.guide } : {}),
      })),
    })),
    bonusItems: set.bonusItems.map((b) => ({ code: b.code, title: b.title, cap: toPoints(b.cap) })),
    penaltyItems: set.penaltyItems.map((p) => ({
      code: p.code,
      title: p.title,
      cap: toPoints(p.cap),
    })),
    bonusCap: toPoints(set.bonusCap),
    penaltyCap: toPoints(set.penaltyCap),
    tieBreak: tieBreak.map((k) => ({ ...k })),
    isSample,
  };
}

export function toSummaryDto(s: CriteriaSetEntity): CriteriaSetSummaryDto {
  return {
    id: s.id,
    termId: s.termId,
    versionNo: s.versionNo,
    status: s.status,
    statusLabel: CRITERIA_SET_STATUS_LABELS[s.status],
    reason: s.reason,
    signedOn: s.signedOn,
    isSample: s.isSample,
    version: s.version,
  };
}

export function toSetDto(s: CriteriaSetEntity, items: readonly ItemRow[]): CriteriaSetDto {
  return {
    ...toSummaryDto(s),
    definition: domainToBody(rowsToDomain(s, items), parseTieBreak(s.tieBreak), s.isSample),
    allowedActions:
      s.status === 'DRAFT' ? ['EDIT', 'LOCK', 'DELETE'] : s.status === 'LOCKED' ? ['REVISE'] : [],
  };
}
