import type { Rule } from '../analysis/rule';

/**
 * Front matter that cannot be read. The model records a parse warning for YAML front matter that
 * is not valid YAML; without this rule nobody would see it, and the writer would only see its
 * consequences (a "missing" abstract or title that is right there in the front matter). The YAML
 * library's warnings (an unresolved tag, an unknown directive) are reported too, where they are.
 */
export const frontMatter: Rule = {
  id: 'front-matter',
  description: 'The YAML front matter can be read (its title, abstract and keywords count only then).',
  howToFix: 'Correct the YAML between the --- lines: quote values that contain a colon, close brackets and quotes, and indent lists consistently.',
  defaultSeverity: 'warning',
  check(ctx) {
    const text = ctx.doc.text;
    for (const w of ctx.doc.parseWarnings) {
      // Report on the opening "---" line rather than across the whole block (line ends \n, \r\n or \r).
      let lineEnd = w.start;
      while (lineEnd < w.end && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
      ctx.report({
        start: w.start,
        end: Math.max(w.start, lineEnd),
        message: `${w.message.replace(/[.:\s]+$/, '')}. Its title, abstract and keywords are ignored until it is fixed.`,
      });
    }
    // Warnings of the YAML library: the front matter is read, but maybe not as meant.
    for (const w of ctx.doc.frontMatter?.warnings ?? []) {
      ctx.report({
        start: w.start,
        end: Math.max(w.start, w.end),
        message: `Front matter YAML warning: ${w.message.replace(/[.:\s]+$/, '')}. Correct it, or quote the value.`,
      });
    }
  },
};
