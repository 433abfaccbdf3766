/**
 * The VS Code end-to-end suite, shared by both runners:
 *  - code-server (offline): test/e2e/vscode/run-code-server.ts installs the built extension and a
 *    small test extension (code-server-entry.ts) that runs these tests inside the extension host;
 *  - @vscode/test-electron (`npm run test:vscode`, needs internet): mocha-index.ts turns them into
 *    mocha tests.
 *
 * The tests run in order and share state (the opened example manuscript). They wait on events
 * (onDidChangeDiagnostics), bounded by timeouts, never on fixed sleeps.
 */
import * as vscode from 'vscode';

export const EXTENSION_ID = 'caselint.caselint';
/** The example manuscript the suite opens (relative to the workspace folder). */
export const EXAMPLE_FILE = 'als-cramps-case-report.md';
/** The required section the example deliberately lacks. */
export const MISSING_SECTION = /abstract/i;

export interface E2ETest {
  name: string;
  timeoutMs: number;
  fn: () => Promise<void>;
}

export interface E2EResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
  /** Remarks a passing test wants in the log (e.g. a retried request). */
  notes?: string[];
}

export interface E2EReport {
  suite: string;
  vscodeVersion: string;
  passed: number;
  failed: number;
  results: E2EResult[];
  /** Diagnostics seen at the end (for the runner's log). */
  diagnostics: string[];
}

// ---------------------------------------------------------------------------------------
// helpers

let notes: string[] = [];
/** Adds a remark to the current test's result. */
function note(text: string): void {
  notes.push(text);
}

function fail(message: string): never {
  throw new Error(message);
}

function assert(cond: unknown, message: string): asserts cond {
  if (!cond) fail(message);
}

/** The rule id of a diagnostic: `code` is a string or `{value, target}` (with codeDescription). */
export function ruleOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  if (typeof c === 'object') return String(c.value);
  return String(c);
}

function caselintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => (d.source ?? '').toLowerCase() === 'caselint');
}

function describe(ds: readonly vscode.Diagnostic[]): string {
  return ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${ruleOf(d)} ${d.message}`).join('\n') || '(none)';
}

/**
 * Resolves with the document's diagnostics once `pred` holds: checks now, then on every
 * onDidChangeDiagnostics event for this uri; rejects after `timeoutMs` with what was last seen.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  pred: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 30000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const now = caselintDiagnostics(uri);
    if (pred(now)) return resolve(now);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; diagnostics now:\n${describe(caselintDiagnostics(uri))}`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const ds = caselintDiagnostics(uri);
      if (pred(ds)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(ds);
      }
    });
  });
}

/** Resolves when the document's text satisfies `pred` (on change events), bounded. */
function waitForText(doc: vscode.TextDocument, pred: (t: string) => boolean, what: string, timeoutMs = 10000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (pred(doc.getText())) return resolve();
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document !== doc || !pred(doc.getText())) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

function withTimeout<T>(p: Thenable<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    Promise.resolve(p).then(
      (v) => { clearTimeout(timer); resolve(v); },
      (e) => { clearTimeout(timer); reject(e); },
    );
  });
}

