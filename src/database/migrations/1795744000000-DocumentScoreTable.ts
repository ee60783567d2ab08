import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Hand-written: allows the SCORE_TABLE document kind. TypeORM's schema diff does not compare CHECK
 * expressions, so this change is not generated; SQLite cannot alter a CHECK and rebuilds the table
 * (foreign keys are off during migrations), keeping every row.
 */
const KINDS = `'MINUTES', 'VOTE_COUNT', 'PROPOSAL', 'RESOLUTION', 'SCORE_TABLE'`;
const OLD_KINDS = `'MINUTES', 'VOTE_COUNT', 'PROPOSAL', 'RESOLUTION'`;

const sqliteTable = (name: string, kinds: string) =>
  `CREATE TABLE "${name}" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "meeting_id" integer NOT NULL, "kind" varchar(32) NOT NULL, "version_no" integer NOT NULL, "number" integer NOT NULL, "number_text" varchar(64) NOT NULL, "snapshot" text NOT NULL, "snapshot_sha256" varchar(64) NOT NULL, "template_version" varchar(32) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_generated_document_version" UNIQUE ("meeting_id", "kind", "version_no"), CONSTRAINT "CHK_generated_document_kind" CHECK ("kind" IN (${kinds})), CONSTRAINT "FK_37fa5e75bfd72390d99acf105d0" FOREIGN KEY ("meeting_id") REFERENCES "meeting" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`;

const sqliteRebuild = (kinds: string) => [
  `DROP INDEX "IDX_generated_document_meeting"`,
  sqliteTable('temporary_generated_document', kinds),
  `INSERT INTO "temporary_generated_document" SELECT "id", "meeting_id", "kind", "version_no", "number", "number_text", "snapshot", "snapshot_sha256", "template_version", "created_at" FROM "generated_document"`,
  `DROP TABLE "generated_document"`,
  `ALTER TABLE "temporary_generated_document" RENAME TO "generated_document"`,
  `CREATE INDEX "IDX_generated_document_meeting" ON "generated_document" ("meeting_id") `,
];

const postgres = (kinds: string) => [
  `ALTER TABLE "generated_document" DROP CONSTRAINT "CHK_generated_document_kind"`,
  `ALTER TABLE "generated_document" ADD CONSTRAINT "CHK_generated_document_kind" CHECK ("kind" IN (${kinds}))`,
];

export class DocumentScoreTable1795744000000 implements MigrationInterface {
  name = 'DocumentScoreTable1795744000000';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    for (const sql of pg ? postgres(KINDS) : sqliteRebuild(KINDS)) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    for (const sql of pg ? postgres(OLD_KINDS) : sqliteRebuild(OLD_KINDS)) await runner.query(sql);
  }
}
