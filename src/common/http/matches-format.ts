import { Matches } from 'class-validator';

/**
 * `@Matches` that states its format in Vietnamese words; the FIELD_PATTERN message shows it
 * ("Trường "code" không đúng định dạng mã hình thức: chữ in hoa, …").
 */
export const MatchesFormat = (
  pattern: RegExp,
  format: string,
  options: { each?: boolean } = {},
): PropertyDecorator => Matches(pattern, { ...options, context: { format } });

/** Letters without diacritics, digits, dot, hyphen, underscore; starts with a letter or digit. */
export const codeFormat = (what: string, example: string): string =>
  `${what}: chữ cái không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới, bắt đầu bằng chữ hoặc số (ví dụ ${example})`;
