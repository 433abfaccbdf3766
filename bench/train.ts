/**
 * npm run train: fits the weights of the learned unsupported-claim decision
 * (server/src/checker/analysis/claims/decision-weights.json) on the TUNING group of the split of
 * issue 12 only, and measures it leaving one article out at a time against the hand-written
 * decision.
 *
 * Examples (TUNING articles 01-04 and 06 only; the score-only articles are never read):
 *  - decisions.json: CLAIM → 1, NOT → 0 (BORDERLINE left out, and so is any sentence labelled
 *    BORDERLINE there in the other lists); the sentence the rule judges that overlaps the label most;
 *  - the article's sentence labels: `uncited_claims` → 1 and `patient_sentences` → 0 as
 *    published, `cited_sentences` → 1 with every citation stripped.
 *  - measured only (never trained on by default): the TUNING half (even positions) of the sentences
 *    we wrote for the eval (bench/labels/own-sentences.json), a group of their own.
 * A sentence the decision does not weigh (a question, too short, no claim word and no present
 * tense outside the case sections...: the same gates as the hand decision) counts as not flagged
 * and is not trained on. Narratives are not trained on (they carry no labels); the flag rate on
 * TUNING narratives 0-499 is shown for both decisions.
 *
 * Model: logistic regression over the classifier's evidence (weights.ts: each kind of claim word,
 * what keeps it out, tense and by what, subject, section), class-balanced, L2 on the weights (not
 * the bias), full-batch gradient descent from zero (deterministic). The L2 strength and the
 * threshold are chosen on the pooled leave-one-article-out scores: the lowest NOT-flagged count
 * with CLAIM recall, stripped-cited recall >= 0.95 and patient flags <= 0.5 % (ties: higher CLAIM
 * recall, then the middle of the tied thresholds). The final weights are fitted on all five
 * articles; the threshold is the LOAO one.
 *
 *   npm run train [-- --corpus DIR] [-- --check] [-- --verbose] [-- --without-examples] [-- --train-on-own]
 *   (--check: measure only, do not write the weights; --verbose: list the tuning sentences on
 *   which the decisions differ; --without-examples: train on the articles alone, measure only;
 *   --train-on-own: train on our own sentences' tuning half too, measure only)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { check, getRule } from '../server/src/checker';
import { makeClassifier, CLAIM_DATA, type ClaimClassifier } from '../server/src/checker/analysis/claims/classify';
import { CLAIM_WORD_SETS } from '../server/src/checker/analysis/claims/cues';
import type { ClaimExamples } from '../server/src/checker/analysis/claims/types';
import { EVIDENCE, type DecisionWeights } from '../server/src/checker/analysis/claims/weights';
import { claimSentences } from '../server/src/checker/views/claim-decisions';
import type { SectionMode } from '../server/src/checker/analysis/claims/types';
import { DECISION_TUNE_IDS, NARRATIVE_TUNE_END, locate, normalise, stripCitations, type DecisionLabel, type Labels } from './claim-corpus';
import { defaultCorpus } from './corpus';

const args = process.argv.slice(2);
const corpusArg = args.indexOf('--corpus');
const corpus = resolve(corpusArg >= 0 ? args[corpusArg + 1] : defaultCorpus());
const checkOnly = args.includes('--check');
/** --without-examples: train on the articles alone (measures what our example sentences add; implies --check). */
const withoutExamples = args.includes('--without-examples');
/** --train-on-own: also train on the tuning half of bench/labels/own-sentences.json (measure only). */
const trainOnOwn = args.includes('--train-on-own');
/** --verbose: list the tuning sentences on which the two decisions differ (TUNING only: nothing else is read). */
const verbose = args.includes('--verbose') || args.includes('-v');
const WEIGHTS_PATH = join(__dirname, '..', 'server', 'src', 'checker', 'analysis', 'claims', 'decision-weights.json');
const TARGETS = { claimRecall: 0.95, stripped: 0.95, patientFlags: 0.005 };
/** Tried from the strongest: among equally good ones, the most regularised (the simplest) is kept. */
const LAMBDAS = [0.3, 0.1, 0.03, 0.01, 0.003, 0.001];

