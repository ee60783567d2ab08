import { Injectable } from '@nestjs/common';
import type { Authenticated } from '../../auth/auth.service';
import { BlocsService } from '../../registry/blocs/blocs.service';
import { AppError } from '../../common/errors/app-error';
import { CriteriaErrors } from '../../criteria/criteria.errors';
import { CriteriaService } from '../../criteria/criteria.service';
import type { CriteriaSetDto } from '../../criteria/dto/criteria.dto';
import { ScoringPhasesService } from '../../scoring/scoring-phases.service';
import { holds } from '../core/access';
import { pointsInput } from './scoring-view';

const TIE_BREAK_LABELS: Readonly<Record<string, string>> = {
  GROUP_SCORE: 'Điểm một nhóm tiêu chí cao hơn',
  FEWER_PENALTY: 'Bị trừ ít điểm hơn',
  DRAW_ORDER: 'Số bốc thăm nhỏ hơn',
};

/** View models of the criteria pages (the term's sets, the draft editor). */
@Injectable()
export class CriteriaPagesService {
  constructor(
    private readonly blocs: BlocsService,
    private readonly criteria: CriteriaService,
    private readonly phases: ScoringPhasesService,
  ) {}

  /** The criteria page: the current set (signed, else the draft), every version, the draft's id. */
  async criteriaPage(blocId: number, year: number, auth: Authenticated) {
    const term = await this.blocs.getTerm(blocId, year);
    const versions = await this.criteria.list(blocId, year);
    const current = await this.criteria.current(blocId, year).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'CRITERIA_SET_NONE') return null;
      throw e;
    });
    const draft = versions.find((v) => v.status === 'DRAFT') ?? null;
    const locked = versions.find((v) => v.status === 'LOCKED') ?? null;
    const phase = await this.phases.phase(blocId, year);
    return {
      term,
      base: `/web/blocs/${blocId}/terms/${year}`,
      current: current ? this.setView(current) : null,
      versions: [...versions].sort((a, b) => b.versionNo - a.versionNo),
      draft,
      locked,
      phaseLabel: phase.label,
      closed: phase.phase === 'CLOSED',
      canWrite: holds(auth, 'criteria.write'),
      copyYears: (await this.blocs.get(blocId)).termYears.filter((y) => y !== year),
    };
  }

  setView(s: CriteriaSetDto) {
    const d = s.definition;
    return {
      ...s,
      groups: d.groups,
      bonusItems: d.bonusItems,
      penaltyItems: d.penaltyItems,
      tieBreak: d.tieBreak.map((k) =>
        k.kind === 'GROUP_SCORE'
          ? `${TIE_BREAK_LABELS[k.kind]} (nhóm ${k.groupCode ?? ''})`
          : (TIE_BREAK_LABELS[k.kind] ?? k.kind),
      ),
    };
  }

  /** The set, refused unless it belongs to the term of the path (the scope was checked on both). */
  async setOfTerm(blocId: number, year: number, setId: number): Promise<CriteriaSetDto> {
    const term = await this.blocs.getTerm(blocId, year);
    const set = await this.criteria.get(setId);
    if (set.termId !== term.id) throw new AppError(CriteriaErrors.NOT_FOUND);
    return set;
  }

  /**
   * The draft editor: stored rows plus blank rows to add (blank rows are ignored on submit).
   * Input names follow the DTO's paths without `definition.`: `groups.0.criteria.1.maxPoints`.
   */
  criteriaEditor(set: CriteriaSetDto) {
    const d = set.definition;
    const stored: Record<string, string> = {
      scale: String(d.scale),
      bonusCap: pointsInput(d.bonusCap),
      penaltyCap: pointsInput(d.penaltyCap),
      reason: set.reason ?? '',
      version: String(set.version),
    };
    const groups = [...d.groups, { code: '', title: '', maxPoints: NaN, criteria: [] }].map(
      (g, gi) => {
        const p = `groups.${gi}`;
        stored[`${p}.code`] = g.code;
        stored[`${p}.title`] = g.title;
        stored[`${p}.maxPoints`] = pointsInput(g.maxPoints);
        const rows = [
          ...g.criteria,
          ...Array.from({ length: g.criteria.length ? 2 : 4 }, () => null),
        ];
        return {
          index: gi,
          prefix: p,
          isNew: g.code === '',
          criteria: rows.map((c, ci) => {
            const cp = `${p}.criteria.${ci}`;
            stored[`${cp}.code`] = c?.code ?? '';
            stored[`${cp}.title`] = c?.title ?? '';
            stored[`${cp}.maxPoints`] = pointsInput(c?.maxPoints);
            stored[`${cp}.guide`] = c?.guide ?? '';
            return { prefix: cp, index: ci };
          }),
        };
      },
    );
    const adjust = (list: 'bonusItems' | 'penaltyItems') =>
      [...d[list], null, null].map((b, i) => {
        const p = `${list}.${i}`;
        stored[`${p}.code`] = b?.code ?? '';
        stored[`${p}.title`] = b?.title ?? '';
        stored[`${p}.cap`] = pointsInput(b?.cap);
        return { prefix: p, index: i };
      });
    const bonusItems = adjust('bonusItems');
    const penaltyItems = adjust('penaltyItems');
    const tieBreak = [0, 1, 2].map((i) => {
      const k = d.tieBreak[i];
      stored[`tieBreak.${i}.kind`] = k?.kind ?? '';
      stored[`tieBreak.${i}.groupCode`] = k?.groupCode ?? '';
      return { prefix: `tieBreak.${i}`, index: i };
    });
    return {
      groups,
      bonusItems,
      penaltyItems,
      tieBreak,
      stored,
      known: new Set(Object.keys(stored)),
      needsReason: set.versionNo > 1,
      scaleOptions: [
        { value: '100', label: 'Thang 100 điểm' },
        { value: '1000', label: 'Thang 1.000 điểm' },
      ],
      tieBreakOptions: Object.entries(TIE_BREAK_LABELS).map(([value, label]) => ({ value, label })),
    };
  }
}
