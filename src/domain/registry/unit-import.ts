import type { Finding } from '../common/result';
import { lineageKind } from './lineage';
import {
  UNIT_TYPE_LABELS,
  UNIT_TYPES,
  isActiveDuringYear,
  type LineageKind,
  type UnitType,
} from './unit-types';

/** One data row of a units file, as text (the reader maps the columns). */
export interface UnitFileRow {
  readonly rowNumber: number;
  readonly code: string;
  readonly type: string;
  readonly shortName: string;
  readonly fullName: string;
  readonly collectiveName: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly provinceCode: string;
  readonly predecessorCodes: string;
}

export interface ImportProvinceFacts {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly validFrom: string;
  readonly validTo: string | null;
}

export interface ExistingUnitFacts {
  readonly id: number;
  readonly code: string;
  readonly shortName: string;
  readonly type: UnitType;
  readonly fullName: string;
  readonly collectiveName: string;
  readonly provinceId: number;
  readonly validFrom: string;
  readonly validTo: string | null;
}

export interface UnitImportFacts {
  /** The province chosen for the file; a row may name another with the province-code column. */
  readonly defaultProvinceCode: string;
  readonly provinces: ReadonlyMap<string, ImportProvinceFacts>;
  readonly units: ReadonlyMap<string, ExistingUnitFacts>;
  /** Existing links as "predecessorId|successorId". */
  readonly links: ReadonlySet<string>;
  /** Existing link counts per unit id (successors of a predecessor, predecessors of a successor). */
  readonly successorCount: ReadonlyMap<number, number>;
  readonly predecessorCount: ReadonlyMap<number, number>;
  /** Years each existing unit sits in a bloc: a new validity must still cover them. */
  readonly memberYears: ReadonlyMap<number, readonly number[]>;
  /** Parses dd/mm/yyyy or yyyy-mm-dd; null when not a calendar day. */
  readonly parseDay: (s: string) => string | null;
}

export interface PlannedUnit {
  readonly code: string;
  readonly existingId: number | null;
  readonly values: Omit<ExistingUnitFacts, 'id'>;
}

export interface PlannedLink {
  readonly predecessorCode: string;
  readonly successorCode: string;
  readonly kind: LineageKind;
  readonly effectiveDate: string;
}

export type UnitRowAction = 'INSERT' | 'UPDATE' | 'UNCHANGED';

export interface UnitRowReport {
  readonly rowNumber: number;
  readonly code: string;
  readonly action: UnitRowAction | null;
  readonly newLinks: number;
  readonly errors: Finding[];
}

