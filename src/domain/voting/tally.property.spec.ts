import fc from 'fast-check';
import type { Comparator, Fraction } from '../common/fraction';
import { checkCounts, type BallotCounts, type NomineeCount } from './counts';
import { tallyBallot, type NomineeFacts, type Tally, type TallyStatus } from './tally';
import type { ChairDecision } from './tie-break';
import type { NomineeId, VotingRule } from './voting-rule';

// RELIABILITY A1: the tally checked against a deliberately naive count over individual ballots.

type Mark = 'A' | 'D' | 'N';

interface Voter {
  readonly present: boolean;
  readonly issued: boolean;
  readonly returned: boolean;
  readonly valid: boolean;
  readonly sendsWritten: boolean;
  /**
   * 0: own marks; 1, 2: one of the meeting's shared patterns (voting blocs); 3: approves a window of
   * `seats` nominees starting at its own position (spreads agree votes evenly: frequent ties).
   */
  readonly pattern: 0 | 1 | 2 | 3;
  readonly marks: readonly Mark[];
}

interface Meeting {
  readonly rule: VotingRule;
  readonly seats: number;
  readonly members: readonly NomineeId[];
  readonly voters: readonly Voter[];
  readonly nominees: readonly NomineeId[];
  readonly scores: readonly (number | null)[];
  readonly patterns: readonly (readonly Mark[])[];
  /** When true every voter uses pattern 3: agree counts differ by at most one, ties abound. */
  readonly evenSpread: boolean;
  readonly chairPick: number;
}

/** One paper ballot, expanded: who cast it, how, and its mark per nominee (none on its own line when excluded). */
interface Ballot {
  readonly voter: NomineeId;
  readonly written: boolean;
  readonly valid: boolean;
  readonly marks: ReadonlyMap<NomineeId, Mark>;
}

const SEED = 20_231;

function lowThresholdArb(): fc.Arbitrary<[Fraction, Comparator]> {
  return fc.integer({ min: 2, max: 12 }).chain((d) =>
    fc.tuple(
      fc
        .integer({ min: 1, max: Math.ceil(d / 2) })
        .map((n): Fraction => ({ numerator: n, denominator: d })),
      fc.constantFrom<Comparator>('GT', 'GTE'),
    ),
  );
}
const MAX_NOMINEES = 6;

// Legal thresholds, plus custom low ones: a tie among passed nominees at the last of k seats needs
// a threshold below k/(k + 1), so high thresholds alone would rarely reach the tie paths.
const thresholdArb: fc.Arbitrary<[Fraction, Comparator]> = fc.oneof(
  { arbitrary: lowThresholdArb(), weight: 2 },
  fc.constantFrom<[Fraction, Comparator]>(
    [{ numerator: 1, denominator: 2 }, 'GT'],
    [{ numerator: 1, denominator: 2 }, 'GTE'],
    [{ numerator: 2, denominator: 3 }, 'GTE'],
    [{ numerator: 70, denominator: 100 }, 'GTE'],
    [{ numerator: 80, denominator: 100 }, 'GTE'],
    [{ numerator: 90, denominator: 100 }, 'GTE'],
    [{ numerator: 90, denominator: 100 }, 'GT'],
  ),
  fc.integer({ min: 1, max: 12 }).chain((d) =>
    fc.tuple(
      fc.integer({ min: 1, max: d }).map((n): Fraction => ({ numerator: n, denominator: d })),
      fc.constantFrom<Comparator>('GT', 'GTE'),
    ),
  ),
);

