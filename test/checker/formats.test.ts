import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  FILE_FORMATS,
  MANUSCRIPT_EXTENSIONS,
  MANUSCRIPT_GLOB,
  VSCODE_LANGUAGE_IDS,
  fileFormatOf,
  fileFormatOfLanguage,
  formatForFile,
} from '../../server/src/checker';
import { formatOf } from '../../server/src/lsp/documents';
import { hasManuscriptExtension } from '../../server/src/cli/files';

/**
 * The one table of file formats (server/src/checker/formats.ts), and the files that cannot
 * import it (package.json, .pre-commit-hooks.yaml) kept in step with it.
 */
const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The extensions a glob or regex alternative should list: as spelt, and in lower case. */
const SPELLINGS = [...new Set(MANUSCRIPT_EXTENSIONS.flatMap((e) => [e.slice(1), e.slice(1).toLowerCase()]))].sort();

describe('file formats (one table)', () => {
  it('lists each extension and language id once, in lower case but for the usual capitals of .Rmd', () => {
    const exts = FILE_FORMATS.flatMap((f) => f.extensions.map((e) => e.toLowerCase()));
    assert.equal(new Set(exts).size, exts.length, 'an extension in two entries');
    const ids = FILE_FORMATS.flatMap((f) => [...f.languageIds, ...f.otherLanguageIds]);
    assert.equal(new Set(ids).size, ids.length, 'a language id in two entries');
    for (const id of ids) assert.equal(id, id.toLowerCase());
    for (const e of MANUSCRIPT_EXTENSIONS) assert.match(e, /^\.[A-Za-z]+$/);
    assert.deepEqual([...MANUSCRIPT_EXTENSIONS], ['.md', '.markdown', '.qmd', '.Rmd', '.tex', '.latex', '.ltx', '.txt', '.text']);
    assert.deepEqual([...VSCODE_LANGUAGE_IDS], ['markdown', 'quarto', 'rmd', 'latex', 'plaintext']);
  });

  it('picks the parser by extension, ignoring case, Markdown for any other name', () => {
    const cases: [string, string][] = [
      ['case.md', 'markdown'], ['case.MD', 'markdown'], ['case.markdown', 'markdown'], ['case.qmd', 'markdown'],
      ['case.Rmd', 'markdown'], ['case.rmd', 'markdown'], ['case.tex', 'latex'], ['case.LaTeX', 'latex'],
      ['case.ltx', 'latex'], ['case.txt', 'text'], ['case.text', 'text'], ['case.html', 'markdown'], ['stdin', 'markdown'],
    ];
    for (const [name, format] of cases) assert.equal(formatForFile(name), format, name);
    assert.equal(fileFormatOf('case.qmd')?.dialect, 'quarto');
    assert.equal(fileFormatOf('case.Rmd')?.dialect, 'rmarkdown');
    assert.equal(fileFormatOf('case.html'), undefined);
    assert.equal(fileFormatOf('notes.mdx'), undefined);
  });

  it('knows the language ids of VS Code and of other editors', () => {
    const cases: [string, string | undefined][] = [
      ['markdown', 'markdown'], ['quarto', 'markdown'], ['rmd', 'markdown'], ['rmarkdown', 'markdown'], ['mdx', 'markdown'],
      ['latex', 'latex'], ['tex', 'latex'], ['LaTeX', 'latex'], ['plaintext', 'text'], ['text', 'text'], ['html', undefined], ['bibtex', undefined],
    ];
    for (const [id, format] of cases) assert.equal(fileFormatOfLanguage(id)?.format, format, id);
  });

  it('the server and the CLI walk read the same table', () => {
    for (const f of FILE_FORMATS) {
      for (const ext of f.extensions) {
        assert.ok(hasManuscriptExtension(`a/case${ext}`), `walked: ${ext}`);
        assert.ok(hasManuscriptExtension(`a/case${ext.toUpperCase()}`), `walked: ${ext.toUpperCase()}`);
        // An unknown language id falls back on the extension.
        assert.equal(formatOf({ languageId: 'unknown', uri: `file:///a/case${ext}` }), f.format, ext);
        assert.equal(formatOf({ languageId: 'unknown', uri: `file:///a/case${ext}?x=1#y` }), f.format, ext);
      }
      for (const id of [...f.languageIds, ...f.otherLanguageIds]) assert.equal(formatOf({ languageId: id, uri: 'untitled:Untitled-1' }), f.format, id);
    }
    for (const name of ['case.html', 'refs.bib', 'case.md.bak', 'md']) assert.ok(!hasManuscriptExtension(name), name);
    assert.equal(formatOf({ languageId: 'html', uri: 'file:///a/case.html' }), undefined);
  });

  it('gives "Check workspace" a glob of every extension (exact case: as spelt and in lower case)', () => {
    const m = /^\*\*\/\*\.\{([^}]+)\}$/.exec(MANUSCRIPT_GLOB);
    assert.ok(m, MANUSCRIPT_GLOB);
    assert.deepEqual(m[1].split(',').sort(), SPELLINGS);
  });

  describe('package.json (which cannot import the table) agrees with it', () => {
    it('activates on exactly the VS Code language ids', () => {
      const languages = (pkg.activationEvents as string[]).filter((e) => e.startsWith('onLanguage:')).map((e) => e.slice('onLanguage:'.length));
      assert.deepEqual(languages.sort(), [...VSCODE_LANGUAGE_IDS].sort());
    });

    it('shows the menus of manuscripts for exactly the VS Code language ids', () => {
      const clauses: string[] = [];
      for (const entries of Object.values(pkg.contributes.menus as Record<string, { when?: string }[]>)) {
        for (const e of entries) if (e.when?.includes('editorLangId')) clauses.push(e.when);
      }
      assert.ok(clauses.length >= 2, 'the command palette and editor context menus');
      for (const when of clauses) {
        const ids = [...when.matchAll(/editorLangId == ([\w-]+)/g)].map((m) => m[1]);
        assert.deepEqual(ids.sort(), [...VSCODE_LANGUAGE_IDS].sort(), when);
        assert.doesNotMatch(when, /&&|!=|editorLangId =~/, `${when}: only "editorLangId == id" joined by ||`);
      }
    });

    it('contributes snippets for the Markdown and LaTeX languages (none for plain text)', () => {
      const byLanguage = Object.fromEntries((pkg.contributes.snippets as { language: string; path: string }[]).map((s) => [s.language, s.path]));
      const expected: Record<string, string> = {};
      for (const f of FILE_FORMATS) {
        if (f.format === 'text') continue;
        for (const id of f.languageIds) expected[id] = `./snippets/${f.format}.json`;
      }
      assert.deepEqual(byLanguage, expected);
    });
  });

  it('.pre-commit-hooks.yaml passes exactly the files of the table', () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; files: string }[];
    const files = hooks.find((h) => h.id === 'caselint')!.files;
    const m = /^\\\.\(([^)]+)\)\$$/.exec(files);
    assert.ok(m, files);
    assert.deepEqual(m[1].split('|').sort(), SPELLINGS);
  });
});