if (!existsSync(corpus)) {
  console.error(`train: corpus not found at ${corpus} (pass --corpus DIR)`);
  process.exit(1);
}

type Source = 'decision CLAIM' | 'decision NOT' | 'uncited claim' | 'patient' | 'cited, stripped' | 'own CLAIM' | 'own NOT' | 'our example';
interface Sentence {
  text: string;
  mode: SectionMode;
}
/** One labelled item: the sentences it overlaps (flagged when any is), the one trained on, its label. */
interface Item {
  article: string;
  source: Source;
  y: 0 | 1;
  sentences: Sentence[];
  main?: Sentence;
  /** Measured, not trained on (our examples under --without-examples). */
  notTrainedOn?: boolean;
}

const HAND = makeClassifier(CLAIM_DATA);

// ---------------------------------------------------------------------------
// The items of the TUNING articles
// ---------------------------------------------------------------------------
const decisions = JSON.parse(readFileSync(join(corpus, 'decisions.json'), 'utf8')) as { labels: Record<string, DecisionLabel[]> };
const items: Item[] = [];
const files = Object.keys(decisions.labels)
  .filter((f) => DECISION_TUNE_IDS.includes(f.slice(0, 2)))
  .sort();
if (files.length !== DECISION_TUNE_IDS.length) throw new Error(`train: expected the decisions of ${DECISION_TUNE_IDS.join(', ')}`);

/** The judged sentences overlapping [start, end), and the one overlapping most. */
function overlapping(judged: ReturnType<typeof claimSentences>, start: number, end: number): { sentences: Sentence[]; main?: Sentence } {
  let best = 0;
  let main: Sentence | undefined;
  const sentences: Sentence[] = [];
  for (const s of judged) {
    const o = Math.min(end, s.end) - Math.max(start, s.start);
    if (o <= 0) continue;
    sentences.push(s);
    if (o > best) {
      best = o;
      main = s;
    }
  }
  return { sentences, main };
}

let leftOut = 0;
for (const file of files) {
  const article = file.slice(0, 2);
  const text = readFileSync(join(corpus, file), 'utf8');
  const judged = claimSentences(check(text, { format: 'markdown' }));
  const borderline: { start: number; end: number }[] = [];
  const taken = new Set<string>();
  for (const l of decisions.labels[file]) {
    if (l.split_error) continue;
    if (l.label === 'BORDERLINE') {
      borderline.push({ start: l.at, end: l.at + l.len });
      continue;
    }
    const o = overlapping(judged, l.at, l.at + l.len);
    items.push({ article, source: l.label === 'CLAIM' ? 'decision CLAIM' : 'decision NOT', y: l.label === 'CLAIM' ? 1 : 0, ...o });
    if (o.main) taken.add(`${o.main.mode}\0${o.main.text}`);
  }
  const labels = JSON.parse(readFileSync(join(corpus, file.replace(/\.md$/, '.json')), 'utf8')) as Labels;
  const norm = normalise(text);
  const isBorderline = (start: number, end: number) => borderline.some((b) => b.start < end && start < b.end);
  const add = (source: Source, y: 0 | 1, spans: ({ start: number; end: number } | undefined)[], sentencesOf: ReturnType<typeof claimSentences>, inPublished: boolean) => {
    for (const span of spans) {
      if (!span) continue;
      if (inPublished && isBorderline(span.start, span.end)) {
        leftOut++;
        continue;
      }
      const o = overlapping(sentencesOf, span.start, span.end);
      // The same sentence as a decision already taken (same text, same mode): counted once.
      const key = o.main && `${o.main.mode}\0${o.main.text}`;
      const main = key && taken.has(key) ? undefined : o.main;
      if (key) taken.add(key);
      items.push({ article, source, y, sentences: o.sentences, main });
    }
  };
  const id = (o: number) => o;
  add('uncited claim', 1, labels.uncited_claims.map((l) => locate(l, norm, id)), judged, true);
  add('patient', 0, labels.patient_sentences.map((l) => locate(l, norm, id)), judged, true);
  const stripped = stripCitations(text);
  const strippedJudged = claimSentences(check(stripped.text, { format: 'markdown' }));
  // Borderline spans are offsets into the published text; stripped spans are mapped back through `at` only forwards, so the check uses the published span.
  const strippedNorm = normalise(stripped.text);
  for (const l of labels.cited_sentences) {
    const published = locate(l, norm, id);
    if (published && isBorderline(published.start, published.end)) {
      leftOut++;
      continue;
    }
    add('cited, stripped', 1, [locate(l, strippedNorm, stripped.at)], strippedJudged, false);
  }
}