const ruleArb = (threshold: fc.Arbitrary<[Fraction, Comparator]>): fc.Arbitrary<VotingRule> =>
  fc
    .record({
      threshold,
      quorum: fc.constantFrom<[Fraction, Comparator]>(
        [{ numerator: 2, denominator: 3 }, 'GTE'],
        [{ numerator: 1, denominator: 2 }, 'GT'],
        [{ numerator: 0, denominator: 1 }, 'GTE'],
      ),
      denominator: fc.constantFrom('ALL_MEMBERS', 'PRESENT', 'VALID_BALLOTS' as const),
      allowWrittenAbsentee: fc.boolean(),
      selfVote: fc.constantFrom('ALLOWED', 'EXCLUDED' as const),
      tieBreak: fc.constantFrom('REVOTE', 'HIGHER_SCORE', 'CHAIR_DECIDES' as const),
      secretBallot: fc.boolean(),
    })
    .map((r) => ({
      threshold: r.threshold[0],
      thresholdComparator: r.threshold[1],
      quorum: r.quorum[0],
      quorumComparator: r.quorum[1],
      denominator: r.denominator,
      allowWrittenAbsentee: r.allowWrittenAbsentee,
      selfVote: r.selfVote,
      tieBreak: r.tieBreak,
      secretBallot: r.secretBallot,
    }));

const voterArb: fc.Arbitrary<Voter> = fc.record({
  present: fc.constantFrom(true, true, true, false),
  issued: fc.constantFrom(true, true, true, true, true, false),
  returned: fc.constantFrom(true, true, true, true, true, false),
  valid: fc.constantFrom(true, true, true, true, false),
  sendsWritten: fc.boolean(),
  pattern: fc.constantFrom<0 | 1 | 2 | 3>(0, 1, 2, 3, 3, 3),
  marks: fc.array(fc.constantFrom<Mark>('A', 'A', 'A', 'D', 'N'), {
    minLength: MAX_NOMINEES,
    maxLength: MAX_NOMINEES,
  }),
});

/** A voter that is present and casts a valid ballot (tie-prone meetings). */
const diligentVoterArb: fc.Arbitrary<Voter> = voterArb.map((v) => ({
  ...v,
  present: true,
  issued: true,
  returned: true,
  valid: true,
}));

/**
 * Any meeting. `tieProne`: members a multiple of the nominees, all voting validly with evenly spread
 * approvals (equal agree counts), low thresholds and seats ≥ half the nominees.
 */
const meetingArbitrary = (tieProne: boolean): fc.Arbitrary<Meeting> =>
  fc
    .record({
      size: fc.integer({ min: 1, max: tieProne ? 3 : 14 }),
      nomineeCount: fc.integer({ min: tieProne ? 2 : 1, max: MAX_NOMINEES }),
      seats: fc.integer({ min: 1, max: 4 }),
      outsider: tieProne ? fc.constant(false) : fc.boolean(),
      rule: ruleArb(tieProne ? lowThresholdArb() : thresholdArb),
    })
    .chain(({ size, nomineeCount, seats: wanted, outsider, rule }) => {
      const memberCount = tieProne ? size * nomineeCount : size;
      // Mostly fewer seats than nominees, so that the last seat can be contested.
      const seats = tieProne
        ? Math.max(nomineeCount - wanted, Math.ceil(nomineeCount / 2))
        : Math.min(wanted, Math.max(nomineeCount - 1, 1));
      const members = Array.from(
        { length: memberCount },
        (_, i) => `U${String(i).padStart(2, '0')}`,
      );
      const fromMembers = Math.min(memberCount, outsider ? nomineeCount - 1 : nomineeCount);
      return fc.record({
        rule: fc.constant(rule),
        seats: fc.constant(seats),
        members: fc.constant(members),
        voters: fc.array(tieProne ? diligentVoterArb : voterArb, {
          minLength: memberCount,
          maxLength: memberCount,
        }),
        nominees: fc
          .shuffledSubarray(members, { minLength: fromMembers, maxLength: fromMembers })
          .map((ids) => (outsider || ids.length === 0 ? [...ids, 'ZZ'] : ids)),
        scores: fc.array(fc.constantFrom<number | null>(90_000, 91_000, 91_000, 92_000, null), {
          minLength: MAX_NOMINEES + 1,
          maxLength: MAX_NOMINEES + 1,
        }),
        patterns: fc.array(
          fc.array(fc.constantFrom<Mark>('A', 'A', 'D', 'N'), {
            minLength: MAX_NOMINEES,
            maxLength: MAX_NOMINEES,
          }),
          { minLength: 2, maxLength: 2 },
        ),
        evenSpread: tieProne ? fc.constant(true) : fc.constantFrom(false, false, true),
        chairPick: fc.nat({ max: 1000 }),
      });
    });

