import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri, spawnServer, type TestClient } from './client';

/**
 * Bibliography files over a real connection (the built server/out/server.js): the server reads
 * the files a manuscript names, watches them, and checks open manuscripts again when one changes.
 */
const CASE = [
  '---',
  'title: "Cramps in a hiker: a case report"',
  'bibliography: refs.bib',
  '---',
  '',
  '## Abstract',
  '',
  'A hiker had cramps.',
  '',
  '## Case presentation',
  '',
  'A 52-year-old hiker had cramps in both calves.',
  '',
  '## Investigations',
  '',
  'Blood tests were normal.',
  '',
  '## Discussion',
  '',
  'Cramps are common in older adults [@alder2015].',
  '',
].join('\n');
const BIB = '@article{alder2015,\n  author = {Alder, Anna},\n  title = {Cramps in the elderly},\n  year = {2015}\n}\n';

const citationFindings = (items: Diagnostic[]) =>
  items.filter((d) => d.code === 'citation-reference').map((d) => `${d.range.start.line}: ${typeof d.message === 'string' ? d.message : d.message.value}`);

describe('language server: bibliography files', function () {
  this.timeout(30000);
  let client: TestClient | undefined;
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'caselint-bib-'));
  });
  afterEach(async () => {
    if (client) await client.shutdown();
    client = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports a missing file at the front matter, resolves keys once it exists, and re-checks when it changes', async () => {
    const file = join(dir, 'case.md');
    writeFileSync(file, CASE);
    client = spawnServer({ workspaceFolder: dir });
    await client.initialize();
    const uri = fileUri(file);
    await client.open(uri, CASE);
    assert.deepEqual(citationFindings(await client.pullItems(uri)), ['2: Bibliography refs.bib not found: check its path.']);
    assert.ok(JSON.stringify(client.registrations).includes('**/*.{bib,bibtex,json,yaml,yml}'), 'the server watches bibliography files');

    const changed = async (name: string, type: number) => {
      const refreshes = client!.refreshRequests;
      await client!.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(dir, name)), type }] });
      await client!.waitFor('a diagnostic refresh', () => client!.refreshRequests > refreshes);
    };
    writeFileSync(join(dir, 'refs.bib'), BIB);
    await changed('refs.bib', 1);
    assert.deepEqual(citationFindings(await client.pullItems(uri)), []);

    writeFileSync(join(dir, 'refs.bib'), BIB.replace('alder2015', 'alder2016'));
    await changed('refs.bib', 2);
    assert.deepEqual(citationFindings(await client.pullItems(uri)), ['19: @alder2015 has no entry in refs.bib.']);
  });

  it('ignores changes to files no open manuscript names', async () => {
    const file = join(dir, 'case.md');
    writeFileSync(file, CASE);
    writeFileSync(join(dir, 'refs.bib'), BIB);
    client = spawnServer({ workspaceFolder: dir });
    await client.initialize();
    const uri = fileUri(file);
    await client.open(uri, CASE);
    assert.deepEqual(citationFindings(await client.pullItems(uri)), []);
    const refreshes = client.refreshRequests;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(dir, 'other.bib')), type: 2 }] });
    // A request answered after the notification: it was handled, and asked for no refresh.
    await client.pullItems(uri);
    assert.equal(client.refreshRequests, refreshes);
  });
});
