import type { Finding } from '../common/result';
import { validateTermComposition, type TermUnitFacts } from './bloc-terms';
import { BLOC_KINDS, type BlocKind } from './unit-types';

/** One data row of a blocs file: one member unit of one bloc in one year. */
export interface BlocFileRow {
  readonly rowNumber: number;
  readonly blocCode: string;
  readonly blocName: string;
  readonly kind: string;
  readonly year: string;
  readonly unitCode: string;
  readonly role: string;
  readonly secretaryName: string;
}

export interface BlocImportFacts {
  readonly provinceId: number;
  readonly blocs: ReadonlyMap<
    string,
    { id: number; name: string; kind: BlocKind; provinceId: number }
  >;
  readonly units: ReadonlyMap<
    string,
    { id: number; fullName: string; provinceId: number; validFrom: string; validTo: string | null }
  >;
  /** Stored terms by "blocId|year". */
  readonly terms: ReadonlyMap<
    string,
    {
      id: number;
      headUnitId: number | null;
      deputyUnitId: number | null;
      secretaryName: string | null;
      scoringPhase: string;
      memberIds: readonly number[];
    }
  >;
  /** Stored memberships by "unitId|year" → the term id and its bloc's name. */
  readonly memberships: ReadonlyMap<string, { termId: number; blocName: string }>;
}

export type ImportAction = 'INSERT' | 'UPDATE' | 'UNCHANGED';

export interface PlannedTerm {
  readonly blocCode: string;
  readonly year: number;
  readonly action: ImportAction | null;
  readonly existingTermId: number | null;
  readonly memberIds: number[];
  readonly memberCodes: string[];
  readonly headUnitId: number | null;
  readonly deputyUnitId: number | null;
  readonly headUnitCode: string | null;
  readonly deputyUnitCode: string | null;
  readonly secretaryName: string | null;
  readonly rowNumbers: number[];
  readonly errors: Finding[];
}

export interface PlannedBloc {
  readonly code: string;
  readonly name: string;
  readonly kind: BlocKind;
  readonly existingId: number | null;
  readonly action: ImportAction;
}

