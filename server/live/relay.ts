/**
 * Server-sent events (text/event-stream): one frame per event, encoded once and written to every follower it is
 * for; a comment line as heartbeat; a follower that cannot keep up is cut off (it reconnects to the current state).
 */
const encoder = new TextEncoder();

/** One event as the stream carries it: `id:` (the session's version), `event:`, one `data:` line of JSON. */
export function eventFrame(event: string, data: unknown, id?: number): Uint8Array {
  const head = id === undefined ? '' : `id: ${id}\n`;
  // JSON.stringify escapes line breaks inside strings: the data is one line
  return encoder.encode(`${head}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

const HEARTBEAT = encoder.encode(': heartbeat\n\n');

/** Where a follower's events go. */
export interface EventSink {
  /** false when the stream is closed (or was just cut off for falling behind) */
  write(frame: Uint8Array): boolean;
  close(): void;
  readonly closed: boolean;
}

export interface EventStreamOptions {
  heartbeatMs: number;
  retryMs: number;
  maxUnsentBytes: number;
  /** the request's signal: the browser went away */
  signal?: AbortSignal;
  /**
   * asked at each heartbeat: false ends the stream (its user signed out, the session expired, the account was
   * disabled); the browser's reconnect is then refused like any request without a session
   */
  stillAllowed?: () => boolean;
  onOpen: (sink: EventSink) => void;
  /** once, however the stream ended */
  onClose: () => void;
}

/** The response body of an event stream. */
export function eventStream(options: EventStreamOptions): ReadableStream<Uint8Array> {
  let closed = false;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | null = null;
  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    options.signal?.removeEventListener('abort', abort);
    options.onClose();
  };
  const abort = () => {
    finish();
    try {
      controllerRef?.close();
    } catch {
      // already closed by the reader
    }
  };
  const sink: EventSink = {
    get closed() {
      return closed;
    },
    write(frame) {
      if (closed || !controllerRef) return false;
      // more than the limit waits unsent: a stalled connection, not a slow moment
      if ((controllerRef.desiredSize ?? 0) < frame.byteLength) {
        controllerRef.error(new Error('follower fell behind'));
        finish();
        return false;
      }
      controllerRef.enqueue(frame);
      return true;
    },
    close: abort,
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controllerRef = controller;
        controller.enqueue(encoder.encode(`retry: ${options.retryMs}\n\n`));
        heartbeat = setInterval(() => {
          if (options.stillAllowed && !options.stillAllowed()) abort();
          else sink.write(HEARTBEAT);
        }, options.heartbeatMs);
        if (options.signal?.aborted) return abort();
        options.signal?.addEventListener('abort', abort);
        options.onOpen(sink);
      },
      cancel() {
        finish();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: options.maxUnsentBytes }),
  );
}

export const EVENT_STREAM_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  // no-transform: the production server's compression would hold events back to fill its buffer
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
} as const;
