#!/usr/bin/env node
// The npm registry these machines reach serves only the Linux builds of some native packages
// (@swc/core-*, @unrs/resolver-binding-*): npm then writes a lockfile without the other
// platforms' optional entries, and `npm ci` refuses it ("Missing: … from lock file"). This adds
// the missing optional entries (version, os, cpu, optional), as a lockfile written where the
// registry serves every platform would have them. npm skips them on other platforms.
// Run after `npm install` changes the lockfile:  node tools/scripts/lockfile-optional-platforms.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const OS = [
  'darwin',
  'win32',
  'linux',
  'android',
  'freebsd',
  'openharmony',
  'sunos',
  'aix',
  'netbsd',
  'openbsd',
];
const CPU = {
  arm64: 'arm64',
  x64: 'x64',
  ia32: 'ia32',
  arm: 'arm',
  ppc64: 'ppc64',
  s390x: 's390x',
  loong64: 'loong64',
  riscv64: 'riscv64',
  wasm32: 'wasm32',
};

const path = 'package-lock.json';
const lock = JSON.parse(readFileSync(path, 'utf8'));
const added = [];
for (const [key, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const target = `node_modules/${name}`;
    if (lock.packages[target]) continue;
    const parts = name.split('/').pop().split('-');
    const os = OS.find((o) => parts.includes(o) || (o === 'win32' && parts.includes('win32')));
    const cpu = Object.keys(CPU).find(
      (c) => parts.includes(c) || parts.some((p) => p.startsWith(c)),
    );
    if (!os) continue; // not a platform build
    lock.packages[target] = {
      version,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      os: [os],
      ...(cpu ? { cpu: [CPU[cpu]] } : {}),
    };
    added.push(`${name}@${version} (from ${key || 'root'})`);
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) =>
    a === '' ? -1 : b === '' ? 1 : a.localeCompare(b),
  ),
);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  added.length
    ? `added ${added.length} optional platform entries:\n  ${added.join('\n  ')}`
    : 'lockfile already lists every optional platform build',
);
