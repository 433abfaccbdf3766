/**
 * esbuild plugins shared by `npm run bundle` (scripts/bundle.mjs) and the bench's bundles
 * (bench/workload.ts), so that the bench measures the code that ships.
 */
import { readFile } from 'node:fs/promises';

/**
 * markdown-it's dist sets each class field in its constructors through a transpiler helper,
 * `_defineProperty(this, "name", value)`, which converts the key and tests `name in this` before
 * an assignment through one shared store for every class: most of it in `new Token()`. Written
 * as assignments, a parse of the bench's 300 KB manuscript costs 7–11 % less CPU (15.9 → 14.8,
 * 16.4 → 14.6 ms) and a full check 1–5 % less; the first, cold check is unchanged. The plugin writes those calls as `this.name = value`, which is the same for
 * these classes: none has an accessor, so every field becomes an own, writable, enumerable data
 * property either way. A dist that no longer has the calls, or has an accessor, is left as it is.
 */
export const markdownItFields = {
  name: 'markdown-it-fields',
  setup(build) {
    build.onLoad({ filter: /[\\/]markdown-it[\\/]dist[\\/]markdown-it\.(cjs\.js|mjs)$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (/^\s*(?:static\s+)?[gs]et\s+[\w$]+\s*\(/m.test(source)) return { contents: source, loader: 'js' };
      const contents = skipTokenMap(
        source.replace(
          /_defineProperty\(\s*this,\s*(?:\/\*[\s\S]*?\*\/\s*)?"([A-Za-z_$][\w$]*)",\s*([^;]*?)\s*\);/g,
          (_, name, value) => `this.${name} = ${value};`,
        ),
      );
      return { contents, loader: 'js' };
    });
  },
};

/**
 * markdown-it's StateInline keeps the end of each token skipped inside a link label
 * (`skipToken`, run for every character of "[…]", every citation) in a plain object keyed by
 * the position: sparse integer keys, so a dictionary that grows, and reallocates, with each
 * entry. A Map does the same with a fraction of the allocation (a full check of the bench's
 * 300 KB manuscript 21.2 -> 19.5 MB allocated; ~1.5 % less CPU, six paired runs). Nothing
 * else reads `state.cache` (markdown-it, caselint). Applied only when all three places are
 * found exactly once as written; otherwise the source is left as it is.
 */
function skipTokenMap(source) {
  const edits = [
    ['this.cache = {};', 'this.cache = new Map();'],
    ['if (typeof cache[pos] !== "undefined") {\n\t\t\tstate.pos = cache[pos];', 'const cached = cache.get(pos);\n\t\tif (cached !== undefined) {\n\t\t\tstate.pos = cached;'],
    ['\t\tcache[pos] = state.pos;\n', '\t\tcache.set(pos, state.pos);\n'],
  ];
  if (!edits.every(([from]) => source.split(from).length === 2) || source.split('cache[').length !== 4) return source;
  return edits.reduce((s, [from, to]) => s.replace(from, () => to), source);
}
