import { Injectable } from '@nestjs/common';
import type { Authenticated } from '../../auth/auth.service';
import { AwardTiersService } from '../../award-tiers/award-tiers.service';
import { BlocsService } from '../../registry/blocs/blocs.service';
import { AppError } from '../../common/errors/app-error';
import type { NominationDto } from '../../nominations/dto/nomination.dto';
import { MeetingsService } from '../../meetings/meetings.service';
import { NominationsService } from '../../nominations/nominations.service';
import { formatDate } from '../core/format';
import { emptyForm, type FormState } from '../core/forms';
import {
  ACK_PREFIX,
  ruleRows,
  statusLabel,
  transitionButtons,
  type Warning,
} from './nominations-view';
import { holdsEverywhere, holdsOnBloc, mayOpenUnit } from '../core/access';
import { visibleBlocs } from '../core/visible-blocs';
import { tierOpenToBloc } from '../../domain/auth/tenancy';

/** One line of a nominations table. */
function row(auth: Authenticated, n: NominationDto, failed: ReadonlyMap<string, string>) {
  const notElected = n.status === 'DRAFT' ? failed.get(`${n.unit.id}|${n.tierId}`) : undefined;
  return {
    id: n.id,
    open: mayOpenUnit(auth, 'term.read', n.unit.id, n.blocId),
    unitName: n.unit.fullName,
    unitShort: n.unit.shortName,
    tierName: n.tierName,
    tierCode: n.tierCode,
    status: n.status,
    statusLabel: notElected ?? n.statusLabel,
    blocId: n.blocId,
    blocName: n.blocName,
    eligible: n.eligibility.eligible,
    closed: n.eligibility.checkedRules.length === 0,
    errorCount: n.eligibility.errors.length,
    warningCount: n.eligibility.warnings.length,
    unacknowledgedCount: n.eligibility.unacknowledged.length,
    council: n.council,
    decision: n.decision,
  };
}

export type NominationForms = Record<
  'edit' | 'ack' | 'transition' | 'council' | 'decision',
  FormState
>;

/** View models of the nominations pages, built from the same services as the API. */
@Injectable()
export class NominationsPagesService {
  constructor(
    private readonly blocs: BlocsService,
    private readonly nominations: NominationsService,
    private readonly tiers: AwardTiersService,
    private readonly meetings: MeetingsService,
  ) {}

