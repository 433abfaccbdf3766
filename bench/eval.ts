/**
 * npm run eval: measures the unsupported-claim rule on the labelled real case reports in
 * ../shared/corpus/case-reports.
 *
 * Labels: 01-07 carry theirs in the corpus (`NN-slug.json`, sentence strings). 08-11 come
 * without labels there; ours are in bench/labels/NN-slug.json, written blind (from the article
 * text and the corpus definitions, without running caselint) and stored as offsets into the
 * article with a SHA-256 prefix of each sentence, so that no article text is in this repository.
 *
 * For each labelled article:
 *  - as published: every `uncited_claims` sentence should be flagged (recall), no
 *    `patient_sentences` sentence should be (false-flag rate);
 *  - with every citation marker stripped: every `cited_sentences` sentence should be flagged.
 * A sentence counts as flagged when an unsupported-claim finding overlaps it. A sentence given
 * as a string is located by its LAST occurrence (some also appear in the abstract), whitespace
 * normalised; a sentence given as offsets is where they say (moved across stripped markers).
 *
 * Groups: the articles tuned on from the start (01-04, 06); the ones held out in session 1 (05,
 * 07); and 08-11, labelled blind in session 2. Each held-out group was scored once before any
 * tuning on it (the numbers are in docs/rules/unsupported-claim.md, "Measurement"); the cues
 * have been tuned on their misses since. The table reports each group and the total. Exit code
 * 0 always (it is a report); the last lines say whether the targets are met.
 *
 * Then the citation rules by mutation (bench/citation-mutations.ts): each article changed in
 * one known way at a time (an entry deleted, a marker past the end of the list, two first
 * mentions swapped, an entry duplicated) must give exactly the expected findings; and what the
 * citation rules find on the articles as published.
 *
 * Decisions (`decisions.json` in the corpus): every uncited sentence of the introduction,
 * discussion and conclusion of all eleven articles, labelled blind by an editor as CLAIM, NOT or
 * BORDERLINE. This is what the rule actually decides outside the case sections: CLAIM recall
 * (flagged CLAIM / CLAIM), the share of NOT sentences flagged, and precision (flagged CLAIM over
 * flagged CLAIM + NOT); BORDERLINE counts either way (its flag rate is shown for information).
 * Items marked `split_error` (not one whole sentence) are left out.
 *
 * Narratives (`../narratives/e3c-en-1000.jsonl`): 1,000 published case narratives, each checked
 * as the case section of a minimal manuscript: flags per 100 sentences (the issue's measure, which
 * counts every flag as wrong), and the same flags judged by our blind labels of a sample of the
 * narrative sentences (bench/narrative-labels.ts): case sections do hold general claims, and a
 * flag on one is right.
 *
 * The split (issue 12), fixed before any result was looked at: the decisions of articles 01-04
 * and 06 and narratives 0-499 (line order of the file) are the TUNING group; the decisions of 05
 * and 07-11 and narratives 500-999 are SCORE ONLY: never tuned on, their sentences never listed
 * (--verbose lists the misses and false flags of the tuning group only).
 *
 *   npm run eval [-- --corpus DIR] [-- --verbose] [-- --tuning-only]   (--verbose lists every
 *   miss and false flag of the old labels and of the tuning group; --tuning-only scores the
 *   tuning group alone, the score-only items unchecked)
 *
 * `npm run eval` then runs bench/identifiers-eval.ts: patient-identifier on identifiers planted
 * into the published narratives (../shared/corpus/narratives), per kind, tuning and held-out sets.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { check, type Finding } from '../server/src/checker';
import { runCitationMutations } from './citation-mutations';
import { DECISION_TUNE_IDS, LISTS, NARRATIVE_TUNE_END, locate, normalise, squash, stripCitations, type DecisionLabel, type Label, type Labels } from './claim-corpus';
import { defaultCorpus } from './corpus';
import { judgeFlags, loadNarrativeLabels, sentenceKey } from './narrative-labels';
import { scoreOwnSentences, type OwnScore } from './own-sentences';

const GROUPS = [
  { name: 'tuned on (01-04, 06)', ids: ['01', '02', '03', '04', '06'], mark: '' },
  { name: 'held out in session 1 (05, 07)', ids: ['05', '07'], mark: ' *' },
  { name: 'labelled blind in session 2 (08-11)', ids: ['08', '09', '10', '11'], mark: ' +' },
];
/** Issue 12: stripped-cited recall >= 0.95 and patient false flags <= 0.5 % (were 0.90 and 2 %). */
const TARGETS = { stripped: 0.95, uncited: 0.8, falseFlags: 0.005 };
/** Issue 12: on the decisions, NOT flagged <= 5 % with CLAIM recall >= 0.95; narratives <= 0.8 flags per 100 sentences. */
const DECISION_TARGETS = { notFlagged: 0.05, claimRecall: 0.95, narrativeFlagsPer100: 0.8 };
/** The first measurement of issue 12 (commit f263b80, before any change to the rule), per group. */
const DECISIONS_BEFORE = {
  tuning: 'CLAIM recall 0.98 (85/87), NOT flagged 0.13 (4/30), precision 0.96; narratives 2.12 flags/100 sentences (69/3249)',
  scoreOnly: 'CLAIM recall 1.00 (78/78), NOT flagged 0.29 (11/38), precision 0.88; narratives 2.20 flags/100 sentences (70/3188)',
};
/**
 * The only held-out measurements there are: each group scored once, before any tuning on it.
 * Recorded here because the table cannot recompute them (the cues have changed since).
 */
