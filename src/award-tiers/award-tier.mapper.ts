import { DEFAULT_INVALID_SHARE_BASIS, DEFAULT_INVALID_SHARE_LIMIT } from '../domain/voting/counts';
import type { TierRuleData, VotingRuleData } from '../domain/registry/tiers';
import type { VotingRule } from '../domain/voting';
import type { AwardTierEntity } from './award-tier.entity';
import type { DecidingAuthorityEntity } from './deciding-authority.entity';
import type {
  AwardTierDto,
  DecidingAuthorityDto,
  TierRuleBodyDto,
  TierRuleDto,
  VotingRuleDto,
} from './dto/award-tier.dto';
import type { TierRuleEntity } from './tier-rule.entity';
import type { TierVotingRuleEntity } from './tier-voting-rule.entity';

export function toAuthorityDto(a: DecidingAuthorityEntity): DecidingAuthorityDto {
  return {
    id: a.id,
    code: a.code,
    title: a.title,
    jurisdiction: a.jurisdiction,
    awardVerb: a.awardVerb,
    legalBasis: a.legalBasis,
    version: a.version,
  };
}

export function toTierDto(t: AwardTierEntity): AwardTierDto {
  return {
    id: t.id,
    code: t.code,
    name: t.name,
    decidingAuthority: t.decidingAuthority,
    decidingAuthorityLabel: t.authority?.title ?? t.decidingAuthority,
    rank: t.rank,
    organizingBodyId: t.organizingBodyId,
    version: t.version,
  };
}

export function toVotingDto(v: TierVotingRuleEntity): VotingRuleDto {
  return {
    body: v.body,
    threshold: { numerator: v.thresholdNum, denominator: v.thresholdDen },
    thresholdComparator: v.thresholdComparator,
    denominator: v.denominator,
    quorum: { numerator: v.quorumNum, denominator: v.quorumDen },
    quorumComparator: v.quorumComparator,
    allowWrittenAbsentee: v.allowWrittenAbsentee,
    selfVote: v.selfVote,
    tieBreak: v.tieBreak,
    secretBallot: v.secretBallot,
    invalidShare: { numerator: v.invalidShareNum, denominator: v.invalidShareDen },
    invalidShareBasis: v.invalidShareBasis,
  };
}

/**
 * A tier's voting rule as the tally reads it (R8–R10). The one mapping from the table to the domain
 * (issue 15 item 4): the meeting's frozen rule, the council vote and the pages all come from here.
 */
export function toVotingRule(v: TierVotingRuleEntity): VotingRule {
  return {
    threshold: { numerator: v.thresholdNum, denominator: v.thresholdDen },
    thresholdComparator: v.thresholdComparator,
    denominator: v.denominator,
    quorum: { numerator: v.quorumNum, denominator: v.quorumDen },
    quorumComparator: v.quorumComparator,
    allowWrittenAbsentee: v.allowWrittenAbsentee,
    selfVote: v.selfVote,
    tieBreak: v.tieBreak,
    secretBallot: v.secretBallot,
    invalidShare: { numerator: v.invalidShareNum, denominator: v.invalidShareDen },
    invalidShareBasis: v.invalidShareBasis || DEFAULT_INVALID_SHARE_BASIS,
  };
}

export function toRuleDto(r: TierRuleEntity): TierRuleDto {
  return {
    id: r.id,
    tierId: r.tierId,
    validFrom: r.validFrom,
    validTo: r.validTo,
    legalDocument: r.legalDocument,
    legalArticle: r.legalArticle,
    isSample: r.isSample,
    perBlocQuota: r.perBlocQuota,
    leaderOnly: r.leaderOnly,
    provinceCap:
      r.provinceCapNum === null || r.provinceCapDen === null
        ? null
        : { numerator: r.provinceCapNum, denominator: r.provinceCapDen },
    provinceCapMinOne: r.provinceCapMinOne,
    requiredClassificationRank: r.requiredClassificationRank,
    votingRules: (r.votingRules ?? []).map(toVotingDto),
    version: r.version,
  };
}

/** Request body → the plain data the domain validates. */
export function toRuleData(dto: TierRuleBodyDto): TierRuleData {
  return {
    validFrom: dto.validFrom,
    validTo: dto.validTo ?? null,
    legalDocument: dto.legalDocument,
    legalArticle: dto.legalArticle,
    perBlocQuota: dto.perBlocQuota ?? null,
    leaderOnly: dto.leaderOnly,
    provinceCap: dto.provinceCap ?? null,
    votingRules: dto.votingRules.map((v): VotingRuleData => ({ ...v })),
  };
}

/** Request body → the columns of the rule and its voting rules. */
export function toRuleColumns(dto: TierRuleBodyDto) {
  return {
    rule: {
      validFrom: dto.validFrom,
      validTo: dto.validTo ?? null,
      legalDocument: dto.legalDocument,
      legalArticle: dto.legalArticle,
      isSample: dto.isSample ?? false,
      perBlocQuota: dto.perBlocQuota ?? null,
      leaderOnly: dto.leaderOnly,
      provinceCapNum: dto.provinceCap?.numerator ?? null,
      provinceCapDen: dto.provinceCap?.denominator ?? null,
      provinceCapMinOne: dto.provinceCapMinOne ?? false,
      requiredClassificationRank: dto.requiredClassificationRank ?? null,
    },
    voting: dto.votingRules.map((v) => ({
      body: v.body,
      thresholdNum: v.threshold.numerator,
      thresholdDen: v.threshold.denominator,
      thresholdComparator: v.thresholdComparator,
      denominator: v.denominator,
      quorumNum: v.quorum.numerator,
      quorumDen: v.quorum.denominator,
      quorumComparator: v.quorumComparator,
      allowWrittenAbsentee: v.allowWrittenAbsentee,
      selfVote: v.selfVote,
      tieBreak: v.tieBreak,
      secretBallot: v.secretBallot,
      invalidShareNum: (v.invalidShare ?? DEFAULT_INVALID_SHARE_LIMIT).numerator,
      invalidShareDen: (v.invalidShare ?? DEFAULT_INVALID_SHARE_LIMIT).denominator,
      invalidShareBasis: v.invalidShareBasis ?? '',
    })),
  };
}