  /**
   * Drafts that stood in a ballot of the term's finalized (official) meeting and were not elected,
   * by `unitId|tierId`, with the words the pages show instead of "dự thảo".
   */
  async notElected(blocId: number, year: number): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const held = (await this.meetings.list(blocId, year)).filter(
      (m) => !m.isRehearsal && m.status === 'FINALIZED',
    );
    for (const m of held)
      for (const b of m.ballots) {
        const winners = new Set(b.winners.map((w) => w.id));
        for (const u of b.nominees)
          if (!winners.has(u.id))
            out.set(
              `${u.id}|${b.tierId}`,
              `không đạt (hội nghị bình xét ngày ${formatDate(m.meetingDate)})`,
            );
      }
    return out;
  }

  async yearList(auth: Authenticated, yearRaw: unknown) {
    const { year, years, blocs } = await visibleBlocs(this.blocs, auth, yearRaw);
    const groups = [];
    for (const b of blocs) {
      const failed = await this.notElected(b.id, year);
      const items = (await this.nominations.listForTerm(b.id, year)).map((n) =>
        row(auth, n, failed),
      );
      groups.push({ ...b, items, canWrite: holdsOnBloc(auth, 'nominations.write', b.id) });
    }
    return {
      year,
      years,
      blocs: groups,
      total: groups.reduce((n, g) => n + g.items.length, 0),
    };
  }

  async term(
    auth: Authenticated,
    blocId: number,
    year: number,
    form: FormState,
    warnings: Warning[],
  ) {
    const term = await this.blocs.getTerm(blocId, year);
    const failed = await this.notElected(blocId, year);
    const nominations = (await this.nominations.listForTerm(blocId, year)).map((n) =>
      row(auth, n, failed),
    );
    const s = await this.nominations.suggest(blocId, year).catch((e: unknown) => {
      if (e instanceof AppError && e.kind !== 'INTERNAL') return null;
      throw e;
    });
    const tiers = await this.tiersOfBloc(blocId);
    const suggestions = (s?.suggestions ?? []).map((x) => ({
      unitId: x.unit.id,
      unitName: x.unit.fullName,
      tierId: x.tierId,
      tierName: x.tierName,
      reason: x.reason,
      errors: x.eligibility.errors,
      warnings: x.eligibility.warnings,
    }));
    return {
      blocId,
      blocName: term.blocName,
      year,
      wide: holdsEverywhere(auth, 'term.read'),
      nominations,
      suggestions,
      rankingComplete: s?.rankingComplete ?? false,
      suggestionsAvailable: s !== null,
      canWrite: holdsOnBloc(auth, 'nominations.write', blocId),
      unitOptions: term.members.map((u) => ({ value: u.id, label: u.fullName })),
      tierOptions: tiers.map((t) => ({ value: t.id, label: t.name })),
      form,
      ackFields: ackFields(warnings, 'new'),
    };
  }

  /** The tiers a bloc may choose from: the shared ones and its organization's own. */
  private async tiersOfBloc(blocId: number) {
    const bloc = await this.blocs.get(blocId);
    return (await this.tiers.list()).filter((t) =>
      tierOpenToBloc(t.organizingBodyId, bloc.organizingBodyId),
    );
  }

  async nomination(
    auth: Authenticated,
    nid: number,
    forms: Partial<NominationForms>,
    warnings: Warning[],
  ) {
    const n = await this.nominations.get(nid);
    const tiers = await this.tiersOfBloc(n.blocId);
    const all: NominationForms = {
      edit: emptyForm(),
      ack: emptyForm(),
      transition: emptyForm(),
      council: emptyForm(),
      decision: emptyForm(),
      ...forms,
    };
    const unacknowledged = n.eligibility.warnings.filter((w) =>
      n.eligibility.unacknowledged.includes(w.code),
    );
    const canWrite = holdsOnBloc(auth, 'nominations.write', n.blocId);
    const canProvince = holdsOnBloc(auth, 'province.manage', null);
    const notElected =
      n.status === 'DRAFT'
        ? (await this.notElected(n.blocId, n.year)).get(`${n.unit.id}|${n.tierId}`)
        : undefined;
    return {
      n: notElected ? { ...n, statusLabel: notElected } : n,
      rules: ruleRows(n.eligibility, n.acknowledgements, n.referenceDate),
      closed: n.eligibility.checkedRules.length === 0,
      history: n.history.map((h) => ({
        ...h,
        fromLabel: h.from ? statusLabel(h.from) : null,
        toLabel: statusLabel(h.to),
      })),
      canWrite,
      canProvince,
      editable: canWrite && n.status === 'DRAFT',
      transitions: canWrite ? transitionButtons(n) : [],
      councilOpen: canProvince && n.status === 'SUBMITTED',
      decisionOpen: canProvince && n.status === 'PASSED',
      tierOptions: tiers.map((t) => ({ value: t.id, label: t.name })),
      forms: all,
      // Warnings still waiting for a reason: on the acknowledgement form and before proposing.
      ackFields: forms.ack
        ? ackFields([...unacknowledged, ...warnings], 'ack')
        : ackFields(unacknowledged, 'ack'),
      editAckFields: forms.edit ? ackFields(warnings, 'edit') : [],
    };
  }
}

/** One reason field per warning (no duplicates), named `ack_<CODE>`. */
function ackFields(warnings: readonly Warning[], idPrefix: string) {
  const seen = new Set<string>();
  const out: { name: string; code: string; message: string; id: string }[] = [];
  for (const w of warnings) {
    if (seen.has(w.code)) continue;
    seen.add(w.code);
    const name = `${ACK_PREFIX}${w.code}`;
    out.push({ name, code: w.code, message: w.message, id: `${idPrefix}-${name}` });
  }
  return out;
}
