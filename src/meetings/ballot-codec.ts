import { AppError } from '../common/errors/app-error';
import type { WarningAcknowledgement } from '../domain/eligibility';
import type { BallotStatus } from '../domain/meetings/status';
import type { OfficerDecision } from '../domain/meetings/officer-decision';
import type { BallotCounts, Tally, VotingRule } from '../domain/voting';
import type {
  BallotEntity,
  BallotEntryEntity,
  BallotMethod,
  EntryStatus,
} from './meeting-parts.entity';
import type { MeetingEntity } from './meeting.entity';
import { MeetingErrors } from './meeting.errors';

/**
 * The JSON columns of meetings, ballots and entries, decoded and checked once (by the repository)
 * into typed records, and encoded back. Stored text that does not decode, or decodes to the wrong
 * shape, is an integrity error (MEETING_DATA_INVALID naming the column and row), never a TypeError.
 */

/** The rule a ballot froze when it opened, with its sentence (shown and printed) and sample flag. */
export interface FrozenRule {
  rule: VotingRule;
  text: string;
  isSample: boolean;
}

/** Who could vote on a ballot, frozen when it opened. */
export interface VotersSnapshot {
  membersEntitled: number;
  present: number[];
  written: number[];
}

/** The chair's choice on a tie (CHAIR_DECIDES). */
export interface ChairDecision {
  chosenNomineeIds: string[];
  note: string | null;
}

/** A ballot row with its JSON columns decoded. */
export interface BallotRecord {
  id: number;
  meetingId: number;
  tierId: number;
  roundNo: number;
  seats: number;
  method: BallotMethod;
  status: BallotStatus;
  /** Nominee unit ids, in the order printed on the paper. */
  nomineeIds: number[];
  /** Null until the ballot opens. */
  frozenRule: FrozenRule | null;
  voters: VotersSnapshot | null;
  chairDecision: ChairDecision | null;
  acceptedCounts: BallotCounts | null;
  tally: Tally | null;
  version: number;
}

/** What a new ballot row holds (encoded by `encodeBallot`). */
export type BallotInput = Omit<BallotRecord, 'id' | 'version'>;

/** One double entry of a ballot's counts, decoded. */
export interface EntryRecord {
  id: number;
  ballotId: number;
  entryNo: number;
  enteredBy: string;
  status: EntryStatus;
  counts: BallotCounts;
  acknowledgements: WarningAcknowledgement[];
  version: number;
}

/** The lists of the meeting record, decoded. */
export interface MeetingLists {
  countingCommittee: { name: string; role: string; unitName?: string }[];
  guests: string[];
  agenda: string[];
  officerDecisions: OfficerDecision[];
}

type Shape = (v: unknown) => boolean;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt: Shape = (v) => Number.isInteger(v);
const isString: Shape = (v) => typeof v === 'string';
const isNumber: Shape = (v) => typeof v === 'number';
const arrayOf =
  (item: Shape): Shape =>
  (v) =>
    Array.isArray(v) && v.every(item);
const withFields =
  (fields: Record<string, Shape>): Shape =>
  (v) =>
    isObject(v) && Object.entries(fields).every(([k, ok]) => ok(v[k]));
const orNull =
  (shape: Shape): Shape =>
  (v) =>
    v === null || v === undefined || shape(v);

const nomineeCount = withFields({
  nomineeId: isString,
  agree: isInt,
  disagree: isInt,
  noOpinion: isInt,
});
const countsShape = withFields({
  membersEntitled: isInt,
  ballotsIssued: isInt,
  ballotsReturned: isInt,
  valid: isInt,
  invalid: isInt,
  seats: isInt,
  nominees: arrayOf(nomineeCount),
  written: orNull(
    withFields({ received: isInt, valid: isInt, invalid: isInt, nominees: arrayOf(nomineeCount) }),
  ),
});
// The rule's fractions are checked as numbers only: older snapshots may lack the later optional fields.
const fraction = withFields({ numerator: isNumber, denominator: isNumber });
const frozenRuleShape = withFields({
  rule: withFields({ threshold: fraction, quorum: fraction }),
  text: isString,
});
const votersShape = withFields({
  membersEntitled: isInt,
  present: arrayOf(isInt),
  written: arrayOf(isInt),
});
const tallyShape = withFields({
  status: isString,
  protocol: isString,
  seats: isInt,
  lines: arrayOf(withFields({ nomineeId: isString, agree: isInt })),
  winners: arrayOf(isString),
  revoteCandidates: arrayOf(isString),
  revoteSeats: isInt,
  minutes: isString,
});
const chairShape = withFields({ chosenNomineeIds: arrayOf(isString) });
const ackShape = arrayOf(withFields({ code: isString, reason: isString }));
const committeeShape = arrayOf(withFields({ name: isString, role: isString }));
const officerShape = arrayOf(withFields({ role: isString, unitId: isInt, method: isString }));

