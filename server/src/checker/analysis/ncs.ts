/**
 * Reading nerve conduction (NCS) and needle EMG tables: which tables they are, what each column
 * measures and in which unit, and for each row whether it is a motor or sensory study, where the
 * nerve was stimulated and in which limb. The `emg-table` rule reports; the ranges it checks
 * values against are in ./ncs-ranges.ts.
 */
import type { Table, TableCell } from '../types';
import type { Limb, Measure, Quantity, Site, Study, Unit } from './ncs-ranges';

export type { Limb, Measure, Quantity, Site, Study, Unit } from './ncs-ranges';

const TABLE_WORDS =
  /\b(?:nerve conduction|conduction stud(?:y|ies)|NCS|NCV|EMG|ENMG|electromyograph\w*|electroneurograph\w*|CMAP|SNAP|MUAPs?|F[- ]?waves?|fibrillations?|fibs|positive sharp waves?|PSWs?|conduction velocity)\b/i;

/** LaTeX and Unicode spellings of units, made plain: `$\mu$V`, `\textmu V`, `\si{\micro\volt}`, μ (Greek) → µ (micro sign). */
function plainUnits(s: string): string {
  return s
    .replace(/\$\\mu\$|\\textmu(?:\{\})?\s*|\\micro|\u03bc/g, 'µ')
    .replace(/\\volt/g, 'V')
    .replace(/\\metre|\\meter/g, 'm')
    .replace(/\\per\\second|\/\\second/g, '/s')
    .replace(/\\milli\\second/g, 'ms');
}

