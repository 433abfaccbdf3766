import { strict as assert } from 'node:assert';
import { readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { ROOT, sourceFiles } from '../helpers/sources';

/**
 * The import direction of the source tree (docs/architecture.md), read from the imports
 * themselves: the checker core in one-way layers, no cycles, thin edges.
 */
const CHECKER = 'server/src/checker/';

/** Checker layers, lowest first; a file may import only files of its own layer or below. */
const LAYERS = ['base', 'model', 'analysis', 'rules', 'engine', 'views', 'api'] as const;

function layerOf(file: string): number {
  const rel = file.slice(CHECKER.length);
  if (rel === 'index.ts') return LAYERS.indexOf('api');
  const top = rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : '';
  const i = LAYERS.indexOf(top as (typeof LAYERS)[number]);
  if (top === '') return LAYERS.indexOf('base');
  assert.ok(i > 0, `${file}: every folder of the checker is a layer (${LAYERS.slice(1, -1).join(', ')})`);
  return i;
}

interface Edge {
  from: string;
  /** A repository-relative .ts path, or a package / built-in name. */
  to: string;
  local: boolean;
}

function resolveLocal(from: string, spec: string): string {
  const base = resolve(ROOT, dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return relative(ROOT, candidate).replace(/\\/g, '/');
    } catch {
      // next candidate
    }
  }
  return relative(ROOT, base).replace(/\\/g, '/');
}

function edgesOf(file: string): Edge[] {
  const info = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return info.importedFiles.map(({ fileName }) =>
    fileName.startsWith('.') ? { from: file, to: resolveLocal(file, fileName), local: true } : { from: file, to: fileName, local: false },
  );
}

const FILES = [...sourceFiles('server/src'), ...sourceFiles('client/src')];
const EDGES = FILES.flatMap(edgesOf);
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

describe('import direction (docs/architecture.md)', () => {
  it('finds the source files and their imports', () => {
    assert.ok(FILES.some((f) => f.startsWith(CHECKER)) && EDGES.length > 50);
  });

  it('checker layers import only their own layer or the ones below (views → engine → rules → analysis → model → types)', () => {
    const wrong = EDGES.filter((e) => e.local && e.from.startsWith(CHECKER) && e.to.startsWith(CHECKER) && layerOf(e.to) > layerOf(e.from));
    assert.deepEqual(wrong.map((e) => `${e.from} → ${e.to}`), []);
  });

  it('a rule imports no other rule', () => {
    const isRule = (f: string) => f.startsWith(`${CHECKER}rules/`) && !f.endsWith('/index.ts');
    const wrong = EDGES.filter((e) => e.local && isRule(e.from) && isRule(e.to));
    assert.deepEqual(wrong.map((e) => `${e.from} → ${e.to}`), []);
  });

  it('the checker imports nothing from the hosts, no editor or LSP package and no Node built-in', () => {
    const wrong = EDGES.filter(
      (e) => e.from.startsWith(CHECKER) && (e.local ? !e.to.startsWith(CHECKER) : BUILTINS.has(e.to) || /^vscode(-|$)/.test(e.to)),
    );
    assert.deepEqual(wrong.map((e) => `${e.from} → ${e.to}`), []);
  });

  it('the hosts use the checker through its index only (lsp/protocol.ts, which the client imports, re-exports the table of formats)', () => {
    const allowed = (e: Edge) => e.to === `${CHECKER}index.ts` || (e.from === 'server/src/lsp/protocol.ts' && e.to === `${CHECKER}formats.ts`);
    const wrong = EDGES.filter((e) => e.local && !e.from.startsWith(CHECKER) && e.from.startsWith('server/') && e.to.startsWith(CHECKER) && !allowed(e));
    assert.deepEqual(wrong.map((e) => `${e.from} → ${e.to}`), []);
  });

  it('the table of formats imports nothing (the client bundles it)', () => {
    assert.ok(FILES.includes(`${CHECKER}formats.ts`));
    assert.deepEqual(EDGES.filter((e) => e.from === `${CHECKER}formats.ts`).map((e) => e.to), []);
  });

  it('the VS Code client imports from server/ only the wire types and request constants of server/src/lsp/protocol.ts (and its loader the code cache)', () => {
    const allowed = ['server/src/lsp/protocol.ts'];
    const fromClient = EDGES.filter((e) => e.local && e.from.startsWith('client/src/'));
    assert.ok(fromClient.some((e) => e.to === 'server/src/lsp/protocol.ts'), 'the client uses protocol.ts');
    // The extension's main module runs the client's bundle with V8's code cache (client/src/entry.ts),
    // which imports nothing of ours and sets no V8 flag.
    const loader = (e: Edge) => e.from === 'client/src/entry.ts' && e.to === 'server/src/code-cache.ts';
    const wrong = fromClient.filter((e) => e.to.startsWith('server/') && !allowed.includes(e.to) && !loader(e));
    assert.deepEqual(wrong.map((e) => `${e.from} → ${e.to}`), []);
    assert.deepEqual(EDGES.filter((e) => e.local && e.from === 'server/src/code-cache.ts').map((e) => e.to), [], 'code-cache.ts imports only Node');
  });

  it('protocol.ts takes only types from the checker and server/, but for the table of formats (nothing else reaches the client bundle)', () => {
    const file = 'server/src/lsp/protocol.ts';
    const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const wrong: string[] = [];
    for (const st of source.statements) {
      const spec = (ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : undefined;
      if (!spec?.startsWith('.')) continue;
      const to = resolveLocal(file, spec);
      const typeOnly = ts.isImportDeclaration(st) ? !!st.importClause?.isTypeOnly : (st as ts.ExportDeclaration).isTypeOnly;
      if (!typeOnly && to !== `${CHECKER}formats.ts`) wrong.push(`${file} → ${to}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('has no import cycle in server/src', () => {
    const graph = new Map<string, string[]>();
    for (const e of EDGES) if (e.local && e.from.startsWith('server/src/') && e.to.startsWith('server/src/')) graph.set(e.from, [...(graph.get(e.from) ?? []), e.to]);
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const to of graph.get(f) ?? []) visit(to, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of graph.keys()) visit(f, []);
    assert.deepEqual(cycles, []);
  });
});
