import type { MigrationInterface, QueryRunner } from 'typeorm';

/* Hand-written: the database itself refuses UPDATE, DELETE (and TRUNCATE) on audit_log (RELIABILITY G2). */
const POSTGRES_UP = [
  `CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$
   BEGIN
     RAISE EXCEPTION 'audit_log là nhật ký chỉ ghi thêm: không được sửa hoặc xóa (append-only)';
   END;
   $$ LANGUAGE plpgsql`,
  `CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
  `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
];

const POSTGRES_DOWN = [
  `DROP TRIGGER IF EXISTS audit_log_no_truncate ON "audit_log"`,
  `DROP TRIGGER IF EXISTS audit_log_no_change ON "audit_log"`,
  `DROP FUNCTION IF EXISTS audit_log_append_only()`,
];

const SQLITE_UP = [
  `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON "audit_log" BEGIN SELECT RAISE(ABORT, 'audit_log là nhật ký chỉ ghi thêm: không được sửa (append-only)'); END`,
  `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON "audit_log" BEGIN SELECT RAISE(ABORT, 'audit_log là nhật ký chỉ ghi thêm: không được xóa (append-only)'); END`,
];

const SQLITE_DOWN = [
  `DROP TRIGGER IF EXISTS audit_log_no_delete`,
  `DROP TRIGGER IF EXISTS audit_log_no_update`,
];

export class AuditAppendOnly1795741616943 implements MigrationInterface {
  name = 'AuditAppendOnly1795741616943';

  async up(runner: QueryRunner): Promise<void> {
    const postgres = runner.connection.options.type === 'postgres';
    for (const sql of postgres ? POSTGRES_UP : SQLITE_UP) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    const postgres = runner.connection.options.type === 'postgres';
    for (const sql of postgres ? POSTGRES_DOWN : SQLITE_DOWN) await runner.query(sql);
  }
}
