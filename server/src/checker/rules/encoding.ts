import type { Rule } from '../analysis/rule';

/**
 * A file that is not valid UTF-8, read as Windows-1252 (encoding.ts). Said once, at the top: the
 * text was read (every "é" and "–" as the writer meant it, most likely), but other tools may not
 * read it so, and a wrong guess would garble every accent.
 */
export const encoding: Rule = {
  id: 'encoding',
  description: 'The file is saved as UTF-8 (a file that is not valid UTF-8 is read as Windows-1252).',
  howToFix: 'Save the file as UTF-8 (in most editors: "Save with encoding" or "Reopen with encoding", then UTF-8).',
  defaultSeverity: 'warning',
  check(ctx) {
    if (ctx.encoding !== 'windows-1252') return;
    const text = ctx.doc.text;
    // The first line, without its line break.
    let end = 0;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    ctx.report({ start: 0, end, message: 'Read as Windows-1252: save the file as UTF-8.' });
  },
};
