/**
 * A GBK encoder for tests, as Excel on Chinese Windows writes "CSV (逗号分隔)": built from the platform's own
 * GB18030 decoder by decoding every two-byte GBK code, so tests write GBK bytes without a checked-in binary.
 */
let codes: Map<string, [number, number]> | null = null;

function gbkCodes(): Map<string, [number, number]> {
  if (codes) return codes;
  const decoder = new TextDecoder('gb18030', { fatal: true });
  codes = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (!codes.has(char)) codes.set(char, [lead, trail]);
    }
  }
  return codes;
}

/** The text's GBK bytes (ASCII as is; a character GBK lacks throws). */
export function toGbk(text: string): Uint8Array<ArrayBuffer> {
  const table = gbkCodes();
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(char);
      if (!pair) throw new Error(`no GBK code for ${char}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}
