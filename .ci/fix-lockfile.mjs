// The npm registry reachable here serves only the linux-x64 builds of packages that ship one build per
// platform (msgpackr-extract, unrs-resolver …). `npm install` then leaves the other platforms' optional
// packages out of package-lock.json, and `npm ci` refuses the lock as "out of sync". This adds an entry
// for each such package, marked optional with the os/cpu/libc its name declares, so `npm ci` skips
// it on this platform as it would with a complete lock. Run after `npm install <something>`:
//   node .ci/fix-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;
const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'loong64', 'ppc64', 'riscv64', 's390x', 'wasm32', 'mips64el'];

let added = 0;
for (const [location, meta] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(meta.optionalDependencies ?? {})) {
    const nested = `${location}/node_modules/${name}`;
    if (packages[nested] || packages[`node_modules/${name}`]) continue;
    const parts = name.split('/').pop().split('-');
    const os = OS.find((o) => parts.includes(o));
    const cpu = CPU.find((c) => parts.includes(c));
    if (!os || !cpu) continue; // not a per-platform build: leave it to npm
    const entry = { version: spec.replace(/^[\^~=]/, ''), dev: meta.dev, optional: true, os: [os], cpu: [cpu] };
    if (os === 'linux') entry.libc = [parts.some((p) => p.startsWith('musl')) ? 'musl' : 'glibc'];
    if (!entry.dev) delete entry.dev;
    packages[`node_modules/${name}`] = entry;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${added} optional per-platform entries`);
