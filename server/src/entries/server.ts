#!/usr/bin/env node
// caselint-language-server (server/out/server.js): runs the server's bundle, server/out/server-main.js (server.ts), with V8's code cache (launch.ts).
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { launch } from '../launch';

// A server lives as long as the editor and re-checks a document at every pause in typing, each
// check making garbage of about the document's size many times over. By default V8 lets the old
// heap grow to several times what is alive before it collects (a 300 KB manuscript: ~30 MB alive,
// ~225 MB resident after 200 edits); growing it by a quarter at a time keeps it near ~145 MB.
// V8's memory-saving mode (--optimize-for-size) would keep it near ~115 MB but made each
// keystroke's re-check about 1.6× slower (median 56 → 108 ms on the bench text), so it is not used.
// Set before the bundle is compiled (launch.ts).
setFlagsFromString('--heap-growing-percent=25');
// Nor does the young generation grow while the bundle loads (it would reach 16 MB before any
// document is open): the server lets it grow to its cap at the first check (lsp/heap.ts).
// (lsp/heap.ts changes the growth factor while the server runs: launch sets it again when it
// makes the code cache, which V8 accepts only under the flags of the next start.)
const YOUNG_GENERATION_FLAG = '--semi-space-growth-factor=1';
setFlagsFromString(YOUNG_GENERATION_FLAG);

launch(join(__dirname, 'server-main.js'), { flags: [YOUNG_GENERATION_FLAG] });
