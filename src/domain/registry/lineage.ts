import type { LineageKind } from './unit-types';

export interface LineageEdge {
  readonly predecessorId: number;
  readonly successorId: number;
}

/**
 * The kind of a link from the shape of the reorganisation: one old unit into several new ones is a
 * split, several old units into one new one a merger, one into one a renaming.
 */
export function lineageKind(
  predecessorSuccessorCount: number,
  successorPredecessorCount: number,
): LineageKind {
  if (predecessorSuccessorCount > 1) return 'SPLIT_INTO';
  if (successorPredecessorCount > 1) return 'MERGED_INTO';
  return 'RENAMED_TO';
}

/**
 * Every unit the given one continues, directly or through several reorganisations (R13: the award
 * history of a predecessor counts for its successor), nearest first; cycles are cut.
 */
export function ancestorsOf(unitId: number, edges: readonly LineageEdge[]): number[] {
  const bySuccessor = new Map<number, number[]>();
  for (const e of edges) {
    const list = bySuccessor.get(e.successorId) ?? [];
    list.push(e.predecessorId);
    bySuccessor.set(e.successorId, list);
  }
  const seen = new Set<number>([unitId]);
  const out: number[] = [];
  let frontier = [unitId];
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const id of frontier) {
      for (const p of bySuccessor.get(id) ?? []) {
        if (seen.has(p)) continue;
        seen.add(p);
        out.push(p);
        next.push(p);
      }
    }
    frontier = next;
  }
  return out;
}
