import {
  allowedBallotTransitions,
  allowedMeetingTransitions,
  canTransitionBallot,
  canTransitionMeeting,
  isMeetingEditable,
  isMeetingLocked,
  type BallotStatus,
  type MeetingStatus,
} from './status';

describe('meeting state machine', () => {
  it.each<[MeetingStatus, MeetingStatus, boolean]>([
    ['DRAFT', 'OPEN', true],
    ['DRAFT', 'VOTING', false],
    ['OPEN', 'VOTING', true],
    ['VOTING', 'COUNTED', true],
    ['VOTING', 'FINALIZED', false],
    ['COUNTED', 'FINALIZED', true],
    ['COUNTED', 'VOTING', true],
    ['FINALIZED', 'CORRECTED', true],
    ['FINALIZED', 'VOTING', false],
    ['CORRECTED', 'FINALIZED', false],
  ])('%s → %s allowed: %s', (a, b, ok) => expect(canTransitionMeeting(a, b)).toBe(ok));

  it('locks finalized and corrected meetings, and lets only drafts and open meetings be edited', () => {
    expect(allowedMeetingTransitions('CORRECTED')).toEqual([]);
    expect(
      ['DRAFT', 'OPEN', 'VOTING', 'COUNTED', 'FINALIZED', 'CORRECTED'].filter((s) =>
        isMeetingLocked(s as MeetingStatus),
      ),
    ).toEqual(['FINALIZED', 'CORRECTED']);
    expect(
      ['DRAFT', 'OPEN', 'VOTING', 'COUNTED'].filter((s) => isMeetingEditable(s as MeetingStatus)),
    ).toEqual(['DRAFT', 'OPEN']);
  });
});

describe('ballot state machine', () => {
  it.each<[BallotStatus, BallotStatus, boolean]>([
    ['DRAFT', 'OPEN', true],
    ['DRAFT', 'DECIDED', false],
    ['OPEN', 'DECIDED', true],
    ['OPEN', 'TIE_PENDING', true],
    ['OPEN', 'DRAFT', false],
    ['TIE_PENDING', 'DECIDED', true],
    ['TIE_PENDING', 'OPEN', false],
    ['DECIDED', 'OPEN', false],
  ])('%s → %s allowed: %s', (a, b, ok) => expect(canTransitionBallot(a, b)).toBe(ok));

  it('ends with a decided ballot', () => {
    expect(allowedBallotTransitions('DECIDED')).toEqual([]);
    expect(allowedBallotTransitions('DRAFT')).toEqual(['OPEN']);
  });
});
