import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AwardTiersRepository } from '../award-tiers/award-tiers.repository';
import { AppError } from '../common/errors/app-error';
import { AwardTierErrors } from '../award-tiers/award-tier.errors';
import { legalCitation } from '../domain/registry/legal-citation';
import { resolveRuleOn, reviewReferenceDate } from '../domain/registry/tier-rules';
import { formatVotingRule, type VotingRule } from '../domain/voting';
import { toVotingRule } from '../award-tiers/award-tier.mapper';
import { ScoringService, type TermContext } from '../scoring/scoring.service';
import type { BallotRecord } from './ballot-codec';
import type { MeetingAttendanceEntity } from './meeting-parts.entity';
import type { MeetingEntity } from './meeting.entity';
import { MeetingErrors } from './meeting.errors';
import { MeetingsRepository } from './meetings.repository';

export interface MeetingContext {
  meeting: MeetingEntity;
  term: TermContext;
  attendance: MeetingAttendanceEntity[];
}

/** Parts of a meeting a write has in hand and left as they were (see MeetingContextLoader.load). */
export interface KnownMeetingParts {
  meeting?: MeetingEntity;
  attendance?: MeetingAttendanceEntity[];
  /** The meeting's ballots as read after the write's last change to them (for its view). */
  ballots?: BallotRecord[];
}

/** Loads a meeting with its bloc term and attendance, and resolves voting rules for its year. */
@Injectable()
export class MeetingContextLoader {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly scoring: ScoringService,
    private readonly tiers: AwardTiersRepository,
  ) {}

  /**
   * `known`: the term's context already loaded in this transaction by a caller whose writes leave
   * the bloc, the term, its criteria and its members as they were (ballots, roll): reused.
   * `parts`: the meeting's row and roll read in this transaction by a caller whose writes left them
   * as they were (an entry that moved no meeting, ballots): reused (the roll only with that term).
   */
  async load(
    em: EntityManager,
    meetingId: number,
    known?: TermContext,
    parts?: KnownMeetingParts,
  ): Promise<MeetingContext> {
    const given = parts?.meeting?.id === meetingId ? parts.meeting : undefined;
    const meeting = given ?? (await this.meetings.findById(em, meetingId));
    if (!meeting) throw new AppError(MeetingErrors.NOT_FOUND);
    const term =
      known?.term.id === meeting.termId
        ? known
        : await this.scoring.contextOfTerm(em, await this.scoring.termById(em, meeting.termId));
    const attendance =
      parts?.attendance && known?.term.id === meeting.termId
        ? parts.attendance
        : await this.meetings.attendance(em, meetingId);
    return { meeting, term, attendance };
  }

  /** The bloc's voting rule of a tier for the meeting's award year (R1, R8–R10). */
  async blocVotingRule(
    em: EntityManager,
    tierId: number,
    year: number,
  ): Promise<{ rule: VotingRule; text: string; isSample: boolean }> {
    const rule = resolveRuleOn(
      await this.tiers.rulesOfTiers(em, [tierId]),
      reviewReferenceDate(year),
    );
    const v = rule?.votingRules?.find((x) => x.body === 'BLOC');
    if (!rule || !v) throw new AppError(AwardTierErrors.NO_RULE_IN_FORCE);
    const votingRule = toVotingRule(v);
    return {
      rule: votingRule,
      text: `${formatVotingRule(votingRule)} (căn cứ: ${legalCitation(rule.legalDocument, rule.legalArticle)})`,
      // Whether the values are samples is data (shown on screen), not part of the sentence documents print.
      isSample: rule.isSample,
    };
  }
}
