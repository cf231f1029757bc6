// How a row says whether its goal holds: one wording for every section ("met" / "MISSED …").
/**
 * @param {boolean} holds
 * @param {string} [detail] the figure behind the verdict, e.g. "1.07 ×"
 */
export function verdict(holds, detail) {
  return `${holds ? 'met' : 'MISSED'}${detail ? ` (${detail})` : ''}`;
}

/**
 * A goal of the form "value ≤ factor × base" (the diagnose's protocol minimum, the setup's and
 * the inspection's critical path).
 * @param {number} value @param {number} base @param {number} factor
 */
export function withinFactor(value, base, factor) {
  const limit = factor * base;
  const ratio = base > 0 ? value / base : Number.POSITIVE_INFINITY;
  return { limit, ratio, holds: value <= limit, result: verdict(value <= limit, `${ratio.toFixed(2)} ×`) };
}

/** A goal of the form "value ≤ base + margin" (what the screen adds over the engine). */
export function withinMargin(value, base, margin) {
  const over = value - base;
  return { limit: base + margin, over, holds: over <= margin, result: verdict(over <= margin, `+${Math.round(over)} ms over the engine`) };
}
