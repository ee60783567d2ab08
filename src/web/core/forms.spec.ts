import { IsInt, IsString, Length, Min } from 'class-validator';
import { AppError, CommonErrors } from '../../common/errors/app-error';
import { formatDate, formatNumber, formatPercent } from './format';
import { field, formFromError, submitted, validateForm } from './forms';

class SampleDto {
  @IsString() @Length(1, 20) name!: string;
  @IsInt() @Min(1990) year!: number;
}

describe('web forms', () => {
  it('reads the submitted strings without the CSRF token', () => {
    expect(submitted({ _csrf: 'x', name: 'Cẩm Giàng', year: '2023', list: ['1', '2'] })).toEqual({
      name: 'Cẩm Giàng',
      year: '2023',
      list: '1,2',
    });
    expect(submitted(undefined)).toEqual({});
  });

  it.each([
    ['', undefined],
    ['  ', undefined],
    ['12', 12],
    ['-3', -3],
    ['12a', '12a'],
    ['1.5', '1.5'],
  ])('field.int(%j) → %j', (input, out) => expect(field.int(input)).toBe(out));

  it.each([
    ['9,5', 9.5],
    ['9.5', 9.5],
    ['1.234,5', 1234.5],
    ['10', 10],
    ['chín', 'chín'],
    ['', undefined],
  ])('field.decimal(%j) → %j (Vietnamese decimal comma)', (input, out) =>
    expect(field.decimal(input)).toBe(out),
  );

  it.each([
    ['28/03/2024', '2024-03-28'],
    ['1/4/2024', '2024-04-01'],
    ['2024-03-28', '2024-03-28'],
    ['', undefined],
  ])('field.date(%j) → %j', (input, out) => expect(field.date(input)).toBe(out));

  it('validates with the DTO and puts each message next to its field, in Vietnamese', async () => {
    const e = await validateForm(SampleDto, { name: '', year: 'abc', extra: 1 }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(AppError);
    const form = formFromError(e as AppError, { name: '', year: 'abc' });
    expect(form.code).toBe(CommonErrors.VALIDATION_FAILED.code);
    expect(form.values).toEqual({ name: '', year: 'abc' });
    expect(form.errors.year).toBe('Trường này phải là số nguyên.');
    expect(form.errors.name).toMatch(/^Trường này /);
    expect(form.errors.extra).toBe('Trường này không được phép gửi lên.');
    await expect(validateForm(SampleDto, { name: 'Gia Lộc', year: 2023 })).resolves.toEqual({
      name: 'Gia Lộc',
      year: 2023,
    });
  });

  it('keeps rule findings without a field as notes under the message', () => {
    const err = new AppError(
      { code: 'X_RULE', kind: 'RULE_VIOLATION', message: 'Vi phạm quy định.' },
      {
        details: [
          { code: 'A', message: 'Chưa đủ điều kiện A.' },
          { field: 'reason', code: 'B', message: 'Thiếu trường bắt buộc "reason".' },
        ],
      },
    );
    const form = formFromError(err, { reason: '' });
    expect(form.message).toBe('Vi phạm quy định.');
    expect(form.notes).toEqual(['Chưa đủ điều kiện A.']);
    expect(form.errors.reason).toBe('Vui lòng nhập trường này.');
  });
});

describe('Vietnamese display formats', () => {
  it('formats numbers, percentages and dates the Vietnamese way', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(968)).toBe('968');
    expect(formatNumber(null)).toBe('');
    expect(formatPercent({ num: 2, den: 3 })).toBe('66,7 %');
    expect(formatPercent(0.5)).toBe('50 %');
    expect(formatDate('2024-03-28')).toBe('28/03/2024');
    expect(formatDate(new Date(2024, 2, 28))).toBe('28/03/2024');
  });
});

describe('times as people type them', () => {
  it.each([
    ['8:00', '08:00'],
    ['08:00', '08:00'],
    [' 13:30 ', '13:30'],
    ['8h00', '08:00'],
    ['8 giờ', '8 giờ'],
    ['25:00', '25:00'],
  ])('%s → %s', (typed, sent) => expect(field.time(typed)).toBe(sent));
});