const HELD_OUT_HISTORY = [
  { articles: '05, 07', when: 'session 1', stripped: 0.88, uncited: 1.0, falseFlags: 0 },
  { articles: '08-11', when: 'session 2, cues at commit 1f2d2f7', stripped: 0.87, uncited: 0.91, falseFlags: 0 },
];
const OUR_LABELS = join(__dirname, 'labels');


interface Score {
  hit: number;
  total: number;
  missing: string[];
  notFound: string[];
  /** The sentences that were flagged (false flags, for the patient list). */
  flagged: string[];
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('-v');
/**
 * --tuning-only: score the decisions, narratives and our own sentences of the TUNING group only
 * (the score-only items are not even checked), to work on the rule without seeing the group it
 * is finally scored on.
 */
const tuningOnly = args.includes('--tuning-only');
const corpusArg = args.indexOf('--corpus');
const corpus = resolve(corpusArg >= 0 ? args[corpusArg + 1] : defaultCorpus());


if (!existsSync(corpus)) {
  console.error(`eval: corpus not found at ${corpus} (pass --corpus DIR)`);
  process.exit(0);
}

const sha12 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex').slice(0, 12);

/** Our labels for an article (bench/labels), checked against the article's text. */
function ourLabels(name: string, text: string): Labels | undefined {
  const path = join(OUR_LABELS, `${name}.json`);
  if (!existsSync(path)) return undefined;
  const labels = JSON.parse(readFileSync(path, 'utf8')) as Labels;
  for (const list of LISTS) {
    for (const l of labels[list]) {
      if (typeof l === 'string') continue;
      if (sha12(text.slice(l.start, l.end)) !== l.sha256) {
        throw new Error(`${path}: ${list} [${l.start}, ${l.end}) does not match the article (hash differs): has the corpus changed?`);
      }
    }
  }
  return labels;
}

/** What a label says, for listing misses: its text, whitespace squashed. */
const shown = (label: Label, text: string) => squash(typeof label === 'string' ? label : text.slice(label.start, label.end));

function score(text: string, findings: Finding[], labels: Label[], at: (offset: number) => number = (o) => o): Score {
  const norm = normalise(text);
  const claims = findings.filter((f) => f.ruleId === 'unsupported-claim');
  const s: Score = { hit: 0, total: 0, missing: [], notFound: [], flagged: [] };
  for (const label of labels) {
    const span = locate(label, norm, at);
    if (!span) {
      s.notFound.push(shown(label, text));
      continue;
    }
    s.total++;
    const said = text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
    if (claims.some((f) => f.start < span.end && span.start < f.end)) {
      s.hit++;
      s.flagged.push(said);
    } else s.missing.push(said);
  }
  return s;
}

interface Row {
  id: string;
  name: string;
  stripped: Score;
  uncited: Score;
  patient: Score;
}

const rows: Row[] = [];
let timing = 0;
for (const file of readdirSync(corpus).filter((f) => /^\d\d-.*\.md$/.test(f)).sort()) {
  const name = file.replace(/\.md$/, '');
  const text = readFileSync(join(corpus, file), 'utf8');
  const jsonPath = join(corpus, `${name}.json`);
  const labels = existsSync(jsonPath) ? (JSON.parse(readFileSync(jsonPath, 'utf8')) as Labels) : ourLabels(name, text);
  if (!labels) continue;
  const t0 = performance.now();
  const published = check(text, { format: 'markdown' }).findings;
  timing += performance.now() - t0;
  const stripped = stripCitations(text);
  const strippedFindings = check(stripped.text, { format: 'markdown' }).findings;
  rows.push({
    id: file.slice(0, 2),
    name,
    stripped: score(stripped.text, strippedFindings, labels.cited_sentences, stripped.at),
    uncited: score(text, published, labels.uncited_claims),
    patient: score(text, published, labels.patient_sentences),
  });
}

const ratio = (a: number, b: number) => (b ? a / b : NaN);
const fmt = (x: number) => (Number.isNaN(x) ? '  -  ' : x.toFixed(2).padStart(5));
const cell = (s: Pick<Score, 'hit' | 'total'>) => `${fmt(ratio(s.hit, s.total))} (${String(s.hit).padStart(3)}/${String(s.total).padEnd(3)})`;

function sum(rs: Row[]): Omit<Row, 'id' | 'name'> {
  const add = (k: 'stripped' | 'uncited' | 'patient'): Score => ({
    hit: rs.reduce((n, r) => n + r[k].hit, 0),
    total: rs.reduce((n, r) => n + r[k].total, 0),
    missing: rs.flatMap((r) => r[k].missing),
    notFound: rs.flatMap((r) => r[k].notFound),
    flagged: rs.flatMap((r) => r[k].flagged),
  });
  return { stripped: add('stripped'), uncited: add('uncited'), patient: add('patient') };
}

const groupOf = (id: string) => GROUPS.find((g) => g.ids.includes(id));
const header = `${'article'.padEnd(46)} ${'recall stripped cited'.padEnd(21)} ${'recall uncited claims'.padEnd(21)} ${'false flags on patient'.padEnd(21)}`;
console.log(`unsupported-claim on ${corpus}\n`);
console.log(header);
console.log('-'.repeat(header.length));
const line = (name: string, r: Omit<Row, 'id' | 'name'>) =>
  console.log(`${name.padEnd(46)} ${cell(r.stripped).padEnd(21)} ${cell(r.uncited).padEnd(21)} ${cell(r.patient).padEnd(21)}`);
for (const r of rows) line(`${r.name.slice(0, 43)}${groupOf(r.id)?.mark ?? ''}`, r);
console.log('-'.repeat(header.length));
const groups = GROUPS.map((g) => ({ name: g.name, mark: g.mark, sums: sum(rows.filter((r) => g.ids.includes(r.id))) })).filter((g) => g.sums.stripped.total + g.sums.uncited.total + g.sums.patient.total > 0);
const total = sum(rows);
for (const g of groups) line(`${g.name}${g.mark}`, g.sums);
line('total', total);
console.log(`\n(in-process check of all ${rows.length} articles as published, cold first run: ${timing.toFixed(1)} ms; run with --verbose to list misses and false flags)`);
const history = HELD_OUT_HISTORY.map((h) => `${h.articles} gave ${h.stripped.toFixed(2)} / ${h.uncited.toFixed(2)} / ${h.falseFlags.toFixed(2)}`).join(', ');
console.log(`(* and +: held out, then scored once before any tuning on them: ${history};\n the cues were tuned on their misses afterwards, so these rows no longer measure unseen articles.)`);

const notFound = [...total.stripped.notFound, ...total.uncited.notFound, ...total.patient.notFound];
if (notFound.length) {
  console.log(`\n${notFound.length} labelled sentence(s) not found in the text (left out of the counts):`);
  for (const s of notFound) console.log(`  ? ${s}`);
}
if (verbose) {
  console.log('\n(misses and false flags of the sentence labels: articles of the TUNING group only)');
  for (const r of rows.filter((x) => DECISION_TUNE_IDS.includes(x.id))) {
    const list = (label: string, xs: string[]) => xs.forEach((x) => console.log(`  ${label} ${x}`));
    if (!r.stripped.missing.length && !r.uncited.missing.length && !r.patient.hit) continue;
    console.log(`\n${r.name}`);
    list('miss (cited, stripped):', r.stripped.missing);
    list('miss (uncited claim):  ', r.uncited.missing);
    list('FALSE FLAG (patient):  ', r.patient.flagged);
  }
}


// ---------------------------------------------------------------------------
// Decisions: every uncited sentence outside the case sections, labelled CLAIM / NOT / BORDERLINE
// ---------------------------------------------------------------------------
interface DecisionRow {
  id: string;
  name: string;
  claim: Score;
  not: Score;
  borderline: Score;
  /** Items left out (split errors). */
  left: number;
}
const sha1_12 = (s: string) => createHash('sha1').update(s, 'utf8').digest('hex').slice(0, 12);
const emptyScore = (): Score => ({ hit: 0, total: 0, missing: [], notFound: [], flagged: [] });

const decisionsPath = join(corpus, 'decisions.json');
const decisionRows: DecisionRow[] = [];
const decisionWhy = new Map<string, string>();
if (existsSync(decisionsPath)) {
  const all = JSON.parse(readFileSync(decisionsPath, 'utf8')) as { labels: Record<string, DecisionLabel[]> };
  for (const file of Object.keys(all.labels).sort()) {
    if (tuningOnly && !DECISION_TUNE_IDS.includes(file.slice(0, 2))) continue;
    const text = readFileSync(join(corpus, file), 'utf8');
    const findings = check(text, { format: 'markdown' }).findings.filter((f) => f.ruleId === 'unsupported-claim');
    const row: DecisionRow = { id: file.slice(0, 2), name: file.replace(/\.md$/, ''), claim: emptyScore(), not: emptyScore(), borderline: emptyScore(), left: 0 };
    for (const l of all.labels[file]) {
      const span = text.slice(l.at, l.at + l.len);
      if (sha1_12(span) !== l.sha1) throw new Error(`${decisionsPath}: ${file} [${l.at}, +${l.len}) does not match the article (hash differs): has the corpus changed?`);
      if (l.split_error) {
        row.left++;
        continue;
      }
      const s = l.label === 'CLAIM' ? row.claim : l.label === 'NOT' ? row.not : row.borderline;
      s.total++;
      const said = squash(span);
      decisionWhy.set(said, l.why);
      if (findings.some((f) => f.start < l.at + l.len && l.at < f.end)) {
        s.hit++;
        s.flagged.push(said);
      } else s.missing.push(said);
    }
    decisionRows.push(row);
  }
}

function sumDecisions(rs: DecisionRow[]): Omit<DecisionRow, 'id' | 'name'> {
  const add = (k: 'claim' | 'not' | 'borderline'): Score => ({
    hit: rs.reduce((n, r) => n + r[k].hit, 0),
    total: rs.reduce((n, r) => n + r[k].total, 0),
    missing: rs.flatMap((r) => r[k].missing),
    notFound: [],
    flagged: rs.flatMap((r) => r[k].flagged),
  });
  return { claim: add('claim'), not: add('not'), borderline: add('borderline'), left: rs.reduce((n, r) => n + r.left, 0) };
}
const precisionOf = (d: Omit<DecisionRow, 'id' | 'name'>) => ratio(d.claim.hit, d.claim.hit + d.not.hit);

// ---------------------------------------------------------------------------
// Narratives: published case sections, each checked as the case section of a minimal manuscript
// ---------------------------------------------------------------------------
interface NarrativeScore {
  texts: number;
  sentences: number;
  flags: number;
  /** Flagged sentences (tuning group only, for --verbose). */
  flagged: { index: number; sentence: string; message: string }[];
  overstated: number;
  /** Keys (narrative-labels.ts sentenceKey) of the flagged and of the other sentences. */
  flaggedKeys: string[];
  otherKeys: string[];
}
const narrativesPath = join(corpus, '..', 'narratives', 'e3c-en-1000.jsonl');
const narratives = { tuning: emptyNarrative(), scoreOnly: emptyNarrative() };
function emptyNarrative(): NarrativeScore {
  return { texts: 0, sentences: 0, flags: 0, flagged: [], overstated: 0, flaggedKeys: [], otherKeys: [] };
}
let narrativeMs = 0;
if (existsSync(narrativesPath)) {
  const lines = readFileSync(narrativesPath, 'utf8').split('\n').filter((l) => l.trim());
  lines.forEach((line, index) => {
    if (tuningOnly && index >= NARRATIVE_TUNE_END) return;
    const { text } = JSON.parse(line) as { text: string };
    const doc = `# A case report\n\n## Case presentation\n\n${text}\n`;
    const t0 = performance.now();
    const { findings, model } = check(doc, { format: 'markdown' });
    narrativeMs += performance.now() - t0;
    const into = index < NARRATIVE_TUNE_END ? narratives.tuning : narratives.scoreOnly;
    into.texts++;
    into.sentences += model.paragraphs.reduce((n, p) => n + p.sentences.length, 0);
    for (const f of findings) {
      if (f.ruleId === 'overstated-claim') into.overstated++;
      if (f.ruleId !== 'unsupported-claim') continue;
      into.flags++;
      if (into === narratives.tuning) into.flagged.push({ index, sentence: squash(doc.slice(f.start, f.end)), message: f.message });
    }
    const claimStarts = findings.filter((f) => f.ruleId === 'unsupported-claim').map((f) => f.start);
    for (const p of model.paragraphs) {
      for (const s of p.sentences) {
        const key = sentenceKey(index, doc.slice(s.start, s.end));
        (claimStarts.some((x) => x >= s.start && x < s.end) ? into.flaggedKeys : into.otherKeys).push(key);
      }
    }
  });
}
const per100 = (n: NarrativeScore) => ratio(100 * n.flags, n.sentences);

if (decisionRows.length) {
  const dHeader = `${'decisions (outside the case sections)'.padEnd(46)} ${'CLAIM recall'.padEnd(21)} ${'NOT flagged'.padEnd(21)} ${'precision'.padEnd(10)} ${'BORDERLINE flagged'.padEnd(21)}`;
  console.log(`\n\nDecisions on ${decisionsPath}\n(split, fixed before looking at results: TUNING = articles ${DECISION_TUNE_IDS.join(', ')} and narratives 0-${NARRATIVE_TUNE_END - 1}; SCORE ONLY = the rest, never tuned on, marked #)\n`);
  console.log(dHeader);
  console.log('-'.repeat(dHeader.length));
  const dLine = (name: string, d: Omit<DecisionRow, 'id' | 'name'>) =>
    console.log(`${name.padEnd(46)} ${cell(d.claim).padEnd(21)} ${cell(d.not).padEnd(21)} ${fmt(precisionOf(d)).padEnd(10)} ${cell(d.borderline).padEnd(21)}`);
  for (const r of decisionRows) dLine(`${r.name.slice(0, 43)}${DECISION_TUNE_IDS.includes(r.id) ? '' : ' #'}`, r);
  console.log('-'.repeat(dHeader.length));
  dLine('TUNING (01-04, 06)', sumDecisions(decisionRows.filter((r) => DECISION_TUNE_IDS.includes(r.id))));
  if (!tuningOnly) {
    dLine('SCORE ONLY (05, 07-11) #', sumDecisions(decisionRows.filter((r) => !DECISION_TUNE_IDS.includes(r.id))));
    dLine('total', sumDecisions(decisionRows));
  }
  const left = sumDecisions(decisionRows).left;
  if (left) console.log(`(${left} item(s) marked split_error left out)`);
}
if (narratives.tuning.texts + narratives.scoreOnly.texts) {
  console.log(`\nNarratives on ${narrativesPath}, each as the case section of a minimal manuscript\n`);
  const nLine = (name: string, n: NarrativeScore) =>
    console.log(`${name.padEnd(46)} ${String(n.texts).padStart(5)} texts ${String(n.sentences).padStart(6)} sentences ${String(n.flags).padStart(4)} flags = ${fmt(per100(n))} per 100 sentences (overstated-claim: ${n.overstated})`);
  nLine(`TUNING (0-${NARRATIVE_TUNE_END - 1})`, narratives.tuning);
  if (!tuningOnly) nLine(`SCORE ONLY (${NARRATIVE_TUNE_END}-) #`, narratives.scoreOnly);
  const both: NarrativeScore = { texts: narratives.tuning.texts + narratives.scoreOnly.texts, sentences: narratives.tuning.sentences + narratives.scoreOnly.sentences, flags: narratives.tuning.flags + narratives.scoreOnly.flags, flagged: [], overstated: narratives.tuning.overstated + narratives.scoreOnly.overstated, flaggedKeys: [], otherKeys: [] };
  if (!tuningOnly) nLine('total', both);
  const labels = loadNarrativeLabels(__dirname);
  if (labels.size) {
    console.log(`\nThe same flags judged by our blind labels (bench/labels/narratives.json, ${labels.size} sentences): a flag on a general claim is right; unlabelled flags count as wrong`);
    const jLine = (name: string, n: NarrativeScore) => {
      const j = judgeFlags(labels, n.flaggedKeys, n.otherKeys);
      const wrong = j.not + j.unlabelled;
      console.log(
        `${name.padEnd(46)} flags ${String(n.flaggedKeys.length).padStart(3)}: CLAIM ${j.claim}, BORDERLINE ${j.borderline}, NOT ${j.not}, unlabelled ${j.unlabelled} = ` +
          `${fmt(ratio(100 * wrong, n.sentences))} wrong flags per 100 sentences; claims among ${j.sampleSize} unflagged sentences drawn at random: ${j.sampleClaims}` +
          (j.nearSize ? `; among ${j.nearSize} unflagged with a claim word or the present tense: ${j.nearClaims} CLAIM, ${j.nearBorderline} BORDERLINE` : ''),
      );
    };
    jLine(`TUNING (0-${NARRATIVE_TUNE_END - 1})`, narratives.tuning);
    if (!tuningOnly) jLine(`SCORE ONLY (${NARRATIVE_TUNE_END}-) #`, narratives.scoreOnly);
  }
  console.log(`(in-process check of all ${both.texts} narratives: ${narrativeMs.toFixed(0)} ms)`);
} else console.log(`\n(narratives not found at ${narrativesPath}: not measured)`);
const own = scoreOwnSentences(__dirname, tuningOnly);
if (own) {
  console.log('\nSentences we wrote (bench/labels/own-sentences.json), each alone in its section; TUNING = even positions, SCORE ONLY = odd (#)\n');
  const oLine = (name: string, o: OwnScore) =>
    console.log(`${name.padEnd(46)} CLAIM flagged ${cell(o.claim).padEnd(21)} NOT flagged ${cell(o.not).padEnd(21)} BORDERLINE flagged ${cell(o.borderline)}`);
  for (const section of ['case', 'discussion']) {
    oLine(`TUNING, ${section === 'case' ? 'case presentation' : 'introduction/discussion'}`, own.tuning[section]);
    if (!tuningOnly) oLine(`SCORE ONLY, ${section === 'case' ? 'case presentation' : 'introduction/discussion'} #`, own.scoreOnly[section]);
  }
}
console.log(`\nFirst measured (issue 12, before any change): TUNING ${DECISIONS_BEFORE.tuning};\n  SCORE ONLY ${DECISIONS_BEFORE.scoreOnly}.`);

if (verbose) {
  const tune = sumDecisions(decisionRows.filter((r) => DECISION_TUNE_IDS.includes(r.id)));
  const list = (label: string, xs: string[]) => xs.forEach((x) => console.log(`  ${label} ${x}  [${decisionWhy.get(x) ?? ''}]`));
  console.log('\nTUNING group only (the score-only group is never listed):');
  list('FLAGGED NOT:       ', tune.not.flagged);
  list('missed CLAIM:      ', tune.claim.missing);
  list('flagged BORDERLINE:', tune.borderline.flagged);
  list('left BORDERLINE:   ', tune.borderline.missing);
  for (const f of narratives.tuning.flagged) console.log(`  narrative ${f.index}: ${f.sentence}  [${f.message}]`);
  for (const o of own ? [own.tuning.case, own.tuning.discussion] : []) for (const w of o.wrong) console.log(`  own: ${w}`);
}

const check3 = (name: string, r: Omit<Row, 'id' | 'name'>) => {
  const a = ratio(r.stripped.hit, r.stripped.total) >= TARGETS.stripped;
  const b = ratio(r.uncited.hit, r.uncited.total) >= TARGETS.uncited;
  const c = ratio(r.patient.hit, r.patient.total) <= TARGETS.falseFlags;
  console.log(
    `${name.padEnd(44)} stripped cited >= ${TARGETS.stripped}: ${a ? 'met' : 'NOT met'}; uncited claims >= ${TARGETS.uncited}: ${b ? 'met' : 'NOT met'}; ` +
      `false flags <= ${TARGETS.falseFlags * 100}%: ${c ? 'met' : 'NOT met'}`,
  );
  return a && b && c;
};
console.log('\nTargets on the sentence labels (every article has been tuned on):');
const ok = [...groups.map((g) => check3(g.name, g.sums)), check3('total', total)].every(Boolean);
const checkDecisions = (name: string, d: Omit<DecisionRow, 'id' | 'name'>, n: NarrativeScore) => {
  const a = ratio(d.not.hit, d.not.total) <= DECISION_TARGETS.notFlagged;
  const b = ratio(d.claim.hit, d.claim.total) >= DECISION_TARGETS.claimRecall;
  const c = !n.sentences || per100(n) <= DECISION_TARGETS.narrativeFlagsPer100;
  console.log(
    `${name.padEnd(44)} NOT flagged <= ${DECISION_TARGETS.notFlagged * 100}%: ${a ? 'met' : 'NOT met'}; CLAIM recall >= ${DECISION_TARGETS.claimRecall}: ${b ? 'met' : 'NOT met'}; ` +
      `narratives <= ${DECISION_TARGETS.narrativeFlagsPer100}/100: ${c ? 'met' : 'NOT met'}`,
  );
  return a && b && c;
};
let decisionsOk = true;
if (decisionRows.length) {
  console.log('\nTargets on the decisions and narratives (issue 12):');
  decisionsOk = [
    checkDecisions('TUNING', sumDecisions(decisionRows.filter((r) => DECISION_TUNE_IDS.includes(r.id))), narratives.tuning),
    ...(tuningOnly ? [] : [checkDecisions('SCORE ONLY (never tuned on)', sumDecisions(decisionRows.filter((r) => !DECISION_TUNE_IDS.includes(r.id))), narratives.scoreOnly)]),
  ].every(Boolean);
}
console.log('\nTargets, held out (scored once before tuning on them):');
const heldOk = HELD_OUT_HISTORY.map((h) => {
  const met = h.stripped >= TARGETS.stripped && h.uncited >= TARGETS.uncited && h.falseFlags <= TARGETS.falseFlags;
  console.log(`${`${h.articles} (${h.when})`.padEnd(44)} stripped cited ${h.stripped.toFixed(2)}, uncited claims ${h.uncited.toFixed(2)}, false flags ${h.falseFlags.toFixed(2)}: ${met ? 'met' : 'NOT met'}`);
  return met;
}).every(Boolean);
console.log(
  ok && heldOk ? '\nSentence-label targets all met.' : ok ? '\nSentence-label targets met on the tuned articles; NOT met on articles held out (a new held-out measurement needs fresh labelled articles).' : '\nSome sentence-label targets are NOT met.',
);
console.log(decisionsOk ? 'Decision targets met in both groups.' : 'Some decision targets are NOT met (see above, per group).');

/**
 * figure-table-reference, seeded mutations: for each article, (a) cite a figure that has no
 * caption — " (Figure N+1)" after the last mention of a figure, N the highest captioned number
 * (or " (Figure 1)" at the end of the case section's first line when there is none); (b) drop a
 * caption — delete the caption line of the highest-numbered figure. Each must add exactly the
 * expected finding of the rule and take none away. Also lists the rule's findings on the
 * articles as published.
 */
function figureMutations(): boolean {
  const RULE = 'figure-table-reference';
  const messages = (text: string) =>
    check(text, { format: 'markdown' }).findings.filter((f) => f.ruleId === RULE).map((f) => ({ message: f.message, start: f.start }));
  /** The messages in `after` that are not in `before` and those of `before` not in `after` (multisets). */
  const delta = (before: string[], after: string[]) => {
    const rest = [...before];
    const added: string[] = [];
    for (const m of after) {
      const i = rest.indexOf(m);
      if (i >= 0) rest.splice(i, 1);
      else added.push(m);
    }
    return { added, removed: rest };
  };
  console.log(`\n${RULE} on ${corpus}`);
  let total = 0;
  let found = 0;
  const published: string[] = [];
  const misses: string[] = [];
  for (const file of readdirSync(corpus).filter((f) => /^\d\d-.*\.md$/.test(f)).sort()) {
    const text = readFileSync(join(corpus, file), 'utf8');
    const base = messages(text);
    for (const f of base) published.push(`  ${file} line ${text.slice(0, f.start).split('\n').length}: ${f.message}`);
    const captions = [...text.matchAll(/^Figure (\d+)\b.*$/gm)];
    const highest = captions.reduce((n, m) => Math.max(n, Number(m[1])), 0);
    const mutations: { name: string; text: string; expect: string }[] = [];
    // (a) a figure that has no caption
    const mentions = [...text.matchAll(/\bfig(?:ure)?s?\.? ?\d+[A-Za-z]?(?:\s*(?:,|&|and|[-\u2013])\s*\d+[A-Za-z]?)*\)?/gi)].filter((m) => !/^Figure/.test(text.slice(text.lastIndexOf('\n', m.index!) + 1)));
    const n = highest + 1;
    let at: number | undefined;
    if (mentions.length) {
      const last = mentions[mentions.length - 1];
      at = last.index! + last[0].length;
    } else {
      const caseHeading = /^##[^\n]*case[^\n]*\n+[^\n#]/im.exec(text);
      if (caseHeading) at = text.indexOf('\n', caseHeading.index + caseHeading[0].length);
    }
    if (at !== undefined && at > 0) {
      mutations.push({
        name: `cite Figure ${n}, which has no caption`,
        text: text.slice(0, at) + ` (Figure ${n})` + text.slice(at),
        expect: `Figure ${n} is mentioned but has no caption: add the figure or fix the number.`,
      });
    }
    // (b) drop the caption of the highest-numbered figure
    const cap = captions.find((m) => Number(m[1]) === highest);
    if (cap) {
      mutations.push({
        name: `drop the caption of Figure ${highest}`,
        text: text.slice(0, cap.index!) + text.slice(cap.index! + cap[0].length),
        expect: `Figure ${highest} is mentioned but has no caption: add the figure or fix the number.`,
      });
    }
    for (const m of mutations) {
      total++;
      const { added, removed } = delta(
        base.map((f) => f.message),
        messages(m.text).map((f) => f.message),
      );
      if (added.length === 1 && added[0] === m.expect && !removed.length) found++;
      else misses.push(`  ${file}: ${m.name}: added ${JSON.stringify(added)}, removed ${JSON.stringify(removed)}`);
    }
  }
  console.log(`findings on the articles as published: ${published.length}`);
  for (const p of published) console.log(p);
  console.log(`seeded mutations (cite a figure without caption, drop a caption): ${found}/${total} found exactly`);
  for (const m of misses) console.log(m);
  return found === total;
}

