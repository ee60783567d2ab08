import { AppError } from '../common/errors/app-error';
import {
  checkOfficerDecision,
  officerDecisionSentence,
  officerTitle,
  type OfficerDecision,
  type OfficerRole,
} from '../domain/meetings/officer-decision';
import { BLOC_WORDS } from '../domain/registry/organizing-body';
import type { UnitEntity } from '../registry/units/unit.entity';
import { toUnitDto } from '../registry/units/unit.mapper';
import type { UnitDto } from '../registry/units/dto/unit.dto';
import type { FinalizeDto, OfficerDecisionDto } from './dto/meeting.dto';
import { MeetingErrors } from './meeting.errors';
import type { MeetingContext } from './meeting-context';

/** How the meeting decided one of next year's officers, as the API and the pages show it. */
export interface OfficerDecisionView {
  role: OfficerRole;
  /** "Trưởng khối" / "Phó cụm". */
  title: string;
  unit: UnitDto;
  method: OfficerDecision['method'];
  basis: string | null;
  vote: OfficerDecision['vote'];
  /** The sentence of the minutes. */
  text: string;
}

/** The column `meeting.officer_decisions`, decoded and checked (ballot-codec.ts). */
export { decodeOfficerDecisions } from './ballot-codec';

function fromDto(role: OfficerRole, d: OfficerDecisionDto | undefined): OfficerDecision[] {
  if (!d) return [];
  return [
    {
      role,
      unitId: d.unitId,
      method: d.method,
      basis: d.basis?.trim() || null,
      vote: d.vote ? { ...d.vote } : null,
    },
  ];
}

/**
 * R14: the finalize request's decisions on next year's head and deputy, checked (a stated basis, or
 * counts that pass the R8 checks and a majority of all members); refused with every finding (422).
 */
export function officerDecisionsOf(ctx: MeetingContext, dto: FinalizeDto): OfficerDecision[] {
  const decisions = [...fromDto('HEAD', dto.nextHead), ...fromDto('DEPUTY', dto.nextDeputy)];
  const words = BLOC_WORDS[ctx.term.bloc.kind];
  const present = ctx.attendance.filter((a) => a.present).length;
  const findings = decisions.flatMap((d) =>
    checkOfficerDecision(d, {
      members: ctx.term.members.length,
      present,
      words,
      unitName: ctx.term.members.find((m) => m.id === d.unitId)?.fullName ?? `#${d.unitId}`,
    }),
  );
  if (findings.length > 0)
    throw new AppError(MeetingErrors.OFFICER_DECISION_INVALID, {
      message: findings.map((f) => f.message).join(' '),
      details: findings.map((f) => ({
        field: f.field ?? 'nextHead',
        code: f.code,
        message: f.message,
      })),
    });
  return decisions;
}

export function officerDecisionViews(
  decisions: readonly OfficerDecision[],
  members: readonly UnitEntity[],
  bloc: { kind: keyof typeof BLOC_WORDS },
  year: number,
): OfficerDecisionView[] {
  const words = BLOC_WORDS[bloc.kind];
  return decisions.flatMap((d) => {
    const unit = members.find((m) => m.id === d.unitId);
    if (!unit) return [];
    return [
      {
        role: d.role,
        title: officerTitle(d.role, words),
        unit: toUnitDto(unit),
        method: d.method,
        basis: d.basis,
        vote: d.vote,
        text: officerDecisionSentence(d, unit.fullName, year + 1, members.length, words),
      },
    ];
  });
}
