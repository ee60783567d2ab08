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
