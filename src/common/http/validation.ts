import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import type { ErrorDetail } from '../errors/app-error';
import {
  FIELD_RULES,
  FieldCodes,
  UNKNOWN_FIELD_RULE,
  validationFailed,
} from '../errors/field-errors';
import { bodyShapeError } from './body-shape';

function argsOf(error: ValidationError, constraint: string): string {
  const raw = error.constraints?.[constraint] ?? '';
  // class-validator's English text ends with the allowed values / limit; keep only that part.
  const afterColon = raw.split(': ').slice(1).join(': ');
  if (afterColon) return afterColon;
  const num = /(-?\d+(?:\.\d+)?)(?!.*\d)/.exec(raw);
  return num?.[1] ?? '';
}

/** The rule to word a constraint by: `@Length(min, max)` reports one constraint for both bounds. */
function ruleName(error: ValidationError, constraint: string): string {
  const raw = error.constraints?.[constraint] ?? '';
  if (constraint === 'isLength') return /longer than/.test(raw) ? 'minLength' : 'maxLength';
  // `@IsObject({ each: true })` on a list reports the list, not the element.
  if (constraint === 'isObject' && raw.startsWith('each value')) return 'isObjectEach';
  return constraint;
}

function formatOf(error: ValidationError, constraint: string): string | undefined {
  const format: unknown = (error.contexts?.[constraint] as { format?: unknown } | undefined)
    ?.format;
  return typeof format === 'string' ? format : undefined;
}

/** Flattens nested validation errors into field-level details with project codes (FIELD_*). */
export function toDetails(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const missing = e.value === undefined || e.value === null;
    if (missing && e.constraints && !('whitelistValidation' in e.constraints)) {
      // One clear message for an absent required field instead of every failed constraint.
      out.push({ field, code: FieldCodes.REQUIRED, message: `Thiếu trường bắt buộc "${field}".` });
      continue;
    }
    for (const constraint of Object.keys(e.constraints ?? {})) {
      const name = ruleName(e, constraint);
      const rule = FIELD_RULES[name] ?? UNKNOWN_FIELD_RULE;
      const format = formatOf(e, constraint);
      out.push({
        field,
        code: rule.code,
        message: rule.message(field, { value: argsOf(e, constraint), format }),
        ...(format ? { params: { format } } : {}),
      });
    }
    if (e.children && e.children.length > 0) out.push(...toDetails(e.children, field));
  }
  return out;
}

/**
 * Refuses a body's shape before class-transformer sees it (too deep; keys of Object.prototype,
 * which class-transformer silently skips, so `forbidNonWhitelisted` would never name them).
 */
class ShapeCheckingValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const refused = bodyShapeError(value);
      if (refused) throw refused;
    }
    return super.transform(value, metadata);
  }
}

/**
 * Global validation (RELIABILITY G8): unknown fields are refused, nested objects validated,
 * no implicit type conversion (query numbers are converted explicitly in their DTOs).
 */
export function buildValidationPipe(): ValidationPipe {
  return new ShapeCheckingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: true },
    exceptionFactory: (errors: ValidationError[]) => validationFailed(toDetails(errors)),
  });
}
