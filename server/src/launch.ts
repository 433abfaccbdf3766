/**
 * Runs the CLI's or the language server's bundle with V8's code cache (code-cache.ts), after
 * setting the process-wide V8 flags of both (startup.ts): V8 rejects a code cache made under
 * other flags, so they are set before the compile.
 */
import './startup';
import { runWithCodeCache, type LaunchOptions } from './code-cache';

export type { LaunchOptions } from './code-cache';

export function launch(bundle: string, options: LaunchOptions = {}): void {
  runWithCodeCache(bundle, options);
}
