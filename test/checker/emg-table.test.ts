import { strict as assert } from 'node:assert';
import { check, parseDocument } from '../../server/src/checker';
import { headerQuantity, headerUnit, isNcsOrEmgTable } from '../../server/src/checker/analysis/ncs';
import { plausibleRange } from '../../server/src/checker/analysis/ncs-ranges';

const findings = (text: string) =>
  check(text, { config: { rules: { 'required-section': 'off', 'empty-section': 'off' } } }).findings.filter((f) => f.ruleId === 'emg-table');

describe('rule emg-table', () => {
  it('reads units from headers in their usual spellings', () => {
    const cases: [string, string | undefined][] = [
      ['Onset latency (ms)', 'ms'], ['Amplitude (mV)', 'mV'], ['Amplitude (µV)', 'µV'], ['Amplitude (μV)', 'µV'],
      ['Amplitude (uV)', 'µV'], ['Amplitude ($\\mu$V)', 'µV'], ['CV (m/s)', 'm/s'], ['Velocity [m s-1]', 'm/s'],
      ['Distance (cm)', 'cm'], ['Latency', undefined], ['Amplitude', undefined],
    ];
    for (const [h, u] of cases) assert.equal(headerUnit(h), u, h);
  });

  it('reads what a column measures', () => {
    assert.equal(headerQuantity('Conduction velocity (m/s)'), 'velocity');
    assert.equal(headerQuantity('F-wave latency (ms)'), 'latency');
    assert.equal(headerQuantity('Peak latency (ms)'), 'latency');
    assert.equal(headerQuantity('CMAP (mV)'), 'amplitude');
    assert.equal(headerQuantity('Recording site'), undefined);
  });

  it('flags a negative conduction velocity and a non-numeric amplitude at the cell', () => {
    const text = [
      'Table 1. Nerve conduction studies.', '',
      '| Nerve | Onset latency (ms) | Amplitude (mV) | Conduction velocity (m/s) |',
      '|---|---|---|---|',
      '| Median | 3.5 | reduced | -48 |', '',
    ].join('\n');
    const got = findings(text).map((f) => [text.slice(f.start, f.end), f.data?.kind]);
    assert.deepEqual(got, [['reduced', 'not-a-number'], ['-48', 'negative']]);
  });

  it('leaves tables that are not NCS/EMG tables alone', () => {
    const text = '| Test | Result | Unit |\n|---|---|---|\n| Sodium | low | mmol/L |\n| Potassium | -1 | mmol/L |\n';
    assert.deepEqual(findings(text), []);
  });

  it('never throws on ragged or empty tables, in any format', () => {
    const texts = [
      '| Latency (ms) |\n|---|\n',
      '| Nerve | Latency (ms) | Amplitude (mV) |\n|---|---|---|\n| Median |\n| | | |\n| a | b | c | d |\n',
      '\\begin{tabular}{ll}\nLatency (ms) & Side \\\\\n-1 \\\\\n\\end{tabular}\n',
      '',
    ];
    for (const text of texts) {
      for (const format of ['markdown', 'latex', 'text'] as const) {
        check(text, { format, onRuleError: (id, e) => assert.fail(`${id} threw on ${JSON.stringify(text)}: ${String(e)}`) });
      }
    }
  });

  describe('plausible ranges on both sides (issue 13)', () => {
    const MOTOR = '| Nerve | Side | Stimulation site | Onset latency (ms) | Amplitude (mV) | Distance (cm) | Conduction velocity (m/s) | F-wave latency (ms) |\n|---|---|---|---|---|---|---|---|\n';
    const SENSORY = 'Table 2. Sensory nerve conduction studies.\n\n| Nerve | Side | Onset latency (ms) | Peak latency (ms) | Amplitude (µV) | Distance (cm) | Conduction velocity (m/s) |\n|---|---|---|---|---|---|---|\n';
    const flagged = (text: string) => findings(text).map((f) => text.slice(f.start, f.end));

    it('reports values made too small or too large by a slipped decimal point', () => {
      const text =
        MOTOR +
        '| Median | L | Elbow | 7.2 | 6.1 | 22 | 4.8 | — |\n' +
        '| Ulnar | L | Wrist | 38 | 7.4 | 7 | — | 3.1 |\n' +
        '| Tibial | R | Popliteal fossa | 130 | 4.4 | 40 | 42 | — |\n' +
        '| Median | R | Wrist | 3.3 | 8.1 | 7 | — | 280 |\n' +
        '| Tibial | L | Ankle | 4.4 | 12.0 | 8 | — | 480 |\n';
      assert.deepEqual(flagged(text), ['4.8', '38', '3.1', '130', '280', '480']);
      for (const f of findings(text)) assert.equal(f.data?.kind, 'out-of-range');
    });

    it('leaves realistic pathological values alone', () => {
      const text =
        MOTOR +
        '| Median | L | Wrist | 9 | 0.1 | 7 | — | 38.2 |\n' + // severe carpal tunnel syndrome
        '| Median | L | Elbow | 22.4 | 0.1 | 21 | 25 | — |\n' + // demyelinating neuropathy
        '| Ulnar | R | Above elbow | 11.6 | 5.2 | 10 | 28 | — |\n' + // slowing across the elbow
        '| Peroneal | R | Ankle | 12.5 | 0.3 | 8 | — | 72.0 |\n' + // hereditary demyelinating neuropathy
        '| Peroneal | R | Fibular head | 30.1 | 0.2 | 30 | 8.5 | — |\n' +
        '| Tibial | R | Ankle | 6.9 | 18.4 | 8 | — | 61.3 |\n' +
        '| Median | R | Wrist | 7.8 | 3.9 | 7 | — | 76.4 |\n' + // CMT1A: velocities about 20 m/s
        '| Tibial | L | Ankle | 8.9 | 2.1 | 8 | — | 118 |\n\n' +
        SENSORY +
        '| Median | L | 4.6 | 6.5 | 1.2 | 14 | 30 |\n' +
        '| Sural | R | 3.4 | 4.1 | 2 | 14 | 41 |\n';
      assert.deepEqual(flagged(text), []);
    });

    it('checks distal latencies by the header when there is no site column', () => {
      const text = '| Nerve | DML (ms) | CMAP (mV) |\n|---|---|---|\n| Median | 8.8 | 3.9 |\n| Ulnar | 29 | 8.0 |\n';
      assert.deepEqual(flagged(text), ['29']);
    });

    it('reads distal and proximal rows from the nerve label or a missing velocity', () => {
      const text = '| Nerve | Latency (ms) | Amplitude (mV) | CV (m/s) |\n|---|---|---|---|\n| Median (wrist) | 36 | 7.0 | — |\n| Median (elbow) | 36 | 6.5 | 12 |\n| Ulnar | 33 | 8.0 | — |\n| Ulnar | 33 | 8.0 | 40 |\n';
      assert.deepEqual(flagged(text), ['36', '33']);
    });

    it('per nerve: an F-wave of 18 ms is possible in the arm, not in the leg', () => {
      assert.deepEqual(plausibleRange({ quantity: 'latency', unit: 'ms', late: true, limb: 'upper' })?.min, 10);
      assert.deepEqual(plausibleRange({ quantity: 'latency', unit: 'ms', late: true, limb: 'lower' })?.min, 15);
      const text = MOTOR + '| Ulnar | L | Wrist | 2.9 | 8.1 | 7 | — | 18.0 |\n| Tibial | L | Ankle | 4.8 | 9.0 | 8 | — | 12.0 |\n';
      assert.deepEqual(flagged(text), ['12.0']);
    });

    it('reads F-wave and H-reflex rows as late responses, and evoked potentials by their own range', () => {
      const late = '| Nerve | Latency (ms) | Amplitude (mV) |\n|---|---|---|\n| Tibial H-reflex | 31.2 | 1.4 |\n| Ulnar F-wave | 27.9 | 0.3 |\n| Ulnar | 2.9 | 9.1 |\n';
      assert.deepEqual(flagged(late), []);
      const ssep = 'Table 4. Somatosensory evoked potentials.\n\n| Nerve | Stimulation site | Latency (ms) | Amplitude (µV) |\n|---|---|---|---|\n| Tibial | Ankle | 41.5 | 1.1 |\n| Median | Wrist | 19.8 | 2.3 |\n';
      assert.deepEqual(flagged(ssep), []);
      const vep = '| Eye | P100 latency (ms) | Amplitude (µV) |\n|---|---|---|\n| Left | 128 | 6.2 |\n| Right | 610 | 5.9 |\n';
      assert.deepEqual(flagged(vep), ['610']);
    });

    it('does not range-check latency differences, and keeps a "<" limit below the minimum', () => {
      const text = '| Nerve | Peak latency (ms) | Latency difference (ms) | Amplitude (µV) |\n|---|---|---|---|\n| Median–ulnar, ring finger | 3.4 | 0.3 | <0.5 |\n';
      assert.deepEqual(flagged(text), []);
    });
  });

  it('grades fibrillations, positive sharp waves and fasciculations 0 to 4+', () => {
    const text = '| Muscle | Side | Fibs | PSWs | Fasciculations | Spontaneous activity |\n|---|---|---|---|---|---|\n| Deltoid | L | 6+ | -2 | 4+ | 2+ |\n| Biceps | R | 0 | 1-2+ | present | none |\n| Triceps | R | 3 | ++ | 5+ | 8+ |\n| Deltoid | R | +2 | ++++ | +++++ | +6 |\n';
    const got = findings(text).map((f) => [text.slice(f.start, f.end), f.data?.kind]);
    assert.deepEqual(got, [['6+', 'grade'], ['-2', 'grade'], ['5+', 'grade'], ['8+', 'grade'], ['+++++', 'grade'], ['+6', 'grade']]);
  });

  it('reports a value in another unit as a unit mismatch, not as "not a number"', () => {
    const text = '| Nerve | Amplitude (mV) | Conduction velocity (m/s) |\n|---|---|---|\n| Median | 3.2 µV | 45 ms |\n| Ulnar | 6.4 mV | 55 m/s |\n';
    const got = findings(text).map((f) => [text.slice(f.start, f.end), f.data?.kind, f.message]);
    assert.deepEqual(got.map((g) => g.slice(0, 2)), [['3.2 µV', 'unit-mismatch'], ['45 ms', 'unit-mismatch']]);
    assert.match(String(got[0][2]), /is in µV but column "Amplitude \(mV\)" is in mV: convert it to mV/);
    assert.match(String(got[1][2]), /move it to its column/);
  });

  it('accepts B/L and the usual spellings of a side', () => {
    const text = '| Nerve | Side | Latency (ms) |\n|---|---|---|\n' + ['B/L', 'b/l', 'BL', 'bilat.', 'Bilateral', 'L & R', 'Lt'].map((s) => `| Median | ${s} | 3.4 |`).join('\n') + '\n| Median | middle | 3.4 |\n';
    assert.deepEqual(findings(text).map((f) => text.slice(f.start, f.end)), ['middle']);
  });

  it('recognises a table by its nerve conduction columns, without caption or units', () => {
    const table = (head: string) => parseDocument(`${head}\n${head.replace(/[^|]+/g, '---')}\n${head.replace(/[^|]+/g, ' 1 ')}\n`, 'markdown').tables[0];
    assert.ok(isNcsOrEmgTable(table('| Nerve | Latency | Amplitude | Velocity |')));
    assert.ok(isNcsOrEmgTable(table('| Site | Lat | Amp |')));
    assert.ok(!isNcsOrEmgTable(table('| Vessel | Peak systolic velocity (cm/s) | End-diastolic velocity (cm/s) |')));
    assert.ok(!isNcsOrEmgTable(table('| Test | Result | Unit |')));
    assert.equal(headerUnit('Velocity (cm/s)'), undefined);
    assert.equal(headerQuantity('Latency difference (ms)'), undefined);
  });

  it('skips unfilled snippet values (the placeholder rule reports them)', () => {
    const text = '| Nerve | Latency (ms) | Amplitude (mV) |\n|---|---|---|\n| Median | XX | XX |\n';
    assert.deepEqual(findings(text), []);
  });
});
