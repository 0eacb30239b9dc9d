/**
 * The discrete Fourier transform of a row-major tensor, over complex float64
 * numbers held as two arrays (real and imaginary parts). The direct sums,
 * one axis after the other (the multi-dimensional DFT is separable): for the
 * small matrices an identity checks, clarity beats an FFT.
 *
 *   sign −1 (forward):  X[m] = Σ_i x[i] · e^{−2πi m·i/n}   (numpy.fft.fftn)
 *   sign +1 (inverse):  x[i] = (1/N) Σ_m X[m] · e^{+2πi m·i/n}   (numpy.fft.ifftn)
 *
 * with m·i/n = Σ_a m_a i_a / n_a over the axes and N = Π n_a.
 */
export interface ComplexVector {
  readonly re: Float64Array;
  readonly im: Float64Array;
}

export function complexVector(re: ArrayLike<number>, im?: ArrayLike<number>): ComplexVector {
  return { re: Float64Array.from(re), im: im ? Float64Array.from(im) : new Float64Array(re.length) };
}

/** The DFT of x (shape `shape`, row-major): sign −1 forward, +1 inverse (scaled by 1/N). */
export function dft(x: ComplexVector, shape: readonly number[], sign: -1 | 1): ComplexVector {
  let re = x.re.slice(), im = x.im.slice();
  const total = re.length;
  let inner = total;
  for (const n of shape) {
    inner /= n;
    const outer = total / (n * inner);
    const cos = Float64Array.from({ length: n }, (_, k) => Math.cos((2 * Math.PI * k) / n));
    const sin = Float64Array.from({ length: n }, (_, k) => sign * Math.sin((2 * Math.PI * k) / n));
    const nre = new Float64Array(total), nim = new Float64Array(total);
    for (let o = 0; o < outer; o++) {
      for (let q = 0; q < inner; q++) {
        const base = o * n * inner + q;
        for (let m = 0; m < n; m++) {
          let sr = 0, si = 0;
          for (let i = 0; i < n; i++) {
            const k = (m * i) % n, at = base + i * inner;
            sr += re[at]! * cos[k]! - im[at]! * sin[k]!;
            si += re[at]! * sin[k]! + im[at]! * cos[k]!;
          }
          nre[base + m * inner] = sr;
          nim[base + m * inner] = si;
        }
      }
    }
    re = nre;
    im = nim;
  }
  if (sign === 1) for (let k = 0; k < total; k++) { re[k]! /= total; im[k]! /= total; }
  return { re, im };
}
