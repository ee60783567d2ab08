// `npm start` / `npm run report` prestep: builds with `nest build` only when dist/ is missing or older
// than a TypeScript source or a build setting. Templates are read from templates/ at run time (not
// copied into dist/), so editing one needs no build. Plain Node (it runs before anything is built).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const stamp = path.join(root, 'dist', 'main.js');

function newest(p) {
  let t = 0;
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  for (const e of fs.readdirSync(p, { withFileTypes: true })) {
    if (e.isDirectory()) t = Math.max(t, newest(path.join(p, e.name)));
    else if (/\.ts$/.test(e.name) && !/\.spec\.ts$/.test(e.name))
      t = Math.max(t, fs.statSync(path.join(p, e.name)).mtimeMs);
  }
  return t;
}

const built = fs.statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const inputs = Math.max(
  newest(path.join(root, 'src')),
  ...['package.json', 'package-lock.json', 'tsconfig.json', 'nest-cli.json'].map((f) =>
    newest(path.join(root, f)),
  ),
);
if (built > 0 && built >= inputs) {
  console.log('Bản dựng (dist/) đã mới nhất: không cần dựng lại.');
} else {
  console.log(built ? 'Mã nguồn đã đổi: đang dựng lại (nest build)…' : 'Lần chạy đầu: đang dựng (nest build)…');
  const r = spawnSync('npx', ['nest', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  // nest build keeps the files' own times when it writes nothing new: mark the build as done now.
  const now = new Date();
  fs.utimesSync(stamp, now, now);
}
