import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { AppError, CommonErrors, type ErrorDetail } from '../../common/errors/app-error';
import { FieldCodes } from '../../common/errors/field-errors';
import { toDetails } from '../../common/http/validation';
import { statusOf } from '../../common/http/app-exception.filter';

/**
 * A form as the page shows it: what the person typed (kept on failure), the message next to each
 * field, and one message for the whole form with its code.
 */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  message: string | null;
  code: string | null;
  /** Details without a field (rule findings, checks), listed under the form's message. */
  notes: string[];
}

export function emptyForm(values: Record<string, string> = {}): FormState {
  return { values, errors: {}, message: null, code: null, notes: [] };
}

/**
 * The ticked values of a checkbox group as submitted (an unticked box sends nothing), or null when
 * this form was not the one submitted (`marker`: a field the form always sends), so that the
 * stored state applies.
 */
export function ticked(form: FormState, name: string, marker: string = name): Set<string> | null {
  if (!(marker in form.values)) return null;
  return new Set(
    (form.values[name] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** The submitted fields as strings (urlencoded bodies), without the CSRF token. */
export function submitted(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!body || typeof body !== 'object') return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (k === '_csrf') continue;
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.map(String).join(',');
  }
  return out;
}

/** The API's messages name the field ("Trường \"year\" …"); next to the field that is said already. */
function fieldMessage(d: ErrorDetail): string {
  return d.message
    .replace(/^Thiếu trường bắt buộc "[^"]+"\./, 'Vui lòng nhập trường này.')
    .replace(/^Trường "[^"]+"/, 'Trường này')
    .replace(/^Danh sách "[^"]+"/, 'Danh sách này');
}

const TYPE_CODES = new Set<string>([
  FieldCodes.REQUIRED,
  FieldCodes.EMPTY,
  FieldCodes.NOT_INTEGER,
  FieldCodes.NOT_NUMBER,
  FieldCodes.NOT_STRING,
  FieldCodes.NOT_BOOLEAN,
  FieldCodes.NOT_DATE,
  FieldCodes.NOT_LIST,
  FieldCodes.NOT_IN_LIST,
  FieldCodes.NOT_ALLOWED,
]);

/** A failed submission: the error's field details go next to their fields, the rest above the form. */
export function formFromError(error: AppError, values: Record<string, string>): FormState {
  const errors: Record<string, string> = {};
  const notes: string[] = [];
  const codes: Record<string, string> = {};
  for (const d of error.details) {
    if (!d.field) {
      notes.push(d.message);
      continue;
    }
    // One message per field: what the value is ("phải là số nguyên") before its range.
    const held = codes[d.field];
    if (held === undefined || (TYPE_CODES.has(d.code) && !TYPE_CODES.has(held))) {
      errors[d.field] = fieldMessage(d);
      codes[d.field] = d.code;
    }
  }
  const message =
    error.code === CommonErrors.VALIDATION_FAILED.code
      ? 'Chưa lưu: vui lòng sửa các trường được đánh dấu bên dưới.'
      : error.message;
  return { values, errors, message, code: error.code, notes };
}

export function statusOfError(error: AppError): number {
  return statusOf(error.kind);
}

/**
 * Validates a form with the same DTO class and rules as the API (unknown fields refused, nested
 * objects checked). `shape` turns the submitted strings into the DTO's plain object (numbers,
 * booleans, lists); empty optional fields should be left out by it.
 */
export async function validateForm<T extends object>(
  cls: ClassConstructor<T>,
  plain: Record<string, unknown>,
): Promise<T> {
  const dto = plainToInstance(cls, plain, { enableImplicitConversion: false });
  const errors = await validate(dto, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  if (errors.length > 0)
    throw new AppError(CommonErrors.VALIDATION_FAILED, { details: toDetails(errors) });
  return dto;
}

/** Form field helpers: '' → undefined, '12' → 12, 'abc' → 'abc' (the DTO then refuses it). */
export const field = {
  text(v: string | undefined): string | undefined {
    const t = v?.trim();
    return t ? t : undefined;
  },
  int(v: string | undefined): number | string | undefined {
    const t = v?.trim();
    if (!t) return undefined;
    return /^-?\d+$/.test(t) ? Number(t) : t;
  },
  /** Accepts the Vietnamese decimal comma: "9,5" → 9.5. */
  decimal(v: string | undefined): number | string | undefined {
    const t = v?.trim().replace(/\s/g, '');
    if (!t) return undefined;
    const n = t.replace(/\./g, t.includes(',') ? '' : '.').replace(',', '.');
    return /^-?\d+(\.\d+)?$/.test(n) ? Number(n) : t;
  },
  bool(v: string | undefined): boolean {
    return v === 'on' || v === 'true' || v === '1';
  },
  /** dd/mm/yyyy or yyyy-mm-dd → yyyy-mm-dd. */
  date(v: string | undefined): string | undefined {
    const t = v?.trim();
    if (!t) return undefined;
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
    return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : t;
  },
  /** A time of day as people type it, "8:00", "8h00", "08:00" → "08:00"; anything else as typed. */
  time(v: string | undefined): string | undefined {
    const t = v?.trim();
    if (!t) return undefined;
    const m = /^(\d{1,2})\s*[:hg.]\s*(\d{2})$/i.exec(t);
    return m && Number(m[1]) < 24 ? `${m[1]!.padStart(2, '0')}:${m[2]}` : t;
  },
};

/**
 * Moves the form's field errors onto the page's inputs: `rename` maps a service field to an input
 * name (or null when no input shows it); a message without an input goes to the notes above the
 * form, so nothing the server said is lost.
 */
export function mapFormErrors(
  form: FormState,
  rename: (field: string) => string | null,
  known: ReadonlySet<string>,
): FormState {
  const errors: Record<string, string> = {};
  const notes = [...form.notes];
  for (const [field, message] of Object.entries(form.errors)) {
    const name = rename(field);
    if (name !== null && known.has(name)) {
      if (!(name in errors)) errors[name] = message;
    } else if (!notes.includes(message)) notes.push(message);
  }
  return { ...form, errors, notes };
}
