/**
 * The full check of the bench's ~300 KB manuscript alone, for profiling and for comparing two
 * checkouts (issues 12 and 17): each `--src` checkout's checker bundled as it ships (not
 * minified), then `--checks` full checks of each, alternating between them in one process so that
 * a busy machine disturbs them alike; prints the CPU and the wall time per check (median, p95).
 *
 *   node --cpu-prof --cpu-prof-dir /tmp/prof --import tsx bench/full-check.ts [--checks 80] [--src DIR]...
 *   node --import tsx bench/full-check.ts --cold [--src DIR]   (one check in this fresh process, as the CLI pays)
 *
 * Every checkout's findings must be the same (a faster check must not change one); a difference
 * is reported and the exit code is 1.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultCorpus } from './corpus';
import { bundledChecker, manuscriptText } from './workload';

const { values } = parseArgs({
  options: {
    checks: { type: 'string', default: '80' },
    size: { type: 'string', default: '300000' },
    src: { type: 'string', multiple: true },
    cold: { type: 'boolean', default: false },
  },
});
const sources = values.src?.length ? values.src.map((s) => resolve(s)) : [resolve(__dirname, '..')];
const { text } = manuscriptText(defaultCorpus(), Number(values.size));

const cpuNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

if (values.cold) {
  // The bundle is loaded before the clock starts (the CLI loads its own before it checks, too).
  const { check } = bundledChecker(sources[0], 'caselint-full-');
  const c0 = cpuNow();
  const t0 = performance.now();
  const result = check(text);
  const wall = performance.now() - t0;
  console.log(`cold check of ${(text.length / 1000).toFixed(0)} KB: wall ${wall.toFixed(1)} ms, CPU ${(cpuNow() - c0).toFixed(1)} ms, ${result.findings.length} findings (${sources[0]})`);
} else {
  const checkers = sources.map((src, i) => ({ src, check: bundledChecker(src, `caselint-full-${i}-`).check, cpu: [] as number[], wall: [] as number[] }));
  const expected = JSON.stringify(checkers[0].check(text).findings);
  let differs = false;
  for (const c of checkers.slice(1)) {
    if (JSON.stringify(c.check(text).findings) !== expected) {
      console.log(`findings differ: ${c.src} from ${checkers[0].src}`);
      differs = true;
    }
  }
  const n = Number(values.checks);
  for (let i = 0; i < n; i++) {
    // Alternate, and swap who goes first each round (the first after a switch may pay for it).
    const order = i % 2 ? [...checkers].reverse() : checkers;
    for (const c of order) {
      const c0 = cpuNow();
      const t0 = performance.now();
      c.check(text);
      c.wall.push(performance.now() - t0);
      c.cpu.push(cpuNow() - c0);
    }
  }
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
  const base = q(checkers[0].cpu, 0.5);
  for (const c of checkers) {
    const cpu = q(c.cpu, 0.5);
    console.log(
      `${n} full checks of ${(text.length / 1000).toFixed(0)} KB: CPU median ${cpu.toFixed(2)} ms, p95 ${q(c.cpu, 0.95).toFixed(2)}; ` +
        `wall median ${q(c.wall, 0.5).toFixed(2)} ms, p95 ${q(c.wall, 0.95).toFixed(2)} (${(cpu / base).toFixed(3)}× the first) ${c.src}`,
    );
  }
  if (differs) process.exitCode = 1;
}
