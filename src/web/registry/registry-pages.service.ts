import { Injectable } from '@nestjs/common';
import type { Authenticated } from '../../auth/auth.service';
import { BlocsService } from '../../registry/blocs/blocs.service';
import type { TermDto } from '../../registry/blocs/dto/bloc.dto';
import {
  isActiveDuringYear,
  UNIT_TYPE_LABELS,
  UNIT_TYPES,
  type LineageKind,
} from '../../domain/registry/unit-types';
import { ProvincesService } from '../../registry/provinces/provinces.service';
import { ScoringPhasesService } from '../../scoring/scoring-phases.service';
import type { UnitDto } from '../../registry/units/dto/unit.dto';
import { UnitsService } from '../../registry/units/units.service';
import { holds, idList, isNotFound, mayOpenUnit } from '../core/access';
import { formatDate, pageLinks } from '../core/format';
import { mapFormErrors, type FormState } from '../core/forms';
import { provinceOptions } from '../core/province-options';

const LINEAGE_LABELS: Readonly<Record<LineageKind, string>> = {
  MERGED_INTO: 'sáp nhập vào',
  SPLIT_INTO: 'chia tách thành',
  RENAMED_TO: 'đổi tên thành',
  TRANSFERRED_TO: 'chuyển giao cho',
};

const UNIT_FIELDS = [
  'code',
  'shortName',
  'type',
  'fullName',
  'collectiveName',
  'provinceId',
  'validFrom',
  'validTo',
  'version',
];

export const unitTypeOptions = UNIT_TYPES.map((t) => ({ value: t, label: UNIT_TYPE_LABELS[t] }));

/**
 * View models of the registry pages (units, blocs, terms), built from the same services as the API
 * (no database code here).
 */
@Injectable()
export class RegistryPagesService {
  constructor(
    private readonly units: UnitsService,
    private readonly blocs: BlocsService,
    private readonly phases: ScoringPhasesService,
    private readonly provinces: ProvincesService,
  ) {}

  async unitList(filter: { q?: string; type?: string; page: number }) {
    const pageSize = 20;
    const type = UNIT_TYPES.find((t) => t === filter.type);
    const q = filter.q?.trim().slice(0, 100) || undefined;
    const r = await this.units.list({ q, type, page: filter.page, pageSize });
    const query = (p: number) => {
      const params = new URLSearchParams();
      if (q) params.set('q', q);
      if (type) params.set('type', type);
      if (p > 1) params.set('page', String(p));
      const s = params.toString();
      return s ? `/web/units?${s}` : '/web/units';
    };
    return {
      filter: { q: q ?? '', type: type ?? '' },
      typeOptions: unitTypeOptions,
      items: r.items,
      total: r.total,
      page: r.page,
      pages: pageLinks(r.total, r.page, pageSize, query),
      hasMore: r.page * pageSize < r.total,
      next: query(r.page + 1),
      prev: r.page > 1 ? query(r.page - 1) : null,
    };
  }

  async unit(unitId: number) {
    const unit = await this.units.get(unitId);
    const names = async (ids: number[]) => {
      const out = new Map<number, UnitDto>();
      for (const id of ids) {
        const u = await this.units.get(id).catch((e: unknown) => {
          if (isNotFound(e)) return null;
          throw e;
        });
        if (u) out.set(id, u);
      }
      return out;
    };
    const linked = await names([
      ...unit.successors.map((l) => l.successorId),
      ...unit.predecessors.map((l) => l.predecessorId),
    ]);
    const link = (id: number, kind: LineageKind, date: string, note: string | null) => ({
      id,
      name: linked.get(id)?.fullName ?? `#${id}`,
      kindLabel: LINEAGE_LABELS[kind],
      date,
      note,
    });
    const memberships: {
      year: number;
      blocId: number;
      blocName: string;
      role: string | null;
    }[] = [];
    const all = await this.blocs.list({ page: 1, pageSize: 500 });
    for (const b of all.items) {
      for (const t of await this.blocs.listTerms(b.id)) {
        if (!t.members.some((m) => m.id === unitId)) continue;
        memberships.push({
          year: t.year,
          blocId: b.id,
          blocName: b.name,
          role:
            t.headUnit?.id === unitId
              ? 'Trưởng khối'
              : t.deputyUnit?.id === unitId
                ? 'Phó khối'
                : null,
        });
      }
    }
    memberships.sort((a, b) => b.year - a.year);
    return {
      unit,
      successors: unit.successors.map((l) => link(l.successorId, l.kind, l.effectiveDate, l.note)),
      predecessors: unit.predecessors.map((l) =>
        link(l.predecessorId, l.kind, l.effectiveDate, l.note),
      ),
      memberships,
    };
  }

