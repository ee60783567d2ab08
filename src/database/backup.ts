/*
 * Online backup and restore of the SQLite database (RELIABILITY E3). Pure Node + better-sqlite3,
 * no Nest: used by the backup CLI and by tests, and safe to call while the app is writing (WAL).
 *
 * Guarantees:
 * - a backup is a consistent snapshot: SQLite's online backup API restarts when another
 *   connection writes between two steps, and after the first restart the rest is copied in one
 *   step (one read transaction), so the copy always reflects one committed state;
 * - the backup file appears at its final name only after `integrity_check` = ok on the copy
 *   (temporary file in the destination folder, fsync, then an atomic no-overwrite link/rename);
 *   a failed or aborted backup leaves no file behind;
 * - a restore checks the backup (integrity, foreign keys, thidua schema) on a private copy before
 *   anything at the target changes, never replaces a database in use, and keeps the replaced file
 *   (with its -wal/-shm) as `<target>.before-restore-<timestamp>`.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';

export type BackupErrorCode =
  | 'BACKUP_SOURCE_MISSING'
  | 'BACKUP_SAME_FILE'
  | 'BACKUP_DEST_DIR_MISSING'
  | 'BACKUP_DEST_EXISTS'
  | 'BACKUP_ABORTED'
  | 'BACKUP_FAILED'
  | 'BACKUP_COPY_CORRUPT'
  | 'RESTORE_BACKUP_MISSING'
  | 'RESTORE_SAME_FILE'
  | 'RESTORE_BACKUP_CORRUPT'
  | 'RESTORE_BACKUP_NOT_THIDUA'
  | 'RESTORE_TARGET_EXISTS'
  | 'RESTORE_TARGET_IN_USE'
  | 'RESTORE_FAILED';

/** A backup or restore refused or failed; `message` is in Vietnamese, `code` is stable. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BackupError';
  }
}

export interface BackupOptions {
  /** Pages copied per step before the first restart (default 1000 ≈ 4 MB); smaller = shorter pauses. */
  pagesPerStep?: number;
  /** Aborting rejects with BACKUP_ABORTED and removes the partial copy. */
  signal?: AbortSignal;
  /** Called after each step (for progress display). */
  onProgress?: (p: { totalPages: number; remainingPages: number }) => void;
}

export interface BackupResult {
  path: string;
  bytes: number;
  pages: number;
  integrity: 'ok';
  /** How many times SQLite restarted the copy because the app wrote meanwhile. */
  restarts: number;
  durationMs: number;
}

export interface RestoreOptions {
  /** Replace an existing target (kept as `<target>.before-restore-<timestamp>`). */
  force?: boolean;
}

export interface RestoreResult {
  targetPath: string;
  /** Where the replaced database was kept (null when there was none). */
  keptPath: string | null;
  bytes: number;
  integrity: 'ok';
  /** Rows of schema_migrations in the restored database. */
  migrations: number;
  durationMs: number;
}

const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

const exists = (p: string): boolean => fs.existsSync(p);

function removeWithSideFiles(file: string): void {
  for (const f of [file, ...SIDE_FILES.map((s) => file + s)]) fs.rmSync(f, { force: true });
}

