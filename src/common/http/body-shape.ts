import { AppError, CommonErrors, type ErrorDetail } from '../errors/app-error';
import { FIELD_RULES, validationFailed } from '../errors/field-errors';

/** No request of thidua nests deeper than a few levels; 32 leaves room and keeps walks shallow. */
export const MAX_BODY_DEPTH = 32;
const MAX_NAMED_KEYS = 20;

/**
 * A key of `Object.prototype` (`__proto__`, `constructor`, `toString`, `hasOwnProperty`, …).
 * class-transformer never copies such a key onto a DTO, so class-validator's whitelist cannot
 * see it and `forbidNonWhitelisted` would let it through silently; no DTO has such a field.
 */
const isPrototypeKey = (key: string): boolean => key in Object.prototype;

/**
 * Checks a parsed body (or query) before validation, without recursion: nested deeper than
 * `maxDepth` objects or lists → 400 BODY_TOO_DEEP; any prototype key at any level → 400
 * VALIDATION_FAILED naming each such field. Returns null when the shape is acceptable.
 */
export function bodyShapeError(value: unknown, maxDepth = MAX_BODY_DEPTH): AppError | null {
  const refused: ErrorDetail[] = [];
  const stack: { node: unknown; path: string; depth: number }[] = [
    { node: value, path: '', depth: 1 },
  ];
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > maxDepth) return new AppError(CommonErrors.BODY_TOO_DEEP);
    for (const key of Object.keys(node)) {
      const field = path ? `${path}.${key}` : key;
      if (isPrototypeKey(key) && refused.length < MAX_NAMED_KEYS) {
        const rule = FIELD_RULES.whitelistValidation!;
        refused.push({ field, code: rule.code, message: rule.message(field, { value: '' }) });
      }
      stack.push({ node: (node as Record<string, unknown>)[key], path: field, depth: depth + 1 });
    }
  }
  return refused.length === 0 ? null : validationFailed(refused);
}
