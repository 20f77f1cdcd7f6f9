// The baseline of the benchmarks: a plain-JavaScript program grading the same lists by the same
// rules, exactly, with integer arithmetic (every value below stays under 2^53, so JS numbers are
// exact integers). What a careful developer would write by hand for one fixed scheme; the engine
// is measured beside it in the same page (tests/bench.rs, tests/e2e/bench-api.mjs).
//
// Inputs are columns (typed arrays): scores in hundredths, ballots per level. Outputs: the
// rounded composite in hundredths, the tier (0 best) and the stars (255: none).

// Ranks by rounded composite, best first; ties share a rank (1, 2, 2, 4).
function ranks(rounded) {
  const n = rounded.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => rounded[b] - rounded[a] || a - b);
  const rank = new Uint32Array(n);
  let previous = null;
  let current = 0;
  for (let p = 0; p < n; p++) {
    const i = order[p];
    if (rounded[i] !== previous) {
      current = p + 1;
      previous = rounded[i];
    }
    rank[i] = current;
  }
  return rank;
}

// Half up: round(n / d) for n, d ≥ 0.
function roundHalfUp(n, d) {
  const q = Math.floor(n / d);
  const r = n - q * d;
  return r * 2 >= d ? q + 1 : q;
}

// Ranks, the 5% floor (⌈5% × N⌉, all tied on the cut-off move) and the star cap (⌊20% × 好⌋
// 五星, ties at the cut-off held back), as in domain.md readings 5 and 6.
function listRules(rounded, tier, stars, floorShare, capShare, lowest, starsOf) {
  const n = rounded.length;
  if (floorShare > 0) {
    const need = Math.ceil((floorShare * n) / 100);
    let have = 0;
    for (let i = 0; i < n; i++) if (tier[i] === lowest) have++;
    if (have < need) {
      // The k-th lowest score among the others, by halving the range of scores (as the engine
      // does), then every one at or below it moves.
      const movable = [];
      for (let i = 0; i < n; i++) if (tier[i] !== lowest) movable.push(rounded[i]);
      const k = Math.min(need - have, movable.length);
      let lo = Infinity, hi = -Infinity;
      for (const r of movable) { if (r < lo) lo = r; if (r > hi) hi = r; }
      while (lo < hi) {
        const mid = lo + ((hi - lo) >> 1);
        let c = 0;
        for (const r of movable) if (r <= mid) c++;
        if (c >= k) hi = mid; else lo = mid + 1;
      }
      for (let i = 0; i < n; i++) if (tier[i] !== lowest && rounded[i] <= lo) tier[i] = lowest;
    }
  }
  for (let i = 0; i < n; i++) stars[i] = starsOf(tier[i], rounded[i]);
  if (capShare > 0) {
    let good = 0;
    const five = [];
    for (let i = 0; i < n; i++) {
      if (tier[i] === 0) good++;
      if (stars[i] === 5) five.push(i);
    }
    const allowed = Math.floor((capShare * good) / 100);
    if (five.length > allowed) {
      five.sort((a, b) => rounded[b] - rounded[a] || a - b);
      const cut = rounded[five[allowed]];
      let keep = 0;
      while (keep < allowed && rounded[five[keep]] > cut) keep++;
      for (let j = keep; j < five.length; j++) stars[five[j]] = 4;
    }
  }
}

// Preset B: 党委评定 50% + 测评 30% (100/60/30/10 points per level) + 自评 20%; 好 ≥ 90,
// 较好 ≥ 80, 一般 ≥ 60; at least 5% 较差; 好 → 五星 (at most 20% of 好), 较好 → 三星,
// 一般 → 二星 at 70 and above, else 一星; 较差 → 不定星.
export function gradeB(committee, good, fair, poor, bad, self) {
  const n = committee.length;
  const rounded = new Int32Array(n);
  const tier = new Uint8Array(n);
  const stars = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = good[i] + fair[i] + poor[i] + bad[i];
    const points = 100 * good[i] + 60 * fair[i] + 30 * poor[i] + 10 * bad[i];
    // composite × 10000 × v, scores in hundredths.
    const num = 50 * committee[i] * v + 3000 * points + 20 * self[i] * v;
    const r = roundHalfUp(num, 100 * v);
    rounded[i] = r;
    tier[i] = r >= 9000 ? 0 : r >= 8000 ? 1 : r >= 6000 ? 2 : 3;
  }
  listRules(rounded, tier, stars, 5, 20, 3, (t, r) =>
    t === 0 ? 5 : t === 1 ? 3 : t === 2 ? (r >= 7000 ? 2 : 1) : 0);
  return { rounded, tier, stars, rank: ranks(rounded) };
}

// Preset ZY: 上级评 30% (eight indicators, entries in tenths), 自评 10%, 党员评 20% and 群众评
// 20% (votes, 100/60/30/10), 相关单位评 20%; 很好 ≥ 95, 好 ≥ 85, 较好 ≥ 75, 一般 ≥ 60; no
// list rules, no stars.
export function gradeZY(indicators, self, m0, m1, m2, m3, p0, p1, p2, p3, related) {
  const n = self.length;
  const k = indicators.length;
  const rounded = new Int32Array(n);
  const tier = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let tenths = 0;
    for (let j = 0; j < k; j++) tenths += indicators[j][i];
    const v1 = m0[i] + m1[i] + m2[i] + m3[i];
    const v2 = p0[i] + p1[i] + p2[i] + p3[i];
    const pts1 = 100 * m0[i] + 60 * m1[i] + 30 * m2[i] + 10 * m3[i];
    const pts2 = 100 * p0[i] + 60 * p1[i] + 30 * p2[i] + 10 * p3[i];
    const vv = v1 * v2;
    // composite × 10000 × v1 × v2: indicators in tenths (×10 to hundredths), scores in hundredths.
    const num = 300 * tenths * vv + 10 * self[i] * vv + 2000 * pts1 * v2 + 2000 * pts2 * v1 + 20 * related[i] * vv;
    const r = roundHalfUp(num, 100 * vv);
    rounded[i] = r;
    tier[i] = r >= 9500 ? 0 : r >= 8500 ? 1 : r >= 7500 ? 2 : r >= 6000 ? 3 : 4;
  }
  return { rounded, tier, stars: new Uint8Array(0), rank: ranks(rounded) };
}