// Sentences we wrote for the evaluation (bench/labels/own-sentences.json, bench/own-sentences.ts):
// only the TUNING half (even positions; the odd ones are score-only and are skipped unread), each
// checked alone in its section as the eval does; measured as a group of its own (a sentence the
// weights never saw), trained on only with --train-on-own (which then writes no weights: measured
// so, they flag more of the tuning narratives, 43 against 36).
const OWN = 'own';
const ownPath = join(__dirname, 'labels', 'own-sentences.json');
if (existsSync(ownPath)) {
  const { sentences } = JSON.parse(readFileSync(ownPath, 'utf8')) as { sentences: { section: SectionMode; label: 'CLAIM' | 'NOT' | 'BORDERLINE'; text: string }[] };
  for (let i = 0; i < sentences.length; i += 2) {
    const o = sentences[i];
    if (o.label === 'BORDERLINE') continue;
    const doc =
      o.section === 'case'
        ? `# A case report\n\n## Abstract\n\nA man had weakness.\n\n## Case presentation\n\n${o.text}\n\n## Discussion\n\nWe report this case.\n`
        : `# A case report\n\n## Abstract\n\nA man had weakness.\n\n## Case presentation\n\nA man had weakness.\n\n## Discussion\n\n${o.text}\n`;
    const at = doc.indexOf(o.text);
    const ov = overlapping(claimSentences(check(doc, { format: 'markdown' })), at, at + o.text.length);
    items.push({ article: OWN, source: o.label === 'CLAIM' ? 'own CLAIM' : 'own NOT', y: o.label === 'CLAIM' ? 1 : 0, ...ov, notTrainedOn: !trainOnOwn });
  }
}
const GROUPS = items.some((it) => it.article === OWN) ? [...DECISION_TUNE_IDS, OWN] : DECISION_TUNE_IDS;

// Our own example sentences (the `examples` of every cue, exclusion, clause and word set, written
// by us: claims/leaves outside the case sections, caseClaims/caseLeaves in them). In every fold's
// training set (they belong to no article), never in the measured items.
const EXAMPLE_ARTICLE = 'examples';
function addExamples(e: ClaimExamples): void {
  const put = (texts: readonly string[] | undefined, mode: SectionMode, y: 0 | 1) => {
    for (const text of texts ?? []) {
      const s = { text, mode };
      items.push({ article: EXAMPLE_ARTICLE, source: 'our example', y, sentences: [s], main: s, notTrainedOn: withoutExamples });
    }
  };
  put(e.claims, 'discussion', 1);
  put(e.caseClaims, 'case', 1);
  put(e.leaves, 'discussion', 0);
  put(e.caseLeaves, 'case', 0);
}
for (const c of [...CLAIM_DATA.cues, CLAIM_DATA.presentTenseCue]) addExamples(c.examples);
for (const x of [...CLAIM_DATA.exclusions, ...CLAIM_DATA.clauses, ...CLAIM_DATA.frames, ...Object.values(CLAIM_WORD_SETS), CLAIM_DATA.genericSubject]) addExamples(x.examples);

// Conflicting labels of one sentence (the same text and mode with labels 0 and 1): not trained on.
const labelsOf = new Map<string, Set<number>>();
for (const it of items) if (it.main) (labelsOf.get(`${it.main.mode}\0${it.main.text}`) ?? labelsOf.set(`${it.main.mode}\0${it.main.text}`, new Set()).get(`${it.main.mode}\0${it.main.text}`)!).add(it.y);
let conflicts = 0;
for (const it of items) {
  if (it.main && labelsOf.get(`${it.main.mode}\0${it.main.text}`)!.size > 1) {
    it.main = undefined;
    conflicts++;
  }
}