/** A temporary name in the folder of `finalPath` (same filesystem, so the final rename is atomic). */
function tempNameFor(finalPath: string, kind: 'backup' | 'restore'): string {
  const base = path.basename(finalPath);
  return path.join(
    path.dirname(finalPath),
    `.${base}.${kind}-tmp-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
}

/** Removes temporary files left in `dir` by a killed backup/restore of `finalPath` (dead pid only). */
function removeStaleTemps(finalPath: string, kind: 'backup' | 'restore'): void {
  const dir = path.dirname(finalPath);
  const prefix = `.${path.basename(finalPath)}.${kind}-tmp-`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || isAlive(pid)) continue;
    fs.rmSync(path.join(dir, name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some platforms (Windows) cannot fsync a directory; the rename is still atomic there.
  }
}

/** Moves `from` to `to` atomically, failing if `to` exists (hard link where supported). */
function renameNoOverwrite(from: string, to: string, onExists: () => Error): void {
  try {
    fs.linkSync(from, to);
    fs.rmSync(from, { force: true });
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw onExists();
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'EMLINK', 'ENOSYS'].includes(code ?? ''))
      throw e;
  }
  // Filesystem without hard links: check, then rename (a small window, documented).
  if (exists(to)) throw onExists();
  fs.renameSync(from, to);
}

/** `integrity_check` rows other than "ok" (at most 10); empty means the file is sound. */
function integrityProblems(db: Database.Database): string[] {
  const rows = db.pragma('integrity_check(10)') as { integrity_check: string }[];
  const msgs = rows.map((r) => String(r.integrity_check));
  return msgs.length === 1 && msgs[0] === 'ok' ? [] : msgs;
}

function foreignKeyProblems(db: Database.Database): number {
  return (db.pragma('foreign_key_check') as unknown[]).length;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Opens the source without creating it; read-write when possible so that WAL files are tidied. */
function openSource(sourcePath: string): Database.Database {
  try {
    return new Database(sourcePath, { fileMustExist: true, timeout: 10_000 });
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY')
      return new Database(sourcePath, { fileMustExist: true, readonly: true, timeout: 10_000 });
    throw e;
  }
}

/**
 * Copies the database at `sourcePath` to `destPath` with SQLite's online backup API, while other
 * connections may keep writing. The copy is checked (`integrity_check`), switched to a rollback
 * journal so that it is one self-contained file, fsynced, and only then given its final name.
 */
export async function backupSqlite(
  sourcePath: string,
  destPath: string,
  options: BackupOptions = {},
): Promise<BackupResult> {
  const started = Date.now();
  const source = path.resolve(sourcePath);
  const dest = path.resolve(destPath);
  if (!exists(source))
    throw new BackupError(
      'BACKUP_SOURCE_MISSING',
      `Không tìm thấy cơ sở dữ liệu cần sao lưu: ${source}.`,
    );
  if (dest === source || SIDE_FILES.some((s) => dest === source + s))
    throw new BackupError(
      'BACKUP_SAME_FILE',
      'Tệp sao lưu không được trùng với cơ sở dữ liệu đang dùng.',
    );
  if (!fs.existsSync(path.dirname(dest)) || !fs.statSync(path.dirname(dest)).isDirectory())
    throw new BackupError(
      'BACKUP_DEST_DIR_MISSING',
      `Thư mục chứa tệp sao lưu không tồn tại: ${path.dirname(dest)}.`,
    );
  const destExists = () =>
    new BackupError(
      'BACKUP_DEST_EXISTS',
      `Tệp sao lưu ${dest} đã tồn tại; không ghi đè. Hãy chọn tên khác hoặc xóa tệp cũ.`,
    );
  if (exists(dest)) throw destExists();
  if (options.signal?.aborted)
    throw new BackupError('BACKUP_ABORTED', 'Đã hủy sao lưu; không có tệp nào được tạo.');

  removeStaleTemps(dest, 'backup');
  const temp = tempNameFor(dest, 'backup');
  const chunk = Math.max(1, Math.trunc(options.pagesPerStep ?? 1000));
  let restarts = 0;
  let pages = 0;
  let src: Database.Database | null = null;
  try {
    src = openSource(source);
    let previousRemaining = Number.POSITIVE_INFINITY;
    let wholeRest = false;
    const progress = await src.backup(temp, {
      progress: ({ totalPages, remainingPages }) => {
        options.onProgress?.({ totalPages, remainingPages });
        if (options.signal?.aborted) throw new BackupError('BACKUP_ABORTED', 'aborted');
        // Remaining pages only go down unless another connection wrote and SQLite restarted.
        if (remainingPages >= previousRemaining) {
          restarts++;
          wholeRest = true;
        }
        previousRemaining = remainingPages;
        // After a restart, copy everything left in one step: one read transaction, one snapshot.
        return wholeRest ? 0x7fffffff : chunk;
      },
    });
    pages = progress.totalPages;
    src.close();
    src = null;

    const copy = new Database(temp, { fileMustExist: true });
    try {
      const problems = integrityProblems(copy);
      if (problems.length > 0)
        throw new BackupError(
          'BACKUP_COPY_CORRUPT',
          `Bản sao lưu không vượt qua kiểm tra toàn vẹn (integrity_check): ${problems.join('; ')}. ` +
            'Cơ sở dữ liệu nguồn có thể đã hỏng; hãy chạy PRAGMA integrity_check trên nó.',
        );
      // One self-contained file (no -wal needed), readable from read-only media.
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    for (const s of SIDE_FILES) fs.rmSync(temp + s, { force: true });
    fsyncFile(temp);
    renameNoOverwrite(temp, dest, destExists);
    fsyncDir(path.dirname(dest));
    return {
      path: dest,
      bytes: fs.statSync(dest).size,
      pages,
      integrity: 'ok',
      restarts,
      durationMs: Date.now() - started,
    };
  } catch (e) {
    src?.close();
    removeWithSideFiles(temp);
    if (e instanceof BackupError && e.code === 'BACKUP_ABORTED')
      throw new BackupError('BACKUP_ABORTED', 'Đã hủy sao lưu; không có tệp nào được tạo.');
    if (e instanceof BackupError) throw e;
    throw new BackupError(
      'BACKUP_FAILED',
      `Sao lưu thất bại (${messageOf(e)}); không có tệp nào được tạo.`,
      { cause: e },
    );
  }
}

/** True when another connection (e.g. the running app) has the database open. */
function databaseInUse(file: string): boolean {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 0 });
    // An exclusive lock cannot be taken while any other connection holds the file (WAL or not).
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
  } finally {
    db?.close();
  }
}

function timestamp(d = new Date()): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/** Checks a candidate database file; throws RESTORE_BACKUP_CORRUPT / _NOT_THIDUA. */
function checkRestorable(file: string, shownName: string): { migrations: number } {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { fileMustExist: true });
    const problems = integrityProblems(db);
    if (problems.length > 0)
      throw new BackupError(
        'RESTORE_BACKUP_CORRUPT',
        `Tệp sao lưu ${shownName} bị hỏng (integrity_check: ${problems.slice(0, 3).join('; ')}); không khôi phục.`,
      );
    const fk = foreignKeyProblems(db);
    if (fk > 0)
      throw new BackupError(
        'RESTORE_BACKUP_CORRUPT',
        `Tệp sao lưu ${shownName} có ${fk} dòng vi phạm khóa ngoại (foreign_key_check); không khôi phục.`,
      );
    const table = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`)
      .get();
    if (!table)
      throw new BackupError(
        'RESTORE_BACKUP_NOT_THIDUA',
        `Tệp ${shownName} không phải cơ sở dữ liệu thidua (thiếu bảng schema_migrations); không khôi phục.`,
      );
    const row = db.prepare('SELECT COUNT(*) AS n FROM "schema_migrations"').get() as { n: number };
    return { migrations: Number(row.n) };
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(
      'RESTORE_BACKUP_CORRUPT',
      `Tệp sao lưu ${shownName} không đọc được như cơ sở dữ liệu SQLite (${messageOf(e)}); không khôi phục.`,
      { cause: e },
    );
  } finally {
    db?.close();
  }
}

