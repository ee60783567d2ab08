/*
 * `node .bench-build/bench/profile-summary.js <file.cpuprofile>`: where a CPU profile (from
 * bench/profile-day.ts) spent its busy time, idle excluded, counted from the first HTTP request the
 * server parsed (the start-up before it is left out): by package (self time), by area (inclusive
 * time: a sample counts for every area with a frame on its stack, so the shares overlap), and the
 * functions with the most self time. Prints Markdown for docs/performance.md.
 */
import * as fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The package or part of Node a script belongs to. */
function categoryOf(url: string, name: string): string {
  if (name === '(garbage collector)') return 'garbage collection';
  if (name === '(program)') return 'native, unattributed (program)';
  if (name === '(idle)') return 'idle';
  if (url === '') return `native: ${name || '(anonymous)'}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node (http, streams, timers…)';
  if (/\/src\//.test(url)) return 'thidua (src)';
  if (/\/bench\//.test(url)) return 'bench';
  return url;
}

type Frame = ProfileNode['callFrame'];
const inPackage = (re: RegExp) => (f: Frame) => re.test(f.url);

/** Areas for inclusive time. better-sqlite3's native run of a statement has no frame of its own:
 * it is counted in the JavaScript function that called it (TypeORM's `query`). */
const AREAS: [string, (f: Frame) => boolean][] = [
  [
    'TypeORM (building queries, running them through the driver, mapping rows)',
    inPackage(/node_modules\/typeorm\//),
  ],
  ['better-sqlite3 (JavaScript: prepare, pragma)', inPackage(/node_modules\/better-sqlite3\//)],
  ['pg driver (pg, pg-protocol, pg-pool)', inPackage(/node_modules\/(pg|pg-protocol|pg-pool)\//)],
  ['thidua (any frame of src/)', (f) => /\/src\//.test(f.url) && !f.url.includes('node_modules')],
  ['… the audit chain (src/audit)', inPackage(/\/src\/audit\//)],
  ['Nest (any @nestjs frame)', inPackage(/node_modules\/@nestjs\//)],
  ['Node HTTP, net and streams', inPackage(/^node:(_http|net|internal\/stream)/)],
  [
    'express, router, body-parser',
    inPackage(
      /node_modules\/(express|router|body-parser|raw-body|path-to-regexp|finalhandler|send|on-finished)\//,
    ),
  ],
  [
    'class-validator, class-transformer',
    inPackage(/node_modules\/class-(validator|transformer)\//),
  ],
  ['pino', inPackage(/node_modules\/pino/)],
  ['helmet', inPackage(/node_modules\/helmet\//)],
  ['JSON (stringify, parse)', (f) => f.url === '' && /^(stringify|parse)$/.test(f.functionName)],
  [
    'crypto hashes',
    (f) => /^(update|digest|createHash)$/.test(f.functionName) && /crypto|^$/.test(f.url),
  ],
];

function main(): void {
  const file = process.argv[2];
  if (!file) throw new Error('usage: profile-summary <file.cpuprofile>');
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stackOf = (id: number): Frame[] => {
    const frames: Frame[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
      frames.push(byId.get(at)!.callFrame);
    return frames;
  };
  const first = p.samples.findIndex((id) =>
    stackOf(id).some((f) => f.functionName === 'parserOnIncoming'),
  );
  const categories = new Map<string, number>();
  const functions = new Map<string, number>();
  const areas = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, us: number) => m.set(k, (m.get(k) ?? 0) + us);
  let busy = 0;
  let before = 0;
  p.samples.forEach((id, i) => {
    const us = p.timeDeltas[i] ?? 0;
    const stack = stackOf(id);
    const leaf = stack[0]!;
    const cat = categoryOf(leaf.url, leaf.functionName);
    if (cat === 'idle') return;
    if (i < first) {
      before += us;
      return;
    }
    busy += us;
    add(categories, cat, us);
    const where = leaf.url.replace(/^.*node_modules\//, '').replace(/^.*\/(src|bench)\//, '$1/');
    add(functions, `${leaf.functionName || '(anonymous)'} ${where}:${leaf.lineNumber + 1}`, us);
    for (const [area, test] of AREAS) if (stack.some(test)) add(areas, area, us);
  });
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1)} %`;
  const s = (us: number) => (us / 1e6).toFixed(2);
  console.log(
    `Busy (not idle) CPU time from the first request: ${s(busy)} s (before it: ${s(before)} s)\n`,
  );
  console.log('| Part (self time) | Self time | Share |\n|---|---:|---:|');
  for (const [cat, us] of [...categories].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(`| ${cat} | ${(us / 1000).toFixed(0)} ms | ${pct(us)} |`);
  console.log('\n| Area (inclusive time; shares overlap) | Time | Share |\n|---|---:|---:|');
  for (const [area, us] of [...areas].sort((a, b) => b[1] - a[1]))
    console.log(`| ${area} | ${(us / 1000).toFixed(0)} ms | ${pct(us)} |`);
  console.log('\n| Function (self time) | ms | Share |\n|---|---:|---:|');
  for (const [fn, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(`| \`${fn}\` | ${(us / 1000).toFixed(0)} | ${pct(us)} |`);
}

main();
