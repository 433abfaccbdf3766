#!/usr/bin/env node
// caselint-language-server (server/out/server.js): runs the server's bundle, server/out/server-main.js (server.ts), with V8's code cache (launch.ts).
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { launch } from '../launch';

// A server lives as long as the editor and re-checks a document at every pause in typing, each
// check making garbage of about the document's size many times over. By default V8 lets the heap
// grow to several times what is alive before it collects (a 300 KB manuscript: ~30 MB alive,
// ~250 MB resident after 200 edits); in its memory-saving mode it collects sooner and returns
// pages (~110 MB), at a small cost in speed. Set before the bundle is compiled (launch.ts).
setFlagsFromString('--optimize-for-size');
setFlagsFromString('--heap-growing-percent=25');

launch(join(__dirname, 'server-main.js'));