// ---------------------------------------------------------------------------
// Evidence, logistic regression
// ---------------------------------------------------------------------------
const evidenceCache = new Map<string, Uint8Array | undefined>();
function evidenceOf(s: Sentence): Uint8Array | undefined {
  const key = `${s.mode}\0${s.text}`;
  if (!evidenceCache.has(key)) evidenceCache.set(key, HAND.evidence(HAND.features(s.text, s.mode)).x);
  return evidenceCache.get(key);
}

interface Model {
  w: Float64Array;
  b: number;
}
const D = EVIDENCE.length;

/** Class-balanced logistic regression, L2 on w, full-batch gradient descent from zero. */
function fit(train: { x: Uint8Array; y: number }[], lambda: number): Model {
  const w = new Float64Array(D);
  let b = 0;
  const pos = train.filter((t) => t.y === 1).length;
  const neg = train.length - pos;
  const cw = (y: number) => (y === 1 ? train.length / (2 * pos) : train.length / (2 * neg));
  const n = train.length;
  const g = new Float64Array(D);
  for (let iter = 0; iter < 4000; iter++) {
    g.fill(0);
    let gb = 0;
    for (const t of train) {
      let z = b;
      for (let i = 0; i < D; i++) z += w[i] * t.x[i];
      const p = 1 / (1 + Math.exp(-z));
      const e = cw(t.y) * (p - t.y);
      for (let i = 0; i < D; i++) g[i] += e * t.x[i];
      gb += e;
    }
    const rate = 0.5;
    for (let i = 0; i < D; i++) w[i] -= rate * (g[i] / n + lambda * w[i]);
    b -= (rate * gb) / n;
  }
  return { w, b };
}
const scoreOf = (m: Model, x: Uint8Array) => {
  let z = m.b;
  for (let i = 0; i < D; i++) z += m.w[i] * x[i];
  return z;
};
const trainingSet = (its: Item[]) => its.filter((it) => it.main && !it.notTrainedOn && evidenceOf(it.main)).map((it) => ({ x: evidenceOf(it.main!)!, y: it.y }));

// ---------------------------------------------------------------------------
// Measures
// ---------------------------------------------------------------------------
interface Tally {
  claim: [number, number];
  not: [number, number];
  uncited: [number, number];
  stripped: [number, number];
  patient: [number, number];
  ownClaim: [number, number];
  ownNot: [number, number];
}
const SOURCE_KEY: Record<Exclude<Source, 'our example'>, keyof Tally> = {
  'decision CLAIM': 'claim',
  'decision NOT': 'not',
  'uncited claim': 'uncited',
  patient: 'patient',
  'cited, stripped': 'stripped',
  'own CLAIM': 'ownClaim',
  'own NOT': 'ownNot',
};
const emptyTally = (): Tally => ({ claim: [0, 0], not: [0, 0], uncited: [0, 0], stripped: [0, 0], patient: [0, 0], ownClaim: [0, 0], ownNot: [0, 0] });
function tally(its: Item[], flagged: (it: Item) => boolean, into = emptyTally()): Tally {
  for (const it of its) {
    if (it.source === 'our example') continue;
    const t = into[SOURCE_KEY[it.source]];
    t[1]++;
    if (flagged(it)) t[0]++;
  }
  return into;
}
const rate = ([a, b]: [number, number]) => (b ? a / b : NaN);
const meets = (t: Tally) => rate(t.claim) >= TARGETS.claimRecall && rate(t.stripped) >= TARGETS.stripped && !(rate(t.patient) > TARGETS.patientFlags);
const cellOf = ([a, b]: [number, number]) => `${(b ? a / b : NaN).toFixed(2)} (${a}/${b})`.padEnd(14);
const row = (name: string, t: Tally) =>
  `${name.padEnd(30)} ${cellOf(t.claim)} ${cellOf(t.not)} ${cellOf(t.uncited)} ${cellOf(t.stripped)} ${cellOf(t.patient)} ${cellOf(t.ownClaim)} ${cellOf(t.ownNot)}`;
