/**
 * The presenter's side of a live session: posts its state after each change, one post at a time, the latest
 * state first (changes made while a post is on its way are sent together, as one). The parameters go as a
 * leaf-path patch of the version the server last acknowledged, or whole when there is none (the first post, or
 * the server holds another version: 409 sendWhole).
 */
import { paramsPatch, type Params } from '@/worker/settlement/params-patch';
import type { RoundParams } from '@/worker/settlement/round';
import type { ChangeKind, LiveError } from '@/server/live/protocol';

/** What the workbench shows, as the followers should see it. */
export interface PresenterState {
  params: RoundParams;
  roundId: number;
  baselineId: number;
  compareIds: number[];
  dirty: boolean;
  canUndo: boolean;
  canRedo: boolean;
  change: { kind: ChangeKind; label: string | null };
}

export interface PostAnswer {
  status: number;
  body: unknown;
}

export type PostLive = (body: Record<string, unknown>) => Promise<PostAnswer>;

export class LivePusher {
  private acked: { version: number; params: RoundParams } | null = null;
  private seq = 0;
  private pending: PresenterState | null = null;
  private running: Promise<void> | null = null;
  /** set when the server refused for good (no longer the presenter, ended): nothing more is sent */
  refused: LiveError['error'] | null = null;

  constructor(
    private readonly post: PostLive,
    private readonly onRefused: (error: LiveError['error'], status: number) => void = () => undefined,
    /** the version the server holds with these parameters, when they are known (taking a session over) */
    known?: { version: number; params: RoundParams },
  ) {
    if (known) this.acked = known;
  }

  /** Sends `state` after the post under way, if any (a newer state given meanwhile replaces it). */
  push(state: PresenterState): Promise<void> {
    if (this.refused) return Promise.resolve();
    this.pending = state;
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** The number of the next post: rising, and above any of an earlier page of the same presenter (its clock). */
  private nextSeq(): number {
    this.seq = Math.max(this.seq + 1, Date.now());
    return this.seq;
  }

  private body(state: PresenterState): Record<string, unknown> {
    const { params, ...rest } = state;
    const shape = this.acked
      ? { base: this.acked.version, patch: paramsPatch(this.acked.params as Params, params as Params) }
      : { params };
    return { type: 'state', seq: this.nextSeq(), ...shape, ...rest };
  }

  private async drain(): Promise<void> {
    while (this.pending && !this.refused) {
      const state = this.pending;
      this.pending = null;
      const answer = await this.post(this.body(state)).catch((): PostAnswer => ({ status: 0, body: null }));
      if (answer.status === 200) {
        this.acked = { version: (answer.body as { version: number }).version, params: state.params };
      } else if (answer.status === 409 && (answer.body as { sendWhole?: boolean } | null)?.sendWhole) {
        this.acked = null;
        this.pending ??= state;
      } else if (answer.status === 0) {
        // the network: the next change tries again, with the parameters whole
        this.acked = null;
      } else {
        const error = (answer.body as LiveError | null)?.error ?? { zh: `推送失败（${answer.status}）`, en: `push failed (${answer.status})` };
        if (answer.status === 403 || answer.status === 404 || answer.status === 410) this.refused = error;
        this.onRefused(error, answer.status);
      }
    }
  }
}
