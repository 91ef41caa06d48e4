// Small statistics helpers for the benchmark.

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Geometric mean of the finite, positive values (ratios and times are compared multiplicatively). */
export function geomean(values: readonly number[]): number {
  const ok = values.filter((v) => Number.isFinite(v) && v > 0);
  if (ok.length === 0) return Number.NaN;
  return Math.exp(ok.reduce((s, v) => s + Math.log(v), 0) / ok.length);
}

export function max(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : Math.max(...values);
}

/** Milliseconds with sensible precision: 0.123, 12.3, 1,234. */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 1) return ms.toFixed(3);
  if (ms < 10) return ms.toFixed(2);
  if (ms < 100) return ms.toFixed(1);
  return Math.round(ms).toLocaleString('en-US');
}

export function fmtRatio(r: number): string {
  if (!Number.isFinite(r)) return '–';
  if (r < 10) return `${r.toFixed(2)}x`;
  if (r < 100) return `${r.toFixed(1)}x`;
  return `${Math.round(r).toLocaleString('en-US')}x`;
}

export function fmtBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}
