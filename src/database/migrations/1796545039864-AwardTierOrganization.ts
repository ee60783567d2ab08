import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Written by hand, as UnitRegisteredBy: `award_tier.organizing_body_id`, the organization whose own
 * tier a tier is (issue 21: "an organization's own tiers and rules are its own"). Existing tiers stay
 * null, shared by every organization. ADD COLUMN on both databases keeps the table, its rows, its
 * triggers and the foreign keys that nominations, rules and award history hold on it.
 */
const UP = 'ALTER TABLE "award_tier" ADD COLUMN "organizing_body_id" integer';
const DOWN = 'ALTER TABLE "award_tier" DROP COLUMN "organizing_body_id"';

export class AwardTierOrganization1796545039864 implements MigrationInterface {
  name = 'AwardTierOrganization1796545039864';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(UP);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(DOWN);
  }
}
