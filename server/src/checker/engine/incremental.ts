import { GenerationalMemo } from '../model/memo';
import { check, type CheckOptions, type CheckResult } from './check';
import { lintFile, lintFileAsync, type AsyncLintOptions, type LintOptions, type LintResult } from './lint';

/**
 * The checks of one document as it is edited (the language server keeps one per open document).
 * Every check parses and runs every rule on the whole new text, as a plain check does, but the
 * expensive per-text work is memoised by its inputs (model/memo.ts): a paragraph's citations and
 * sentences by its plain text, a sentence's claim decision by its text and its section's mode,
 * the identifiers, placeholders and overstatements of a text by the text and the rule's options.
 * After an edit only the touched paragraphs' work is done again; document-level rules
 * (sections, citations and references, abbreviations) are recomputed from the new model each
 * time. The findings equal those of a plain check of the same text, by construction (a
 * memoised value is a function of its key) and by test (test/checker/incremental.test.ts).
 * What the last two checks did not use is forgotten, so memory stays bounded.
 */
export interface IncrementalChecker {
  check(text: string, options?: Omit<CheckOptions, 'memo'>): CheckResult;
  lint(text: string, options: Omit<LintOptions, 'memo'>): LintResult;
  lintAsync(text: string, options: Omit<AsyncLintOptions, 'memo'>): Promise<LintResult>;
  /** Forgets everything memoised (the document closed). */
  clear(): void;
  /** Memo statistics: values held, lookups answered and computed since creation. */
  stats(): { size: number; hits: number; misses: number };
}

export function createIncrementalChecker(): IncrementalChecker {
  const memo = new GenerationalMemo();
  // The memo turns a generation when a check completes: a check stopped half-way (the server
  // cancels a stale one) keeps what it found for the next, and loses nothing the one before used.
  const done = <T>(result: T): T => {
    memo.next();
    return result;
  };
  return {
    check: (text, options = {}) => done(check(text, { ...options, memo })),
    lint: (text, options) => done(lintFile(text, { ...options, memo })),
    lintAsync: async (text, options) => done(await lintFileAsync(text, { ...options, memo })),
    clear: () => memo.clear(),
    stats: () => ({ size: memo.size, hits: memo.hits, misses: memo.misses }),
  };
}