const meetingArb = meetingArbitrary(false);
const tieProneMeetingArb = meetingArbitrary(true);

/** Expands the meeting into individual ballots (choose-k: at most `seats` agree marks per ballot). */
function ballotsOf(m: Meeting): Ballot[] {
  const ballots: Ballot[] = [];
  m.members.forEach((voter, i) => {
    const v = m.voters[i] as Voter;
    const inRoom = v.present && v.issued && v.returned;
    const inWriting = !v.present && v.sendsWritten && m.rule.allowWrittenAbsentee;
    if (!inRoom && !inWriting) return;
    const marks = new Map<NomineeId, Mark>();
    let agrees = 0;
    const k = m.nominees.length;
    m.nominees.forEach((n, j) => {
      if (m.rule.selfVote === 'EXCLUDED' && n === voter) return;
      let mark: Mark;
      if (v.pattern === 3 || m.evenSpread)
        mark = (j - i + k * m.members.length) % k < m.seats ? 'A' : 'D';
      else if (v.pattern === 0) mark = v.marks[j] as Mark;
      else mark = (m.patterns[v.pattern - 1] as readonly Mark[])[j] as Mark;
      if (mark === 'A' && agrees >= m.seats) mark = 'D';
      if (mark === 'A') agrees += 1;
      marks.set(n, mark);
    });
    ballots.push({ voter, written: inWriting, valid: v.valid, marks });
  });
  return ballots;
}

function aggregate(m: Meeting, ballots: readonly Ballot[], written: boolean): NomineeCount[] {
  return m.nominees.map((n) => {
    let agree = 0;
    let disagree = 0;
    let noOpinion = 0;
    for (const b of ballots) {
      if (b.written !== written || !b.valid) continue;
      const mark = b.marks.get(n);
      if (mark === 'A') agree += 1;
      if (mark === 'D') disagree += 1;
      if (mark === 'N') noOpinion += 1;
    }
    return { nomineeId: n, agree, disagree, noOpinion };
  });
}

function countsOf(m: Meeting, ballots: readonly Ballot[]): BallotCounts {
  const room = ballots.filter((b) => !b.written);
  const written = ballots.filter((b) => b.written);
  const present = m.voters.filter((v) => v.present);
  return {
    membersEntitled: m.members.length,
    ballotsIssued: present.filter((v) => v.issued).length,
    ballotsReturned: room.length,
    valid: room.filter((b) => b.valid).length,
    invalid: room.filter((b) => !b.valid).length,
    seats: m.seats,
    nominees: aggregate(m, ballots, false),
    written: m.rule.allowWrittenAbsentee
      ? {
          received: written.length,
          valid: written.filter((b) => b.valid).length,
          invalid: written.filter((b) => !b.valid).length,
          nominees: aggregate(m, ballots, true),
        }
      : null,
  };
}

function factsOf(m: Meeting, ballots: readonly Ballot[]): NomineeFacts[] {
  return m.nominees.map((n, j) => {
    const i = m.members.indexOf(n);
    const sentWritten = ballots.some((b) => b.written && b.voter === n);
    return {
      nomineeId: n,
      participation:
        i < 0
          ? 'NOT_MEMBER'
          : (m.voters[i] as Voter).present
            ? 'PRESENT'
            : sentWritten
              ? 'WRITTEN'
              : 'ABSENT',
      score: m.scores[j] ?? null,
    };
  });
}

function presentOf(m: Meeting): number {
  return m.voters.filter((v) => v.present).length;
}

interface NaiveResult {
  readonly agree: Map<NomineeId, number>;
  readonly denominator: Map<NomineeId, number>;
  readonly passed: Map<NomineeId, boolean>;
  readonly winners: NomineeId[];
  readonly tied: NomineeId[];
  readonly status: TallyStatus;
  readonly revoteCandidates: NomineeId[];
  readonly chairDecision: ChairDecision | null;
}

