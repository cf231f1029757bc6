import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// The logic of scripts/system-deps.sh and scripts/start.sh on a "fresh Debian machine": dpkg-query,
// apt-get, sudo and id are stubs on PATH that record what was asked, so nothing is installed.
const ROOT = process.cwd();
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const BASH = execFileSync('bash', ['-c', 'command -v bash']).toString().trim();

function stub(bin: string, name: string, body: string): void {
  // An absolute shebang: `/usr/bin/env bash` would find the stubbed bash on PATH, i.e. itself.
  writeFileSync(join(bin, name), `#!${BASH}\n${body}\n`);
  chmodSync(join(bin, name), 0o755);
}

interface Machine { installed: string[]; uid?: number; sudo?: boolean; apt?: boolean; aptFails?: boolean }

/** A temp dir with stubbed system tools; returns its bin, the log of calls, and a PATH. */
function machine(m: Machine): { dir: string; log: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sysdeps-'));
  dirs.push(dir);
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const log = join(dir, 'calls.log');
  writeFileSync(log, '');
  stub(bin, 'dpkg-query', `for p in ${m.installed.join(' ')}; do [ "\${@: -1}" = "$p" ] && { printf 'install ok installed'; exit 0; }; done; exit 1`);
  // Like the real apt-get on a minimal Debian, it chatters on stderr (and says why on failure).
  if (m.apt !== false)
    stub(
      bin,
      'apt-get',
      `echo "apt-get $*" >> "${log}"; echo "debconf: delaying package configuration, since apt-utils is not installed" >&2; ${m.aptFails ? 'echo "E: Unable to locate package libsecret-1-dev" >&2; exit 100' : 'exit 0'}`,
    );
  if (m.sudo !== false) stub(bin, 'sudo', `echo "sudo $1" >> "${log}"; "$@"`);
  stub(bin, 'id', `echo ${m.uid ?? 0}`);
  // Only the basics the scripts use, from the real system, never apt-get/sudo/dpkg-query.
  for (const tool of ['bash', 'grep', 'cat', 'dirname', 'uname', 'mktemp', 'tail', 'rm']) {
    const real = execFileSync('bash', ['-c', `command -v ${tool}`]).toString().trim();
    stub(bin, tool, `exec ${real} "$@"`);
  }
  return { dir, log, path: bin };
}

function run(script: string, args: string[], path: string) {
  const r = spawnSync(BASH, [script, ...args], { env: { PATH: path }, encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('scripts/system-deps.sh', () => {
  it('build installs only what keytar needs (libsecret-1-dev, pkg-config), never Chromium', () => {
    const m = machine({ installed: [] });
    const r = run(join(ROOT, 'scripts/system-deps.sh'), ['build'], m.path);
    expect(r.code).toBe(0);
    const calls = readFileSync(m.log, 'utf8');
    expect(calls).toMatch(/apt-get install .*libsecret-1-dev pkg-config/);
    expect(calls).not.toMatch(/chromium|tinyproxy|gnome-keyring/);
  });

  it('test (the default) installs every test prerequisite that is missing, and only those', () => {
    const m = machine({ installed: ['pkg-config', 'dbus'] });
    const r = run(join(ROOT, 'scripts/system-deps.sh'), [], m.path);
    expect(r.code).toBe(0);
    const install = readFileSync(m.log, 'utf8').split('\n').find((l) => l.includes(' install '))!;
    expect(install).toContain('chromium');
    expect(install).toContain('libsecret-1-dev');
    expect(install).not.toMatch(/pkg-config|\bdbus\b/);
  });

  it("keeps apt's chatter out of the output when the install works", () => {
    const m = machine({ installed: [] });
    const r = run(join(ROOT, 'scripts/system-deps.sh'), ['build'], m.path);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe('installing Debian packages: libsecret-1-dev pkg-config');
    expect(r.err).toBe('');
  });

  it("shows apt's own error when the install fails", () => {
    const m = machine({ installed: [], aptFails: true });
    const r = run(join(ROOT, 'scripts/system-deps.sh'), ['build'], m.path);
    expect(r.code).toBe(1);
    expect(r.err).toContain('E: Unable to locate package libsecret-1-dev');
  });

  it('does nothing when everything is installed', () => {
    const m = machine({ installed: ['libsecret-1-dev', 'pkg-config'] });
    expect(run(join(ROOT, 'scripts/system-deps.sh'), ['build'], m.path).code).toBe(0);
    expect(readFileSync(m.log, 'utf8')).toBe('');
  });

  it('uses sudo when not root', () => {
    const m = machine({ installed: [], uid: 1000 });
    expect(run(join(ROOT, 'scripts/system-deps.sh'), ['build'], m.path).code).toBe(0);
    expect(readFileSync(m.log, 'utf8')).toMatch(/sudo apt-get/);
  });

  it('says in one line what to install and why when it cannot install', () => {
    for (const m of [machine({ installed: [], uid: 1000, sudo: false }), machine({ installed: [], aptFails: true })]) {
      const r = run(join(ROOT, 'scripts/system-deps.sh'), ['build'], m.path);
      expect(r.code).toBe(1);
      const lines = r.err.trim().split('\n');
      expect(lines.at(-1)).toMatch(/keytar.*libsecret.*install libsecret-1-dev pkg-config/);
    }
  });
});

describe('scripts/start.sh on a fresh machine', () => {
  /** A copy of start.sh beside stub sibling scripts that record the order they ran in. */
  function startTree(systemDepsCode: number): { script: string; order: string; path: string } {
    const m = machine({ installed: [] });
    const scripts = join(m.dir, 'app', 'scripts');
    mkdirSync(scripts, { recursive: true });
    copyFileSync(join(ROOT, 'scripts/start.sh'), join(scripts, 'start.sh'));
    const order = join(m.dir, 'order.log');
    writeFileSync(join(scripts, 'system-deps.sh'), `echo "system-deps $*" >> "${order}"; exit ${systemDepsCode}\n`);
    writeFileSync(join(scripts, 'npm-deps.sh'), `echo "npm-deps" >> "${order}"\n`);
    // The build "fails" so the script stops before starting anything.
    stub(m.path, 'npm', `echo "npm $*" >> "${order}"; exit 1`);
    return { script: join(scripts, 'start.sh'), order, path: m.path };
  }

  it('installs the build prerequisites before npm ci, then builds', () => {
    const t = startTree(0);
    run(t.script, [], t.path);
    expect(readFileSync(t.order, 'utf8').trim().split('\n')).toEqual(['system-deps build', 'npm-deps', 'npm run --silent build']);
  });

  it('stops before npm ci when the prerequisites cannot be installed', () => {
    const t = startTree(1);
    const r = run(t.script, [], t.path);
    expect(r.code).toBe(1);
    expect(existsSync(t.order) && readFileSync(t.order, 'utf8').trim()).toBe('system-deps build');
  });
});
