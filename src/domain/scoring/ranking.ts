import { err, ok, type Finding, type Result } from '../common/result';

import type { CriteriaSet } from './criteria-set';
import { formatPoints, type Centipoints } from './points';
import type { TotalsResult, UnitTotals } from './totals';
import { joinVi } from '../common/text';

/**
 * One tie-break rule, applied in the configured order to units with the same grand total:
 * higher score in a group, fewer penalty points (as subtracted, after the cap), or the number
 * each unit drew at the meeting (lower draws first).
 */
export type TieBreakKey =
  | { readonly kind: 'GROUP_SCORE'; readonly groupCode: string }
  | { readonly kind: 'FEWER_PENALTY' }
  | { readonly kind: 'DRAW_ORDER' };

export interface RankingInput {
  readonly unitCode: string;
  /** Display name with the unit type, used in sentences: "huyện Cẩm Giàng". */
  readonly unitName: string;
  /** Number drawn at the meeting (positive integer, 1 ranks first); needed only to settle a tie. */
  readonly drawOrder?: number;
  readonly totals: TotalsResult;
}

export interface RankedUnit {
  readonly unitCode: string;
  readonly unitName: string;
  /** 1-based place in the list (distinct for every unit). */
  readonly position: number;
  /** 1-based rank; shared (1, 2, 2, 4) only by units still tied after every tie-break key. */
  readonly rank: number;
  readonly totals: UnitTotals;
  /** Rank 1 alone in a complete ranking. */
  readonly isLeader: boolean;
  /** Shares its rank: the tie-break keys did not separate it ("chưa phân định được"). */
  readonly unresolvedTie: boolean;
  /** Vietnamese sentences on how it was separated from equal-total neighbours; null when none. */
  readonly tieBreakExplanation: string | null;
}

export interface IncompleteUnit {
  readonly unitCode: string;
  readonly unitName: string;
  readonly missingCriteria: readonly string[];
  readonly findings: readonly Finding[];
}

export interface Ranking {
  /** Units with complete agreed scores, best first. */
  readonly entries: readonly RankedUnit[];
  /** False when any unit lacks scores: the order is then provisional and no leader is named. */
  readonly complete: boolean;
  /** Units that could not be totalled, by unit code; never ranked as zero. */
  readonly incompleteUnits: readonly IncompleteUnit[];
  readonly leaderUnitCode: string | null;
  /** Unit codes of each set of units sharing a rank. */
  readonly unresolvedTies: readonly (readonly string[])[];
}

export const RANKING_FINDING_CODES = [
  'RANKING_DUPLICATE_UNIT',
  'RANKING_DRAW_ORDER_INVALID',
  'RANKING_DUPLICATE_DRAW_ORDER',
  'TIE_BREAK_UNKNOWN_GROUP',
  'TIE_BREAK_DUPLICATE_KEY',
] as const;
export type RankingFindingCode = (typeof RANKING_FINDING_CODES)[number];

function finding(
  code: RankingFindingCode,
  message: string,
  field: string,
  params: Finding['params'],
): Finding {
  return { code, severity: 'error', message, field, params };
}

/** R11: a tie-break list is usable: each group it names exists and no key appears twice. */
export function validateTieBreak(set: CriteriaSet, keys: readonly TieBreakKey[]): Finding[] {
  const groupCodes = new Set(set.groups.map((g) => g.code));
  return keyFindings(keys, (code) => groupCodes.has(code));
}

function keyFindings(
  keys: readonly TieBreakKey[],
  groupExists: (code: string) => boolean,
): Finding[] {
  const findings: Finding[] = [];
  const firstSeen = new Map<string, number>();
  keys.forEach((key, i) => {
    const identity = key.kind === 'GROUP_SCORE' ? `GROUP_SCORE:${key.groupCode}` : key.kind;
    const earlier = firstSeen.get(identity);
    if (earlier !== undefined) {
      findings.push(
        finding(
          'TIE_BREAK_DUPLICATE_KEY',
          `Quy tắc phân định bằng điểm thứ ${i + 1} trùng với quy tắc thứ ${earlier + 1}.`,
          `tieBreak[${i}]`,
          { index: i, duplicateOf: earlier },
        ),
      );
    } else {
      firstSeen.set(identity, i);
    }
    if (key.kind === 'GROUP_SCORE' && !groupExists(key.groupCode)) {
      findings.push(
        finding(
          'TIE_BREAK_UNKNOWN_GROUP',
          `Quy tắc phân định bằng điểm thứ ${i + 1} dùng điểm nhóm ${key.groupCode}, nhưng bộ tiêu chí không có nhóm này.`,
          `tieBreak[${i}].groupCode`,
          { index: i, groupCode: key.groupCode },
        ),
      );
    }
  });
  return findings;
}

interface Candidate {
  readonly input: RankingInput;
  readonly totals: UnitTotals;
}

interface FinalBlock {
  /** Units still tied after every key, by unit code. */
  readonly members: readonly Candidate[];
  /** The key that put this block below the previous one of equal total; null if totals differ. */
  readonly splitBy: TieBreakKey | null;
  /** Position of that key in the tie-break list, to name the keys on which they were equal. */
  readonly splitLevel: number;
  /** A DRAW_ORDER key could not be applied because a tied unit had no number. */
  readonly drawSkipped: boolean;
}

