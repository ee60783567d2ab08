import { auditChanges, auditValue } from './audit-changes';

describe('audit changes as a person reads them', () => {
  it('names the changed fields in Vietnamese, with dates, roles and statuses in words', () => {
    const { changes, hidden } = auditChanges(
      { displayName: 'Nguyễn Văn A', role: 'VIEWER', active: true, version: 1 },
      { displayName: 'Nguyễn Văn A', role: 'BLOC_SECRETARY', active: false, version: 2 },
    );
    expect(changes).toEqual([
      { field: 'Vai trò', before: 'Chỉ xem', after: 'Thư ký khối/cụm thi đua' },
      { field: 'Đang hoạt động', before: 'có', after: 'không' },
    ]);
    expect(hidden).toBe(1);
  });

  it('lists every named field of a creation, and counts the technical ones', () => {
    const { changes, hidden } = auditChanges(null, {
      kind: 'COOKIE',
      expiresAt: '2026-12-06T06:33:46.408Z',
      tokenHash: 'ab12',
    });
    expect(changes.map((c) => c.field)).toEqual(['Loại', 'Hết hạn lúc']);
    expect(changes[0]!.after).toBe('phiên trình duyệt');
    expect(changes[1]!.after).toMatch(/^06\/12\/2026 \d{2}:33$/);
    expect(hidden).toBe(1);
  });

  it('writes values without codes or ISO dates', () => {
    expect(auditValue('2024-03-28')).toBe('28/03/2024');
    expect(auditValue('PROPOSED')).toBe('khối đã đề nghị');
    expect(auditValue('SOME_CODE')).toBe('(mã nội bộ)');
    expect(auditValue(null)).toBe('(trống)');
    expect(auditValue([1, 2])).toBe('1, 2');
  });
});
