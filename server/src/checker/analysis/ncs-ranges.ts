/**
 * Plausible ranges of nerve conduction and needle EMG values: what the `emg-table` rule checks a
 * value against. The bounds catch slips (a misplaced decimal point, a value in the wrong column or
 * unit), not disease: each lies well outside what pathology produces, so a severely slowed
 * demyelinating velocity (25 m/s) or a prolonged distal latency (9 ms) passes, while 4.8 m/s
 * (for 48), 38 ms (for 3.8) or an F-wave of 3.1 ms (for 31) does not. The reasoning behind each
 * number is in docs/rules/emg-table.md; change both together.
 */

export type Quantity = 'latency' | 'amplitude' | 'velocity' | 'distance' | 'duration';
export type Unit = 'ms' | 'mV' | 'µV' | 'm/s' | 'cm' | 'mm';
/** A motor (CMAP) or sensory (SNAP) study. */
export type Study = 'motor' | 'sensory';
/** Where a motor nerve was stimulated: at the distal site (wrist, ankle) or above it. */
export type Site = 'distal' | 'proximal';
export type Limb = 'upper' | 'lower';

/** What one value measures, as far as its table tells. */
export interface Measure {
  quantity: Quantity;
  unit: Unit;
  study?: Study;
  site?: Site;
  /** An F-wave or H-reflex latency. */
  late?: boolean;
  /** A needle EMG motor unit potential. */
  muap?: boolean;
  limb?: Limb;
  /** An evoked potential (SSEP, VEP, BAEP, MEP): latencies of central pathways. */
  evoked?: boolean;
}

export interface Range {
  /** Values below min are implausibly small (0: any positive value will do). */
  min: number;
  /** Values at or above max are implausibly large. */
  max: number;
  /** What the value is, for the message: "distal motor latency". */
  what: string;
}

interface RangeRow extends Range {
  quantity: Quantity;
  unit: Unit;
  study?: Study;
  site?: Site;
  late?: boolean;
  muap?: boolean;
  limb?: Limb;
  evoked?: boolean;
}

/** First matching row wins: specific rows before general ones. */
export const NCS_RANGES: readonly RangeRow[] = [
  // Latencies (ms). Evoked potentials run through the brain: a VEP P100 is about 100 ms, a P300 300 ms.
  { quantity: 'latency', unit: 'ms', evoked: true, min: 0.5, max: 500, what: 'evoked potential latency' },
  // Late responses: in CMT1A (velocities about 20 m/s) arm F-waves of 60-80 ms and leg F-waves over 100 ms are real.
  { quantity: 'latency', unit: 'ms', late: true, limb: 'upper', min: 10, max: 100, what: 'F-wave latency' },
  { quantity: 'latency', unit: 'ms', late: true, limb: 'lower', min: 15, max: 150, what: 'F-wave latency' },
  { quantity: 'latency', unit: 'ms', late: true, min: 10, max: 150, what: 'F-wave latency' },
  { quantity: 'latency', unit: 'ms', study: 'sensory', min: 1, max: 20, what: 'sensory latency' },
  { quantity: 'latency', unit: 'ms', site: 'distal', min: 1, max: 25, what: 'distal motor latency' },
  { quantity: 'latency', unit: 'ms', site: 'proximal', min: 2, max: 60, what: 'motor latency' },
  { quantity: 'latency', unit: 'ms', min: 0.5, max: 100, what: 'latency' },
  // Conduction velocities (m/s).
  { quantity: 'velocity', unit: 'm/s', min: 5, max: 100, what: 'conduction velocity' },
  // Amplitudes: small ones are what axonal loss looks like, so only zero and negatives are slips.
  { quantity: 'amplitude', unit: 'mV', muap: true, min: 0, max: 100, what: 'MUAP amplitude' },
  { quantity: 'amplitude', unit: 'µV', muap: true, min: 0, max: 100000, what: 'MUAP amplitude' },
  { quantity: 'amplitude', unit: 'mV', study: 'motor', min: 0, max: 50, what: 'motor amplitude' },
  { quantity: 'amplitude', unit: 'µV', study: 'motor', min: 0, max: 50000, what: 'motor amplitude' },
  { quantity: 'amplitude', unit: 'µV', study: 'sensory', min: 0, max: 300, what: 'sensory amplitude' },
  { quantity: 'amplitude', unit: 'mV', min: 0, max: 100, what: 'amplitude' },
  { quantity: 'amplitude', unit: 'µV', min: 0, max: 1000, what: 'amplitude' },
  // Distances: inching studies use 1 cm steps; no nerve segment is a metre long.
  { quantity: 'distance', unit: 'cm', min: 1, max: 100, what: 'distance' },
  { quantity: 'distance', unit: 'mm', min: 10, max: 1000, what: 'distance' },
  // Durations (CMAP, MUAP).
  { quantity: 'duration', unit: 'ms', min: 0, max: 100, what: 'duration' },
];

/** The range a value is checked against, or undefined when the quantity has no range in that unit. */
export function plausibleRange(m: Measure): Range | undefined {
  for (const r of NCS_RANGES) {
    if (r.quantity !== m.quantity || r.unit !== m.unit) continue;
    if (r.late !== undefined && r.late !== !!m.late) continue;
    if (r.muap !== undefined && r.muap !== !!m.muap) continue;
    if (r.evoked !== undefined && r.evoked !== !!m.evoked) continue;
    if (r.study !== undefined && r.study !== m.study) continue;
    if (r.site !== undefined && r.site !== m.site) continue;
    if (r.limb !== undefined && r.limb !== m.limb) continue;
    return { min: r.min, max: r.max, what: r.what };
  }
  return undefined;
}

/** Needle EMG spontaneous activity (fibrillations, positive sharp waves, fasciculations) is graded 0 to 4+. */
export const SPONTANEOUS_ACTIVITY_MAX_GRADE = 4;
