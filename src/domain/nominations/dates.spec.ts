import { checkReferenceDate, checkStageDate } from './dates';

describe('checkStageDate', () => {
  const base = { blocMeetingDate: '2024-03-28', councilDate: null };
  it.each([
    ['a council vote the day of the meeting', 'COUNCIL', '2024-03-28', null, null],
    [
      'a council vote before the meeting',
      'COUNCIL',
      '2024-03-20',
      null,
      'NOMINATION_DATE_BEFORE_MEETING',
    ],
    [
      'a decision before the meeting',
      'DECISION',
      '2024-03-01',
      null,
      'NOMINATION_DATE_BEFORE_MEETING',
    ],
    [
      'a decision before the council vote',
      'DECISION',
      '2024-04-01',
      '2024-04-10',
      'NOMINATION_DATE_BEFORE_COUNCIL',
    ],
    ['a decision after both', 'DECISION', '2024-04-20', '2024-04-10', null],
  ] as const)('%s', (_name, stage, date, councilDate, code) => {
    expect(checkStageDate({ ...base, stage, date, councilDate })?.code ?? null).toBe(code);
  });

  it('checks nothing against a meeting that is not recorded', () => {
    expect(
      checkStageDate({
        stage: 'COUNCIL',
        date: '2020-01-01',
        blocMeetingDate: null,
        councilDate: null,
      }),
    ).toBeNull();
  });

  it('words the refusal with dd/mm/yyyy dates', () => {
    expect(checkStageDate({ ...base, stage: 'COUNCIL', date: '2024-03-20' })?.message).toContain(
      '(20/03/2024)',
    );
  });
});

describe('checkReferenceDate', () => {
  it('refuses a date before the review of the award year, accepts it and later', () => {
    expect(checkReferenceDate('2023-12-31', 2023)?.code).toBe(
      'NOMINATION_REFERENCE_DATE_TOO_EARLY',
    );
    expect(checkReferenceDate('2024-01-01', 2023)).toBeNull();
    expect(checkReferenceDate('2025-07-02', 2023)).toBeNull();
  });
});
