/*
 * Thread started by startBackgroundQuickCheck (integrity-check.ts): runs PRAGMA quick_check on its
 * own connection to the SQLite file and posts one QuickCheckReply. The connection is read-write
 * but query_only (a read-only one skips the CHECK constraints), and is closed before replying, so
 * that it is gone before the app writes; see checkFileWithoutWriting for why nothing is written.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { checkFileWithoutWriting } from './integrity-check-file';
import type { QuickCheckReply, QuickCheckRequest } from './integrity-check';

function run({ file, busyTimeoutMs }: QuickCheckRequest): QuickCheckReply {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    return { result: checkFileWithoutWriting(file, busyTimeoutMs), ms: ms() };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e), ms: ms() };
  }
}

parentPort?.postMessage(run(workerData as QuickCheckRequest));