/**
 * Restores `backupPath` as the database at `targetPath` (the app must be stopped). The backup is
 * copied to a temporary file beside the target and checked there (`integrity_check` = ok,
 * `foreign_key_check` empty, a `schema_migrations` table); only then is the old target (with its
 * -wal/-shm) moved aside, when `force` is given, and the copy renamed into place.
 */
export function restoreSqlite(
  backupPath: string,
  targetPath: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  return Promise.resolve().then(() => restoreSync(backupPath, targetPath, options));
}

function restoreSync(
  backupPath: string,
  targetPath: string,
  options: RestoreOptions,
): RestoreResult {
  const started = Date.now();
  const backup = path.resolve(backupPath);
  const target = path.resolve(targetPath);
  if (!exists(backup) || !fs.statSync(backup).isFile())
    throw new BackupError('RESTORE_BACKUP_MISSING', `Không tìm thấy tệp sao lưu: ${backup}.`);
  if (backup === target)
    throw new BackupError(
      'RESTORE_SAME_FILE',
      'Tệp sao lưu và cơ sở dữ liệu đích là một; không khôi phục.',
    );
  const targetExists = () =>
    new BackupError(
      'RESTORE_TARGET_EXISTS',
      `Cơ sở dữ liệu đích ${target} đã tồn tại; dùng --force để thay thế (bản cũ được giữ lại).`,
    );
  if (exists(target) && !options.force) throw targetExists();
  if (!exists(path.dirname(target)))
    throw new BackupError(
      'RESTORE_FAILED',
      `Thư mục của cơ sở dữ liệu đích không tồn tại: ${path.dirname(target)}.`,
    );

  removeStaleTemps(target, 'restore');
  const temp = tempNameFor(target, 'restore');
  try {
    fs.copyFileSync(backup, temp, fs.constants.COPYFILE_EXCL);
    // A backup taken in WAL mode by other tools may come with its -wal: take it along.
    if (exists(`${backup}-wal`)) fs.copyFileSync(`${backup}-wal`, `${temp}-wal`);
    const { migrations } = checkRestorable(temp, path.basename(backup));
    for (const s of SIDE_FILES) fs.rmSync(temp + s, { force: true });
    fsyncFile(temp);

    let keptPath: string | null = null;
    if (exists(target)) {
      if (!options.force) throw targetExists();
      if (databaseInUse(target))
        throw new BackupError(
          'RESTORE_TARGET_IN_USE',
          `Cơ sở dữ liệu ${target} đang được một tiến trình khác mở (ứng dụng đang chạy?); hãy dừng ứng dụng trước khi khôi phục.`,
        );
      keptPath = `${target}.before-restore-${timestamp()}`;
      for (let i = 1; exists(keptPath); i++)
        keptPath = `${target}.before-restore-${timestamp()}-${i}`;
      // The old file and its -wal/-shm move together, so nothing committed in them is lost.
      fs.renameSync(target, keptPath);
      for (const s of SIDE_FILES) if (exists(target + s)) fs.renameSync(target + s, keptPath + s);
    } else {
      // Stale side files of a missing database would be applied to the restored one: remove them.
      for (const s of SIDE_FILES) fs.rmSync(target + s, { force: true });
    }
    renameNoOverwrite(temp, target, targetExists);
    fsyncDir(path.dirname(target));
    return {
      targetPath: target,
      keptPath,
      bytes: fs.statSync(target).size,
      integrity: 'ok',
      migrations,
      durationMs: Date.now() - started,
    };
  } catch (e) {
    removeWithSideFiles(temp);
    if (e instanceof BackupError) throw e;
    throw new BackupError('RESTORE_FAILED', `Khôi phục thất bại (${messageOf(e)}).`, { cause: e });
  }
}
