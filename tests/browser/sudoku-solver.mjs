// Purpose: a plain backtracking Sudoku solver for the browser tests: a test must not trust
// the app for the answer it checks.
import assert from 'node:assert/strict';

// The solution of an 81-character puzzle ('.' for an empty cell), as 81 numbers.
export function solve(grid) {
  const g = grid.split('').map((c) => (c === '.' ? 0 : Number(c)));
  const ok = (i, d) => {
    const r = Math.floor(i / 9), c = i % 9, br = r - (r % 3), bc = c - (c % 3);
    for (let k = 0; k < 9; k++) {
      if (g[r * 9 + k] === d || g[k * 9 + c] === d) return false;
      if (g[(br + Math.floor(k / 3)) * 9 + bc + (k % 3)] === d) return false;
    }
    return true;
  };
  const go = () => {
    const i = g.indexOf(0);
    if (i < 0) return true;
    for (let d = 1; d <= 9; d++) {
      if (ok(i, d)) { g[i] = d; if (go()) return true; g[i] = 0; }
    }
    return false;
  };
  assert.ok(go(), 'the puzzle has a solution');
  return g;
}
