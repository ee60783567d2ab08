import {
  citationNumbers,
  dateLine,
  issuerSymbol,
  numberText,
  shortDate,
  splitCitations,
  timeText,
} from './format';
import { joinVi } from '../common/text';

describe('Decree 30 formatting', () => {
  it.each([
    ['2024-03-28', 'Hải Dương, ngày 28 tháng 3 năm 2024'],
    ['2024-02-05', 'Hải Dương, ngày 05 tháng 02 năm 2024'],
    ['2024-01-09', 'Hải Dương, ngày 09 tháng 01 năm 2024'],
    ['2024-12-10', 'Hải Dương, ngày 10 tháng 12 năm 2024'],
    ['2024-10-01', 'Hải Dương, ngày 01 tháng 10 năm 2024'],
  ])('date line of %s', (iso, text) => expect(dateLine('Hải Dương', iso)).toBe(text));

  it.each([
    [1, 'BB-KTĐ', 'Số: 01/BB-KTĐ'],
    [9, 'TTr-KTĐ', 'Số: 09/TTr-KTĐ'],
    [10, 'NQ-CTĐ', 'Số: 10/NQ-CTĐ'],
    [123, 'BB-KTĐ', 'Số: 123/BB-KTĐ'],
  ])('number %i %s', (n, sym, text) => expect(numberText(n, sym)).toBe(text));

  it('writes times, short dates, lists and issuer symbols', () => {
    expect(timeText('08:05')).toBe('08 giờ 05');
    expect(shortDate('2024-03-08')).toBe('8/3/2024');
    expect(joinVi([])).toBe('');
    expect(joinVi(['a'])).toBe('a');
    expect(joinVi(['a', 'b', 'c'])).toBe('a, b và c');
    expect(issuerSymbol('KHOI')).toBe('KTĐ');
    expect(issuerSymbol('CUM')).toBe('CTĐ');
  });

  it('finds the document numbers a sentence cites, and nothing else with a slash', () => {
    expect(
      citationNumbers(
        'Căn cứ Luật số 06/2022/QH15; Nghị định số 98/2023/NĐ-CP; Công văn số 5007/BNV-TĐKT ngày 05/9/2023; Số: 01/BB-KTĐ; TT 15/2025/TT-BNV; 11/12 = 91,7 %; ngày 28/3/2024; …/QĐ-UBND.',
      ),
    ).toEqual(['06/2022/QH15', '98/2023/NĐ-CP', '5007/BNV-TĐKT', '01/BB-KTĐ', '15/2025/TT-BNV']);
  });

  it('splits text into pieces that join back to the same text', () => {
    const text = 'Nghị định số 98/2023/NĐ-CP và Luật số 06/2022/QH15';
    const pieces = splitCitations(text);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.keep).map((p) => p.text)).toEqual([
      '98/2023/NĐ-CP',
      '06/2022/QH15',
    ]);
    expect(splitCitations('')).toEqual([{ text: '', keep: false }]);
  });
});
