/**
 * Seeded pseudo-random numbers: sfc32 seeded through splitmix32. Integer arithmetic only for the state, so
 * the same seed gives the same stream on every platform; the transcendental helpers (log, cos) are
 * V8's fdlibm ports, identical across runs of one Node version.
 */

const TWO_POW_32 = 4294967296;

function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** the second normal deviate of the last Box–Muller pair, or NaN */
  private spareNormal = Number.NaN;

  constructor(seed: number) {
    let state = seed | 0;
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [next, word] = splitmix32(state);
      state = next;
      words.push(word);
    }
    [this.a, this.b, this.c, this.d] = words as [number, number, number, number];
    for (let i = 0; i < 16; i++) this.nextUint32();
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in the open interval (0, 1): safe to take the log of. */
  uniform(): number {
    return (this.nextUint32() + 0.5) / TWO_POW_32;
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.uniform();
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Standard normal deviate (Box–Muller, both values of a pair used). */
  normal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const spare = this.spareNormal;
      this.spareNormal = Number.NaN;
      return spare;
    }
    const radius = Math.sqrt(-2 * Math.log(this.uniform()));
    const angle = 2 * Math.PI * this.uniform();
    this.spareNormal = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  /** Lognormal with mean 1 and log-sd `sigma`. */
  meanOneLognormal(sigma: number): number {
    return Math.exp(sigma * this.normal() - (sigma * sigma) / 2);
  }

  /** Fisher–Yates shuffle of a copy. */
  shuffled<T>(items: readonly T[]): T[] {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.below(i + 1);
      const swap = copy[i]!;
      copy[i] = copy[j]!;
      copy[j] = swap;
    }
    return copy;
  }
}

/**
 * Index of the first entry of `cumulative[offset … offset+length)` that is > u (a cumulative distribution
 * ending at 1, u in (0, 1)): inverse-CDF sampling by binary search.
 */
export function pickCumulative(cumulative: Float64Array, offset: number, length: number, u: number): number {
  let low = 0;
  let high = length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (cumulative[offset + mid]! > u) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Turns weights into a cumulative distribution ending at exactly 1, written at `offset` of `target`. */
export function writeCumulative(weights: ArrayLike<number>, target: Float64Array, offset = 0): void {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i]!;
  let running = 0;
  for (let i = 0; i < weights.length; i++) {
    running += weights[i]!;
    target[offset + i] = total > 0 ? running / total : (i + 1) / weights.length;
  }
  target[offset + weights.length - 1] = 1;
}
