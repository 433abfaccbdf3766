/**
 * Where the time of a keystroke goes in the server (issue 17), for `bench/lsp-keystrokes.ts
 * --phases`: when the environment variable CASELINT_PHASE_LOG names a file, the server appends
 * one JSON line per diagnostics report it writes: when each step of the edit and of its pull
 * ended (`phase`: epoch ms, comparable with the client's clock), and what was spent in V8's
 * garbage collection pauses and in the check's yields to the event loop (`spend`: ms), and the
 * process's CPU time from the edit to its report (`cpu`: ms). One record
 * at a time: it is meant for one document being typed in, not for a server with many documents.
 * Without the variable, every call is one test of a constant.
 */
import { appendFileSync } from 'node:fs';
import { PerformanceObserver, constants } from 'node:perf_hooks';

const file = process.env.CASELINT_PHASE_LOG || undefined;
let record: Record<string, number> = {};

/** Whether phases are written (the variable was set when the server started). */
export const phasesOn = file !== undefined;

/** The process's CPU time when the edit arrived (`changed`), for the record's `cpu`. */
let cpuAtChange: NodeJS.CpuUsage | undefined;

/** `name` ended now. */
export function phase(name: string): void {
  if (!file) return;
  record[name] = performance.timeOrigin + performance.now();
  if (name === 'changed') cpuAtChange = process.cpuUsage();
}

/** `ms` more spent in `name`. */
export function spend(name: string, ms: number): void {
  if (file) record[name] = (record[name] ?? 0) + ms;
}

/** A report was written: its record goes to the file, and the next one starts. */
export function endPhases(): void {
  if (!file) return;
  // The process's CPU time (all its threads: V8's GC and compiler threads too) from the edit to
  // its report written: much less disturbed by a busy machine than the wall times.
  if (cpuAtChange) {
    const used = process.cpuUsage(cpuAtChange);
    record.cpu = (used.user + used.system) / 1000;
    cpuAtChange = undefined;
  }
  try {
    appendFileSync(file, JSON.stringify(record) + '\n');
  } catch {
    // A bench's file that cannot be written changes nothing for the editor.
  }
  record = {};
}

if (file) {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      // A pause before this edit arrived (e.g. a collection in idle time, lsp/heap.ts) is
      // not the edit's: told apart, as gcIdle.
      const changed = record.changed;
      if (changed === undefined || performance.timeOrigin + entry.startTime < changed) {
        spend('gcIdle', entry.duration);
        continue;
      }
      spend('gc', entry.duration);
      spend('gcs', 1);
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) spend('gcMinor', entry.duration);
      else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) spend('gcMajor', entry.duration);
    }
  }).observe({ entryTypes: ['gc'] });
}
