/**
 * The columns arrive as a gzip file (GET /api/datasets/:id/columns). They are decompressed where they are
 * decoded, in the settlement worker: off the page's thread, each worker in parallel with the others. Web
 * streams only (DecompressionStream, Response): the same in a worker, a page and Node.
 */
export async function gunzipColumns(gzipped: ArrayBuffer): Promise<Uint8Array> {
  const stream = new Blob([gzipped]).stream().pipeThrough(new DecompressionStream('gzip'));
  try {
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    throw new Error(`prepared columns: not a whole gzip file (${error instanceof Error ? error.message : String(error)})`);
  }
}
