import {
  allowedMeetingTransitions,
  canTransitionMeeting,
  isMeetingEditable,
  isMeetingLocked,
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