  async blocList() {
    const r = await this.blocs.list({ page: 1, pageSize: 500 });
    return {
      items: r.items.map((b) => ({ ...b, years: [...b.termYears].sort((x, y) => y - x) })),
    };
  }

  async bloc(blocId: number, auth: Authenticated) {
    const bloc = await this.blocs.get(blocId);
    const terms = (await this.blocs.listTerms(blocId)).sort((a, b) => b.year - a.year);
    const out = [];
    for (const t of terms) {
      const phase = await this.phases.phase(blocId, t.year).catch((e: unknown) => {
        if (isNotFound(e)) return null;
        throw e;
      });
      out.push({
        ...t,
        base: `/web/blocs/${blocId}/terms/${t.year}`,
        phaseLabel: phase?.label ?? null,
        headOpen: t.headUnit ? mayOpenUnit(auth, 'unit.read', t.headUnit.id, blocId) : false,
        deputyOpen: t.deputyUnit ? mayOpenUnit(auth, 'unit.read', t.deputyUnit.id, blocId) : false,
        members: t.members.map((m) => ({
          ...m,
          open: mayOpenUnit(auth, 'unit.read', m.id, blocId),
          isHead: t.headUnit?.id === m.id,
          isDeputy: t.deputyUnit?.id === m.id,
        })),
      });
    }
    return { bloc, terms: out, canWrite: holds(auth, 'registry.write') };
  }

  /** The new or edit unit form: the stored values, the typed ones after a refusal, the options. */
  async unitForm(unitId: number | null, form: FormState) {
    const unit = unitId === null ? null : await this.units.get(unitId);
    const stored = unit
      ? {
          ...unit,
          validFrom: formatDate(unit.validFrom),
          validTo: formatDate(unit.validTo),
        }
      : { code: '', type: 'XA', validFrom: '', validTo: '', provinceId: '' };
    return {
      unit,
      stored,
      form: mapFormErrors(form, (f) => f, new Set(UNIT_FIELDS)),
      typeOptions: unitTypeOptions,
      provinceOptions: provinceOptions(await this.provinces.list()),
      action: unit ? `/web/units/${unit.id}` : '/web/units',
    };
  }

  /**
   * The new or edit term form: every unit that exists during the year, the members ticked (as
   * typed after a refusal), each member's message next to its box.
   */
  async termForm(blocId: number, year: number | null, form: FormState) {
    const term = year === null ? null : await this.blocs.getTerm(blocId, year);
    const model = await this.termUnits(blocId, year, term);
    const typed = form.values.memberUnitIds;
    const sent = idList(typed);
    const units =
      typed === undefined && Object.keys(form.values).length === 0
        ? model.units
        : model.units.map((u) => ({ ...u, checked: sent.includes(u.id) }));
    const known = new Set([
      'year',
      'memberUnitIds',
      'headUnitId',
      'deputyUnitId',
      'secretaryName',
      'note',
      'version',
      ...model.units.map((u) => `member.${u.id}`),
    ]);
    const shown = mapFormErrors(
      form,
      (f) => {
        const m = /^memberUnitIds\.(\d+)$/.exec(f);
        if (!m) return f;
        const id = sent[Number(m[1])];
        return typeof id === 'number' ? `member.${id}` : 'memberUnitIds';
      },
      known,
    );
    return {
      ...model,
      units: units.map((u) => ({ ...u, error: shown.errors[`member.${u.id}`] ?? null })),
      form: shown,
      action: term ? `/web/blocs/${blocId}/terms/${term.year}` : `/web/blocs/${blocId}/terms`,
    };
  }

  /** Every unit that exists during the year, the members ticked. */
  private async termUnits(blocId: number, year: number | null, term: TermDto | null) {
    const bloc = await this.blocs.get(blocId);
    const all = await this.units.list({ page: 1, pageSize: 500, provinceId: bloc.provinceId });
    const y = year ?? new Date().getFullYear();
    const units = all.items.filter((u) => year === null || isActiveDuringYear(u, y));
    const members = new Set(term?.members.map((m) => m.id) ?? []);
    return {
      bloc,
      term,
      year,
      units: units.map((u) => ({ ...u, checked: members.has(u.id) })),
      unitOptions: units.map((u) => ({ value: u.id, label: u.fullName })),
      stored: {
        year: year ?? '',
        headUnitId: term?.headUnit?.id ?? '',
        deputyUnitId: term?.deputyUnit?.id ?? '',
        secretaryName: term?.secretaryName ?? '',
        note: term?.note ?? '',
        version: term?.version ?? '',
      },
    };
  }
}
