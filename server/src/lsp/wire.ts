/**
 * The bytes of the messages the server writes on a stream (stdio): what vscode-jsonrpc's own
 * encoder writes (`JSON.stringify`, in the connection's charset), except that each diagnostic of
 * a diagnostics report (pull: `result.items`; push: `params.diagnostics`) is encoded once and its
 * bytes kept for as long as the diagnostic object lives. A keystroke's re-check gives a list made
 * mostly of the last list's diagnostic objects (lsp/diagnostics.ts keeps those that did not
 * change), so a full report of 1,000 diagnostics (~325 KB on the bench's manuscript) is the kept
 * bytes of most of them put together, not the whole report stringified and encoded again (~1 ms
 * less of the server's main thread per report, measured on its own: 1.0–1.3 → 0.2 ms).
 *
 * Diagnostics are never changed once made (lsp/diagnostics.ts makes new ones for what changed),
 * which is what makes bytes per object right; the output is the bytes of the string
 * JSON.stringify gives (test/lsp/wire.test.ts).
 */
import { phase } from './phases';
import type { ContentTypeEncoder, ContentTypeEncoderOptions, Message } from 'vscode-jsonrpc';

const COMMA = Buffer.from(',');

export class WireJson {
  private readonly cache = new WeakMap<object, Buffer>();

  /** The UTF-8 bytes of `JSON.stringify(message)`. */
  encode(message: Message): Buffer {
    const m = message as { result?: unknown; params?: unknown };
    if (isPlain(m.result) && (Array.isArray(m.result.items) || m.result.kind === 'unchanged')) {
      const bytes = Array.isArray(m.result.items) ? this.around(message, 'result', 'items') : Buffer.from(JSON.stringify(message), 'utf8');
      phase('encoded');
      return bytes;
    }
    if (isPlain(m.params) && Array.isArray(m.params.diagnostics)) return this.around(message, 'params', 'diagnostics');
    return Buffer.from(JSON.stringify(message), 'utf8');
  }

  /** `JSON.stringify(outer)`, with outer[key][list] from the items' kept bytes. */
  private around(outer: object, key: string, list: string): Buffer {
    const parts: Buffer[] = [];
    let json = '{';
    for (const [k, v] of Object.entries(outer)) {
      if (k === key) {
        json += `${json.length > 1 ? ',' : ''}${JSON.stringify(k)}:{`;
        let first = true;
        for (const [ik, iv] of Object.entries(v as Record<string, unknown>)) {
          if (ik === list) {
            json += `${first ? '' : ','}${JSON.stringify(ik)}:[`;
            parts.push(Buffer.from(json, 'utf8'));
            this.items(iv as unknown[], parts);
            json = ']';
          } else {
            const value = JSON.stringify(iv);
            // JSON.stringify leaves out undefined values, functions and symbols.
            if (value === undefined) continue;
            json += `${first ? '' : ','}${JSON.stringify(ik)}:${value}`;
          }
          first = false;
        }
        json += '}';
        continue;
      }
      const value = JSON.stringify(v);
      if (value === undefined) continue;
      json += `${json.length > 1 ? ',' : ''}${JSON.stringify(k)}:${value}`;
    }
    parts.push(Buffer.from(json + '}', 'utf8'));
    return Buffer.concat(parts);
  }

  private items(items: readonly unknown[], parts: Buffer[]): void {
    for (let i = 0; i < items.length; i++) {
      if (i) parts.push(COMMA);
      const item = items[i];
      if (!isPlain(item)) {
        // As JSON.stringify writes it in an array (undefined, functions: null).
        parts.push(Buffer.from(JSON.stringify(item) ?? 'null', 'utf8'));
        continue;
      }
      let bytes = this.cache.get(item);
      if (bytes === undefined) this.cache.set(item, (bytes = Buffer.from(JSON.stringify(item), 'utf8')));
      parts.push(bytes);
    }
  }
}

/** An object JSON.stringify writes key by key (no toJSON of its own), not an array. */
function isPlain(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** The connection's `application/json` encoder, through WireJson (UTF-8; another charset as vscode-jsonrpc does it). */
export function wireEncoder(json = new WireJson()): ContentTypeEncoder {
  return {
    name: 'application/json',
    encode(message: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
      try {
        return Promise.resolve(options.charset === 'utf-8' ? json.encode(message) : Buffer.from(JSON.stringify(message), options.charset));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}
