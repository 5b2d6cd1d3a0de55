// The registry this project's machines reach serves only Linux builds, so `npm install` leaves the other
// platforms' optional packages (Next's SWC, the resolver bindings…) out of package-lock.json, and `npm ci`
// then refuses the lock. This adds them back as optional entries limited to their platform, which every
// npm skips on Linux without fetching. Run it after changing dependencies: node .ci/complete-lockfile.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;

const osNames = ['darwin', 'win32', 'android', 'freebsd', 'openharmony', 'linux', 'sunos', 'aix', 'netbsd', 'openbsd'];
const cpuNames = ['arm64', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'wasm32', 'arm'];

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = osNames.find((o) => parts.includes(o));
  const cpu = cpuNames.find((c) => parts.includes(c) || parts.some((p) => p.startsWith(c)));
  return { os, cpu };
}

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = location ? `${location}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[base] || packages[`node_modules/${name}`]) continue;
    const { os, cpu } = platformOf(name);
    if (!os) continue;
    packages[`node_modules/${name}`] = {
      version: version.replace(/^[\^~]/, ''),
      optional: true,
      os: [os],
      ...(cpu ? { cpu: [cpu] } : {}),
    };
    added++;
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
// npm sorts the entries and marks the dev-only ones its own way; letting it rewrite the lock now means a later
// `npm install` on a fresh clone finds nothing to change.
execFileSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], {
  cwd: new URL('..', import.meta.url),
  stdio: 'ignore',
});
console.log(`package-lock.json: ${added} platform-only optional packages recorded`);
