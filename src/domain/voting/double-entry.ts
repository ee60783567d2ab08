import type { Finding } from '../common/result';
import type { BallotCounts, NomineeCount, WrittenCounts } from './counts';
import { compareIds } from './format';

/** R8 double entry: one field on which two entries of the same paper tally disagree; null = absent from that entry. */
export interface EntryDifference {
  /** "ballotsReturned", "nominees[<id>].agree", "written.valid", "written.nominees[<id>].noOpinion". */
  readonly field: string;
  readonly first: number | null;
  readonly second: number | null;
}

/** R8 double entry (Abacus, RELIABILITY A4): the outcome of comparing two entries. */
export interface EntryComparison {
  readonly equal: boolean;
  /** In a stable order: totals, then nominees by id, then written ballots; for targeted correction. */
  readonly differences: readonly EntryDifference[];
}

const TOTAL_FIELDS = [
  'membersEntitled',
  'ballotsIssued',
  'ballotsReturned',
  'valid',
  'invalid',
  'seats',
] as const;
const WRITTEN_FIELDS = ['received', 'valid', 'invalid'] as const;
const LINE_FIELDS = ['agree', 'disagree', 'noOpinion'] as const;

/**
 * R8 double entry (four eyes; Kiesraad Abacus, RELIABILITY A4): compares two independent entries of
 * the same biên bản kiểm phiếu field by field. Any difference blocks verification until resolved.
 */
export function compareEntries(first: BallotCounts, second: BallotCounts): EntryComparison {
  const differences: EntryDifference[] = [];
  const push = (field: string, a: number | null, b: number | null): void => {
    if (a !== b) differences.push({ field, first: a, second: b });
  };
  for (const f of TOTAL_FIELDS) push(f, first[f], second[f]);
  compareLines(first.nominees, second.nominees, 'nominees', push);
  const w1: WrittenCounts | null = first.written ?? null;
  const w2: WrittenCounts | null = second.written ?? null;
  if (w1 || w2) {
    for (const f of WRITTEN_FIELDS) push(`written.${f}`, w1?.[f] ?? null, w2?.[f] ?? null);
    compareLines(w1?.nominees ?? [], w2?.nominees ?? [], 'written.nominees', push);
  }
  return { equal: differences.length === 0, differences };
}

function compareLines(
  a: readonly NomineeCount[],
  b: readonly NomineeCount[],
  prefix: string,
  push: (field: string, a: number | null, b: number | null) => void,
): void {
  const byId = (lines: readonly NomineeCount[]): Map<string, NomineeCount> =>
    new Map(lines.map((l) => [l.nomineeId, l]));
  const m1 = byId(a);
  const m2 = byId(b);
  const ids = [...new Set([...m1.keys(), ...m2.keys()])].sort(compareIds);
  for (const id of ids) {
    for (const f of LINE_FIELDS)
      push(`${prefix}[${id}].${f}`, m1.get(id)?.[f] ?? null, m2.get(id)?.[f] ?? null);
  }
}

/**
 * R8 double entry: the second entry must come from another user. Returns the blocking
 * `DOUBLE_ENTRY_SAME_USER` finding when both entries were typed by the same user, else null.
 */
export function sameEnterer(
  firstUserId: string | number,
  secondUserId: string | number,
): Finding | null {
  if (String(firstUserId) !== String(secondUserId)) return null;
  return {
    code: 'DOUBLE_ENTRY_SAME_USER',
    severity: 'error',
    message: 'Lần nhập thứ hai phải do một người dùng khác với người nhập lần thứ nhất thực hiện.',
    field: 'secondEntry',
    params: { userId: String(firstUserId) },
  };
}
