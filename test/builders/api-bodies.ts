/** Request bodies the API specs share (the smallest valid ones). */

/** A meeting of a bloc term, with nothing but what the API requires. */
export function meetingBody(meetingDate: string, extra: Record<string, unknown> = {}) {
  return {
    meetingDate,
    startTime: '08:00',
    place: 'x',
    chairName: 'x',
    secretaryName: 'x',
    countingCommittee: [],
    guests: [],
    agenda: [],
    ...extra,
  };
}

/** A tier's rule from 2024 with one bloc vote: more than half of all members, a quorum of 2/3. */
export function tierRuleBody(tieBreak: 'REVOTE' | 'CHAIR_DECIDES' = 'REVOTE') {
  return {
    validFrom: '2024-01-01',
    legalDocument: 'Thử nghiệm',
    legalArticle: 'Điều 1',
    leaderOnly: false,
    perBlocQuota: 5,
    votingRules: [
      {
        body: 'BLOC',
        threshold: { numerator: 1, denominator: 2 },
        thresholdComparator: 'GT',
        denominator: 'ALL_MEMBERS',
        quorum: { numerator: 2, denominator: 3 },
        quorumComparator: 'GTE',
        allowWrittenAbsentee: false,
        selfVote: 'ALLOWED',
        tieBreak,
        secretBallot: true,
      },
    ],
  };
}
