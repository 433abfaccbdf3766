import type { RawBlocks } from '../blocks';
import { runSteps, type Steps } from '../../steps';
import { LatexScanner } from './scanner';
import { compileVocabulary, LATEX_VOCABULARY, type LatexVocabulary } from './vocabulary';

/**
 * LaTeX manuscripts, read into the same raw blocks as the Markdown parser (docs/formats.md,
 * "LaTeX"). Four parts:
 * - commands.ts: the command table, one entry per command and what the scanner does with it;
 * - vocabulary.ts: the environment table and the words written into the model;
 * - tables.ts: tabular bodies into tables (cells with offsets), captions linked to their float;
 * - scanner.ts: the single linear pass, which knows TeX's syntax but no names.
 */

export type LatexBlocks = RawBlocks;

export { LATEX_CITE_COMMANDS, LATEX_COMMANDS, type LatexCommand } from './commands';
export { LATEX_ENVIRONMENTS, LATEX_VOCABULARY, type LatexEnvironment, type LatexVocabulary } from './vocabulary';

/** Parses a LaTeX manuscript into the raw blocks every format produces. Never throws. */
export function parseLatexBlocks(text: string, vocabulary: LatexVocabulary = LATEX_VOCABULARY): LatexBlocks {
  return runSteps(latexBlockSteps(text, vocabulary));
}

/** parseLatexBlocks in steps (steps.ts): the scanner's top-level pass a stretch at a time. */
export function latexBlockSteps(text: string, vocabulary: LatexVocabulary = LATEX_VOCABULARY): Steps<LatexBlocks> {
  return new LatexScanner(text, compileVocabulary(vocabulary)).steps();
}
