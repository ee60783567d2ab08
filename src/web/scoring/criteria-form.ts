import { field } from '../core/forms';
import { normalizeField } from './scoring-view';

/** A parsed criteria editor: the DTO's `definition` and how to find each row's inputs again. */
export interface ParsedCriteriaForm {
  definition: Record<string, unknown>;
  /** Maps a field of the sent definition (compacted rows) back to the page's input name. */
  rename: (f: string) => string;
}

const indices = (v: Record<string, string>, prefix: string): number[] => {
  const re = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)\\.`);
  const out = new Set<number>();
  for (const k of Object.keys(v)) {
    const m = re.exec(k);
    if (m) out.add(Number(m[1]));
  }
  return [...out].sort((a, b) => a - b);
};

const blank = (v: Record<string, string>, p: string, names: string[]) =>
  names.every((n) => !v[`${p}.${n}`]?.trim());

/**
 * The editor's inputs (`groups.0.criteria.1.maxPoints`, `bonusItems.0.cap`, `tieBreak.0.kind`…)
 * as the API's criteria set body. Blank rows are left out; the indices of the rows sent are
 * remembered so that an error on `groups.1.criteria.0.maxPoints` lands on the input it came from.
 */
export function parseCriteriaForm(v: Record<string, string>): ParsedCriteriaForm {
  const groupMap: number[] = [];
  const criterionMap: number[][] = [];
  const groups = [];
  for (const gi of indices(v, 'groups')) {
    const p = `groups.${gi}`;
    const rows: number[] = [];
    const criteria = [];
    for (const ci of indices(v, `${p}.criteria`)) {
      const cp = `${p}.criteria.${ci}`;
      if (blank(v, cp, ['code', 'title', 'maxPoints', 'guide'])) continue;
      rows.push(ci);
      criteria.push({
        code: field.text(v[`${cp}.code`]) ?? '',
        title: field.text(v[`${cp}.title`]) ?? '',
        maxPoints: field.decimal(v[`${cp}.maxPoints`]),
        ...(field.text(v[`${cp}.guide`]) ? { guide: field.text(v[`${cp}.guide`]) } : {}),
      });
    }
    if (blank(v, p, ['code', 'title', 'maxPoints']) && criteria.length === 0) continue;
    groupMap.push(gi);
    criterionMap.push(rows);
    groups.push({
      code: field.text(v[`${p}.code`]) ?? '',
      title: field.text(v[`${p}.title`]) ?? '',
      maxPoints: field.decimal(v[`${p}.maxPoints`]),
      criteria,
    });
  }
  const adjustMaps: Record<string, number[]> = { bonusItems: [], penaltyItems: [] };
  const adjust = (list: 'bonusItems' | 'penaltyItems') => {
    const out = [];
    for (const i of indices(v, list)) {
      const p = `${list}.${i}`;
      if (blank(v, p, ['code', 'title', 'cap'])) continue;
      adjustMaps[list]!.push(i);
      out.push({
        code: field.text(v[`${p}.code`]) ?? '',
        title: field.text(v[`${p}.title`]) ?? '',
        cap: field.decimal(v[`${p}.cap`]),
      });
    }
    return out;
  };
  const bonusItems = adjust('bonusItems');
  const penaltyItems = adjust('penaltyItems');
  const tieMap: number[] = [];
  const tieBreak = [];
  for (const i of indices(v, 'tieBreak')) {
    const kind = field.text(v[`tieBreak.${i}.kind`]);
    if (!kind) continue;
    tieMap.push(i);
    const groupCode = field.text(v[`tieBreak.${i}.groupCode`]);
    tieBreak.push({ kind, ...(kind === 'GROUP_SCORE' || groupCode ? { groupCode } : {}) });
  }
  const definition = {
    scale: field.int(v.scale),
    groups,
    bonusItems,
    penaltyItems,
    bonusCap: field.decimal(v.bonusCap),
    penaltyCap: field.decimal(v.penaltyCap),
    tieBreak,
  };
  const rename = (raw: string): string => {
    const f = normalizeField(raw);
    let m = /^groups\.(\d+)\.criteria\.(\d+)(\..*)?$/.exec(f);
    if (m) {
      const g = Number(m[1]);
      const og = groupMap[g];
      const oc = criterionMap[g]?.[Number(m[2])];
      if (og !== undefined && oc !== undefined)
        return `groups.${og}.criteria.${oc}${m[3] ?? '.code'}`;
      return f;
    }
    m = /^groups\.(\d+)(\..*)?$/.exec(f);
    if (m) {
      const og = groupMap[Number(m[1])];
      if (og !== undefined)
        return `groups.${og}${m[2] === '.criteria' ? '.maxPoints' : (m[2] ?? '.code')}`;
      return f;
    }
    m = /^(bonusItems|penaltyItems)\.(\d+)(\..*)?$/.exec(f);
    if (m) {
      const o = adjustMaps[m[1]!]?.[Number(m[2])];
      if (o !== undefined) return `${m[1]}.${o}${m[3] ?? '.code'}`;
      return f;
    }
    m = /^tieBreak\.(\d+)(\..*)?$/.exec(f);
    if (m) {
      const o = tieMap[Number(m[1])];
      if (o !== undefined) return `tieBreak.${o}${m[2] ?? '.kind'}`;
    }
    return f;
  };
  return { definition, rename };
}

/**
 * The first draft of a bloc-year that has nothing to copy: the smallest set the service accepts
 * (the groups must add up to the scale, a group needs a criterion), to be filled in the editor.
 */
const BLANK_DEFINITION = {
  scale: 100,
  groups: [
    {
      code: 'I',
      title: 'Nhóm tiêu chí I',
      maxPoints: 100,
      criteria: [{ code: 'I.1', title: 'Tiêu chí I.1', maxPoints: 100 }],
    },
  ],
  bonusItems: [],
  penaltyItems: [],
  bonusCap: 0,
  penaltyCap: 0,
  tieBreak: [],
};

/** The new version form as `CreateCriteriaSetDto`'s plain object: a copy, or a blank first draft. */
export function createCriteriaPlain(v: Record<string, string>): Record<string, unknown> {
  return {
    ...(v.blank === '1'
      ? { definition: BLANK_DEFINITION }
      : { copyFromYear: field.int(v.copyFromYear) }),
    ...(field.text(v.reason) ? { reason: field.text(v.reason) } : {}),
  };
}
