import { viDate, viDateTime } from './vi-date';

describe('Vietnamese dates in stored sentences', () => {
  it('writes a calendar day as dd/mm/yyyy', () => {
    expect(viDate('2024-03-28')).toBe('28/03/2024');
    expect(viDate('không phải ngày')).toBe('không phải ngày');
  });
  it('writes a moment as dd/mm/yyyy HH:mm in local time', () => {
    expect(viDateTime(new Date(2024, 2, 28, 8, 5))).toBe('28/03/2024 08:05');
  });
});
