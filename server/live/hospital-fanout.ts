/**
 * The hospital followers' figures: hospital users never receive parameters (they hold every hospital's
 * coefficients and scores), so the server settles each change of the session ONCE, however many follow, cuts that
 * one result for each hospital following (server/services/hospital-view.ts) and sends each only its own cut.
 * While a settlement runs, changes only mark it stale: the next run takes the latest state (latest wins).
 */
import { DomainError } from '@/server/services/errors';
import type { ComparedParams } from '@/server/services/hospital-view';
import type { HospitalFiguresEvent, LiveHospitalFigures } from './protocol';
import { eventFrame, type EventSink } from './relay';

/** What the figures of one version are computed from. */
export interface FiguresInput {
  version: number;
  datasetId: number;
  baseline: ComparedParams;
  round: ComparedParams;
}

/** The cut of one settled comparison for several hospitals (hospitalComparisonsOf, bound to the database). */
export type CutHospitals = (input: FiguresInput, hospitalCodes: readonly string[]) => Map<string, LiveHospitalFigures>;

/** The last run, for the benchmark and the tests. */
export interface FanoutRun {
  version: number;
  hospitals: number;
  followers: number;
  /** settlement and cut (ms) */
  cutMs: number;
  /** encoding and writing the events (ms) */
  sendMs: number;
  bytes: number;
}

export interface HospitalFanout {
  /** a change happened: figures for the hospitals following, soon (once for a burst of changes) */
  schedule(): void;
  /** a hospital follower joined: the figures of the current version if they are made, else a run is scheduled */
  greet(hospitalCode: string, sink: EventSink): void;
  readonly lastRun: FanoutRun | null;
  /** runs so far */
  readonly runs: number;
}

export interface FanoutSource {
  /** the state to settle now; null when the session has ended */
  current: () => FiguresInput | null;
  /** the hospital followers' sinks, by hospital code */
  followers: () => Map<string, EventSink[]>;
  cut: CutHospitals;
}

const NOT_IN_DATASET = { zh: '本院不在该数据集中', en: 'your hospital is not in this data set' };
const FAILED = { zh: '服务器测算失败，已记录', en: 'the server could not settle this change (logged)' };

export function createHospitalFanout(source: FanoutSource): HospitalFanout {
  // the frame last sent for each hospital, and the version it is of
  const sent = new Map<string, { version: number; frame: Uint8Array }>();
  let scheduled = false;
  let lastRun: FanoutRun | null = null;
  let runs = 0;

  const run = () => {
    scheduled = false;
    const input = source.current();
    if (!input) return;
    const byCode = source.followers();
    const stale = [...byCode.keys()].filter((code) => sent.get(code)?.version !== input.version);
    if (stale.length === 0) return;
    const t0 = performance.now();
    let cuts: Map<string, LiveHospitalFigures> | null = null;
    let failed = false;
    try {
      cuts = source.cut(input, stale);
    } catch (error) {
      failed = !(error instanceof DomainError && error.kind === 'NOT_FOUND');
      if (failed) console.error('live session: hospital figures failed', error);
    }
    const t1 = performance.now();
    let bytes = 0;
    let followers = 0;
    for (const code of stale) {
      const figures = cuts?.get(code) ?? null;
      const event: HospitalFiguresEvent = { version: input.version, figures, error: figures ? null : failed ? FAILED : NOT_IN_DATASET };
      const frame = eventFrame('figures', event, input.version);
      sent.set(code, { version: input.version, frame });
      for (const sink of byCode.get(code) ?? []) if (sink.write(frame)) followers++;
      bytes += frame.byteLength;
    }
    for (const code of sent.keys()) if (!byCode.has(code)) sent.delete(code);
    lastRun = { version: input.version, hospitals: stale.length, followers, cutMs: t1 - t0, sendMs: performance.now() - t1, bytes };
    runs++;
    // changes came in while this ran: the latest of them next
    if (source.current()?.version !== input.version) schedule();
  };

  // after the I/O already received (the presenter's next posts): a burst of changes is settled once, at its latest
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(run);
  };

  return {
    schedule,
    greet(hospitalCode, sink) {
      const last = sent.get(hospitalCode);
      if (last && last.version === source.current()?.version) sink.write(last.frame);
      else schedule();
    },
    get lastRun() {
      return lastRun;
    },
    get runs() {
      return runs;
    },
  };
}