/**
 * R11/R12: ranks units by grand total, then by the tie-break keys in order. Units still tied share
 * a rank and are listed by unit code, reported as "chưa phân định được". Units without complete
 * agreed scores are listed apart; the ranking is then incomplete and names no leader.
 */
export function rankUnits(
  units: readonly RankingInput[],
  tieBreak: readonly TieBreakKey[],
): Result<Ranking, Finding[]> {
  const candidates: Candidate[] = [];
  const incompleteUnits: IncompleteUnit[] = [];
  for (const input of units) {
    if (input.totals.ok) {
      candidates.push({ input, totals: input.totals.value });
    } else {
      const { missingCriteria, findings } = input.totals.error;
      incompleteUnits.push({
        unitCode: input.unitCode,
        unitName: input.unitName,
        missingCriteria,
        findings,
      });
    }
  }

  const problems = [
    ...inputFindings(units),
    ...keyFindings(tieBreak, (code) =>
      candidates.every((c) => c.totals.groups.some((g) => g.groupCode === code)),
    ),
  ];
  if (problems.length > 0) return err(problems);

  const blocks: FinalBlock[] = [];
  for (const block of partition(candidates, (c) => -c.totals.grandTotal)) {
    refine(block, 0, tieBreak, { splitBy: null, splitLevel: 0, drawSkipped: false }, blocks);
  }

  const complete = incompleteUnits.length === 0;
  const entries: RankedUnit[] = [];
  blocks.forEach((block, b) => {
    const rank = entries.length + 1;
    const previous = blocks[b - 1];
    const next = blocks[b + 1];
    block.members.forEach((c, m) => {
      const sentences: string[] = [];
      const above = previous?.members.at(-1);
      if (m === 0 && above !== undefined && block.splitBy !== null) {
        sentences.push(splitSentence(c, above, tieBreak, block.splitLevel, block.splitBy, false));
      }
      if (block.members.length > 1) sentences.push(unresolvedSentence(c, block, tieBreak, rank));
      const below = next?.members[0];
      if (m === block.members.length - 1 && below !== undefined && next?.splitBy) {
        sentences.push(splitSentence(c, below, tieBreak, next.splitLevel, next.splitBy, true));
      }
      entries.push({
        unitCode: c.input.unitCode,
        unitName: c.input.unitName,
        position: entries.length + 1,
        rank,
        totals: c.totals,
        isLeader: complete && rank === 1 && block.members.length === 1,
        unresolvedTie: block.members.length > 1,
        tieBreakExplanation: sentences.length > 0 ? sentences.join(' ') : null,
      });
    });
  });

  return ok({
    entries,
    complete,
    incompleteUnits: incompleteUnits.sort((a, b) => compareCodes(a.unitCode, b.unitCode)),
    leaderUnitCode: entries.find((e) => e.isLeader)?.unitCode ?? null,
    unresolvedTies: blocks
      .filter((b) => b.members.length > 1)
      .map((b) => b.members.map((c) => c.input.unitCode)),
  });
}

function inputFindings(units: readonly RankingInput[]): Finding[] {
  const findings: Finding[] = [];
  const seenUnits = new Set<string>();
  const byDraw = new Map<number, string[]>();
  units.forEach((u, i) => {
    if (seenUnits.has(u.unitCode)) {
      findings.push(
        finding(
          'RANKING_DUPLICATE_UNIT',
          `Đơn vị “${u.unitCode}” có mặt hơn một lần trong danh sách xếp hạng.`,
          `units[${i}]`,
          {
            unitCode: u.unitCode,
          },
        ),
      );
    }
    seenUnits.add(u.unitCode);
    if (u.drawOrder === undefined) return;
    if (!Number.isSafeInteger(u.drawOrder) || u.drawOrder < 1) {
      findings.push(
        finding(
          'RANKING_DRAW_ORDER_INVALID',
          `Số bốc thăm của ${u.unitName} (${String(u.drawOrder).replace('.', ',')}) phải là số nguyên dương.`,
          `units[${i}].drawOrder`,
          { unitCode: u.unitCode, drawOrder: u.drawOrder },
        ),
      );
      return;
    }
    byDraw.set(u.drawOrder, [...(byDraw.get(u.drawOrder) ?? []), u.unitName]);
  });
  for (const [draw, names] of byDraw) {
    if (names.length > 1) {
      findings.push(
        finding(
          'RANKING_DUPLICATE_DRAW_ORDER',
          `Số bốc thăm ${draw} được gán cho nhiều đơn vị: ${joinVi(names)}.`,
          'units',
          { drawOrder: draw },
        ),
      );
    }
  }
  return findings;
}

