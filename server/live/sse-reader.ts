/**
 * Reads an event stream (text/event-stream) outside a browser: the tests and the benchmark follow a session
 * through the route handlers, or over HTTP, as EventSource would.
 */
export interface ReadEvent {
  event: string;
  /** the `id:` line, if the event had one */
  id: string | null;
  data: unknown;
  /** the frame's size in bytes */
  bytes: number;
}

export interface EventReader {
  /** the next event matching `want` (events before it are skipped); rejects when the stream ends first */
  next(want?: (e: ReadEvent) => boolean): Promise<ReadEvent>;
  /** every event read so far, in order */
  readonly seen: readonly ReadEvent[];
  close(): Promise<void>;
}

function parseFrame(frame: string): ReadEvent | null {
  let event = 'message';
  let id: string | null = null;
  const data: string[] = [];
  for (const line of frame.split('\n')) {
    if (line.startsWith(':') || line === '') continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'id') id = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0) return null;
  return { event, id, data: JSON.parse(data.join('\n')) as unknown, bytes: Buffer.byteLength(frame) + 2 };
}

export function readEvents(body: ReadableStream<Uint8Array>): EventReader {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const seen: ReadEvent[] = [];
  let buffer = '';
  let cursor = 0;
  let ended = false;

  const pull = async (): Promise<boolean> => {
    if (ended) return false;
    const { done, value } = await reader.read();
    if (done) {
      ended = true;
      return false;
    }
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const parsed = parseFrame(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
      if (parsed) seen.push(parsed);
    }
    return true;
  };

  return {
    seen,
    async next(want = () => true) {
      for (;;) {
        while (cursor < seen.length) {
          const e = seen[cursor++]!;
          if (want(e)) return e;
        }
        if (!(await pull())) throw new Error(`the event stream ended (${seen.length} events read)`);
      }
    },
    async close() {
      ended = true;
      await reader.cancel().catch(() => undefined);
    },
  };
}
