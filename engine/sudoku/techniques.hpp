// Purpose: the technique finders of the logic engine. Each looks at a candidate grid
// and, when it finds an instance of its technique that changes something (places a
// digit or removes a candidate), fills `step` (technique, pattern, effect, rating) and
// returns true; otherwise it returns false and leaves `step` unspecified. Finders never
// modify the candidates. They are sound: if the candidates contain a solution, no step
// removes one of its digits or places another (the uniqueness finders additionally
// assume the puzzle has exactly one solution). logic.hpp runs them in order.
#pragma once

#include "engine/sudoku/candidates.hpp"
#include "engine/sudoku/step.hpp"

namespace astradia::sudoku {

// Singles (basic.cpp).
bool find_full_house(const Candidates& c, const Analysis& a, Step& step);
// boxes = true looks in boxes only (rated 1.2), false in rows and columns (1.5).
bool find_hidden_single(const Candidates& c, const Analysis& a, bool boxes, Step& step);
bool find_naked_single(const Candidates& c, const Analysis& a, Step& step);

// Locked candidates (basic.cpp).
bool find_pointing(const Candidates& c, const Analysis& a, Step& step);
bool find_claiming(const Candidates& c, const Analysis& a, Step& step);

// Subsets of size 2..4 (basic.cpp).
bool find_naked_subset(const Candidates& c, const Analysis& a, int size, Step& step);
bool find_hidden_subset(const Candidates& c, const Analysis& a, int size, Step& step);

// Basic fish of size 2 (X-Wing), 3 (Swordfish), 4 (Jellyfish) (basic.cpp).
bool find_fish(const Candidates& c, const Analysis& a, int size, Step& step);

// Wings (wings.cpp): `size` cells holding `size` digits in all, every digit but one (z)
// confined to cells that see each other, so z is in one of its cells and leaves every
// cell that sees them all. 3: XY-/XYZ-Wing (a pivot seeing two bivalue wings); 4, 5:
// WXYZ-/VWXYZ-Wing (an almost locked set of 3 or 4 cells in one house plus a bivalue cell
// {x, z} that every x of the set sees; when z is restricted too, more goes). Returns the
// lowest-rated instance. `touching`, when given, limits the search to sets
// with at least one of those cells: after a search that found nothing, only a set with
// a cell whose candidates changed since can be a wing now (targets only lose candidates).
bool find_wing(const Candidates& c, const Analysis& a, int size, Step& step, const CellSet* touching = nullptr);
// W-Wing: two cells holding the same two digits x, z, joined by a strong link on x.
bool find_w_wing(const Candidates& c, const Analysis& a, Step& step);

// Uniqueness (uniqueness.cpp): valid only for puzzles with exactly one solution.
bool find_unique_rectangle(const Candidates& c, const Analysis& a, Step& step);
bool find_bug(const Candidates& c, const Analysis& a, Step& step);

// Chains (chains.cpp). Single-digit chains of exactly four links: skyscraper,
// two-string kite, turbot fish.
bool find_turbot(const Candidates& c, const Analysis& a, Step& step);
// Single-digit chains of exactly three strong links (six nodes): a longer turbot fish,
// rated 5.4 (all links on rows, or all on columns) or 5.5 (otherwise), after Sukaku
// Explainer's three-strong-link turbot fish; reported as an X-chain.
bool find_three_link(const Candidates& c, const Analysis& a, Step& step);
// Empty rectangle: in a box, a digit's places lie on one row and one column; with a
// strong link from that row (or column) outside the box, the digit leaves the cell
// where the link's other end meets the box's column (or row).
bool find_empty_rectangle(const Candidates& c, const Analysis& a, Step& step);
// Simple colouring: the shortest single-digit chain along conjugate pairs only (a colour
// trap or wrap), rated like the X-chain it is.
bool find_simple_colouring(const Candidates& c, const Analysis& a, Step& step);
// The lowest-rated single-digit chain (simple colouring or X-chain), or, when none is
// rated below the general chains, the lowest-rated XY-chain or AIC.
bool find_chain(const Candidates& c, const Analysis& a, Step& step);

// Forcing (forcing.cpp). Cell and region forcing chains with static implications.
bool find_forcing_chain(const Candidates& c, const Analysis& a, Step& step);
// Trial and error, bounded: an assumption whose consequences (singles, then also
// locked candidates and subsets, then one nested assumption) end in a contradiction.
bool find_trial(const Candidates& c, const Analysis& a, Step& step);

// Grading shortcuts. sweep_chains: the effects of every chain rated at most max_rating,
// merged into one step. sweep_forcing_chains / sweep_trials: the best forcing chain (or
// trial) is searched for as by the finders; if there is one, `merged` gets its rating
// and the effects of every one rated at most max(floor, that rating). Once a solve has
// needed a step of some rating, applying the others rated no higher together cannot
// raise its maximum, and saves re-running every cheaper technique between them. Not for
// hints (a player gets one deduction at a time).
bool sweep_chains(const Candidates& c, const Analysis& a, int max_rating, Step& merged);
bool sweep_forcing_chains(const Candidates& c, const Analysis& a, int floor, Step& merged);
bool sweep_trials(const Candidates& c, const Analysis& a, int floor, Step& merged);

// Trial and error by full search, the very last resort: a candidate whose placement
// leaves no solution at all (the solver tries every continuation). Rated 11.0. Always
// succeeds on a grid with exactly one solution that is not solved yet.
bool find_search_trial(const Candidates& c, const Analysis& a, Step& step);

// Fills naked and hidden singles until nothing changes; true when that solves the grid
// (which proves the solution unique), false when it gets stuck or hits a contradiction.
bool solve_with_singles(Candidates& c);

// The Sudoku Explainer length bonus for a chain of `length` links (0.1 per step of a
// growing ceiling: 4, 6, 8, 12, 16, 24, ...), in tenths.
int chain_length_bonus(int length);

}  // namespace astradia::sudoku