function isMissingSection(d: vscode.Diagnostic): boolean {
  return ruleOf(d) === 'required-section' && MISSING_SECTION.test(d.message);
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The snippet text a completion item inserts (SnippetString value or plain string). */
function insertTextOf(item: vscode.CompletionItem): string {
  const t = item.insertText;
  if (t === undefined) return labelOf(item);
  return typeof t === 'string' ? t : t.value;
}

/** The first literal line of a snippet body: text before any placeholder or variable. */
function literalPrefix(snippet: string): string {
  const firstLine = snippet.split('\n').find((l) => l.trim() !== '') ?? '';
  const cut = firstLine.search(/\$\{|\$[0-9A-Za-z_]/);
  return (cut >= 0 ? firstLine.slice(0, cut) : firstLine).replace(/\\(.)/g, '$1').trim();
}

interface ChecklistLike {
  profile: string;
  done: number;
  total: number;
  items: Array<{ id: string; label: string; required: boolean; status: string }>;
}

function isChecklist(v: unknown): v is ChecklistLike {
  return !!v && typeof v === 'object' && Array.isArray((v as ChecklistLike).items) && typeof (v as ChecklistLike).total === 'number';
}

/**
 * Reads the checklist of `uri` through what the client offers, in this order: an exported API
 * (`getChecklist(uri)`), the `caselint.showChecklist` command's return value, or the client's
 * language client (`caselint/checklist` request).
 */
async function readChecklist(uri: vscode.Uri): Promise<ChecklistLike> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  const api = ext?.exports as Record<string, any> | undefined;
  const tried: string[] = [];
  if (api && typeof api.getChecklist === 'function') {
    const v = await withTimeout<unknown>(api.getChecklist(uri), 15000, 'exports.getChecklist');
    if (isChecklist(v)) return v;
    tried.push(`exports.getChecklist returned ${JSON.stringify(v)?.slice(0, 200)}`);
  }
  const commands = await vscode.commands.getCommands(true);
  if (commands.includes('caselint.showChecklist')) {
    const v = await withTimeout(vscode.commands.executeCommand<unknown>('caselint.showChecklist', uri), 15000, 'caselint.showChecklist');
    if (isChecklist(v)) return v;
    tried.push(`caselint.showChecklist returned ${JSON.stringify(v)?.slice(0, 200)}`);
  }
  const client = api?.client ?? api?.languageClient;
  if (client && typeof client.sendRequest === 'function') {
    const v = await withTimeout<unknown>(client.sendRequest('caselint/checklist', { uri: uri.toString() }), 15000, 'caselint/checklist request');
    if (isChecklist(v)) return v;
    tried.push(`caselint/checklist returned ${JSON.stringify(v)?.slice(0, 200)}`);
  }
  fail(`could not read the checklist: ${tried.join('; ') || 'the extension exports no getChecklist/client and has no caselint.showChecklist command'}`);
}

// ---------------------------------------------------------------------------------------
// the suite

export function createSuite(): E2ETest[] {
  let doc: vscode.TextDocument;
  let editor: vscode.TextEditor;
  let fixedSectionText = '';

  return [
    {
      name: 'the extension is installed and activates',
      timeoutMs: 30000,
      fn: async () => {
        const ext = vscode.extensions.getExtension(EXTENSION_ID);
        assert(ext, `extension ${EXTENSION_ID} is not installed; installed: ${vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.')).join(', ')}`);
        const api = (await withTimeout(ext.activate(), 25000, 'extension activation')) as Record<string, any> | undefined;
        assert(ext.isActive, 'extension did not become active');
        if (api && api.ready && typeof api.ready.then === 'function') {
          const client = await withTimeout<unknown>(api.ready, 25000, 'the language server to start (exports.ready)');
          assert(client, 'the language server did not start (exports.ready resolved to undefined; see the "caselint" output)');
        }
      },
    },
    {
      name: 'opens the example manuscript and reports the uncited claim and the missing section',
      timeoutMs: 60000,
      fn: async () => {
        const folder = vscode.workspace.workspaceFolders?.[0];
        assert(folder, 'no workspace folder is open');
        const uri = vscode.Uri.joinPath(folder.uri, EXAMPLE_FILE);
        doc = await vscode.workspace.openTextDocument(uri);
        editor = await vscode.window.showTextDocument(doc, { preview: false });
        assert(doc.languageId === 'markdown', `expected languageId markdown, got ${doc.languageId}`);
        const ds = await waitForDiagnostics(
          doc.uri,
          (ds) => ds.some((d) => ruleOf(d) === 'unsupported-claim') && ds.some(isMissingSection),
          'an unsupported-claim and a required-section (Abstract) diagnostic',
          45000,
        );
        const claim = ds.find((d) => ruleOf(d) === 'unsupported-claim')!;
        assert(claim.range.start.line > 0, 'the claim diagnostic has no real range');
        const claimText = doc.getText(claim.range);
        assert(claimText.trim().length > 0, `the claim diagnostic covers no text (${JSON.stringify(claim.range)})`);
        assert(
          ds.every((d) => ruleOf(d) !== '' && typeof d.code === 'object' && /docs\/rules\//.test(String(d.code.target))),
          `every caselint diagnostic should carry its rule id and a link to docs/rules/<id>.md: ${ds.map((d) => JSON.stringify(d.code)).join(', ')}`,
        );
      },
    },
    {
      name: 'applies the quick fix for the missing section and the finding goes away',
      timeoutMs: 60000,
      fn: async () => {
        const missing = caselintDiagnostics(doc.uri).find(isMissingSection);
        assert(missing, 'no required-section diagnostic for the Abstract');
        await withTimeout(Promise.resolve(vscode.extensions.getExtension('vscode.markdown-language-features')?.activate()), 20000, 'activating the built-in Markdown extension').catch(
          (e) => note(`built-in Markdown extension: ${e instanceof Error ? e.message : String(e)}`),
        );
        // VS Code cancels a code-action request when another extension registers a code-action
        // provider for the document while it runs (getCodeActions listens to the registry's
        // onDidChange), and returns [] although caselint's server answered. The built-in Markdown
        // extension registers its providers lazily, often just then: activate it first, and repeat
        // the request (bounded) if another registration still gets in the way.
        const findFix = (actions: readonly (vscode.CodeAction | vscode.Command)[] | undefined) => {
          const withEdit = (actions ?? []).filter((a): a is vscode.CodeAction => 'edit' in a && !!a.edit && a.edit.size > 0);
          return (
            withEdit.find((a) => a.diagnostics?.some((d) => isMissingSection(d)) && MISSING_SECTION.test(a.title)) ??
            withEdit.find((a) => MISSING_SECTION.test(a.title)) ??
            withEdit.find((a) => a.diagnostics?.some((d) => isMissingSection(d)))
          );
        };
        let fix: vscode.CodeAction | undefined;
        let offered: string[] = [];
        let attempts = 0;
        while (!fix && attempts < 5) {
          if (attempts > 0) await new Promise((r) => setTimeout(r, 300 * attempts));
          attempts++;
          let actions: (vscode.CodeAction | vscode.Command)[] | undefined;
          try {
            actions = await withTimeout(
              vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', doc.uri, missing.range, vscode.CodeActionKind.QuickFix.value),
              20000,
              'vscode.executeCodeActionProvider',
            );
          } catch (e) {
            // the same cancellation can also surface as a "Canceled" error
            if (!(e instanceof Error && /cancel/i.test(e.message + e.name))) throw e;
            note(`code-action request ${attempts} was cancelled by the workbench`);
          }
          offered = (actions ?? []).map((a) => `${a.title}${'kind' in a && a.kind ? ` [${a.kind.value}]` : ''}`);
          fix = findFix(actions);
        }
        if (attempts > 1) note(`the quick fix was offered on code-action request ${attempts}${fix ? '' : ' (never)'}`);
        assert(
          fix,
          `no quick fix with an edit for the missing Abstract at ${JSON.stringify(missing.range)} after ${attempts} requests; offered: ${offered.join(' | ') || '(none)'}; ` +
            `diagnostic data: ${JSON.stringify((missing as { data?: unknown }).data)?.slice(0, 300)}`,
        );
        const before = doc.getText();
        const edits = fix.edit!.get(doc.uri);
        assert(edits.length > 0, `the quick fix "${fix.title}" has no edit for the document`);
        fixedSectionText = edits.map((e) => e.newText).join('');
        const ok = await vscode.workspace.applyEdit(fix.edit!);
        assert(ok, `workspace.applyEdit failed for "${fix.title}"`);
        const after = doc.getText();
        assert(after !== before, 'the text did not change');
        assert(/^#{1,6}\s*Abstract\b/im.test(after), `the document has no Abstract heading after the fix; the fix inserted ${JSON.stringify(fixedSectionText.slice(0, 200))}`);
        assert(after.includes(fixedSectionText.trim().split('\n')[0]), 'the inserted text is not in the document');
        await waitForDiagnostics(doc.uri, (ds) => !ds.some(isMissingSection) && ds.some((d) => ruleOf(d) === 'unsupported-claim'), 'the missing-Abstract diagnostic to go away after the fix', 30000);
      },
    },
    {
      name: 'offers an exam snippet in completion and inserts it',
      timeoutMs: 60000,
      fn: async () => {
        // A new paragraph at the end of "Case presentation" (before "## Investigations").
        const text = doc.getText();
        const at = text.indexOf('\n## Investigations');
        assert(at >= 0, 'no "## Investigations" heading in the example');
        const prefix = 'exam-';
        const insertAt = doc.positionAt(at);
        const ok = await editor.edit((b) => b.insert(insertAt, `\n${prefix}`));
        assert(ok, 'could not type the snippet prefix');
        const line = insertAt.line + 1;
        const pos = new vscode.Position(line, prefix.length);
        assert(doc.lineAt(line).text === prefix, `line ${line + 1} is ${JSON.stringify(doc.lineAt(line).text)}, expected the prefix`);
        editor.selection = new vscode.Selection(pos, pos);
        const list = await withTimeout(
          vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos),
          20000,
          'vscode.executeCompletionItemProvider',
        );
        const items = list?.items ?? [];
        const snippets = items.filter((i) => labelOf(i).startsWith(prefix) && (i.kind === vscode.CompletionItemKind.Snippet || typeof i.insertText !== 'string'));
        assert(snippets.length > 0, `no snippet starting with "${prefix}" offered; ${items.length} items: ${items.slice(0, 30).map(labelOf).join(', ')}`);
        const item = snippets[0];
        const body = insertTextOf(item);
        const expected = literalPrefix(body);
        assert(expected.length > 0, `snippet ${labelOf(item)} has no literal text to check: ${JSON.stringify(body.slice(0, 120))}`);
        const range = new vscode.Range(new vscode.Position(line, 0), pos);
        const inserted = await editor.insertSnippet(new vscode.SnippetString(body), range);
        assert(inserted, `insertSnippet failed for ${labelOf(item)}`);
        await waitForText(doc, (t) => t.includes(expected), `the snippet text ${JSON.stringify(expected)}`);
        assert(!doc.lineAt(line).text.startsWith(prefix), 'the prefix was not replaced by the snippet');
        // leave snippet mode so the screenshot shows a plain editor
        await vscode.commands.executeCommand('leaveSnippet');
      },
    },
    {
      name: 'reads the checklist status',
      timeoutMs: 45000,
      fn: async () => {
        const cl = await readChecklist(doc.uri);
        assert(cl.items.length > 0 && cl.total > 0 && cl.total <= cl.items.length, `checklist has ${cl.items.length} items but total ${cl.total}`);
        assert(cl.done >= 1 && cl.done <= cl.total, `checklist done=${cl.done} total=${cl.total}`);
        const abstract = cl.items.find((i) => MISSING_SECTION.test(i.id) || MISSING_SECTION.test(i.label));
        assert(abstract, `no Abstract item in the checklist: ${cl.items.map((i) => `${i.id}:${i.status}`).join(', ')}`);
        assert(abstract.status !== 'missing', `Abstract is still "missing" after the quick fix`);
        // The word and count limits the status-bar tooltip shows ("Abstract 42 words"), from the server.
        const words = (cl as { counts?: { id: string; text: string }[] }).counts?.find((c) => c.id === 'abstractWords');
        assert(words && /^Abstract \d+/.test(words.text), `no abstract word count in the checklist: ${JSON.stringify((cl as { counts?: unknown }).counts)}`);
        // The status bar item of the active manuscript, through the client's API (if it offers one).
        const api = vscode.extensions.getExtension(EXTENSION_ID)?.exports as Record<string, any> | undefined;
        if (api && 'statusBarText' in api) {
          await vscode.window.showTextDocument(doc, { preview: false });
          const text = api.statusBarText as string | undefined;
          assert(typeof text === 'string' && /\d+\s*\/\s*\d+/.test(text), `status bar text ${JSON.stringify(text)} shows no "done/total" count`);
        }
        const intro = cl.items.find((i) => /introduction/i.test(i.id) || /introduction/i.test(i.label));
        assert(!intro || intro.status === 'present', `Introduction should be present, is ${intro?.status}`);
      },
    },
    {
      name: 'inserts a missing section from the checklist view (the server\'s edit)',
      timeoutMs: 45000,
      fn: async () => {
        const before = await readChecklist(doc.uri);
        const item = before.items.find((i) => i.status === 'missing');
        assert(item, `no missing item left in the checklist: ${before.items.map((i) => `${i.id}:${i.status}`).join(', ')}`);
        const commands = await vscode.commands.getCommands(true);
        assert(commands.includes('caselint.checklist.insertSection'), 'the command caselint.checklist.insertSection is not registered');
        await vscode.window.showTextDocument(doc, { preview: false });
        const headings = (t: string) => t.split('\n').filter((l) => /^#{1,6} /.test(l)).length;
        const headingsBefore = headings(doc.getText());
        const ok = await withTimeout(vscode.commands.executeCommand<boolean>('caselint.checklist.insertSection', doc.uri.toString(), item.id), 20000, 'caselint.checklist.insertSection');
        assert(ok === true, `caselint.checklist.insertSection returned ${JSON.stringify(ok)}`);
        await waitForText(doc, (t) => headings(t) === headingsBefore + 1, `a heading for "${item.label}"`);
        const line = vscode.window.activeTextEditor?.document === doc ? doc.lineAt(vscode.window.activeTextEditor.selection.active.line).text : '';
        assert(/^#{1,6} /.test(line), `the cursor is not on the inserted heading (line ${JSON.stringify(line)})`);
        let after = await readChecklist(doc.uri);
        for (let i = 0; i < 20 && after.items.find((x) => x.id === item.id)?.status === 'missing'; i++) {
          await new Promise((r) => setTimeout(r, 250));
          after = await readChecklist(doc.uri);
        }
        assert(after.items.find((x) => x.id === item.id)?.status !== 'missing', `"${item.label}" is still missing after the insertion`);
      },
    },
  ];
}

/** Runs the suite in order, never throwing; each test bounded by its timeout. */
export async function runSuite(log: (line: string) => void = () => {}): Promise<E2EReport> {
  const results: E2EResult[] = [];
  for (const t of createSuite()) {
    const t0 = Date.now();
    notes = [];
    try {
      await withTimeout(t.fn(), t.timeoutMs, t.name);
      results.push({ name: t.name, ok: true, ms: Date.now() - t0, ...(notes.length ? { notes } : {}) });
      log(`ok   ${t.name} (${Date.now() - t0} ms)${notes.length ? ` [${notes.join('; ')}]` : ''}`);
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      results.push({ name: t.name, ok: false, ms: Date.now() - t0, error, ...(notes.length ? { notes } : {}) });
      log(`FAIL ${t.name}: ${error}`);
    }
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  const diagnostics = folder ? describe(caselintDiagnostics(vscode.Uri.joinPath(folder.uri, EXAMPLE_FILE))).split('\n') : [];
  return {
    suite: 'vscode',
    vscodeVersion: vscode.version,
    passed: results.filter((r) => r.ok).length,
    failed: results.filter((r) => !r.ok).length,
    results,
    diagnostics,
  };
}
