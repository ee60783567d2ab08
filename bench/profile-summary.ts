/*
 * `node .bench-build/bench/profile-summary.js <file.cpuprofile>`: where a CPU profile (from
 * bench/profile-day.ts) spent its busy time, by package (self time; idle excluded), and the
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

function main(): void {
  const file = process.argv[2];
  if (!file) throw new Error('usage: profile-summary <file.cpuprofile>');
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const categories = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const cat = categoryOf(n.callFrame.url, n.callFrame.functionName);
    if (cat === 'idle') continue;
    busy += us;
    categories.set(cat, (categories.get(cat) ?? 0) + us);
    const where = n.callFrame.url
      .replace(/^.*node_modules\//, '')
      .replace(/^.*\/(src|bench)\//, '$1/');
    const key = `${n.callFrame.functionName || '(anonymous)'} ${where}:${n.callFrame.lineNumber + 1}`;
    functions.set(key, (functions.get(key) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1)} %`;
  console.log(`Busy (not idle) CPU time: ${(busy / 1e6).toFixed(2)} s\n`);
  console.log('| Part | Self time | Share |\n|---|---:|---:|');
  for (const [cat, us] of [...categories].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(`| ${cat} | ${(us / 1000).toFixed(0)} ms | ${pct(us)} |`);
  console.log('\n| Function (self time) | ms | Share |\n|---|---:|---:|');
  for (const [fn, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(`| \`${fn}\` | ${(us / 1000).toFixed(0)} | ${pct(us)} |`);
}

main();
