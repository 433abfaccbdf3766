import { strict as assert } from 'node:assert';
import { check, explain, explanationMarkdown, explanationText, parseDocument, ruleDocsUrl, SUPPRESSION_KINDS, suppressionComment, type Finding } from '../../server/src/checker';

describe('suppression comment syntax', () => {
  it('one spelling per format, and none in plain text', () => {
    assert.equal(suppressionComment('markdown', 'disable-next-line', 'unsupported-claim'), '<!-- caselint-disable-next-line unsupported-claim -->');
    assert.equal(suppressionComment('latex', 'disable', 'overstated-claim'), '% caselint-disable overstated-claim');
    assert.equal(suppressionComment('text', 'disable-next-line', 'unsupported-claim'), undefined);
  });

  it('the model reads back every comment it writes', () => {
    for (const format of ['markdown', 'latex'] as const) {
      for (const kind of SUPPRESSION_KINDS) {
        const comment = suppressionComment(format, kind, 'overstated-claim')!;
        const [s] = parseDocument(`${comment}\n\nA man had cramps.\n`, format).suppressions;
        assert.deepEqual({ kind: s?.kind, ruleIds: s?.ruleIds }, { kind, ruleIds: ['overstated-claim'] }, `${format} ${kind}`);
      }
    }
  });
});

describe('explain', () => {
  const finding: Finding = {
    ruleId: 'unsupported-claim',
    severity: 'warning',
    start: 0,
    end: 10,
    message: 'Uncited claim.',
    data: { category: 'efficacy', cue: 'increases' },
    fixes: [{ title: 'Insert citation placeholder', kind: 'fix', edits: [] }],
  };

  it('a finding: what was found and why, the rule, how to fix and silence it, its page', () => {
    const e = explain([finding], 'markdown');
    assert.deepEqual(e, {
      ruleId: 'unsupported-claim',
      severity: 'warning',
      findings: [{ message: 'Uncited claim.', why: { category: 'efficacy', cue: 'increases' } }],
      whatItChecks: 'Medical claims (statistics, effects, literature, general facts) carry a citation.',
      howToFix: 'Cite a source for the statement (`[n]`, `[@key]` or `\\cite{key}`). In a case section, a sentence that is really this patient\'s course can be told as such ("In our patient, the cramps eased with quinine.").',
      quickFixes: ['Insert citation placeholder'],
      silence: { comment: '<!-- caselint-disable-next-line unsupported-claim -->' },
      docsUrl: ruleDocsUrl('unsupported-claim'),
    });
    assert.equal(
      explanationMarkdown(e),
      [
        '**caselint** `unsupported-claim` (warning)',
        'Uncited claim.',
        '*Why:* category **efficacy**, cue "increases".',
        '*What it checks:* Medical claims (statistics, effects, literature, general facts) carry a citation.',
        '*How to fix:* Cite a source for the statement (`[n]`, `[@key]` or `\\cite{key}`). In a case section, a sentence that is really this patient\'s course can be told as such ("In our patient, the cramps eased with quinine."). Quick fix: "Insert citation placeholder".',
        '*To silence it:* `<!-- caselint-disable-next-line unsupported-claim -->` on the line above.',
        `[Rule documentation: unsupported-claim](${ruleDocsUrl('unsupported-claim')})`,
      ].join('\n\n'),
    );
  });

  it('says how to silence it in each format: a LaTeX comment, the config for plain text', () => {
    assert.deepEqual(explain([finding], 'latex').silence, { comment: '% caselint-disable-next-line unsupported-claim' });
    const text = explain([finding], 'text');
    assert.deepEqual(text.silence, { configRules: '"rules": { "unsupported-claim": "off" }' });
    assert.doesNotMatch(explanationMarkdown(text), /<!--/);
  });

  it('a rule on its own, by id', () => {
    const e = explain('overstated-claim', 'latex');
    assert.equal(e.severity, 'warning');
    assert.deepEqual(e.findings, []);
    assert.deepEqual(e.quickFixes, []);
    const md = explanationMarkdown(e);
    assert.match(md, /^\*\*caselint\*\* `overstated-claim` \(warning\)\n\n\*What it checks:\* No certainty/);
    assert.match(md, /`% caselint-disable-next-line overstated-claim`/);
  });

  it('is a function of what it is given: the same findings give the same text', () => {
    const { findings } = check('# A case report\n\n## Case report\n\nA man.\n');
    const missing = findings.filter((f) => f.ruleId === 'required-section');
    assert.ok(missing.length > 1);
    const md = explanationMarkdown(explain(missing, 'markdown'));
    assert.equal(md, explanationMarkdown(explain(missing, 'markdown')));
    assert.equal(md.match(/^- Missing required section/gm)?.length, missing.length);
  });
});

describe('explain: the decision behind an uncited claim', () => {
  const text = '# T\n\n## Discussion\n\nPeople with myasthenia tire towards evening.\n';
  const [f] = check(text).findings.filter((x) => x.ruleId === 'unsupported-claim');

  it('hover shows the trace in one line under the message', () => {
    const md = explanationMarkdown(explain([f], 'markdown'));
    assert.match(md, /\n\n\*Why:\* claim \(general medical fact\): a statement in the present tense; generic subject \("People with myasthenia"\); no citation in this sentence\.\n\n/);
  });

  it('the plain-text explanation (caselint explain) prints the same trace', () => {
    const out = explanationText(explain([f], 'markdown'));
    assert.match(out, /^info {2}Uncited claim \(general medical fact\)\. Add a citation\. {2}unsupported-claim\n {2}why: claim \(general medical fact\)/);
  });
});
