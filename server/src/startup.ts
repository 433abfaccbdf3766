/**
 * Process-wide V8 settings of the CLI and the language server, imported first by their bundles
 * (cli/bin.ts, server.ts), before any pattern of the checker runs, and by launch.ts before it
 * compiles a bundle (V8 rejects a code cache made under other flags).
 */
import { setFlagsFromString } from 'node:v8';

// V8 compiles a regular expression to bytecode when it first runs and again to machine code
// when it runs a second time ("tier-up"). The checker runs several hundred large Unicode
// patterns, almost all more than once, so compiling each twice was the largest part of a short
// run (a small file's check took about twice as long cold). Compile each once, to machine code.
// Changing it in a process that has already run patterns (a loader such as tsx ran before this
// module) can crash V8, so a process started with the flag (the tests' children) is left alone.
if (!process.execArgv.includes('--no-regexp-tier-up')) setFlagsFromString('--no-regexp-tier-up');
