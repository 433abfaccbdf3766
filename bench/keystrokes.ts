/**
 * The bench's in-process keystroke re-checks alone, for profiling (issue 17): the ~300 KB
 * manuscript of `npm run bench`, then 200 one-character edits spread over it (the same edits as
 * bench/run.ts), each re-checked through createIncrementalChecker, on the checker bundled as
 * it ships but not minified (function names stay readable in a profile).
 *
 *   node --cpu-prof --cpu-prof-dir /tmp/prof --import tsx bench/keystrokes.ts [--edits 200] [--rounds 1] [--src DIR]
 *
 * (--src: the checkout whose checker is bundled, to compare two versions in turn.) Prints the wall
 * and the CPU time of a re-check (median, p95): CPU time is less disturbed by other processes.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultCorpus } from './corpus';
import { bundledChecker, editRandom, manuscriptText, oneCharEdit } from './workload';

const { values } = parseArgs({ options: { edits: { type: 'string', default: '200' }, rounds: { type: 'string', default: '1' }, size: { type: 'string', default: '300000' }, src: { type: 'string', default: resolve(__dirname, '..') } } });
const { createIncrementalChecker } = bundledChecker(values.src!, 'caselint-keystrokes-');
let { text } = manuscriptText(defaultCorpus(), Number(values.size));

const checker = createIncrementalChecker();
checker.check(text);
const n = Number(values.edits);
const times: number[] = [];
const cpu: number[] = [];
const random = editRandom(29);
for (let round = 0; round < Number(values.rounds); round++) {
  for (let i = 0; i < n; i++) {
    text = oneCharEdit(text, i, n, random);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    checker.check(text);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
}
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))].toFixed(2);
console.log(`${times.length} re-checks of ${(text.length / 1000).toFixed(0)} KB: median ${q(times, 0.5)} ms, p95 ${q(times, 0.95)} ms; CPU median ${q(cpu, 0.5)} ms, p95 ${q(cpu, 0.95)} ms`);
