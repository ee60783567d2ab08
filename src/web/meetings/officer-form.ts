import { BLOC_WORDS } from '../../domain/registry/organizing-body';
import type { MeetingView } from '../../meetings/meeting-view';
import { field } from '../core/forms';
import type { NOTICES } from '../core/web-page.service';

const VOTE_FIELDS = [
  'ballotsIssued',
  'ballotsReturned',
  'valid',
  'invalid',
  'agree',
  'disagree',
  'noOpinion',
] as const;

/**
 * One officer's decision from the finalize form (`nextHead.unitId`, `nextHead.method`,
 * `nextHead.basis`, `nextHead.vote.agree` …); undefined when no unit was chosen. Values that are
 * not numbers are passed on as typed, so the DTO names the field.
 */
export function officerDecisionOf(
  values: Record<string, string>,
  key: 'nextHead' | 'nextDeputy',
): Record<string, unknown> | undefined {
  const unitId = field.int(values[`${key}.unitId`]);
  if (unitId === undefined) return undefined;
  const method = values[`${key}.method`];
  const out: Record<string, unknown> = { unitId, method: method ?? '' };
  const basis = field.text(values[`${key}.basis`]);
  if (basis !== undefined) out.basis = basis;
  if (method === 'VOTE') {
    const vote: Record<string, unknown> = {};
    for (const f of VOTE_FIELDS) vote[f] = field.int(values[`${key}.vote.${f}`]);
    out.vote = vote;
  }
  return out;
}

/** The page's notice after finalizing: whether next year's term was created, in the bloc's words. */
export function finalizedNotice(done: MeetingView): keyof typeof NOTICES {
  if (done.isRehearsal || !done.nextTerm) return 'finalized';
  const cum = done.officerDecisions.some(
    (d) => d.title === BLOC_WORDS.CUM.head || d.title === BLOC_WORDS.CUM.deputy,
  );
  if (done.nextTerm.created) return cum ? 'finalizedNextTermCum' : 'finalizedNextTermKhoi';
  return cum ? 'finalizedOfficersCum' : 'finalizedOfficersKhoi';
}
