import { GenerationalMemo } from '../model/memo';
import { check, forgetLastCheck, reusedRuns, type CheckOptions, type CheckResult } from './check';
import { lintFile, lintFileAsync, type AsyncLintOptions, type LintOptions, type LintResult } from './lint';

/**
 * The checks of one document as it is edited (the language server keeps one per open document).
 * Every check runs every rule on the whole new model, as a plain check does, but the work is
 * looked up in a memo (model/memo.ts) by its inputs: a Markdown text is parsed in chunks cut where
 * a top-level block surely starts, each looked up by its text and shifted into place
 * (model/markdown.ts, markdownChunkSteps), so an edit re-parses the chunk it touched; a paragraph's
 * citations and sentences by its plain text, a sentence's claim decision by its text and its
 * section's mode, the identifiers, placeholders and overstatements of a text by the text and the
 * rule's options. A block-local rule's findings for a paragraph or table (RuleContext.block:
 * unsupported-claim, overstated-claim, exam-grade, emg-table) are kept with the block, by the
 * rule's key, and reused, moved, for a block proven the same (engine/blocks.ts), so such a rule
 * works only on the blocks an edit touched. Document-level rules (sections, citations and
 * references, abbreviations, the abstract's facts, figure mentions) run over the whole new model
 * each time, but from summaries kept per paragraph or per reference entry (a sentence's facts, a
 * paragraph's figure mentions, an entry's identifiers and title), so only an edited piece is
 * read again; and those with a scope (Rule.scope: the citation rules, figures, abbreviations,
 * the abstract's facts, identifiers) are not run at all after an edit inside one paragraph that
 * leaves their scope the same: their last findings are moved (engine/reuse.ts). The findings and the
 * model equal those of a plain check of the same text, by construction (a memoised value is a
 * function of its key, and the chunks' parse is the whole text's) and by test
 * (test/checker/incremental.test.ts, test/checker/markdown-chunks.test.ts,
 * test/checker/blocks.test.ts). What the last two checks did not use is forgotten, so memory
 * stays bounded, except what the work of a block whose findings are reused looked up (its
 * sentences' decisions): that is held as long as the block's record lives (memo.ts, heldBy), so
 * the first edit of a paragraph decides again only the sentence it changed. LaTeX and plain text are parsed whole at each check.
 */
export interface IncrementalChecker {
  check(text: string, options?: Omit<CheckOptions, 'memo'>): CheckResult;
  lint(text: string, options: Omit<LintOptions, 'memo'>): LintResult;
  lintAsync(text: string, options: Omit<AsyncLintOptions, 'memo'>): Promise<LintResult>;
  /** Forgets everything memoised (the document closed). */
  clear(): void;
  /**
   * Memo statistics: values held, lookups answered and computed since creation, and how many
   * rules' runs were reused (Rule.scope, engine/reuse.ts) since the last clear.
   */
  stats(): { size: number; hits: number; misses: number; reused: number };
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
    clear: () => {
      memo.clear();
      forgetLastCheck(memo);
    },
    stats: () => ({ size: memo.size, hits: memo.hits, misses: memo.misses, reused: reusedRuns(memo) }),
  };
}