const HEAD = `${''.padEnd(30)} ${'CLAIM recall'.padEnd(14)} ${'NOT flagged'.padEnd(14)} ${'uncited recall'.padEnd(14)} ${'stripped rec.'.padEnd(14)} ${'patient flags'.padEnd(14)} ${'own CLAIM rec.'.padEnd(14)} ${'own NOT flag.'.padEnd(14)}`;

const handFlag = (it: Item) => it.sentences.some((s) => HAND.analyseSentence(s.text, s.mode).claim !== null);

/** Leave one article out: each article scored by a model fitted on the other four (scores per item; undefined: not weighed). */
function loaoScores(lambda: number): Map<Item, number> {
  const scores = new Map<Item, number>();
  for (const a of GROUPS) {
    const m = fit(trainingSet(items.filter((it) => it.article !== a)), lambda);
    for (const it of items.filter((x) => x.article === a)) {
      let best = -Infinity;
      for (const s of it.sentences) {
        const x = evidenceOf(s);
        if (x) best = Math.max(best, scoreOf(m, x));
      }
      scores.set(it, best);
    }
  }
  return scores;
}

/** The threshold on pooled LOAO scores: fewest NOT flagged meeting the targets; ties: more CLAIM recall, then the middle. */
function chooseThreshold(scores: Map<Item, number>): { threshold: number; t: Tally; ok: boolean } {
  // Only the items of the objective (the articles' labels) place the cuts; our own sentences are measured, not chosen on.
  const values = [...new Set([...scores].filter(([it, v]) => it.article !== OWN && Number.isFinite(v)).map(([, v]) => v))].sort((a, b) => a - b);
  const cuts = [values[0] - 1, ...values.slice(0, -1).map((v, i) => (v + values[i + 1]) / 2), values[values.length - 1] + 1];
  let best: { cuts: number[]; t: Tally; ok: boolean } | undefined;
  for (const c of cuts) {
    const t = tally(items, (it) => scores.get(it)! > c);
    const ok = meets(t);
    const better =
      !best ||
      (ok && !best.ok) ||
      (ok === best.ok && (ok ? t.not[0] < best.t.not[0] || (t.not[0] === best.t.not[0] && t.claim[0] > best.t.claim[0]) : t.claim[0] > best.t.claim[0]));
    const same = best && ok === best.ok && t.not[0] === best.t.not[0] && t.claim[0] === best.t.claim[0];
    if (better) best = { cuts: [c], t, ok };
    else if (same) best!.cuts.push(c);
  }
  return { threshold: best!.cuts[Math.floor((best!.cuts.length - 1) / 2)], t: best!.t, ok: best!.ok };
}

// ---------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------
const trainedOn = trainingSet(items);
console.log(`npm run train: the learned unsupported-claim decision, on the TUNING group only (articles ${DECISION_TUNE_IDS.join(', ')})\n`);
const bySource = (s: Source) => items.filter((it) => it.source === s);
console.log(
  `items: ${(['decision CLAIM', 'decision NOT', 'uncited claim', 'patient', 'cited, stripped', 'own CLAIM', 'own NOT', 'our example'] as Source[]).map((s) => `${s} ${bySource(s).length}`).join(', ')}` +
    `\n  ${trainedOn.length} trained on (weighed, each sentence once; ${trainedOn.filter((t) => t.y === 1).length} claims, ${trainedOn.filter((t) => t.y === 0).length} not);` +
    ` ${leftOut} left out as BORDERLINE, ${conflicts} with conflicting labels; ${D} weights and a bias\n`,
);

/** How many of our example sentences a model fitted on everything decides as written, at a threshold. */
function examplesAgreed(lambda: number, threshold: number): number {
  const m = fit(trainingSet(items), lambda);
  return items.filter((it) => it.source === 'our example').filter((it) => {
    const x = evidenceOf(it.main!);
    return (x !== undefined && scoreOf(m, x) > threshold) === (it.y === 1);
  }).length;
}

