/**
 * When the server rehearses (Analyzer.rehearse): while its process is cold (fewer than
 * WARM_CHECKS checks made), after a check of an open document, once no message has come for
 * REHEARSAL_IDLE_MS. Any message stops a rehearsal at its next step (server.ts calls
 * `interrupt` first thing in every handler), and the next idle spell resumes it, for as many
 * checks as the process still lacks: at most WARM_CHECKS throw-away checks in a server's life,
 * none once typing has warmed it.
 */
import { WARM_CHECKS, type Analysis, type Analyzer } from './documents';
import type { DocumentState } from './state';

/** How long the server waits without messages before it rehearses (ms): a pause in typing is shorter. */
export const REHEARSAL_IDLE_MS = 300;

export class Rehearsals {
  private timer?: ReturnType<typeof setTimeout>;
  /**
   * The last check of an open document, to rehearse the re-checks of: held weakly, so that it
   * keeps neither an older version's check nor a closed document's state alive (its state keeps
   * the current check).
   */
  private armed?: { state: WeakRef<DocumentState>; analysis: WeakRef<Analysis> };
  private running?: DocumentState;

  constructor(
    private readonly analyzer: Analyzer,
    private readonly idleMs: number,
    /** Is the analysis still its open document's current check (same state, version and generation)? */
    private readonly current: (state: DocumentState, analysis: Analysis) => boolean,
  ) {}

  /** A check of an open document ended: it is rehearsed in the next idle spell, while the process is cold. */
  checked(state: DocumentState, analysis: Analysis): void {
    if (this.warm) this.armed = undefined;
    if (this.warm || analysis.status !== 'checked') return;
    this.armed = { state: new WeakRef(state), analysis: new WeakRef(analysis) };
    this.arm();
  }

  /** A message came: the rehearsal running stops at its next step, and the idle spell starts again. */
  interrupt(): void {
    if (this.running) void this.analyzer.stopRehearsal(this.running);
    this.running = undefined;
    if (this.timer) this.arm();
  }

  /** The server shuts down: no more rehearsals. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.armed = undefined;
    this.interrupt();
  }

  /** Whether the process has made WARM_CHECKS checks (tests). */
  get warm(): boolean {
    return this.analyzer.warmChecks >= WARM_CHECKS;
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.armed || this.warm || this.idleMs <= 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.start();
    }, this.idleMs);
    // A rehearsal never keeps the process alive.
    this.timer.unref?.();
  }

  private start(): void {
    const state = this.armed?.state.deref();
    const analysis = this.armed?.analysis.deref();
    if (this.warm || !state || !analysis || !this.current(state, analysis)) {
      this.armed = undefined;
      return;
    }
    if (this.running) return;
    // The last of them is the checked text itself (Analyzer.rehearse).
    const steps = Math.max(1, WARM_CHECKS - this.analyzer.warmChecks - 1);
    if (!this.analyzer.rehearse(analysis, state, steps)) return;
    this.running = state;
    void state.rehearsal?.done.then(() => {
      if (this.running !== state) return;
      this.running = undefined;
      if (this.warm) this.armed = undefined;
      // Stopped by something else than a message (the document's own check): the next idle spell resumes it.
      else this.arm();
    });
  }

  /** Whether a check is held to be rehearsed (tests: none once warm). */
  get holding(): boolean {
    return this.armed !== undefined;
  }
}