export interface BlocImportPlan {
  readonly ok: boolean;
  readonly rowErrors: Finding[];
  readonly blocs: PlannedBloc[];
  readonly terms: PlannedTerm[];
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .trim();

/** "khối", "Cụm thi đua", "CUM" → the bloc kind. */
export function parseBlocKind(text: string): BlocKind | null {
  const t = fold(text);
  if (t.startsWith('khoi') || t === 'khoi') return 'KHOI';
  if (t.startsWith('cum')) return 'CUM';
  return (BLOC_KINDS as readonly string[]).includes(text.trim().toUpperCase())
    ? (text.trim().toUpperCase() as BlocKind)
    : null;
}

/** "trưởng", "Cụm trưởng", "phó khối" → HEAD / DEPUTY; "" → member; null when unknown. */
export function parseRole(text: string): 'HEAD' | 'DEPUTY' | 'MEMBER' | null {
  const t = fold(text);
  if (t === '' || t === 'thanh vien') return 'MEMBER';
  if (/\bpho\b/.test(t)) return 'DEPUTY';
  if (/\btruong\b/.test(t)) return 'HEAD';
  return null;
}

/**
 * Plans a blocs import: rows grouped into (bloc, year) terms, each term checked like a term
 * created through the API (R13 membership, R14 head and deputy), against the stored memberships
 * of other blocs and the other terms of the file. A stored term whose scoring has started is
 * not replaced. Terms equal to the stored ones are unchanged, so a second import plans nothing.
 */
export function planBlocImport(
  rows: readonly BlocFileRow[],
  facts: BlocImportFacts,
): BlocImportPlan {
  const rowErrors: Finding[] = [];
  const rowError = (r: BlocFileRow, code: string, message: string, field: string) =>
    rowErrors.push({
      code,
      severity: 'error',
      message: `Dòng ${r.rowNumber}: ${message}`,
      field: `row ${r.rowNumber}.${field}`,
    });
  const blocs = new Map<string, { name: string; kind: BlocKind; row: number }>();
  const groups = new Map<
    string,
    {
      blocCode: string;
      year: number;
      rows: { r: BlocFileRow; unitId: number; role: 'HEAD' | 'DEPUTY' | 'MEMBER' }[];
    }
  >();

  for (const r of rows) {
    const before = rowErrors.length;
    if (!CODE.test(r.blocCode))
      rowError(r, 'BLOC_ROW_BAD_CODE', `mã khối "${r.blocCode}" không hợp lệ.`, 'blocCode');
    const kind = parseBlocKind(r.kind);
    if (kind === null)
      rowError(
        r,
        'BLOC_ROW_BAD_KIND',
        `loại khối "${r.kind}" không hợp lệ (khối hoặc cụm).`,
        'kind',
      );
    if (r.blocName === '' || r.blocName.length > 300)
      rowError(r, 'BLOC_ROW_BAD_NAME', 'tên khối phải có, tối đa 300 ký tự.', 'blocName');
    const year = /^\d{4}$/.test(r.year) ? Number(r.year) : NaN;
    if (!(year >= 1990 && year <= 2100))
      rowError(r, 'BLOC_ROW_BAD_YEAR', `năm "${r.year}" không hợp lệ.`, 'year');
    const unit = facts.units.get(r.unitCode);
    if (!unit)
      rowError(r, 'BLOC_ROW_UNKNOWN_UNIT', `không có đơn vị mã "${r.unitCode}".`, 'unitCode');
    const role = parseRole(r.role);
    if (role === null)
      rowError(
        r,
        'BLOC_ROW_BAD_ROLE',
        `vai trò "${r.role}" không hợp lệ (trưởng, phó hoặc để trống).`,
        'role',
      );
    const stored = facts.blocs.get(r.blocCode);
    if (stored && stored.provinceId !== facts.provinceId)
      rowError(
        r,
        'BLOC_ROW_CODE_OTHER_PROVINCE',
        `mã khối "${r.blocCode}" đã dùng cho một khối của tỉnh khác.`,
        'blocCode',
      );
    const seen = blocs.get(r.blocCode);
    if (seen && kind !== null && (seen.name !== r.blocName || seen.kind !== kind))
      rowError(
        r,
        'BLOC_ROW_INCONSISTENT',
        `tên hoặc loại của khối "${r.blocCode}" khác dòng ${seen.row}.`,
        'blocName',
      );
    if (rowErrors.length > before || !unit || kind === null || role === null) continue;
    if (!seen) blocs.set(r.blocCode, { name: r.blocName, kind, row: r.rowNumber });
    const key = `${r.blocCode}|${year}`;
    const g = groups.get(key) ?? { blocCode: r.blocCode, year, rows: [] };
    g.rows.push({ r, unitId: unit.id, role });
    groups.set(key, g);
  }

  const unitById = new Map([...facts.units.values()].map((u) => [u.id, u]));
  const codeById = new Map([...facts.units.entries()].map(([code, u]) => [u.id, code]));
  // Where the file puts each unit each year, to find a unit listed in two blocs of the same year.
  const fileAssignments = new Map<string, string>();
  for (const g of groups.values())
    for (const m of g.rows) {
      const k = `${m.unitId}|${g.year}`;
      if (!fileAssignments.has(k)) fileAssignments.set(k, g.blocCode);
    }
  const fileTermIds = new Set<number>();
  for (const g of groups.values()) {
    const id = facts.blocs.get(g.blocCode)?.id;
    const t = id === undefined ? undefined : facts.terms.get(`${id}|${g.year}`);
    if (t) fileTermIds.add(t.id);
  }

  const terms: PlannedTerm[] = [];
  for (const g of groups.values()) {
    const errors: Finding[] = [];
    const blocId = facts.blocs.get(g.blocCode)?.id ?? null;
    const stored = blocId === null ? undefined : facts.terms.get(`${blocId}|${g.year}`);
    const heads = g.rows.filter((m) => m.role === 'HEAD');
    const deputies = g.rows.filter((m) => m.role === 'DEPUTY');
    const rowNumbers = g.rows.map((m) => m.r.rowNumber);
    const termError = (code: string, message: string) =>
      errors.push({
        code,
        severity: 'error',
        message: `Khối ${g.blocCode} năm ${g.year} (dòng ${rowNumbers[0]}): ${message}`,
        field: `row ${rowNumbers[0]}`,
      });
    if (heads.length > 1) termError('BLOC_ROW_TWO_HEADS', 'có nhiều hơn một đơn vị trưởng.');
    if (deputies.length > 1) termError('BLOC_ROW_TWO_DEPUTIES', 'có nhiều hơn một đơn vị phó.');
    const memberIds = g.rows.map((m) => m.unitId);
    const facts2 = new Map<number, TermUnitFacts>();
    for (const id of memberIds) {
      const u = unitById.get(id)!;
      const inFile = fileAssignments.get(`${id}|${g.year}`);
      const storedOther = facts.memberships.get(`${id}|${g.year}`);
      const otherBlocName =
        inFile !== undefined && inFile !== g.blocCode
          ? (blocs.get(inFile)?.name ?? inFile)
          : storedOther && storedOther.termId !== stored?.id && !fileTermIds.has(storedOther.termId)
            ? storedOther.blocName
            : null;
      facts2.set(id, {
        id,
        name: u.fullName,
        provinceId: u.provinceId,
        validFrom: u.validFrom,
        validTo: u.validTo,
        otherBlocName,
      });
    }
    const headUnitId = heads[0]?.unitId ?? null;
    const deputyUnitId = deputies[0]?.unitId ?? null;
    for (const f of validateTermComposition({
      year: g.year,
      blocProvinceId: facts.provinceId,
      memberUnitIds: memberIds,
      units: facts2,
      headUnitId,
      deputyUnitId,
    })) {
      const i = Number(/^memberUnitIds\.(\d+)$/.exec(f.field ?? '')?.[1] ?? NaN);
      const row = Number.isNaN(i) ? rowNumbers[0] : g.rows[i]!.r.rowNumber;
      errors.push({ ...f, message: `Dòng ${row}: ${f.message}`, field: `row ${row}` });
    }
    const secretaryName = g.rows.map((m) => m.r.secretaryName).find((s) => s !== '') ?? null;
    let action: ImportAction | null = null;
    if (stored) {
      const same =
        stored.memberIds.length === memberIds.length &&
        memberIds.every((id) => stored.memberIds.includes(id)) &&
        stored.headUnitId === headUnitId &&
        stored.deputyUnitId === deputyUnitId &&
        stored.secretaryName === secretaryName;
      if (!same && stored.scoringPhase !== 'NOT_STARTED')
        termError(
          'BLOC_TERM_STARTED',
          'năm này đã bắt đầu chấm điểm; không thay thành viên bằng tệp.',
        );
      action = errors.length > 0 ? null : same ? 'UNCHANGED' : 'UPDATE';
    } else action = errors.length > 0 ? null : 'INSERT';
    terms.push({
      blocCode: g.blocCode,
      year: g.year,
      action,
      existingTermId: stored?.id ?? null,
      memberIds,
      memberCodes: memberIds.map((id) => codeById.get(id) ?? ''),
      headUnitId,
      deputyUnitId,
      headUnitCode: headUnitId === null ? null : (codeById.get(headUnitId) ?? null),
      deputyUnitCode: deputyUnitId === null ? null : (codeById.get(deputyUnitId) ?? null),
      secretaryName,
      rowNumbers,
      errors,
    });
  }

  const plannedBlocs: PlannedBloc[] = [...blocs.entries()].map(([code, b]) => {
    const stored = facts.blocs.get(code);
    const action: ImportAction = !stored
      ? 'INSERT'
      : stored.name === b.name && stored.kind === b.kind
        ? 'UNCHANGED'
        : 'UPDATE';
    return { code, name: b.name, kind: b.kind, existingId: stored?.id ?? null, action };
  });
  const ok = rowErrors.length === 0 && terms.every((t) => t.errors.length === 0);
  return { ok, rowErrors, blocs: plannedBlocs, terms };
}