let chosen: { lambda: number; threshold: number; scores: Map<Item, number>; t: Tally; ok: boolean; agreed: number } | undefined;
console.log('L2 strength (leave one article out, pooled, at the threshold chosen for it; our examples decided as written by the weights fitted on everything):');
for (const lambda of LAMBDAS) {
  const scores = loaoScores(lambda);
  const c = chooseThreshold(scores);
  const agreed = examplesAgreed(lambda, c.threshold);
  console.log(`  lambda ${String(lambda).padEnd(6)} threshold ${c.threshold.toFixed(2).padStart(6)}: CLAIM ${cellOf(c.t.claim)} NOT ${cellOf(c.t.not)} stripped ${cellOf(c.t.stripped)} patient ${cellOf(c.t.patient)} examples ${agreed}${c.ok ? '' : ' (targets not met)'}`);
  const better =
    !chosen ||
    (c.ok && !chosen.ok) ||
    (c.ok === chosen.ok &&
      (c.t.not[0] < chosen.t.not[0] || (c.t.not[0] === chosen.t.not[0] && (c.t.claim[0] > chosen.t.claim[0] || (c.t.claim[0] === chosen.t.claim[0] && agreed > chosen.agreed)))));
  if (better) chosen = { lambda, ...c, scores, agreed };
}
const { lambda, threshold, scores } = chosen!;

console.log(`\nLeave one article out (lambda ${lambda}, threshold ${threshold.toFixed(2)}): the learned decision on each article, fitted on the other four, next to the hand decision (fitted to all five by hand: in-sample)\n`);
console.log(HEAD);
const handAll = emptyTally();
const learnedAll = emptyTally();
for (const a of GROUPS) {
  const its = items.filter((it) => it.article === a);
  console.log(row(`${a} hand`, tally(its, handFlag)));
  console.log(row(`${a} learned (LOAO)`, tally(its, (it) => scores.get(it)! > threshold)));
  tally(its, handFlag, handAll);
  tally(its, (it) => scores.get(it)! > threshold, learnedAll);
}
console.log('-'.repeat(HEAD.length));
if (verbose) {
  console.log('\n(TUNING sentences on which the hand decision and the learned one, left out, differ)');
  for (const it of items) {
    if (it.source === 'our example') continue;
    const h = handFlag(it);
    const l = scores.get(it)! > threshold;
    if (h !== l) console.log(`  ${it.article} ${it.source}: hand ${h ? 'flags' : 'leaves'}, learned ${l ? 'flags' : 'leaves'} (score ${scores.get(it)!.toFixed(2)}): ${it.sentences.map((s) => s.text).join(' | ')}`);
  }
}
console.log(row('TUNING hand', handAll));
console.log(row('TUNING learned (LOAO)', learnedAll));

// The final weights: all five articles.
const model = fit(trainedOn, lambda);
const round = (v: number) => Math.round(v * 1000) / 1000;
const weights: DecisionWeights = {
  about:
    `Fitted by npm run train (bench/train.ts) on the TUNING group of issue 12 (articles ${DECISION_TUNE_IDS.join(', ')}): ` +
    `class-balanced logistic regression, L2 ${lambda}, ${trainedOn.length} sentences; threshold chosen leaving one article out.`,
  bias: round(model.b),
  threshold: round(threshold),
  weights: Object.fromEntries(EVIDENCE.map((e, i) => [e.id, round(model.w[i])])),
  loao: {
    hand: summary(handAll),
    learned: summary(learnedAll),
  },
};
function summary(t: Tally) {
  return { claimRecall: `${t.claim[0]}/${t.claim[1]}`, notFlagged: `${t.not[0]}/${t.not[1]}`, uncitedRecall: `${t.uncited[0]}/${t.uncited[1]}`, strippedRecall: `${t.stripped[0]}/${t.stripped[1]}`, patientFlags: `${t.patient[0]}/${t.patient[1]}` };
}

const learned: ClaimClassifier = makeClassifier(CLAIM_DATA, { weights });
const inSample = tally(items, (it) => it.sentences.some((s) => learned.analyseSentence(s.text, s.mode).claim !== null));
console.log(row('TUNING learned (all five)', inSample));
const examples = items.filter((it) => it.source === 'our example');
const agree = (c: ClaimClassifier) => examples.filter((it) => (c.analyseSentence(it.main!.text, it.main!.mode).claim !== null) === (it.y === 1)).length;
console.log(`our example sentences (${withoutExamples ? 'NOT trained on' : 'trained on, in-sample'}): hand decides ${agree(HAND)}/${examples.length} as written, learned ${agree(learned)}/${examples.length}`);
if (verbose) for (const it of examples) if ((learned.analyseSentence(it.main!.text, it.main!.mode).claim !== null) !== (it.y === 1)) console.log(`  example the learned decision gets wrong (${it.main!.mode}, ${it.y ? 'claim' : 'not'}): ${it.main!.text}`);

