/**
 * Sentences we wrote for the evaluation (bench/labels/own-sentences.json), labelled by their
 * author: case-presentation sentences (this patient's history, examination and course, with the
 * present tense, numbers and plans that make the hard cases; and general claims embedded in them)
 * and introduction/discussion sentences (exhortations, statements about the paper, the authors'
 * reasoning about their case, their own data; and general claims, some with verbs no list holds).
 * Each sentence is checked alone in its section of a minimal manuscript. Split: even positions in
 * the file are TUNING, odd positions SCORE ONLY (never tuned on, never listed).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../server/src/checker';

interface OwnSentence {
  section: 'case' | 'discussion';
  label: 'CLAIM' | 'NOT' | 'BORDERLINE';
  kind: string;
  text: string;
}

export interface OwnScore {
  claim: { hit: number; total: number };
  not: { hit: number; total: number };
  borderline: { hit: number; total: number };
  /** Tuning half only: what went wrong, for --verbose. */
  wrong: string[];
}

const empty = (): OwnScore => ({ claim: { hit: 0, total: 0 }, not: { hit: 0, total: 0 }, borderline: { hit: 0, total: 0 }, wrong: [] });

/** `tuningOnly`: the score-only half is not checked (its counts stay zero). */
export function scoreOwnSentences(dir: string, tuningOnly = false): { tuning: Record<string, OwnScore>; scoreOnly: Record<string, OwnScore> } | undefined {
  const path = join(dir, 'labels', 'own-sentences.json');
  if (!existsSync(path)) return undefined;
  const { sentences } = JSON.parse(readFileSync(path, 'utf8')) as { sentences: OwnSentence[] };
  const out = { tuning: { case: empty(), discussion: empty() } as Record<string, OwnScore>, scoreOnly: { case: empty(), discussion: empty() } as Record<string, OwnScore> };
  sentences.forEach((s, i) => {
    if (tuningOnly && i % 2 === 1) return;
    const doc =
      s.section === 'case'
        ? `# A case report\n\n## Abstract\n\nA man had weakness.\n\n## Case presentation\n\n${s.text}\n\n## Discussion\n\nWe report this case.\n`
        : `# A case report\n\n## Abstract\n\nA man had weakness.\n\n## Case presentation\n\nA man had weakness.\n\n## Discussion\n\n${s.text}\n`;
    const at = doc.indexOf(s.text);
    const { findings } = check(doc, { format: 'markdown' });
    const flagged = findings.some((f) => f.ruleId === 'unsupported-claim' && f.start < at + s.text.length && f.end > at);
    const score = (i % 2 === 0 ? out.tuning : out.scoreOnly)[s.section];
    const cell = s.label === 'CLAIM' ? score.claim : s.label === 'NOT' ? score.not : score.borderline;
    cell.total++;
    if (flagged) cell.hit++;
    if (i % 2 === 0 && s.label !== 'BORDERLINE' && flagged !== (s.label === 'CLAIM')) score.wrong.push(`${flagged ? 'flagged NOT' : 'missed CLAIM'} (${s.section}, ${s.kind}): ${s.text}`);
  });
  return out;
}