/** The naive count: loops over ballots and integer cross-multiplication only, no shared code. */
function naiveTally(m: Meeting, ballots: readonly Ballot[]): NaiveResult {
  const { rule, seats } = m;
  const excl = rule.selfVote === 'EXCLUDED';
  const total = m.members.length;
  const present = presentOf(m);
  const q = rule.quorum.numerator * total;
  const qLhs = present * rule.quorum.denominator;
  const quorumOk = total > 0 && (rule.quorumComparator === 'GT' ? qLhs > q : qLhs >= q);

  const agree = new Map<NomineeId, number>();
  const denominator = new Map<NomineeId, number>();
  const passed = new Map<NomineeId, boolean>();
  for (const n of m.nominees) {
    let a = 0;
    for (const b of ballots) if (b.valid && b.marks.get(n) === 'A') a += 1;
    let d = 0;
    if (rule.denominator === 'ALL_MEMBERS') {
      for (const member of m.members) if (!(excl && member === n)) d += 1;
    } else if (rule.denominator === 'PRESENT') {
      m.members.forEach((member, i) => {
        if ((m.voters[i] as Voter).present && !(excl && member === n)) d += 1;
      });
      for (const b of ballots) if (b.written && !(excl && b.voter === n)) d += 1;
    } else {
      for (const b of ballots) if (b.valid && !(excl && b.voter === n)) d += 1;
    }
    const lhs = a * rule.threshold.denominator;
    const rhs = rule.threshold.numerator * d;
    const reached = d > 0 && (rule.thresholdComparator === 'GT' ? lhs > rhs : lhs >= rhs);
    agree.set(n, a);
    denominator.set(n, d);
    passed.set(n, reached && quorumOk);
  }

  const ok = m.nominees.filter((n) => passed.get(n) === true);
  const outright: NomineeId[] = [];
  const tied: NomineeId[] = [];
  for (const n of ok) {
    let better = 0;
    let same = 0;
    for (const o of ok) {
      if ((agree.get(o) as number) > (agree.get(n) as number)) better += 1;
      if (agree.get(o) === agree.get(n)) same += 1;
    }
    if (better + same <= seats) outright.push(n);
    else if (better < seats) tied.push(n);
  }
  tied.sort();
  const left = seats - outright.length;
  let chosen: NomineeId[] = [];
  let status: TallyStatus = quorumOk ? 'DECIDED' : 'NO_QUORUM';
  let chairDecision: ChairDecision | null = null;
  if (tied.length > 0) {
    if (rule.tieBreak === 'REVOTE') status = 'TIE_PENDING';
    if (rule.tieBreak === 'CHAIR_DECIDES') {
      if (m.chairPick % 2 === 0) {
        const rotated = [
          ...tied.slice(m.chairPick % tied.length),
          ...tied.slice(0, m.chairPick % tied.length),
        ];
        chosen = rotated.slice(0, left);
        chairDecision = { chosenNomineeIds: chosen };
      } else {
        status = 'TIE_PENDING';
      }
    }
    if (rule.tieBreak === 'HIGHER_SCORE') {
      const score = (n: NomineeId): number | null => m.scores[m.nominees.indexOf(n)] ?? null;
      if (tied.some((n) => score(n) === null)) {
        status = 'TIE_UNRESOLVED';
      } else {
        for (const n of tied) {
          let higher = 0;
          let same = 0;
          for (const o of tied) {
            if ((score(o) as number) > (score(n) as number)) higher += 1;
            if (score(o) === score(n)) same += 1;
          }
          if (higher + same <= left) chosen.push(n);
          else if (higher < left) status = 'TIE_UNRESOLVED';
        }
      }
    }
  }
  return {
    agree,
    denominator,
    passed,
    winners: [...outright, ...chosen].sort(),
    tied,
    status,
    revoteCandidates: rule.tieBreak === 'REVOTE' ? tied : [],
    chairDecision,
  };
}

