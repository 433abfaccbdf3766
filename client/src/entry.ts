/**
 * The extension's main module (package.json "main", client/out/extension.js): runs the client's
 * bundle, client/out/extension-main.js (extension.ts), with V8's code cache
 * (server/src/code-cache.ts), so that the extension host does not compile the language client's
 * half megabyte of JavaScript at every activation (the bench's activation probe, bench/run.ts:
 * loading it took ~95 ms of CPU, ~40 ms from the cache). The cache is written ten seconds
 * after the first activation, in the user's cache folder, as the CLI's and the server's are.
 */
import { join } from 'node:path';
import { runWithCodeCache } from '../../server/src/code-cache';
import type * as Extension from './extension';

const main = runWithCodeCache(join(__dirname, 'extension-main.js')) as typeof Extension;

export const activate: typeof Extension.activate = (context) => main.activate(context);
export const deactivate: typeof Extension.deactivate = () => main.deactivate();