/** Decodes one JSON column of row `id` of `table` and checks its shape. */
function decode<T>(table: string, column: string, id: number, json: string, shape: Shape): T {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    value = undefined;
  }
  if (!shape(value)) {
    throw new AppError(MeetingErrors.DATA_INVALID, {
      details: [
        {
          field: `${table}.${column}`,
          code: 'STORED_JSON_INVALID',
          message: `Cột ${table}.${column} của dòng ${id} không đọc được.`,
          params: { table, column, id },
        },
      ],
    });
  }
  return value as T;
}

function decodeOrNull<T>(
  table: string,
  column: string,
  id: number,
  json: string | null,
  shape: Shape,
): T | null {
  return json === null ? null : decode<T>(table, column, id, json, shape);
}

export function decodeBallot(b: BallotEntity): BallotRecord {
  const col = <T>(column: string, json: string | null, shape: Shape) =>
    decodeOrNull<T>('ballot', column, b.id, json, shape);
  const frozen = col<{ rule: VotingRule; text: string; isSample?: boolean }>(
    'rule_snapshot',
    b.ruleSnapshot,
    frozenRuleShape,
  );
  const chair = col<{ chosenNomineeIds: string[]; note?: string | null }>(
    'chair_decision',
    b.chairDecision,
    chairShape,
  );
  return {
    id: b.id,
    meetingId: b.meetingId,
    tierId: b.tierId,
    roundNo: b.roundNo,
    seats: b.seats,
    method: b.method,
    status: b.status,
    nomineeIds: decode<number[]>(
      'ballot',
      'nominee_unit_ids',
      b.id,
      b.nomineeUnitIds,
      arrayOf(isInt),
    ),
    frozenRule: frozen && {
      rule: frozen.rule,
      text: frozen.text,
      isSample: frozen.isSample === true,
    },
    voters: col<VotersSnapshot>('voters_snapshot', b.votersSnapshot, votersShape),
    chairDecision: chair && { chosenNomineeIds: chair.chosenNomineeIds, note: chair.note ?? null },
    acceptedCounts: col<BallotCounts>('accepted_counts', b.acceptedCounts, countsShape),
    tally: col<Tally>('tally', b.tally, tallyShape),
    version: b.version,
  };
}

/** The columns of a ballot row for `values` (the JSON as the services always wrote it). */
export function encodeBallot(
  values: Partial<BallotInput>,
): Partial<Omit<BallotEntity, 'id' | 'version' | 'meeting' | 'tier' | 'createdAt' | 'updatedAt'>> {
  const json = <T>(v: T | null | undefined) =>
    v === undefined ? undefined : v === null ? null : JSON.stringify(v);
  const out: Record<string, unknown> = {
    meetingId: values.meetingId,
    tierId: values.tierId,
    roundNo: values.roundNo,
    seats: values.seats,
    method: values.method,
    status: values.status,
    nomineeUnitIds: values.nomineeIds && JSON.stringify(values.nomineeIds),
    ruleSnapshot: json(values.frozenRule),
    votersSnapshot: json(values.voters),
    chairDecision: json(values.chairDecision),
    acceptedCounts: json(values.acceptedCounts),
    tally: json(values.tally),
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

export function decodeEntry(e: BallotEntryEntity): EntryRecord {
  return {
    id: e.id,
    ballotId: e.ballotId,
    entryNo: e.entryNo,
    enteredBy: e.enteredBy,
    status: e.status,
    counts: decode<BallotCounts>('ballot_entry', 'counts', e.id, e.counts, countsShape),
    acknowledgements: decode<WarningAcknowledgement[]>(
      'ballot_entry',
      'acknowledgements',
      e.id,
      e.acknowledgements,
      ackShape,
    ),
    version: e.version,
  };
}

export function decodeMeetingLists(m: MeetingEntity): MeetingLists {
  return {
    countingCommittee: decode(
      'meeting',
      'counting_committee',
      m.id,
      m.countingCommittee,
      committeeShape,
    ),
    guests: decode('meeting', 'guests', m.id, m.guests, arrayOf(isString)),
    agenda: decode('meeting', 'agenda', m.id, m.agenda, arrayOf(isString)),
    officerDecisions: decodeOfficerDecisions(m.officerDecisions, m.id),
  };
}

/** The column `meeting.officer_decisions` of meeting `meetingId` (0 when unknown). */
export function decodeOfficerDecisions(json: string | null, meetingId = 0): OfficerDecision[] {
  return (
    decodeOrNull<OfficerDecision[]>(
      'meeting',
      'officer_decisions',
      meetingId,
      json,
      officerShape,
    ) ?? []
  );
}