function tallyOf(
  m: Meeting,
  ballots: readonly Ballot[],
  chairDecision: ChairDecision | null,
): Tally {
  const result = tallyBallot({
    rule: m.rule,
    counts: countsOf(m, ballots),
    present: presentOf(m),
    nominees: factsOf(m, ballots),
    chairDecision,
  });
  if (!result.ok)
    throw new Error(`tally refused consistent counts: ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('tallyBallot against a naive count over individual ballots (RELIABILITY A1)', () => {
  it.each([
    ['any meeting', meetingArb, 1500, 80],
    ['tie-prone meetings (even spread, low thresholds)', tieProneMeetingArb, 1000, 500],
  ] as const)(
    'agrees on agree counts, denominators, passed flags, winners, ties and status: %s (0 mismatches)',
    (_label, arbitrary, numRuns, minTies) => {
      let ties = 0;
      fc.assert(
        fc.property(arbitrary, (m) => {
          const ballots = ballotsOf(m);
          const naive = naiveTally(m, ballots);
          const t = tallyOf(m, ballots, naive.chairDecision);
          if (naive.tied.length > 0) ties += 1;
          for (const l of t.lines) {
            expect([l.nomineeId, l.agree, l.denominator, l.passed]).toEqual([
              l.nomineeId,
              naive.agree.get(l.nomineeId),
              naive.denominator.get(l.nomineeId),
              naive.passed.get(l.nomineeId),
            ]);
          }
          expect([...t.winners].sort()).toEqual(naive.winners);
          expect(t.tie?.tiedNomineeIds ?? []).toEqual(naive.tied);
          expect(t.status).toBe(naive.status);
          expect(t.revoteCandidates).toEqual(naive.revoteCandidates);
          expect(t.winners.length).toBeLessThanOrEqual(m.seats);
        }),
        { numRuns, seed: SEED },
      );
      // The generator must actually reach the tie paths.
      expect(ties).toBeGreaterThan(minTies);
    },
  );

  it('gives the same output whatever the order of nominees in the input', () => {
    fc.assert(
      fc.property(meetingArb, fc.nat(), (m, rotation) => {
        const ballots = ballotsOf(m);
        const naive = naiveTally(m, ballots);
        const input = {
          rule: m.rule,
          counts: countsOf(m, ballots),
          present: presentOf(m),
          nominees: factsOf(m, ballots),
          chairDecision: naive.chairDecision,
        };
        const shuffle = <T>(xs: readonly T[]): T[] => {
          const k = rotation % Math.max(xs.length, 1);
          return [...xs.slice(k), ...xs.slice(0, k)].reverse();
        };
        const written = input.counts.written;
        const shuffled = {
          ...input,
          counts: {
            ...input.counts,
            nominees: shuffle(input.counts.nominees),
            written: written ? { ...written, nominees: shuffle(written.nominees) } : null,
          },
          nominees: shuffle(input.nominees),
          chairDecision: naive.chairDecision
            ? { chosenNomineeIds: shuffle(naive.chairDecision.chosenNomineeIds) }
            : null,
        };
        expect(tallyBallot(shuffled)).toEqual(tallyBallot(input));
      }),
      { numRuns: 300, seed: SEED },
    );
  });
});

describe('checkCounts on generated meetings', () => {
  it('never reports an error for counts built from individual ballots', () => {
    fc.assert(
      fc.property(meetingArb, (m) => {
        const ballots = ballotsOf(m);
        const facts = factsOf(m, ballots);
        const findings = checkCounts(countsOf(m, ballots), {
          present: presentOf(m),
          rule: m.rule,
          participation: new Map(facts.map((f) => [f.nomineeId, f.participation])),
        });
        expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it('always reports valid + invalid ≠ returned when one of the three is perturbed', () => {
    fc.assert(
      fc.property(
        meetingArb,
        fc.constantFrom('valid' as const, 'invalid' as const, 'ballotsReturned' as const),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        (m, field, delta, up) => {
          const counts = countsOf(m, ballotsOf(m));
          const value = up || counts[field] < delta ? counts[field] + delta : counts[field] - delta;
          const codes = checkCounts(
            { ...counts, [field]: value },
            { present: presentOf(m), rule: m.rule },
          ).map((f) => f.code);
          expect(codes).toContain('COUNT_VALID_INVALID_NE_RETURNED');
        },
      ),
      { numRuns: 500, seed: SEED },
    );
  });
});