/** Units as written in headers: "(ms)", "[mV]", "µV", "uV", "$\mu$V", "\si{\micro\volt}", "m/s", "m s-1"; "cm/s" is not m/s. */
export function headerUnit(header: string): Unit | undefined {
  const h = plainUnits(header);
  if (/(?<![a-zµ])m\s*\/\s*s(?:ec)?\b|(?<![a-zµ])m\s*s\s*[-\u2212]\s*1|\bm\s*·\s*s/i.test(h)) return 'm/s';
  if (/(?:^|[\s(\[,])(?:µ|u)V\b/.test(h) || /µV/.test(h)) return 'µV';
  if (/(?:^|[\s(\[,])mV\b/.test(h)) return 'mV';
  if (/(?:^|[\s(\[,])(?:ms|msec)\b/.test(h) || /\bms\)/.test(h)) return 'ms';
  if (/(?:^|[\s(\[,])cm\b(?!\s*\/)/.test(h)) return 'cm';
  if (/(?:^|[\s(\[,])mm\b(?!\s*\/)/.test(h)) return 'mm';
  return undefined;
}

/** The unit written after a value in a cell ("3.2 µV", "45 m/s", "4.1ms"), if it is one. */
export function valueUnit(suffix: string): Unit | undefined {
  const s = plainUnits(suffix).trim().replace(/^u(?=V$)/, 'µ');
  const units: Record<string, Unit> = { ms: 'ms', msec: 'ms', mv: 'mV', 'µv': 'µV', 'm/s': 'm/s', 'm/sec': 'm/s', cm: 'cm', mm: 'mm' };
  return units[s.toLowerCase().replace(/\s+/g, '')];
}

const QUANTITY_OF_UNIT: Record<Unit, Quantity[]> = {
  ms: ['latency', 'duration'],
  mV: ['amplitude'],
  'µV': ['amplitude'],
  'm/s': ['velocity'],
  cm: ['distance'],
  mm: ['distance'],
};

/** Can a value in this unit be a measurement of this quantity? ("3.2 µV" can be an amplitude in mV, "45 ms" cannot be a velocity.) */
export function unitFits(unit: Unit, quantity: Quantity): boolean {
  return QUANTITY_OF_UNIT[unit].includes(quantity);
}

/** Columns that compare or subtract latencies ("Latency difference", "Δ latency"): small and signed by nature. */
const DIFFERENCE = /differen|\bdiff\b|\bdelta\b|Δ|\bchange\b|increment|inter-?peak|inter-?latency|\bratio\b/i;

export function headerQuantity(header: string): Quantity | undefined {
  const h = header.toLowerCase();
  if (DIFFERENCE.test(header)) return undefined;
  const unit = headerUnit(header);
  if (/velocit|\bn?cv\b/.test(h)) {
    // A Doppler "Peak systolic velocity (cm/s)" is not a nerve's.
    if (/cm\s*\/\s*s/.test(h)) return undefined;
    return 'velocity';
  }
  if (unit === 'm/s') return 'velocity';
  if (/latenc|\blat\b|\bdl\b|\bdml\b|\bdsl\b|\bf[- ]?wave|\bh[- ]?reflex|\bonset\b|\bpeak\b/.test(h)) return 'latency';
  if (/amplitude|\bamp\b|\bamp\.|\bcmap\b|\bsnap\b/.test(h)) return 'amplitude';
  if (/duration|\bdur\b/.test(h)) return 'duration';
  if (/distance|\bdist\b/.test(h)) return 'distance';
  if (unit === 'ms') return 'latency';
  if (unit === 'mV' || unit === 'µV') return 'amplitude';
  return undefined;
}

/** A header's unit from its plain text, else from its source (LaTeX math such as `($\mu$V)`). */
export function cellUnit(text: string, cell: TableCell): Unit | undefined {
  return headerUnit(cell.text) ?? headerUnit(text.slice(cell.start, cell.end));
}

const NCS_QUANTITIES: readonly Quantity[] = ['latency', 'amplitude', 'velocity'];

/**
 * Is this a nerve conduction or needle EMG table? Its header or caption names the study (nerve
 * conduction, NCS, EMG, CMAP, F-wave, fibrillations …), a header carries an electrodiagnostic
 * unit (ms, mV, µV, m/s), or its columns measure two of latency, amplitude and velocity
 * ("Nerve | Latency | Amplitude | Velocity", with no caption and no units).
 */
export function isNcsOrEmgTable(table: Table, text = ''): boolean {
  const head = table.header.map((c) => c.text).join(' | ');
  const caption = table.caption?.plain ?? '';
  if (TABLE_WORDS.test(head) || TABLE_WORDS.test(caption)) return true;
  if (
    table.header.some((c) => {
      const u = cellUnit(text, c);
      return u === 'ms' || u === 'mV' || u === 'µV' || u === 'm/s';
    })
  )
    return true;
  const measured = new Set(table.header.slice(1).map((c) => headerQuantity(c.text.trim())).filter((q): q is Quantity => !!q && NCS_QUANTITIES.includes(q)));
  return measured.size >= 2;
}

export const SIDE_HEADER = /^(?:side|laterality|l\s*\/\s*r)$/i;
export const SIDE_VALUES = /^(?:l|r|lt|rt|left|right|bilateral|bilat\.?|bil\.?|b|bl|b\s*\/\s*l|both|l\s*\/\s*r|l\s*\+\s*r|l\s*&\s*r|r\s*\/\s*l)$/i;
/** Cells that say "no value" in a numeric column. */
export const EMPTY_VALUES = /^(?:|nr|n\/r|nt|n\/t|n\/a|na|ne|absent|no response|—|–|-|--|---|\.\.\.|…)$/i;

/** Columns of graded spontaneous activity: fibrillations, positive sharp waves, fasciculations. */
const GRADE_HEADER = /^(?:fib(?:rillation)?s?(?:\s+potentials?)?|fibs?\.?|positive sharp waves?|psws?|fasc(?:iculation)?s?(?:\s+potentials?)?|fasc\.?|fib(?:rillation)?s?\s*\/\s*psws?|spont(?:aneous|\.)?\s+activity)$/i;

export interface ColumnInfo {
  index: number;
  quantity?: Quantity;
  unit?: Unit;
  side?: boolean;
  muap?: boolean;
  /** F-wave or H-reflex latency. */
  late?: boolean;
  /** The header says the latency is distal ("DML", "Distal latency"). */
  distal?: boolean;
  /** The header says the column is sensory ("DSL", "SNAP"). */
  sensory?: boolean;
  /** Graded spontaneous activity (0 to 4+). */
  grade?: boolean;
  /** Stimulation site (or segment) column. */
  site?: boolean;
}

export function readColumns(table: Table, text: string): ColumnInfo[] {
  return table.header.map((c, index) => {
    const h = c.text.trim();
    if (SIDE_HEADER.test(h)) return { index, side: true };
    if (GRADE_HEADER.test(h)) return { index, grade: true };
    if (index > 0 && /^(?:stim(?:ulation|ulus)?\.?(?:\s+(?:site|point))?|site|segment|stimulation\s*\/\s*recording)$/i.test(h)) return { index, site: true };
    const quantity = index > 0 ? headerQuantity(h) : undefined;
    return {
      index,
      quantity,
      unit: cellUnit(text, c),
      muap: /\bMUAPs?\b|motor unit/i.test(h),
      late: quantity === 'latency' && /\bf[- ]?waves?\b|\bh[- ]?reflex\b|\bf\s*\(|^f$/i.test(h),
      distal: quantity === 'latency' && /\bdistal\b|\bdml\b|\bdsl\b|\bdl\b/i.test(h),
      sensory: /\bdsl\b|\bsnap\b|\bsensory\b/i.test(h),
    };
  });
}

const SENSORY_WORDS = /\bsensory\b|\bsens\.?(?=\W|$)|\bSNAPs?\b|\bantidromic\b|\borthodromic\b/i;
const MOTOR_WORDS = /\bmotor\b|\bmot\.?(?=\W|$)|\bCMAPs?\b/i;
/** Nerves that are only sensory. */
const SENSORY_NERVES = /\bsural\b|\bsuperficial (?:peroneal|fibular|radial)\b|\bsaphenous\b|\b(?:medial|lateral|posterior) (?:ante)?brachial cutaneous\b|\blateral femoral cutaneous\b|\bdorsal ulnar cutaneous\b|\bmedial plantar\b(?!.*\bmotor\b)|\bdigital\b/i;
const UPPER_LIMB = /\b(?:median|ulnar|radial|musculocutaneous|axillary|suprascapular|antebrachial|brachial|interosseous)\b/i;
const LOWER_LIMB = /\b(?:peroneal|fibular|tibial|sural|saphenous|femoral|plantar|sciatic)\b/i;
const PROXIMAL_SITES = /\b(?:elbow|axilla|erb\w*|arm|spiral groove|knee|fibular head|fibula|poplit\w*|thigh|sciatic|gluteal|proximal|prox\.)(?=\W|$)/i;
/** Written in capitals only: "BE" (below elbow), "AE", "FH" (fibular head), "PF" (popliteal fossa). */
const PROXIMAL_ABBREVIATIONS = /\b(?:BE|AE|FH|PF)\b/;
const DISTAL_SITES = /\b(?:wrist|ankle|palm|digits?|fingers?|forearm|distal|dist\.)\b/i;

export interface RowInfo {
  study?: Study;
  site?: Site;
  limb?: Limb;
  /** An F-wave or H-reflex row ("Tibial H-reflex"). */
  late?: boolean;
  /** A row of an evoked potential table: no nerve conduction ranges apply. */
  evoked?: boolean;
}

/** Evoked potential tables (SSEP, VEP, BAEP, MEP) and their peaks (N20, P37, P100, waves I–V). */
const EVOKED = /\b(?:S?SEPs?|SSEPs?|somatosensory|evoked|VEPs?|BAEPs?|BAERs?|ABRs?|MEPs?|P100|N9|N13|N19|N20|P14|P37|P40|N45|P300|wave (?:I|III|V)|interpeak|cortical|central motor conduction)\b/i;

export function isEvokedPotentialTable(table: Table): boolean {
  return EVOKED.test(`${table.caption?.plain ?? ''} ${table.header.map((c) => c.text).join(' | ')}`);
}

function studyOf(text: string): Study | undefined {
  const s = SENSORY_WORDS.test(text);
  const m = MOTOR_WORDS.test(text);
  if (s !== m) return s ? 'sensory' : 'motor';
  return undefined;
}

/**
 * What a table says about all its rows: a motor or sensory study. Amplitudes in µV only make a
 * sensory table and in mV only a motor one (SNAPs are measured in microvolts, CMAPs in
 * millivolts); otherwise the caption and header may say so ("Sensory nerve conduction").
 * Units come first because a caption may belong to the next table.
 */
export function tableStudy(table: Table, columns: readonly ColumnInfo[]): Study | undefined {
  const units = new Set(columns.filter((c) => c.quantity === 'amplitude' && !c.muap).map((c) => c.unit));
  if (units.size === 1 && units.has('µV')) return 'sensory';
  if (units.size === 1 && units.has('mV')) return 'motor';
  return studyOf(`${table.caption?.plain ?? ''} ${table.header.map((c) => c.text).join(' | ')}`);
}

/** A row's study, stimulation site and limb, from its nerve label and site cells, else from the table. */
export function readRow(row: readonly TableCell[], columns: readonly ColumnInfo[], study: Study | undefined, evoked = false): RowInfo {
  const label = row[0]?.text ?? '';
  if (evoked || EVOKED.test(label)) return { evoked: true };
  const siteText = columns.filter((c) => c.site).map((c) => row[c.index]?.text ?? '').join(' ');
  const words = `${label} ${siteText}`;
  const rowStudy = studyOf(words) ?? (SENSORY_NERVES.test(label) ? 'sensory' : undefined) ?? study;
  let site: Site | undefined;
  const where = siteText || label;
  if (PROXIMAL_SITES.test(where) || PROXIMAL_ABBREVIATIONS.test(where)) site = 'proximal';
  else if (DISTAL_SITES.test(where)) site = 'distal';
  else {
    // Without a site, a row that gives no conduction velocity is a distal stimulation.
    const cv = columns.find((c) => c.quantity === 'velocity');
    const cell = cv ? row[cv.index]?.text.trim() : undefined;
    if (cell !== undefined) site = EMPTY_VALUES.test(cell) ? 'distal' : 'proximal';
  }
  const limb: Limb | undefined = UPPER_LIMB.test(label) ? 'upper' : LOWER_LIMB.test(label) ? 'lower' : undefined;
  return { study: rowStudy, site, limb, late: /\bf[- ]?waves?\b|\bh[- ]?reflex(?:es)?\b/i.test(label) };
}

/** The measure of one cell: its column's quantity and unit, with what the row and header tell. */
export function measureOf(col: ColumnInfo, row: RowInfo, unit: Unit): Measure {
  return {
    quantity: col.quantity!,
    unit,
    study: col.sensory ? 'sensory' : row.study,
    site: col.distal ? 'distal' : row.site,
    late: col.late || row.late,
    muap: col.muap,
    limb: row.limb,
    evoked: row.evoked,
  };
}