console.log(figureMutations() ? 'figure-table-reference: every mutation found.' : 'figure-table-reference: some mutations NOT found.');
// ---------------------------------------------------------------------------
// Citation rules: seeded mutations of every article
// ---------------------------------------------------------------------------

const articles = readdirSync(corpus)
  .filter((f) => /^\d\d-.*\.md$/.test(f))
  .sort()
  .map((f) => ({ name: f.replace(/\.md$/, ''), text: readFileSync(join(corpus, f), 'utf8') }));
const mutated = runCitationMutations(articles);
const found = mutated.results.filter((r) => r.ok).length;
console.log(`\ncitation-reference, citation-order, reference-entry: seeded mutations of ${articles.length} articles (bench/citation-mutations.ts)\n`);
const kinds = [...new Set(mutated.results.map((r) => r.mutation.replace(/\d+/g, 'N')))];
for (const kind of kinds) {
  const rs = mutated.results.filter((r) => r.mutation.replace(/\d+/g, 'N') === kind);
  console.log(`${kind.padEnd(40)} ${String(rs.filter((r) => r.ok).length).padStart(3)}/${rs.length} exactly the expected findings`);
}
console.log(`${'mutation recall'.padEnd(40)} ${fmt(ratio(found, mutated.results.length))} (${found}/${mutated.results.length}; target 1.00: ${found === mutated.results.length ? 'met' : 'NOT met'}; ${mutated.ms.toFixed(0)} ms)`);
for (const r of mutated.results.filter((x) => !x.ok)) console.log(`  MISSED ${r.article}: ${r.mutation}: ${r.detail}`);
for (const s of mutated.skipped) console.log(`  (not made: ${s})`);
console.log(`\nOn the articles as published: ${mutated.published.length} finding(s)${mutated.published.length ? '' : ' (target: none but real defects)'}`);
for (const p of mutated.published) console.log(`  ${p.article}:${p.line} ${p.ruleId}: ${p.message} (at "${p.text.slice(0, 40)}")`);
