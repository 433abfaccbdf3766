import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { check } from '../../server/src/checker';
import { headerQuantity, headerUnit } from '../../server/src/checker/rules/emg-table';

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

  it('skips unfilled snippet values (the placeholder rule reports them)', () => {
    const text = '| Nerve | Latency (ms) | Amplitude (mV) |\n|---|---|---|\n| Median | XX | XX |\n';
    assert.deepEqual(findings(text), []);
  });
});