// Narratives 0-499 (TUNING), unlabelled: the flag rate of each decision.
const narrativesPath = join(corpus, '..', 'narratives', 'e3c-en-1000.jsonl');
if (existsSync(narrativesPath)) {
  const lines = readFileSync(narrativesPath, 'utf8').split('\n').filter((l) => l.trim()).slice(0, NARRATIVE_TUNE_END);
  let sentences = 0;
  let hand = 0;
  let byWeights = 0;
  for (const line of lines) {
    const { text } = JSON.parse(line) as { text: string };
    const result = check(`# A case report\n\n## Case presentation\n\n${text}\n`, { format: 'markdown', rules: [getRule('unsupported-claim')!] });
    sentences += result.model.paragraphs.reduce((n, p) => n + p.sentences.length, 0);
    for (const s of claimSentences(result)) {
      const h = HAND.analyseSentence(s.text, s.mode).claim !== null;
      const l = learned.analyseSentence(s.text, s.mode);
      if (h) hand++;
      if (l.claim) byWeights++;
      if (verbose && h !== !!l.claim) console.log(`  narrative (TUNING): hand ${h ? 'flags' : 'leaves'}, learned ${l.claim ? 'flags' : 'leaves'} (score ${l.weighed?.score.toFixed(2)}): ${s.text}`);
    }
  }
  const per100 = (n: number) => ((100 * n) / sentences).toFixed(2);
  console.log(`\nNarratives 0-${NARRATIVE_TUNE_END - 1} (TUNING, unlabelled, not trained on): hand ${hand} flags = ${per100(hand)}/100 sentences; learned (all five) ${byWeights} = ${per100(byWeights)}/100 (of ${sentences} sentences)`);
}

// The verdict: switch only when the learned decision, left out, is at least as good as the hand one in-sample.
const asGood = meets(learnedAll) && learnedAll.not[0] <= handAll.not[0] && learnedAll.claim[0] >= handAll.claim[0] && learnedAll.ownNot[0] <= handAll.ownNot[0] && learnedAll.ownClaim[0] >= handAll.ownClaim[0];
console.log(
  `\nVerdict: the learned decision (leaving one article out) is ${asGood ? 'at least as good as' : 'NOT as good as'} the hand decision on the tuning group` +
    ` (NOT flagged ${learnedAll.not[0]} vs ${handAll.not[0]}, CLAIM recall ${learnedAll.claim[0]} vs ${handAll.claim[0]} of ${handAll.claim[1]};` +
    ` our sentences: NOT flagged ${learnedAll.ownNot[0]} vs ${handAll.ownNot[0]} of ${handAll.ownNot[1]}, CLAIM ${learnedAll.ownClaim[0]} vs ${handAll.ownClaim[0]} of ${handAll.ownClaim[1]}).` +
    `\n${asGood ? 'It may be switched on (USE_LEARNED_DECISION in classify.ts) if it also keeps the speed of the full check (npm run bench) and scores no worse in npm run eval, run once.' : 'Keep the hand decision (USE_LEARNED_DECISION = false in classify.ts).'}`,
);

console.log('\nWeights (largest first):');
for (const [id, w] of Object.entries(weights.weights).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))) if (w !== 0) console.log(`  ${w >= 0 ? '+' : ''}${w.toFixed(3).padStart(7)}  ${id}`);
console.log(`  bias ${weights.bias}, threshold ${weights.threshold}`);

if (!checkOnly && !withoutExamples && !trainOnOwn) {
  writeFileSync(WEIGHTS_PATH, `${JSON.stringify(weights, null, 2)}\n`);
  console.log(`\nwrote ${WEIGHTS_PATH}`);
}
