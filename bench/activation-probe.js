// The extension's activation, as VS Code times it, in a fresh Node process (npm run bench runs
// this file once per sample): require client/out/extension.js, then call activate() until it
// returns, with a stand-in for the `vscode` module. Plain JavaScript run by plain node, so that
// no TypeScript loader handles the require. Prints {"load": ms, "activate": ms, "cpu": ms}.
//
// The stand-in answers every API the client touches: each namespace, class and enum of
// @types/vscode is a permissive stub (any property is another stub, calls and `new` return
// stubs, assignments are kept); getConfiguration().get(key, default) returns the default, so
// the client takes its default settings and creates its language client. activate() starts the
// server asynchronously (after it has returned), so the probe exits before any server starts.
'use strict';
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = process.argv[2];

function stub(name) {
  const own = new Map();
  return new Proxy(function () {}, {
    get(_target, p) {
      if (own.has(p)) return own.get(p);
      if (p === 'then' || typeof p === 'symbol') return p === Symbol.iterator ? function* () {} : undefined;
      if (p === 'event') return () => ({ dispose() {} });
      if (p === 'dispose') return () => {};
      const value = stub(`${name}.${p}`);
      own.set(p, value);
      return value;
    },
    set(_target, p, value) {
      own.set(p, value);
      return true;
    },
    apply() {
      if (name.endsWith('.getConfiguration')) return { get: (_key, fallback) => fallback, has: () => false, inspect: () => undefined, update: async () => {} };
      return stub(`${name}()`);
    },
    construct() {
      return stub(`new ${name}`);
    },
  });
}

// A plain object with the API's top-level names, so that esbuild's __toESM copies them.
const typings = readFileSync(join(root, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
const vscode = { version: /"version":\s*"([^"]+)"/.exec(readFileSync(join(root, 'node_modules', '@types', 'vscode', 'package.json'), 'utf8'))[1] };
for (const [, n] of typings.matchAll(/^\texport (?:namespace|class|enum|const|let|function) (\w+)/gm)) if (!(n in vscode)) vscode[n] = stub(`vscode.${n}`);
const load = Module._load;
Module._load = function (request) {
  return request === 'vscode' ? vscode : load.apply(this, arguments);
};

const context = {
  subscriptions: [],
  extensionPath: root,
  asAbsolutePath: (p) => join(root, p),
  globalState: { get: () => undefined, update: async () => {}, keys: () => [] },
  workspaceState: { get: () => undefined, update: async () => {}, keys: () => [] },
};
// CPU time of this thread (Linux: /proc; elsewhere the process's user+system time), which a
// busy machine stretches less than the wall-clock time.
const cpu = () => {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  }
};
const c0 = cpu();
const t0 = performance.now();
const extension = require(join(root, 'client', 'out', 'extension.js'));
const t1 = performance.now();
extension.activate(context);
const t2 = performance.now();
process.stdout.write(`${JSON.stringify({ load: t1 - t0, activate: t2 - t1, cpu: cpu() - c0 })}\n`);
process.exit(0);