export interface UnitImportPlan {
  readonly ok: boolean;
  readonly rows: UnitRowReport[];
  readonly inserts: PlannedUnit[];
  readonly updates: PlannedUnit[];
  readonly links: PlannedLink[];
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
/** 2025-07-01 → 01/07/2025, as people read dates. */
const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const TYPE_BY_LABEL = new Map<string, UnitType>(
  UNIT_TYPES.flatMap((t) => [
    [t.toLowerCase(), t],
    [UNIT_TYPE_LABELS[t].normalize('NFC').toLowerCase(), t],
  ]),
);

/** "xã", "Phường", "đặc khu" or the code "XA" → the unit type; null when unknown. */
export function parseUnitType(text: string): UnitType | null {
  return TYPE_BY_LABEL.get(text.normalize('NFC').trim().toLowerCase()) ?? null;
}

/** Splits "HD-CG; HD-GL, HD-TK" into codes. */
export function splitCodes(text: string): string[] {
  return text
    .split(/[;,\s]+/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

/**
 * Plans a units import: every row checked (code, type, names, dates, province, predecessors that
 * ended before the unit began), then what would be inserted, updated and linked. Rows equal to the
 * stored unit are unchanged, so a second import of the same file plans nothing.
 */
export function planUnitImport(
  rows: readonly UnitFileRow[],
  facts: UnitImportFacts,
): UnitImportPlan {
  const reports: UnitRowReport[] = [];
  const inserts: PlannedUnit[] = [];
  const updates: PlannedUnit[] = [];
  const firstRowOf = new Map<string, number>();
  for (const r of rows) if (!firstRowOf.has(r.code)) firstRowOf.set(r.code, r.rowNumber);
  // The file's own units (as they will be after the import) take precedence over the stored ones.
  const planned = new Map<
    string,
    { validFrom: string; validTo: string | null; id: number | null }
  >();
  const parsed: {
    row: UnitFileRow;
    errors: Finding[];
    values: PlannedUnit['values'] | null;
    preds: string[];
  }[] = [];

  for (const r of rows) {
    const errors: Finding[] = [];
    const add = (code: string, message: string, field: string) =>
      errors.push({
        code,
        severity: 'error',
        message: `Dòng ${r.rowNumber}: ${message}`,
        field: `row ${r.rowNumber}.${field}`,
      });
    if (!CODE.test(r.code))
      add(
        'UNIT_ROW_BAD_CODE',
        `mã đơn vị "${r.code}" không hợp lệ (chữ, số, dấu . _ -, tối đa 32 ký tự).`,
        'code',
      );
    else if (firstRowOf.get(r.code) !== r.rowNumber)
      add('UNIT_ROW_DUPLICATE', `mã "${r.code}" đã có ở dòng ${firstRowOf.get(r.code)}.`, 'code');
    const type = parseUnitType(r.type);
    if (type === null)
      add(
        'UNIT_ROW_BAD_TYPE',
        `loại đơn vị "${r.type}" không hợp lệ (xã, phường, đặc khu, …).`,
        'type',
      );
    if (r.shortName === '' || r.shortName.length > 200)
      add('UNIT_ROW_BAD_NAME', 'tên đơn vị phải có, tối đa 200 ký tự.', 'shortName');
    if (r.fullName.length > 200 || r.collectiveName.length > 400)
      add(
        'UNIT_ROW_BAD_NAME',
        'tên đầy đủ tối đa 200 ký tự, tên tập thể tối đa 400 ký tự.',
        'fullName',
      );
    const validFrom = facts.parseDay(r.validFrom);
    const validTo = r.validTo === '' ? null : facts.parseDay(r.validTo);
    if (validFrom === null)
      add(
        'UNIT_ROW_BAD_DATE',
        `ngày bắt đầu hiệu lực "${r.validFrom}" không hợp lệ (dd/mm/yyyy).`,
        'validFrom',
      );
    if (r.validTo !== '' && validTo === null)
      add(
        'UNIT_ROW_BAD_DATE',
        `ngày hết hiệu lực "${r.validTo}" không hợp lệ (dd/mm/yyyy).`,
        'validTo',
      );
    if (validFrom !== null && validTo !== null && validTo < validFrom)
      add(
        'UNIT_ROW_DATES_REVERSED',
        'ngày hết hiệu lực phải sau hoặc bằng ngày bắt đầu hiệu lực.',
        'validTo',
      );
    const provinceCode = r.provinceCode === '' ? facts.defaultProvinceCode : r.provinceCode;
    const province = facts.provinces.get(provinceCode);
    if (!province)
      add('UNIT_ROW_UNKNOWN_PROVINCE', `không có tỉnh mã "${provinceCode}".`, 'provinceCode');
    else if (
      validFrom !== null &&
      (validFrom < province.validFrom ||
        (province.validTo !== null && (validTo ?? '9999') > province.validTo))
    )
      add(
        'UNIT_ROW_OUTSIDE_PROVINCE',
        `thời gian hiệu lực của đơn vị nằm ngoài thời gian tồn tại của ${province.name} (${viDate(province.validFrom)} – ${province.validTo === null ? 'nay' : viDate(province.validTo)}).`,
        'validFrom',
      );
    const stored = facts.units.get(r.code);
    if (stored && province && stored.provinceId !== province.id)
      add(
        'UNIT_ROW_CODE_OTHER_PROVINCE',
        `mã "${r.code}" đã dùng cho một đơn vị của tỉnh khác.`,
        'code',
      );
    if (stored && validFrom !== null) {
      const outside = (facts.memberYears.get(stored.id) ?? []).filter(
        (y) => !isActiveDuringYear({ validFrom, validTo }, y),
      );
      if (outside.length > 0)
        add(
          'UNIT_ROW_MEMBERSHIP_OUTSIDE',
          `đơn vị đang là thành viên khối năm ${outside.join(', ')}, ngoài thời gian hiệu lực mới.`,
          'validTo',
        );
    }
    const values =
      type !== null && validFrom !== null && province && r.shortName !== ''
        ? (() => {
            const fullName = r.fullName || `${UNIT_TYPE_LABELS[type]} ${r.shortName}`;
            return {
              code: r.code,
              shortName: r.shortName,
              type,
              fullName,
              collectiveName: r.collectiveName || `Đảng bộ, chính quyền và nhân dân ${fullName}`,
              provinceId: province.id,
              validFrom,
              validTo,
            };
          })()
        : null;
    if (values && firstRowOf.get(r.code) === r.rowNumber)
      planned.set(r.code, {
        validFrom: values.validFrom,
        validTo: values.validTo,
        id: stored?.id ?? null,
      });
    parsed.push({ row: r, errors, values, preds: splitCodes(r.predecessorCodes) });
  }

  // Lineage: counts over existing links plus the file's, to name each new link's kind.
  const wanted: { pred: string; succ: string; rowIndex: number }[] = [];
  parsed.forEach((p, i) => {
    for (const pred of p.preds) wanted.push({ pred, succ: p.row.code, rowIndex: i });
  });
  const idOf = (code: string) => planned.get(code)?.id ?? facts.units.get(code)?.id ?? null;
  const succCount = new Map<string, number>();
  const predCount = new Map<string, number>();
  const isNew = (w: { pred: string; succ: string }) => {
    const a = idOf(w.pred);
    const b = idOf(w.succ);
    return a === null || b === null || !facts.links.has(`${a}|${b}`);
  };
  for (const w of wanted.filter(isNew)) {
    succCount.set(w.pred, (succCount.get(w.pred) ?? 0) + 1);
    predCount.set(w.succ, (predCount.get(w.succ) ?? 0) + 1);
  }
  const links: PlannedLink[] = [];
  const newLinks = new Map<number, number>();
  for (const w of wanted) {
    const p = parsed[w.rowIndex]!;
    const rowNo = p.row.rowNumber;
    const add = (code: string, message: string) =>
      p.errors.push({
        code,
        severity: 'error',
        message: `Dòng ${rowNo}: ${message}`,
        field: `row ${rowNo}.predecessorCodes`,
      });
    if (w.pred === w.succ) {
      add('UNIT_ROW_PREDECESSOR_SELF', 'một đơn vị không thể là tiền thân của chính nó.');
      continue;
    }
    const pred = planned.get(w.pred) ?? facts.units.get(w.pred);
    if (!pred) {
      add(
        'UNIT_ROW_UNKNOWN_PREDECESSOR',
        `không có đơn vị tiền thân mã "${w.pred}" (trong tệp hoặc đã lưu).`,
      );
      continue;
    }
    const succ = planned.get(w.succ);
    if (!succ) continue;
    if (pred.validTo === null || pred.validTo >= succ.validFrom) {
      add(
        'UNIT_ROW_PREDECESSOR_NOT_ENDED',
        `đơn vị tiền thân "${w.pred}" phải hết hiệu lực trước ngày ${viDate(succ.validFrom)} (hiện là ${pred.validTo === null ? 'chưa đặt' : viDate(pred.validTo)}).`,
      );
      continue;
    }
    if (!isNew(w)) continue;
    const predId = idOf(w.pred);
    const succId = idOf(w.succ);
    const kind = lineageKind(
      (succCount.get(w.pred) ?? 0) +
        (predId === null ? 0 : (facts.successorCount.get(predId) ?? 0)),
      (predCount.get(w.succ) ?? 0) +
        (succId === null ? 0 : (facts.predecessorCount.get(succId) ?? 0)),
    );
    links.push({
      predecessorCode: w.pred,
      successorCode: w.succ,
      kind,
      effectiveDate: succ.validFrom,
    });
    newLinks.set(w.rowIndex, (newLinks.get(w.rowIndex) ?? 0) + 1);
  }

  parsed.forEach((p, i) => {
    let action: UnitRowAction | null = null;
    if (p.errors.length === 0 && p.values) {
      const stored = facts.units.get(p.row.code);
      if (!stored) {
        action = 'INSERT';
        inserts.push({ code: p.row.code, existingId: null, values: p.values });
      } else if (
        (Object.keys(p.values) as (keyof typeof p.values)[]).some((k) => stored[k] !== p.values![k])
      ) {
        action = 'UPDATE';
        updates.push({ code: p.row.code, existingId: stored.id, values: p.values });
      } else action = 'UNCHANGED';
    }
    reports.push({
      rowNumber: p.row.rowNumber,
      code: p.row.code,
      action,
      newLinks: newLinks.get(i) ?? 0,
      errors: p.errors,
    });
  });
  const ok = reports.every((r) => r.errors.length === 0);
  return ok
    ? { ok, rows: reports, inserts, updates, links }
    : { ok, rows: reports, inserts: [], updates: [], links: [] };
}

/**
 * An organization's import (issue 21): a row that would change a stored unit the organization may
 * not change (shared with another organization's bloc, or not its own) is refused, with the others
 * planned as they were; nothing of the file is written while a row is refused.
 */
export function withholdUpdates(
  plan: UnitImportPlan,
  mayChange: (code: string) => boolean,
): UnitImportPlan {
  const withheld = new Set(plan.updates.filter((u) => !mayChange(u.code)).map((u) => u.code));
  if (withheld.size === 0) return plan;
  return {
    ...plan,
    ok: false,
    updates: plan.updates.filter((u) => !withheld.has(u.code)),
    rows: plan.rows.map((r) =>
      r.action === 'UPDATE' && withheld.has(r.code)
        ? {
            ...r,
            errors: [
              ...r.errors,
              {
                code: 'UNIT_ROW_NOT_OWN',
                severity: 'error' as const,
                message: `Dòng ${r.rowNumber}: đơn vị "${r.code}" thuộc khối của tổ chức khác (hoặc không thuộc tổ chức này); không sửa được bằng tệp.`,
                field: `row ${r.rowNumber}.code`,
              },
            ],
          }
        : r,
    ),
  };
}
