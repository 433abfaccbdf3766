import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { build } from 'esbuild';
import { PROFILES } from '../../server/src/checker/profiles';
import { CHECKLIST_VIEW_ID, CLIENT_COMMANDS, COMMANDS, CONFIG_FILE_GLOB, DOCUMENT_SELECTOR, INTERNAL_COMMANDS, LANGUAGE_IDS } from '../../client/src/ids';

/**
 * The only files of server/src/ the client may bundle: the wire types and request constants, and
 * the dependency-free table of file formats that protocol.ts re-exports (document selector, globs).
 */
const CLIENT_SERVER_INPUTS = ['server/src/lsp/protocol.ts', 'server/src/checker/formats.ts'];

const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const contributes = pkg.contributes ?? {};
const contributedCommands: string[] = (contributes.commands ?? []).map((c: { command: string }) => c.command);

/** Every `command:<id>` link in a string (viewsWelcome, walkthrough descriptions). */
function commandLinks(text: string): string[] {
  return [...text.matchAll(/\(command:([\w.-]+)/g)].map((m) => m[1]);
}

describe('client manifest (package.json)', () => {
  it("points main at the bundled client's loader and keeps vscode external in the bundle script", () => {
    assert.equal(pkg.main, './client/out/extension.js');
    assert.equal(pkg.scripts.bundle, 'node scripts/bundle.mjs');
    const script = readFileSync(join(__dirname, '../../scripts/bundle.mjs'), 'utf8');
    // main is the loader (client/src/entry.ts) of the client's bundle.
    assert.match(script, /'client\/out\/extension-main': 'client\/src\/extension\.ts', 'client\/out\/extension': 'client\/src\/entry\.ts'/);
    assert.match(script, /external: \['vscode'\]/);
    assert.equal(pkg.engines.vscode, '^1.138.0');
    assert.equal(pkg.devDependencies['@types/vscode'], '1.138.0');
  });

  it('contributes every command the client registers, and the client registers every contributed command', () => {
    assert.deepEqual([...contributedCommands].sort(), [...CLIENT_COMMANDS].sort());
    assert.equal(new Set(contributedCommands).size, contributedCommands.length, 'duplicate command contributions');
    for (const c of contributes.commands) {
      assert.ok(c.title, `${c.command} has a title`);
      assert.equal(c.category, 'Caselint', `${c.command} is in the Caselint category`);
    }
  });

  it('has a handler in extension.ts for every client command', () => {
    const source = readFileSync(join(ROOT, 'client/src/extension.ts'), 'utf8');
    const tables: Record<string, Record<string, string>> = { COMMANDS, INTERNAL_COMMANDS };
    const handled = [...source.matchAll(/\[(COMMANDS|INTERNAL_COMMANDS)\.(\w+)\]\s*:/g)].map((m) => tables[m[1]][m[2]]);
    assert.ok(!handled.includes(undefined as unknown as string), 'a handler key names an unknown command');
    assert.deepEqual([...handled].sort(), [...CLIENT_COMMANDS].sort());
    assert.match(source, /for \(const id of CLIENT_COMMANDS\)[\s\S]*registerCommand\(id/);
  });

  it('contributes the COMMANDS of client/src/ids.ts under their titles', () => {
    for (const [key, id] of Object.entries(COMMANDS)) {
      assert.ok(contributedCommands.includes(id), `COMMANDS.${key} (${id}) is contributed`);
    }
    const titles = Object.fromEntries(contributes.commands.map((c: { command: string; title: string }) => [c.command, c.title]));
    assert.equal(titles[COMMANDS.restartServer], 'Restart server');
    assert.equal(titles[COMMANDS.insertTemplate], 'Insert case report template');
    assert.equal(titles[COMMANDS.checkWorkspace], 'Check workspace');
    assert.equal(titles[COMMANDS.showChecklist], 'Show checklist');
    assert.equal(titles[COMMANDS.checkAsCaseReport], 'Check this file as a case report');
  });

  it('hides the internal checklist commands from the command palette', () => {
    const palette = contributes.menus.commandPalette as { command: string; when: string }[];
    for (const id of [INTERNAL_COMMANDS.revealItem, INTERNAL_COMMANDS.insertSection, INTERNAL_COMMANDS.refreshChecklist]) {
      assert.equal(palette.find((m) => m.command === id)?.when, 'false', `${id} hidden`);
    }
  });

  it('menus, view welcome and walkthrough reference only contributed commands and views', () => {
    for (const [menu, entries] of Object.entries(contributes.menus as Record<string, { command: string; when?: string }[]>)) {
      for (const e of entries) assert.ok(contributedCommands.includes(e.command), `menu ${menu}: ${e.command}`);
    }
    const viewIds = Object.values(contributes.views as Record<string, { id: string }[]>).flat().map((v) => v.id);
    for (const w of contributes.viewsWelcome) {
      assert.ok(viewIds.includes(w.view), `viewsWelcome for ${w.view}`);
      for (const id of commandLinks(w.contents)) assert.ok(contributedCommands.includes(id), `viewsWelcome link ${id}`);
    }
    for (const walk of contributes.walkthroughs) {
      for (const step of walk.steps) {
        for (const id of commandLinks(step.description)) assert.ok(contributedCommands.includes(id), `walkthrough link ${id}`);
        for (const ev of step.completionEvents ?? []) {
          const m = /^onCommand:(.+)$/.exec(ev);
          if (m) assert.ok(contributedCommands.includes(m[1]), `completion event ${ev}`);
          const v = /^onView:(.+)$/.exec(ev);
          if (v) assert.ok(viewIds.includes(v[1]), `completion event ${ev}`);
        }
      }
    }
  });

  it('contributes the checklist tree view in the explorer', () => {
    const view = contributes.views.explorer.find((v: { id: string }) => v.id === CHECKLIST_VIEW_ID);
    assert.ok(view, 'caselint.checklist in views.explorer');
    assert.equal(view.name, 'Case report checklist');
  });

  it('activates on the checked languages and on config files', () => {
    for (const lang of LANGUAGE_IDS) assert.ok(pkg.activationEvents.includes(`onLanguage:${lang}`), `onLanguage:${lang}`);
    assert.ok(pkg.activationEvents.includes(`workspaceContains:${CONFIG_FILE_GLOB}`));
    const langs = new Set(DOCUMENT_SELECTOR.map((f) => f.language));
    const schemes = new Set(DOCUMENT_SELECTOR.map((f) => f.scheme));
    assert.deepEqual([...langs].sort(), ['latex', 'markdown', 'plaintext', 'quarto', 'rmd']);
    assert.deepEqual([...schemes].sort(), ['file', 'untitled']);
  });

  it('declares untrusted workspace support (config files are data)', () => {
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
  });

  it('contributes the settings caselint.enable, run, profile and trace.server', () => {
    const props = contributes.configuration.properties;
    assert.deepEqual(Object.keys(props).sort(), ['caselint.enable', 'caselint.profile', 'caselint.run', 'caselint.trace.server']);
    assert.equal(props['caselint.enable'].type, 'boolean');
    assert.equal(props['caselint.enable'].default, true);
    assert.deepEqual(props['caselint.run'].enum, ['onType', 'onSave']);
    assert.equal(props['caselint.run'].default, 'onType');
    assert.deepEqual(props['caselint.trace.server'].enum, ['off', 'messages', 'verbose']);
    assert.equal(props['caselint.trace.server'].default, 'off');
    for (const [key, p] of Object.entries(props as Record<string, { scope?: string; enum?: unknown[]; enumDescriptions?: unknown[]; default?: unknown }>)) {
      assert.ok(['resource', 'window', 'application', 'machine', 'machine-overridable', 'language-overridable'].includes(p.scope ?? ''), `${key} has a scope`);
      if (p.enum) {
        assert.ok(p.enum.includes(p.default), `${key} default is in its enum`);
        if (p.enumDescriptions) assert.equal(p.enumDescriptions.length, p.enum.length, `${key} enumDescriptions`);
      }
    }
  });

  it('offers exactly the profiles of server/src/checker/profiles.ts in caselint.profile (plus "" = from the config file)', () => {
    const values: string[] = contributes.configuration.properties['caselint.profile'].enum;
    assert.equal(values[0], '');
    assert.deepEqual(values.slice(1).sort(), Object.keys(PROFILES).sort());
  });

  it('contributes the config schema for .caselint.json/.jsonc (and YAML), and the schema file ships', () => {
    const json = contributes.jsonValidation as { fileMatch: string[]; url: string }[];
    const entry = json.find((j) => j.fileMatch.includes('.caselint.json'));
    assert.ok(entry, 'jsonValidation for .caselint.json');
    assert.ok(entry.fileMatch.includes('.caselint.jsonc'));
    const schemaPath = join(ROOT, entry.url);
    assert.ok(existsSync(schemaPath), `${entry.url} exists`);
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
    assert.equal(schema.type, 'object');
    const yaml = contributes.yamlValidation as { fileMatch: string[]; url: string }[];
    assert.ok(yaml.some((y) => y.fileMatch.includes('.caselint.yaml') && y.url === entry.url));
    assert.ok(pkg.files.includes('server/schema'), 'the schema is packaged');
  });

  it('contributes the injection grammars for Markdown and LaTeX, and they are valid', () => {
    const grammars = contributes.grammars as { scopeName: string; path: string; injectTo: string[] }[];
    const injectTo = grammars.flatMap((g) => g.injectTo);
    assert.ok(injectTo.includes('text.html.markdown'));
    assert.ok(injectTo.includes('text.tex.latex'));
    for (const g of grammars) {
      const file = join(ROOT, g.path);
      assert.ok(existsSync(file), `${g.path} exists`);
      const grammar = JSON.parse(readFileSync(file, 'utf8'));
      assert.equal(grammar.scopeName, g.scopeName, `${g.path} scopeName`);
      assert.match(grammar.injectionSelector, /^L:text\.(html\.markdown|tex\.latex)\b/, `${g.path} injectionSelector`);
      assert.ok(Array.isArray(grammar.patterns) && grammar.patterns.length > 0);
      for (const p of grammar.patterns) {
        if (p.include?.startsWith('#')) assert.ok(grammar.repository[p.include.slice(1)], `${g.path}: ${p.include} defined`);
      }
    }
    assert.ok(pkg.files.includes('syntaxes'));
  });

  it('has the walkthrough media files', () => {
    for (const walk of contributes.walkthroughs) {
      assert.equal(walk.steps.length, 3);
      for (const step of walk.steps) {
        const media = step.media.markdown ?? step.media.image;
        assert.ok(existsSync(join(ROOT, media)), `${media} exists`);
      }
    }
  });

  it('bundles the client with esbuild, leaving only vscode and node built-ins external, and no checker or server code', async function () {
    this.timeout(60000);
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: [join(ROOT, 'client/src/extension.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['vscode'],
      alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const externals = new Set<string>();
    for (const out of Object.values(result.metafile.outputs)) for (const imp of out.imports) if (imp.external) externals.add(imp.path);
    for (const e of externals) assert.ok(e === 'vscode' || e.startsWith('node:') || /^[a-z_]+$/.test(e), `unexpected external ${e}`);
    const code = result.outputFiles[0].text;
    assert.match(code, /require\("vscode"\)/);
    assert.match(code, /exports|module\.exports/);
    // No language server and no checker code in the client: of server/src/ only the wire types
    // and request constants of protocol.ts (the checker's types it names are type-only imports).
    const inputs = Object.keys(result.metafile.inputs).map((i) => i.replace(/\\/g, '/'));
    assert.ok(inputs.includes('client/src/extension.ts'), `inputs are repository paths: ${inputs.slice(0, 3).join(', ')}`);
    assert.ok(!inputs.some((i) => /node_modules\/vscode-languageserver\//.test(i)), 'vscode-languageserver is not bundled into the client');
    assert.deepEqual(inputs.filter((i) => i.startsWith('server/src/checker/') && !CLIENT_SERVER_INPUTS.includes(i)), [], 'checker code in the client bundle');
    assert.deepEqual(inputs.filter((i) => i.startsWith('server/') && !CLIENT_SERVER_INPUTS.includes(i)), [], 'server code in the client bundle');
    assert.deepEqual(inputs.filter((i) => i.startsWith('server/src/')).sort(), [...CLIENT_SERVER_INPUTS].sort());
    assert.ok(!inputs.some((i) => /(^|\/)snippets\//.test(i)), 'the snippet files are the server\'s');
  });

  it('the bundles npm run bundle wrote have no checker code either', function () {
    const sourcesOf = (file: string): string[] => JSON.parse(readFileSync(join(ROOT, `client/out/${file}.map`), 'utf8')).sources.map((s: string) => posix.join('client/out', s.replace(/\\/g, '/')));
    if (!existsSync(join(ROOT, 'client/out/extension-main.js.map'))) this.skip();
    const server = sourcesOf('extension-main.js').filter((s) => s.startsWith('server/'));
    assert.ok(server.includes('server/src/lsp/protocol.ts'), `sources are repository paths: ${server.slice(0, 3).join(', ')}`);
    assert.deepEqual(server.filter((s) => !CLIENT_SERVER_INPUTS.includes(s)), [], 'server sources in client/out/extension-main.js');
    // The main module only runs that bundle with V8's code cache (client/src/entry.ts), whose
    // module sets no V8 flag in the extension host (server/src/code-cache.ts).
    assert.deepEqual(sourcesOf('extension.js').filter((s) => !s.startsWith('node_modules/')).sort(), ['client/src/entry.ts', 'server/src/code-cache.ts']);
  });

  it('asks the server with the typed requests of protocol.ts, and leaves the language client\'s features alone', () => {
    for (const file of readdirSync(join(ROOT, 'client/src')).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(ROOT, 'client/src', file), 'utf8');
      assert.doesNotMatch(source, /['"`]caselint\//, `${file}: a custom method named by its string, not by its protocol.ts constant`);
      assert.doesNotMatch(source, /ExecuteCommandRequest|\.register\s*=/, `${file}: patches or sends LSP commands`);
      // Fixes are told apart by Fix.kind on the server; the client reads no titles or messages.
      assert.doesNotMatch(source, /\.title\.(toLowerCase|includes|startsWith|endsWith)|\.message\.(toLowerCase|includes)|executeCodeActionProvider/, `${file}: reads code action titles or diagnostic messages`);
    }
  });
});
