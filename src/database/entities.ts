import { AwardTierEntity } from '../award-tiers/award-tier.entity';
import { TierRuleEntity } from '../award-tiers/tier-rule.entity';
import { TierVotingRuleEntity } from '../award-tiers/tier-voting-rule.entity';
import { BlocMemberEntity } from '../blocs/bloc-member.entity';
import { BlocTermEntity } from '../blocs/bloc-term.entity';
import { BlocEntity } from '../blocs/bloc.entity';
import { ProvinceEntity } from '../provinces/province.entity';
import { UnitLineageEntity } from '../units/unit-lineage.entity';
import { UnitEntity } from '../units/unit.entity';

/** Every entity of the schema; the migrations must produce exactly these tables (drift test). */
export const ENTITIES = [
  ProvinceEntity,
  UnitEntity,
  UnitLineageEntity,
  BlocEntity,
  BlocTermEntity,
  BlocMemberEntity,
  AwardTierEntity,
  TierRuleEntity,
  TierVotingRuleEntity,
];
