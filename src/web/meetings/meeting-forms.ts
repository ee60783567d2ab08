/**
 * The meeting pages' forms: submitted strings → the API DTOs' plain objects, and the DTO / domain
 * error fields → the inputs' names. Pure functions (tested through the browser spec).
 */
import type { ErrorDetail } from '../../common/errors/app-error';
import type { FormState } from '../core/forms';
import { field } from '../core/forms';

/** Lines of a textarea, trimmed, without empty ones. */
export function lines(v: string | undefined): string[] {
  return (v ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The meeting's facts as the form sends them → MeetingBodyDto (+ isRehearsal for creation). */
export function meetingPlain(
  values: Record<string, string>,
  withRehearsal: boolean,
): Record<string, unknown> {
  const head = field.text(values.committeeHead);
  const members = lines(values.committeeMembers);
  const plain: Record<string, unknown> = {
    meetingDate: field.date(values.meetingDate) ?? '',
    startTime: field.time(values.startTime) ?? '',
    endTime: field.time(values.endTime),
    place: field.text(values.place) ?? '',
    chairName: field.text(values.chairName) ?? '',
    chairTitle: field.text(values.chairTitle),
    secretaryName: field.text(values.secretaryName) ?? '',
    countingCommittee: [
      ...(head ? [{ name: head, role: 'Trưởng ban' }] : []),
      ...members.map((name) => ({ name, role: 'Thành viên' })),
    ],
    guests: lines(values.guests),
    agenda: lines(values.agenda),
  };
  if (withRehearsal) plain.isRehearsal = field.bool(values.isRehearsal);
  for (const k of Object.keys(plain)) if (plain[k] === undefined) delete plain[k];
  return plain;
}

/** Error paths of the meeting's facts → the form's inputs. */
export function meetingFieldName(path: string, values: Record<string, string>): string {
  const committee = /^countingCommittee\.(\d+)/.exec(path);
  if (committee) {
    const hasHead = Boolean(field.text(values.committeeHead));
    return hasHead && committee[1] === '0' ? 'committeeHead' : 'committeeMembers';
  }
  const list = /^(guests|agenda)\./.exec(path);
  if (list) return list[1]!;
  return path;
}

export interface AttendanceMember {
  id: number;
}

/** Attendance form: present.<id> = "1" | "0", delegate.<id>, reason.<id>, written.<id>. */
export function attendancePlain(
  values: Record<string, string>,
  members: AttendanceMember[],
): Record<string, unknown> {
  return {
    version: field.int(values.version),
    rows: members.map((m) => {
      const p = values[`present.${m.id}`];
      const row: Record<string, unknown> = {
        unitId: m.id,
        present: p === '1' ? true : p === '0' ? false : p,
      };
      const delegate = field.text(values[`delegate.${m.id}`]);
      const reason = field.text(values[`reason.${m.id}`]);
      if (delegate) row.delegateName = delegate;
      if (reason && p !== '1') row.absenceReason = reason;
      if (p !== '1' && field.bool(values[`written.${m.id}`])) row.writtenBallot = true;
      return row;
    }),
  };
}

export function attendanceFieldName(path: string, members: AttendanceMember[]): string {
  const m = /^rows\.(\d+)\.(\w+)/.exec(path);
  if (!m) return path;
  const id = members[Number(m[1])]?.id;
  if (id === undefined) return path;
  const key = {
    present: 'present',
    delegateName: 'delegate',
    absenceReason: 'reason',
    writtenBallot: 'written',
  }[m[2]!];
  return key ? `${key}.${id}` : path;
}

export interface CountNominee {
  id: number;
  code: string;
}

export const COUNT_TOTALS = ['ballotsIssued', 'ballotsReturned', 'valid', 'invalid'] as const;
export const LINE_FIELDS = ['agree', 'disagree', 'noOpinion'] as const;

/** Input name of one nominee's count: the domain's own field path (nominees[HD-CG].agree). */
export const lineName = (code: string, f: string): string => `nominees[${code}].${f}`;

/** The count form → EntryDto (or CorrectEntryDto with `version`). Acknowledgements from ack.<CODE>. */
export function entryPlain(
  values: Record<string, string>,
  nominees: CountNominee[],
  withVersion: boolean,
): Record<string, unknown> {
  const counts: Record<string, unknown> = {};
  for (const k of COUNT_TOTALS) counts[k] = field.int(values[k]) ?? '';
  counts.nominees = nominees.map((n) => {
    const line: Record<string, unknown> = { unitId: n.id };
    for (const f of LINE_FIELDS) line[f] = field.int(values[lineName(n.code, f)]) ?? '';
    return line;
  });
  const acknowledgements = Object.entries(values)
    .filter(([k, v]) => k.startsWith('ack.') && v.trim() !== '')
    .map(([k, v]) => ({ code: k.slice(4), reason: v.trim() }));
  const plain: Record<string, unknown> = { counts };
  if (acknowledgements.length > 0) plain.acknowledgements = acknowledgements;
  if (withVersion) plain.version = field.int(values.version);
  return plain;
}

/** DTO paths (counts.nominees.0.agree) and domain fields (nominees[HD-CG]) → input or row names. */
export function countFieldName(path: string, nominees: CountNominee[]): string {
  let p = path.replace(/^counts\./, '');
  p = p.replace(/^nominees\.(\d+)/, (all, i: string) => {
    const n = nominees[Number(i)];
    return n ? `nominees[${n.code}]` : all;
  });
  return p;
}

/** Renames a form's error keys with `rename`; the first message for a name wins. */
export function renameErrors(form: FormState, rename: (path: string) => string): FormState {
  const errors: Record<string, string> = {};
  for (const [k, v] of Object.entries(form.errors)) {
    const name = rename(k);
    if (!(name in errors)) errors[name] = v;
  }
  return { ...form, errors };
}

/** Warnings a submission must acknowledge (WARNING_NOT_ACKNOWLEDGED details). */
export function warningsOf(details: readonly ErrorDetail[]): { code: string; message: string }[] {
  return details.flatMap((d) => {
    const code = d.params?.warningCode;
    return typeof code === 'string'
      ? [{ code, message: d.message.replace(/^Cảnh báo chưa được xác nhận kèm lý do: /, '') }]
      : [];
  });
}

/** The chair's decision form as `ChairDecisionDto`'s plain object: the ticked units, the note. */
export function chairDecisionPlain(values: Record<string, string>): Record<string, unknown> {
  const chosen = (values.chosenUnitIds ?? '')
    .split(',')
    .filter(Boolean)
    .map((v) => field.int(v));
  const plain: Record<string, unknown> = { chosenUnitIds: chosen };
  const note = field.text(values.note);
  if (note) plain.note = note;
  return plain;
}
