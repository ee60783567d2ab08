import type { MigrationInterface, QueryRunner } from 'typeorm';

/* Hand-written: a signed document version keeps its bytes; the database refuses to change or delete one. */
const POSTGRES_UP = [
  `CREATE OR REPLACE FUNCTION document_signature_immutable() RETURNS trigger AS $$
   BEGIN
     RAISE EXCEPTION 'document_signature: văn bản đã ký số không được sửa hoặc xóa';
   END;
   $$ LANGUAGE plpgsql`,
  `CREATE TRIGGER document_signature_no_change BEFORE UPDATE OR DELETE ON "document_signature" FOR EACH ROW EXECUTE FUNCTION document_signature_immutable()`,
  `CREATE TRIGGER document_signature_no_truncate BEFORE TRUNCATE ON "document_signature" FOR EACH STATEMENT EXECUTE FUNCTION document_signature_immutable()`,
];

const POSTGRES_DOWN = [
  `DROP TRIGGER IF EXISTS document_signature_no_truncate ON "document_signature"`,
  `DROP TRIGGER IF EXISTS document_signature_no_change ON "document_signature"`,
  `DROP FUNCTION IF EXISTS document_signature_immutable()`,
];

const SQLITE_UP = [
  `CREATE TRIGGER document_signature_no_update BEFORE UPDATE ON "document_signature" BEGIN SELECT RAISE(ABORT, 'document_signature: văn bản đã ký số không được sửa'); END`,
  `CREATE TRIGGER document_signature_no_delete BEFORE DELETE ON "document_signature" BEGIN SELECT RAISE(ABORT, 'document_signature: văn bản đã ký số không được xóa'); END`,
];

const SQLITE_DOWN = [
  `DROP TRIGGER IF EXISTS document_signature_no_delete`,
  `DROP TRIGGER IF EXISTS document_signature_no_update`,
];

export class DocumentSignatureImmutable1796496214549 implements MigrationInterface {
  name = 'DocumentSignatureImmutable1796496214549';

  async up(runner: QueryRunner): Promise<void> {
    const postgres = runner.connection.options.type === 'postgres';
    for (const sql of postgres ? POSTGRES_UP : SQLITE_UP) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    const postgres = runner.connection.options.type === 'postgres';
    for (const sql of postgres ? POSTGRES_DOWN : SQLITE_DOWN) await runner.query(sql);
  }
}