/** Splits a tied block by the key at `level` and recurses; appends final blocks in rank order. */
function refine(
  block: readonly Candidate[],
  level: number,
  keys: readonly TieBreakKey[],
  context: Omit<FinalBlock, 'members'>,
  out: FinalBlock[],
): void {
  const key = keys[level];
  if (block.length === 1 || key === undefined) {
    out.push({
      ...context,
      members: [...block].sort((a, b) => compareCodes(a.input.unitCode, b.input.unitCode)),
    });
    return;
  }
  const valued = block.map((c) => ({ c, v: keyValue(c, key) }));
  const defined = valued.filter((x): x is { c: Candidate; v: number } => x.v !== undefined);
  if (defined.length < valued.length) {
    // Only DRAW_ORDER can be undefined: a tied unit has not drawn yet, so the key cannot settle it.
    refine(block, level + 1, keys, { ...context, drawSkipped: true }, out);
    return;
  }
  partition(defined, (x) => x.v).forEach((sub, i) => {
    const subContext = i === 0 ? context : { ...context, splitBy: key, splitLevel: level };
    refine(
      sub.map((x) => x.c),
      level + 1,
      keys,
      subContext,
      out,
    );
  });
}

/** The value a key compares, lower ranks first; undefined when the unit has no draw number. */
function keyValue(c: Candidate, key: TieBreakKey): number | undefined {
  switch (key.kind) {
    case 'GROUP_SCORE':
      return -groupSubtotal(c.totals, key.groupCode);
    case 'FEWER_PENALTY':
      return c.totals.penaltyTotal;
    case 'DRAW_ORDER':
      return c.input.drawOrder;
  }
}

/** Subtotal of a group known to exist (checked by `keyFindings` before ranking). */
function groupSubtotal(totals: UnitTotals, groupCode: string): Centipoints {
  return totals.groups
    .filter((g) => g.groupCode === groupCode)
    .reduce((acc, g) => acc + g.subtotal, 0);
}

/** Sorts by `value` ascending and groups equal values, keeping each group's input order. */
function partition<T>(items: readonly T[], value: (item: T) => number): T[][] {
  const blocks: T[][] = [];
  let lastValue = Number.NaN;
  for (const item of [...items].sort((a, b) => value(a) - value(b))) {
    const v = value(item);
    const current = blocks[blocks.length - 1];
    if (current !== undefined && v === lastValue) current.push(item);
    else blocks.push([item]);
    lastValue = v;
  }
  return blocks;
}

/** Code-unit order, independent of locale; unit codes are unique once validated. */
function compareCodes(a: string, b: string): number {
  return a < b ? -1 : 1;
}

/** "điểm tổng (955)", then the value of every score key, on which tied units are equal. */
function equalities(c: Candidate, keys: readonly TieBreakKey[]): string {
  const phrases = [`điểm tổng (${formatPoints(c.totals.grandTotal)})`];
  for (const key of keys) {
    if (key.kind === 'GROUP_SCORE') {
      phrases.push(
        `điểm nhóm ${key.groupCode} (${formatPoints(groupSubtotal(c.totals, key.groupCode))})`,
      );
    } else if (key.kind === 'FEWER_PENALTY') {
      phrases.push(`điểm trừ (${formatPoints(c.totals.penaltyTotal)})`);
    }
  }
  return joinVi(phrases);
}

function splitSentence(
  self: Candidate,
  other: Candidate,
  keys: readonly TieBreakKey[],
  level: number,
  key: TieBreakKey,
  selfAbove: boolean,
): string {
  const place = selfAbove ? 'xếp trên' : 'xếp dưới';
  return `Bằng ${equalities(self, keys.slice(0, level))} với ${other.input.unitName}; ${place} do ${reason(key, self, other, selfAbove)}.`;
}

function reason(key: TieBreakKey, self: Candidate, other: Candidate, selfAbove: boolean): string {
  switch (key.kind) {
    case 'GROUP_SCORE': {
      const mine = formatPoints(groupSubtotal(self.totals, key.groupCode));
      const theirs = formatPoints(groupSubtotal(other.totals, key.groupCode));
      return `điểm nhóm ${key.groupCode} ${selfAbove ? 'cao hơn' : 'thấp hơn'} (${mine} so với ${theirs})`;
    }
    case 'FEWER_PENALTY': {
      const mine = formatPoints(self.totals.penaltyTotal);
      const theirs = formatPoints(other.totals.penaltyTotal);
      return `bị trừ ${selfAbove ? 'ít' : 'nhiều'} điểm hơn (${mine} so với ${theirs})`;
    }
    case 'DRAW_ORDER': {
      const mine = String(self.input.drawOrder);
      const theirs = String(other.input.drawOrder);
      return `bốc thăm được số thứ tự ${selfAbove ? 'trước' : 'sau'} (số ${mine} so với số ${theirs})`;
    }
  }
}

function unresolvedSentence(
  self: Candidate,
  block: FinalBlock,
  keys: readonly TieBreakKey[],
  rank: number,
): string {
  const others = block.members.filter((c) => c !== self).map((c) => c.input.unitName);
  const note = block.drawSkipped ? ' (chưa đủ số bốc thăm)' : '';
  return `Bằng ${equalities(self, keys)} với ${joinVi(others)}; chưa phân định được${note} nên đồng hạng ${rank}, liệt kê theo mã đơn vị.`;
}
