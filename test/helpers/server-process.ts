/*
 * Runs the BUILT server (`node <build>/dist/main.js`) as a child process, for tests that must
 * kill it for real (RELIABILITY E1). The build goes to a private temporary folder, not to the
 * shared ./dist (nest build deletes ./dist first, which would break anyone running it meanwhile).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export interface ServerBuild {
  /** Absolute path of main.js. */
  mainJs: string;
  /** Working folder of the build (dist/ plus links to seeds/, templates/, node_modules/). */
  dir: string;
  /** Deletes the private build (no-op for a build given by THIDUA_TEST_DIST). */
  remove(): void;
}

/**
 * Compiles src/ with tsc into a private folder (about 5 s). Set THIDUA_TEST_DIST to the folder
 * of an existing build (e.g. `dist` after `npm run build`) to skip compiling. Type errors do not
 * stop the run if JavaScript was emitted (others may be editing unrelated files): they are printed.
 */
export function buildServer(): ServerBuild {
  const given = process.env.THIDUA_TEST_DIST;
  if (given) {
    const mainJs = path.resolve(given, 'main.js');
    if (!fs.existsSync(mainJs)) throw new Error(`THIDUA_TEST_DIST: ${mainJs} không tồn tại`);
    return { mainJs, dir: path.dirname(path.dirname(mainJs)), remove: () => undefined };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-server-build-'));
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(
    process.execPath,
    [tsc, '-p', path.join(ROOT, 'tsconfig.json'), '--outDir', path.join(dir, 'dist')],
    { cwd: ROOT, encoding: 'utf8', timeout: 180_000 },
  );
  const mainJs = path.join(dir, 'dist', 'main.js');
  if (!fs.existsSync(mainJs)) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`tsc did not produce main.js (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  if (r.status !== 0)
    console.warn(
      `tsc reported errors, using the emitted build anyway:\n${r.stdout.slice(0, 4000)}`,
    );
  // The code finds seeds/ and templates/ relative to dist/, and modules by walking up.
  for (const name of ['seeds', 'templates', 'node_modules'])
    if (fs.existsSync(path.join(ROOT, name)))
      fs.symlinkSync(path.join(ROOT, name), path.join(dir, name), 'dir');
  return { mainJs, dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface ServerOptions {
  /** The SQLite file (created and seeded on first start). */
  dbFile: string;
  /** Extra or overriding environment variables. */
  env?: Record<string, string>;
  /** How long to wait for GET /api/health = 200 (default 60 s). */
  readyTimeoutMs?: number;
}

export interface ServerProcess {
  readonly baseUrl: string;
  readonly port: number;
  readonly pid: number;
  readonly dbFile: string;
  /** True once the process has exited. */
  exited(): boolean;
  /** The last lines the server wrote (stdout and stderr), for failure messages. */
  output(): string;
  /** SIGKILL, and resolve when the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (graceful shutdown), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Kills every server this process started and that still runs (safety net for afterAll). */
export async function killAllServers(): Promise<void> {
  await Promise.all([...live].map((c) => killChild(c, 'SIGKILL')));
}

function killChild(child: ChildProcess, signal: NodeJS.Signals, graceMs = 0): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
    if (signal !== 'SIGKILL' && graceMs > 0)
      setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }, graceMs).unref();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the built server on a free port against `dbFile` (NODE_ENV=test, demo reference data
 * without the demo meeting, errors-only logging) and waits until /api/health answers 200.
 */
export async function startServer(build: ServerBuild, opts: ServerOptions): Promise<ServerProcess> {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const c of live) c.kill('SIGKILL');
    });
  }
  const port = await freePort();
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    DATABASE_URL: `sqlite:${path.resolve(opts.dbFile)}`,
    AUDIT_KEY_FILE: `${path.resolve(opts.dbFile)}.audit.key`,
    DATABASE_SCHEMA: '',
    SEED_DEMO: 'true',
    SEED_DEMO_MEETING: 'false',
    LOG_LEVEL: 'error',
    ...opts.env,
  };
  const child = spawn(process.execPath, [build.mainJs], {
    cwd: build.dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString('utf8')).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  const baseUrl = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    baseUrl,
    port,
    pid: child.pid!,
    dbFile: opts.dbFile,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    output: () => out,
    kill: () => killChild(child, 'SIGKILL'),
    stop: (graceMs = 10_000) => killChild(child, 'SIGTERM', graceMs),
  };

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (server.exited())
      throw new Error(
        `server exited during start (code ${child.exitCode}, ${child.signalCode}):\n${out}`,
      );
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`server not healthy after ${opts.readyTimeoutMs ?? 60_000} ms:\n${out}`);
    }
    await sleep(100);
  }
}
