import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

describe('licence', () => {
  it('a LICENSE file gives the MIT licence that package.json and the README name, and is packaged', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const license = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
    assert.equal(pkg.license, 'MIT');
    assert.match(license, /^MIT License\n\nCopyright \(c\) 2026 caselint contributors\n/);
    assert.match(license, /THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND/);
    assert.match(readFileSync(join(ROOT, 'README.md'), 'utf8'), /## Licence\n\nMIT/);
    // vsce packages only package.json's "files" and warns when no LICENSE is among them.
    assert.ok(pkg.files.includes('LICENSE'), 'LICENSE is in package.json "files"');
  });
});
