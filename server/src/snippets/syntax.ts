/**
 * A parser for the VS Code / LSP snippet syntax (the grammar of
 * https://code.visualstudio.com/docs/editor/userdefinedsnippets#_grammar):
 *
 *   any         ::= tabstop | placeholder | choice | variable | text
 *   tabstop     ::= '$' int | '${' int '}'
 *   placeholder ::= '${' int ':' any '}'
 *   choice      ::= '${' int '|' text (',' text)* '|}'
 *   variable    ::= '$' var | '${' var '}' | '${' var ':' any '}' | '${' var '/' regex '/' format '/' options '}'
 *
 * Escapes: `\$`, `\}` and `\\` in text (and `\,` `\|` inside choices). Anything that does not
 * parse as one of the forms above is text, as in VS Code (a lone `$` stays a `$`).
 * Pure: no editor imports, so the checker tests and the language server can both use it.
 */

export type SnippetNode =
  | { type: 'text'; value: string }
  | { type: 'tabstop'; index: number }
  | { type: 'placeholder'; index: number; children: SnippetNode[] }
  | { type: 'choice'; index: number; options: string[] }
  | { type: 'variable'; name: string; children?: SnippetNode[]; transform?: string };

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  /** Parses nodes until the end, or (nested) until an unescaped '}' that closes the parent. */
  parseNodes(nested: boolean): SnippetNode[] {
    const out: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ type: 'text', value: text });
      text = '';
    };
    const s = this.src;
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (c === '\\') {
        const n = s[this.pos + 1];
        if (n === '$' || n === '}' || n === '\\') {
          text += n;
          this.pos += 2;
        } else {
          text += c;
          this.pos++;
        }
        continue;
      }
      if (nested && c === '}') break;
      if (c === '$') {
        const start = this.pos;
        const node = this.parseDollar();
        if (node) {
          flush();
          out.push(node);
        } else {
          this.pos = start + 1;
          text += '$';
        }
        continue;
      }
      text += c;
      this.pos++;
    }
    flush();
    return out;
  }

  /** At a '$': returns the node, or undefined (and any position) when it is plain text. */
  private parseDollar(): SnippetNode | undefined {
    const s = this.src;
    this.pos++; // '$'
    const simple = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(s.slice(this.pos, this.pos + 64));
    if (simple) {
      this.pos += simple[1].length;
      return /^\d/.test(simple[1]) ? { type: 'tabstop', index: Number(simple[1]) } : { type: 'variable', name: simple[1] };
    }
    if (s[this.pos] !== '{') return undefined;
    this.pos++;
    const head = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(s.slice(this.pos, this.pos + 64));
    if (!head) return undefined;
    this.pos += head[1].length;
    const isIndex = /^\d/.test(head[1]);
    const next = s[this.pos];
    if (next === '}') {
      this.pos++;
      return isIndex ? { type: 'tabstop', index: Number(head[1]) } : { type: 'variable', name: head[1] };
    }
    if (next === ':') {
      this.pos++;
      const children = this.parseNodes(true);
      if (s[this.pos] !== '}') return undefined;
      this.pos++;
      return isIndex ? { type: 'placeholder', index: Number(head[1]), children } : { type: 'variable', name: head[1], children };
    }
    if (next === '|' && isIndex) {
      this.pos++;
      const options: string[] = [];
      let cur = '';
      while (this.pos < s.length) {
        const c = s[this.pos];
        if (c === '\\' && /[,|\\$}]/.test(s[this.pos + 1] ?? '')) {
          cur += s[this.pos + 1];
          this.pos += 2;
        } else if (c === ',') {
          options.push(cur);
          cur = '';
          this.pos++;
        } else if (c === '|' && s[this.pos + 1] === '}') {
          options.push(cur);
          this.pos += 2;
          return { type: 'choice', index: Number(head[1]), options };
        } else {
          cur += c;
          this.pos++;
        }
      }
      return undefined;
    }
    if (next === '/' && !isIndex) {
      // ${VAR/regex/format/options}: keep the transform as written.
      const start = this.pos;
      let slashes = 0;
      while (this.pos < s.length) {
        const c = s[this.pos];
        if (c === '\\') {
          this.pos += 2;
          continue;
        }
        if (c === '/') slashes++;
        if (c === '}' && slashes >= 3) {
          const transform = s.slice(start, this.pos);
          this.pos++;
          return { type: 'variable', name: head[1], transform };
        }
        this.pos++;
      }
      return undefined;
    }
    return undefined;
  }
}

/** Parses a snippet body into nodes. Never throws: what does not parse is text. */
export function parseSnippet(body: string): SnippetNode[] {
  return new Parser(body).parseNodes(false);
}

export interface PlainTextOptions {
  /** Values for variables ($TM_FILENAME, $CURRENT_YEAR, ...); unknown ones use their default or ''. */
  variables?: Record<string, string>;
}

/**
 * What the snippet inserts when every field is left as offered: placeholders become their
 * default text, choices their first option, tab stops and `$0` nothing.
 */
export function snippetToPlainText(body: string | SnippetNode[], options: PlainTextOptions = {}): string {
  const nodes = typeof body === 'string' ? parseSnippet(body) : body;
  let out = '';
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        out += n.value;
        break;
      case 'tabstop':
        break;
      case 'placeholder':
        out += snippetToPlainText(n.children, options);
        break;
      case 'choice':
        out += n.options[0] ?? '';
        break;
      case 'variable': {
        const v = options.variables?.[n.name];
        out += v !== undefined ? v : n.children ? snippetToPlainText(n.children, options) : '';
        break;
      }
    }
  }
  return out;
}

/** Visits every node, depth first, in document order. */
export function walkSnippet(nodes: SnippetNode[], visit: (n: SnippetNode) => void): void {
  for (const n of nodes) {
    visit(n);
    if ((n.type === 'placeholder' || n.type === 'variable') && n.children) walkSnippet(n.children, visit);
  }
}

/** Tab-stop indices in the order they first appear in the text ($0 excluded). */
export function tabStopOrder(body: string | SnippetNode[]): number[] {
  const nodes = typeof body === 'string' ? parseSnippet(body) : body;
  const seen: number[] = [];
  walkSnippet(nodes, (n) => {
    if ((n.type === 'tabstop' || n.type === 'placeholder' || n.type === 'choice') && n.index !== 0 && !seen.includes(n.index)) {
      seen.push(n.index);
    }
  });
  return seen;
}
