// "Did you mean …?" for diagnostics of the spec language: the closest known word by edit distance.

/** Levenshtein distance between two short words. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** The known word nearest to `word`, if it is close enough to be a likely typo. */
export function closest(word: string, known: readonly string[]): string | undefined {
  // A known word the user started to type: `pop` → `popcount`.
  if (word.length >= 3) {
    const prefixed = known.find((k) => k !== word && k.toLowerCase().startsWith(word.toLowerCase()));
    if (prefixed) return prefixed;
  }
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    if (k === word) continue;
    const d = editDistance(word.toLowerCase(), k.toLowerCase());
    if (d < bestD) { bestD = d; best = k; }
  }
  // A one-letter name is as close to every other one-letter name: suggest nothing for it.
  const limit = word.length <= 1 ? 0 : word.length <= 3 ? 1 : 2;
  return bestD <= limit ? best : undefined;
}
