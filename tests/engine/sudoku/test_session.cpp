// Purpose: the Sudoku game session: every move kind and its errors, auto-removal of
// notes, conflicts, the mistake limit, undo/redo across all move kinds, hints, the
// clock with pauses, completion, and saves: round trips (history included) and the
// rejection of corrupt, truncated, tampered, future and inconsistent saves.
#include <functional>
#include <string>

#include <catch2/catch.hpp>

#include "engine/core/random.hpp"
#include "engine/core/sealed.hpp"
#include "engine/sudoku/session.hpp"

using namespace astradia;
using namespace astradia::sudoku;

namespace {

const char* kPuzzle = "53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79";
const char* kSolution = "534678912672195348198342567859761423426853791713924856961537284287419635345286179";

Grid grid(std::string_view text) {
    auto g = parse_grid(text);
    REQUIRE(g.ok());
    return *g;
}

Session new_session(int mistake_limit = 0) {
    auto s = Session::start(grid(kPuzzle), NewGame{.level = Level::medium, .game_id = "seed-42",
                                                    .rules = Rules{.mistake_limit = mistake_limit}});
    REQUIRE(s.ok());
    return *s;
}

int digit_of_solution(int cell) { return kSolution[cell] - '0'; }
int wrong_digit(int cell) { return digit_of_solution(cell) % 9 + 1; }

// Empty cells of kPuzzle, in order.
std::vector<int> empty_cells() {
    std::vector<int> out;
    for (int c = 0; c < kCells; ++c) {
        if (kPuzzle[c] == '.') out.push_back(c);
    }
    return out;
}

std::string error_code(const Expected<Outcome>& r) { return r ? "ok" : r.error().code; }
std::string error_code(const Expected<Session>& r) { return r ? "ok" : r.error().code; }

// Opens a save, lets `change` edit its payload, and seals it again with a correct checksum.
std::string reseal(const std::string& text, const std::function<void(Json&)>& change) {
    auto opened = unseal(text, kGameDocument.kind, kGameDocument.version);
    REQUIRE(opened.ok());
    Json payload = opened->payload;
    change(payload);
    return seal(kGameDocument.kind, kGameDocument.version, payload);
}

}  // namespace

TEST_CASE("session: a new game", "[sudoku][session]") {
    Session s = new_session();
    CHECK(s.state().solution.to_string() == kSolution);
    CHECK(s.state().givens.to_string() == kPuzzle);
    CHECK(s.state().status == Status::playing);
    CHECK(s.level() == Level::medium);
    CHECK(s.game_id() == "seed-42");
    CHECK(s.paused());
    CHECK(s.elapsed_ms(123456) == 0);
    CHECK_FALSE(s.can_undo());
    CHECK_FALSE(s.can_redo());

    CHECK(error_code(Session::start(grid(std::string(81, '.')), {})) == "sudoku.start.ambiguous");
    CHECK(error_code(Session::start(grid("12345678.........9" + std::string(63, '.')), {})) == "sudoku.start.unsolvable");
    Grid repeat;
    repeat[0] = repeat[1] = 4;
    CHECK(error_code(Session::start(repeat, {})) == "sudoku.start.rules");
    NewGame long_id;
    long_id.game_id = std::string(kMaxGameId + 1, 'x');
    CHECK(error_code(Session::start(grid(kPuzzle), long_id)) == "sudoku.start.options");
    // The longest id there is: an imported puzzle's 81 cells. It is kept through a save.
    NewGame imported;
    imported.game_id = grid(kPuzzle).to_string();
    auto own = Session::start(grid(kPuzzle), imported);
    REQUIRE(own.ok());
    auto reopened = open_document(kGameDocument, own->save(0));
    REQUIRE(reopened.ok());
    CHECK(reopened->game_id() == imported.game_id);
    NewGame strict;
    strict.rules.mistake_limit = 100;
    CHECK(error_code(Session::start(grid(kPuzzle), strict)) == "sudoku.start.options");
    // A full grid is already solved.
    auto full = Session::start(grid(kSolution), {});
    REQUIRE(full.ok());
    CHECK(full->state().status == Status::won);
}

TEST_CASE("session: every move kind, and what each refuses", "[sudoku][session]") {
    Session s = new_session();
    const int c = 2;  // r1c3, empty; its solution is 4
    REQUIRE(digit_of_solution(c) == 4);

    REQUIRE(s.play(Move::note(c, 1), 0).ok());
    REQUIRE(s.play(Move::note(c, 4), 0).ok());
    CHECK(s.state().board.notes[c] == 0b1001);
    REQUIRE(s.play(Move::note(c, 1), 0).ok());  // toggles off
    CHECK(s.state().board.notes[c] == 0b1000);

    auto placed = s.play(Move::place(c, 4), 0);
    REQUIRE(placed.ok());
    CHECK_FALSE(placed->mistake);
    CHECK(s.state().board.entries[c] == 4);
    CHECK(s.state().board.notes[c] == 0);  // a digit hides the cell's notes
    CHECK(s.state().digit(c) == 4);

    CHECK(error_code(s.play(Move::note(c, 2), 0)) == "sudoku.move.filled");
    CHECK(error_code(s.play(Move::place(c, 4), 0)) == "sudoku.move.noop");
    CHECK(error_code(s.play(Move::place(0, 1), 0)) == "sudoku.move.given");
    CHECK(error_code(s.play(Move::erase(0), 0)) == "sudoku.move.given");
    CHECK(error_code(s.play(Move::note(0, 1), 0)) == "sudoku.move.given");
    CHECK(error_code(s.play(Move::place(81, 1), 0)) == "sudoku.move.cell");
    CHECK(error_code(s.play(Move::place(c, 0), 0)) == "sudoku.move.digit");
    CHECK(error_code(s.play(Move::note(c, 10), 0)) == "sudoku.move.digit");
    CHECK(error_code(s.play(Move::erase(3), 0)) == "sudoku.move.noop");  // already empty
    CHECK(error_code(s.play(Move{static_cast<MoveKind>(9), 3, 1}, 0)) == "sudoku.move.kind");

    REQUIRE(s.play(Move::erase(c), 0).ok());
    CHECK(s.state().board.entries[c] == 0);
    REQUIRE(s.play(Move::note(c, 7), 0).ok());
    REQUIRE(s.play(Move::erase(c), 0).ok());  // erase clears notes too
    CHECK(s.state().board.notes[c] == 0);

    // Auto-notes: every empty cell gets exactly the digits no peer holds.
    REQUIRE(s.play(Move::auto_notes(), 0).ok());
    for (int cell = 0; cell < kCells; ++cell) {
        if (s.state().digit(cell) != 0) {
            CHECK(s.state().board.notes[cell] == 0);
            continue;
        }
        NoteMask want = 0;
        for (int d = 1; d <= 9; ++d) {
            bool seen = false;
            for (auto p : peers()[cell]) seen = seen || s.state().digit(p) == d;
            if (!seen) want |= static_cast<NoteMask>(1u << (d - 1));
        }
        CHECK(s.state().board.notes[cell] == want);
        CHECK(candidates(s.state(), cell) == want);
        CHECK((want >> (digit_of_solution(cell) - 1) & 1));  // the solution is always a candidate
    }
    CHECK(error_code(s.play(Move::auto_notes(), 0)) == "sudoku.move.noop");
    CHECK(candidates(s.state(), 0) == 0);  // a given has no candidates
}

TEST_CASE("session: a placed digit leaves the notes of its peers, in the same undoable move", "[sudoku][session]") {
    Session s = new_session();
    REQUIRE(s.play(Move::auto_notes(), 0).ok());
    const State before = s.state();
    const int c = 2;  // r1c3 = 4
    REQUIRE(s.play(Move::place(c, 4), 0).ok());
    const auto& notes = s.state().board.notes;
    for (auto p : peers()[c]) CHECK_FALSE((notes[p] >> 3 & 1));
    // Cells that are not peers keep their 4s.
    int kept = 0;
    for (int cell = 0; cell < kCells; ++cell) {
        bool peer = cell == c;
        for (auto p : peers()[c]) peer = peer || p == cell;
        if (!peer && (before.board.notes[cell] >> 3 & 1)) {
            CHECK((notes[cell] >> 3 & 1));
            ++kept;
        }
    }
    CHECK(kept > 0);
    REQUIRE(s.undo().ok());
    CHECK(s.state().board == before.board);  // one undo brings every note back
}

TEST_CASE("session: a placement that keeps its peers' notes, saved and replayed as played", "[sudoku][session][save]") {
    Session s = new_session();
    REQUIRE(s.play(Move::auto_notes(), 0).ok());
    const State before = s.state();
    const int c = 2;  // r1c3 = 4
    REQUIRE(s.play(Move::place(c, 4, true), 0).ok());
    CHECK(s.state().board.notes[c] == 0);  // the cell's own notes go: it holds a digit now
    int kept = 0;
    for (auto p : peers()[c]) {
        CHECK(s.state().board.notes[p] == before.board.notes[p]);
        kept += before.board.notes[p] >> 3 & 1;
    }
    CHECK(kept > 0);
    // The flag is part of the move: a reload replays it, and the default stays off.
    const std::string text = s.save(0);
    CHECK(text.find("keep_peer_notes") != std::string::npos);
    auto loaded = open_document(kGameDocument, text);
    REQUIRE(loaded.ok());
    CHECK(loaded->history() == s.history());
    REQUIRE(loaded->undo().ok());
    REQUIRE(loaded->redo(0).ok());
    State replayed = loaded->state();
    CHECK(replayed.undos == 1);  // the undo is counted; otherwise the same state
    replayed.undos = s.state().undos;
    CHECK(replayed == s.state());
    CHECK_FALSE(Move::place(c, 4).keep_peer_notes);
    // A flag that is not a boolean is a format error, not a guess.
    const std::string bad = reseal(text, [](Json& p) { p["moves"][1]["keep_peer_notes"] = 1; });
    CHECK(error_code(open_document(kGameDocument, bad)) == "save.format");
}

TEST_CASE("session: conflicts are the cells whose digit repeats in a house", "[sudoku][session]") {
    Session s = new_session();
    CHECK(conflicts(s.state()).none());
    // r1c3 := 5 repeats the given 5 at r1c1 (row and box).
    REQUIRE(s.play(Move::place(2, 5), 0).ok());
    auto bad = conflicts(s.state());
    CHECK(bad.count() == 2);
    CHECK(bad.test(0));
    CHECK(bad.test(2));
    // r9c3 := 5 repeats it in column 3 as well.
    REQUIRE(s.play(Move::place(74, 5), 0).ok());
    bad = conflicts(s.state());
    CHECK(bad.test(74));
    CHECK(bad.count() == 3);
    REQUIRE(s.play(Move::erase(2), 0).ok());
    bad = conflicts(s.state());
    CHECK_FALSE(bad.test(0));
    CHECK(bad.count() == 0);  // r9c3 = 5 clashes with nothing now that r1c3 is empty
}

TEST_CASE("session: mistakes count against the solution, and the limit loses the game", "[sudoku][session]") {
    Session s = new_session(3);
    const auto cells = empty_cells();
    auto r = s.play(Move::place(cells[0], wrong_digit(cells[0])), 1000);
    REQUIRE(r.ok());
    CHECK(r->mistake);
    CHECK(s.state().mistakes == 1);
    REQUIRE(s.undo().ok());
    CHECK(s.state().mistakes == 1);  // undo does not give a mistake back
    REQUIRE(s.redo(1000).ok());
    CHECK(s.state().mistakes == 1);  // ... and redo does not count it twice
    REQUIRE(s.play(Move::place(cells[1], wrong_digit(cells[1])), 2000).ok());
    CHECK(s.state().status == Status::playing);
    r = s.play(Move::place(cells[2], wrong_digit(cells[2])), 3000);
    REQUIRE(r.ok());
    CHECK(r->status == Status::lost);
    CHECK(s.state().status == Status::lost);
    CHECK(error_code(s.play(Move::erase(cells[0]), 4000)) == "sudoku.move.over");
    CHECK(error_code(s.undo()) == "sudoku.move.over");
    CHECK_FALSE(s.can_undo());
    CHECK(s.paused());
    CHECK(s.elapsed_ms(9000) == 2000);  // the clock stopped with the last move

    Session free = new_session(0);
    for (int i = 0; i < 10; ++i) REQUIRE(free.play(Move::place(cells[i], wrong_digit(cells[i])), 0).ok());
    CHECK(free.state().mistakes == 10);
    CHECK(free.state().status == Status::playing);
}

TEST_CASE("session: undo and redo across every move kind", "[sudoku][session]") {
    Session s = new_session();
    const auto cells = empty_cells();
    const std::vector<Move> moves = {
        Move::note(cells[0], 3),          Move::note(cells[0], 5),        Move::auto_notes(),
        Move::place(cells[1], 9),         Move::erase(cells[1]),          Move::place(cells[2], digit_of_solution(cells[2])),
        Move::note(cells[3], 1),          Move::place(cells[0], 2),       Move::erase(cells[3]),
    };
    std::vector<Board> boards = {s.state().board};
    for (const Move& m : moves) {
        REQUIRE(s.play(m, 0).ok());
        boards.push_back(s.state().board);
        CHECK(boards.back() != boards[boards.size() - 2]);
    }
    CHECK(s.history() == moves);
    for (std::size_t i = moves.size(); i > 0; --i) {
        REQUIRE(s.can_undo());
        REQUIRE(s.undo().ok());
        CHECK(s.state().board == boards[i - 1]);
        CHECK(s.undo_depth() == i - 1);
    }
    CHECK(error_code(s.undo()) == "sudoku.undo.none");
    for (std::size_t i = 1; i <= moves.size(); ++i) {
        REQUIRE(s.can_redo());
        REQUIRE(s.redo(0).ok());
        CHECK(s.state().board == boards[i]);
    }
    CHECK(error_code(s.redo(0)) == "sudoku.redo.none");
    // A new move after undoing drops what could have been redone.
    REQUIRE(s.undo().ok());
    REQUIRE(s.undo().ok());
    REQUIRE(s.play(Move::note(cells[5], 6), 0).ok());
    CHECK_FALSE(s.can_redo());
    CHECK(s.history().size() == moves.size() - 1);
    CHECK(s.history().back() == Move::note(cells[5], 6));
}

TEST_CASE("session: a long history undoes and redoes board by board", "[sudoku][session]") {
    Session s = new_session();
    const auto cells = empty_cells();
    Rng rng(99);
    std::vector<Board> boards = {s.state().board};
    while (boards.size() < 301) {
        const int c = cells[rng.below(static_cast<std::uint32_t>(cells.size()))];
        const int d = 1 + static_cast<int>(rng.below(9));
        const std::uint32_t kind = rng.below(10);
        const Move m = kind < 6 ? Move::note(c, d) : kind < 8 ? Move::place(c, d) : kind < 9 ? Move::erase(c) : Move::auto_notes();
        if (s.play(m, 0).ok()) boards.push_back(s.state().board);
    }
    for (std::size_t i = boards.size() - 1; i > 0; --i) {
        REQUIRE(s.undo().ok());
        REQUIRE(s.state().board == boards[i - 1]);
    }
    for (std::size_t i = 1; i < boards.size(); ++i) {
        REQUIRE(s.redo(0).ok());
        REQUIRE(s.state().board == boards[i]);
    }
    for (int i = 0; i < 150; ++i) REQUIRE(s.undo().ok());
    REQUIRE(s.state().board == boards[150]);
    int open = 0;
    while (s.state().digit(open) != 0) ++open;
    REQUIRE(s.play(Move::note(open, 5), 0).ok());  // a new move: the redo tail goes
    CHECK_FALSE(s.can_redo());
    auto loaded = open_document(kGameDocument, s.save(0));
    REQUIRE(loaded.ok());
    REQUIRE(loaded->undo().ok());
    REQUIRE(loaded->state().board == boards[150]);
    for (std::size_t i = 150; i > 0; --i) {
        REQUIRE(loaded->undo().ok());
        REQUIRE(loaded->state().board == boards[i - 1]);
    }
}

TEST_CASE("session: hints are moves like any other, and are counted", "[sudoku][session]") {
    Session s = new_session();
    CHECK_FALSE(s.last_hint().has_value());
    const int c = empty_cells()[4];
    const Move hint = Move::place(c, digit_of_solution(c));
    REQUIRE(s.play_hint(hint, 0).ok());
    CHECK(s.state().hints_used == 1);
    REQUIRE(s.last_hint().has_value());
    CHECK(*s.last_hint() == hint);
    CHECK(s.state().board.entries[c] == digit_of_solution(c));
    REQUIRE(s.undo().ok());
    CHECK(s.state().hints_used == 1);  // undo does not give a hint back
    CHECK(error_code(s.play_hint(Move::place(0, 1), 0)) == "sudoku.move.given");
    CHECK(s.state().hints_used == 1);  // a refused hint is not counted
}

TEST_CASE("session: the clock counts only running time", "[sudoku][session]") {
    Session s = new_session();
    CHECK(s.elapsed_ms(5000) == 0);  // a new game waits, paused
    s.resume(10000);
    CHECK_FALSE(s.paused());
    CHECK(s.elapsed_ms(12500) == 2500);
    s.pause(13000);
    CHECK(s.paused());
    CHECK(s.elapsed_ms(60000) == 3000);  // paused time does not count
    s.pause(70000);                      // pausing twice changes nothing
    CHECK(s.elapsed_ms(80000) == 3000);
    REQUIRE(s.play(Move::note(2, 1), 90000).ok());  // a move resumes the clock
    CHECK_FALSE(s.paused());
    CHECK(s.elapsed_ms(91000) == 4000);
    s.resume(95000);  // already running: no effect
    CHECK(s.elapsed_ms(96000) == 9000);
    CHECK(s.elapsed_ms(80000) == 3000);  // a clock that goes backwards adds no time
    s.pause(85000);
    CHECK(s.elapsed_ms(100000) == 3000);
}

TEST_CASE("session: completing the grid wins and stops the clock", "[sudoku][session]") {
    Session s = new_session(3);
    const auto cells = empty_cells();
    REQUIRE(s.play(Move::place(cells[0], wrong_digit(cells[0])), 0).ok());  // one mistake on the way
    s.resume(1000);
    for (std::size_t i = 0; i < cells.size(); ++i) {
        auto r = s.play(Move::place(cells[i], digit_of_solution(cells[i])), 1000 + static_cast<std::int64_t>(i));
        REQUIRE(r.ok());
        CHECK(r->status == (i + 1 == cells.size() ? Status::won : Status::playing));
    }
    CHECK(s.state().status == Status::won);
    CHECK(s.state().mistakes == 1);
    CHECK(s.paused());
    const auto last = 1000 + static_cast<std::int64_t>(cells.size()) - 1;
    CHECK(s.elapsed_ms(999999) == last);
    CHECK_FALSE(s.can_undo());
    CHECK(error_code(s.play(Move::erase(cells[0]), 0)) == "sudoku.move.over");
    s.resume(2000000);  // a finished game's clock stays stopped
    CHECK(s.paused());
}

TEST_CASE("session: save and load round-trip the whole game, history included", "[sudoku][session][save]") {
    Session s = new_session(5);
    const auto cells = empty_cells();
    REQUIRE(s.play(Move::auto_notes(), 100).ok());
    REQUIRE(s.play(Move::place(cells[0], digit_of_solution(cells[0])), 200).ok());
    REQUIRE(s.play(Move::place(cells[1], wrong_digit(cells[1])), 300).ok());
    REQUIRE(s.play_hint(Move::place(cells[2], digit_of_solution(cells[2])), 400).ok());
    REQUIRE(s.play(Move::note(cells[3], 1), 500).ok());
    REQUIRE(s.play(Move::erase(cells[1]), 600).ok());
    REQUIRE(s.undo().ok());  // leaves one move to redo
    const std::string text = s.save(1600);

    auto loaded = open_document(kGameDocument, text);
    REQUIRE(loaded.ok());
    CHECK(loaded->state() == s.state());
    CHECK(loaded->history() == s.history());
    CHECK(loaded->undo_depth() == s.undo_depth());
    CHECK(loaded->last_hint() == s.last_hint());
    CHECK(loaded->level() == Level::medium);
    CHECK(loaded->game_id() == "seed-42");
    CHECK(loaded->paused());  // a loaded game waits for the player
    CHECK(loaded->elapsed_ms(99999) == 1500);
    CHECK(loaded->save(0) == text);  // nothing lost, nothing added

    // The history works after loading: redo, then undo all the way back.
    REQUIRE(loaded->redo(0).ok());
    CHECK(loaded->state().board.entries[cells[1]] == 0);
    while (loaded->can_undo()) REQUIRE(loaded->undo().ok());
    CHECK(loaded->state().board == Board{});
    CHECK(loaded->state().mistakes == 1);
    CHECK(loaded->state().hints_used == 1);
}

TEST_CASE("session: the selected cell is kept with the game, not with its history", "[sudoku][session][save]") {
    Session s = new_session();
    CHECK(s.selected() == 40);  // a new game starts in the centre
    s.select(7);
    s.select(-1);  // ignored
    s.select(81);
    CHECK(s.selected() == 7);
    REQUIRE(s.play(Move::place(2, 4), 0).ok());
    REQUIRE(s.undo().ok());  // undo leaves the selection alone
    CHECK(s.selected() == 7);
    auto loaded = open_document(kGameDocument, s.save(0));
    REQUIRE(loaded.ok());
    CHECK(loaded->selected() == 7);
    // A save from before the selection was kept loads with the centre selected.
    auto older = open_document(kGameDocument, reseal(s.save(0), [](Json& p) { p.erase("selected"); }));
    REQUIRE(older.ok());
    CHECK(older->selected() == 40);
}

TEST_CASE("session: undos are counted, kept in the save, and older saves have none", "[sudoku][session]") {
    Session s = new_session();
    const auto cells = empty_cells();
    CHECK(s.state().undos == 0);
    REQUIRE(s.play(Move::place(cells[0], wrong_digit(cells[0])), 0).ok());
    REQUIRE(s.play(Move::note(cells[1], 4), 0).ok());
    REQUIRE(s.undo().ok());
    REQUIRE(s.undo().ok());
    CHECK(error_code(s.undo()) == "sudoku.undo.none");  // nothing taken back: not counted
    REQUIRE(s.redo(0).ok());                            // a redo does not give one back
    CHECK(s.state().undos == 2);
    CHECK(s.state().mistakes == 1);
    auto loaded = open_document(kGameDocument, s.save(0));
    REQUIRE(loaded.ok());
    CHECK(loaded->state().undos == 2);
    auto older = open_document(kGameDocument, reseal(s.save(0), [](Json& p) { p.erase("undos"); }));
    REQUIRE(older.ok());
    CHECK(older->state().undos == 0);
    auto bad = open_document(kGameDocument, reseal(s.save(0), [](Json& p) { p["undos"] = -1; }));
    CHECK(error_code(bad) == "save.format");
}

TEST_CASE("session: progress is a move, a mistake or a hint, a game only opened has none", "[sudoku][session]") {
    Session fresh = new_session();
    fresh.resume(0);
    fresh.select(3);
    CHECK_FALSE(fresh.has_progress());  // time spent looking, a selection: nothing to lose
    Session moved = new_session();
    REQUIRE(moved.play(Move::note(2, 1), 0).ok());
    REQUIRE(moved.undo().ok());
    CHECK(moved.has_progress());  // an undone move can still be redone
    Session hinted = new_session();
    REQUIRE(hinted.play_hint(Move::place(2, digit_of_solution(2)), 0).ok());
    CHECK(hinted.has_progress());
}

TEST_CASE("session: corrupt, truncated, tampered and future saves are refused", "[sudoku][session][save]") {
    Session s = new_session();
    REQUIRE(s.play(Move::place(2, 4), 0).ok());
    const std::string text = s.save(0);
    CHECK(error_code(open_document(kGameDocument, "")) == "save.empty");
    CHECK(error_code(open_document(kGameDocument, "not json at all")) == "save.syntax");
    CHECK(error_code(open_document(kGameDocument, text.substr(0, text.size() / 2))) == "save.syntax");
    std::string tampered = text;
    const auto at = tampered.find(kSolution);
    REQUIRE(at != std::string::npos);
    tampered[at] = tampered[at] == '5' ? '6' : '5';
    CHECK(error_code(open_document(kGameDocument, tampered)) == "save.checksum");
    auto opened = unseal(text, kGameDocument.kind, 1);
    REQUIRE(opened.ok());
    CHECK(error_code(open_document(kGameDocument, seal(kGameDocument.kind, 2, opened->payload))) == "save.version");
    CHECK(error_code(open_document(kGameDocument, seal("bricks-game", 1, opened->payload))) == "save.kind");
}

TEST_CASE("session: inconsistent saves are refused, never half-loaded", "[sudoku][session][save]") {
    Session s = new_session(3);
    const auto cells = empty_cells();
    REQUIRE(s.play(Move::note(cells[0], 2), 0).ok());
    REQUIRE(s.play(Move::place(cells[1], digit_of_solution(cells[1])), 0).ok());
    const std::string text = s.save(0);
    REQUIRE(open_document(kGameDocument, text).ok());
    const std::string given0 = std::string(1, kPuzzle[0]);

    struct Case {
        const char* what;
        std::function<void(Json&)> change;
        const char* code;
        const char* says;  // part of the message
    };
    const Case cases[] = {
        {"an entry on a given",
         [](Json& p) {
             std::string e = p["board"]["entries"];
             e[0] = '5';
             p["board"]["entries"] = e;
         },
         "save.inconsistent", "over the given at r1c1"},
        {"a note mask out of range", [](Json& p) { p["board"]["notes"][5] = 512; }, "save.format", "board.notes[5]: expected an integer in 0..511"},
        {"notes on a given", [](Json& p) { p["base"]["notes"][0] = 1; }, "save.inconsistent", "notes on the filled cell r1c1"},
        {"81 notes wanted", [](Json& p) { p["board"]["notes"].erase(0); }, "save.format", "expected 81 masks"},
        {"a solution that does not solve the givens",
         [](Json& p) {
             std::string sol = p["solution"];
             std::swap(sol[2], sol[3]);
             p["solution"] = sol;
         },
         "save.inconsistent", "the solution does not solve the givens"},
        {"an incomplete solution", [](Json& p) { p["solution"] = std::string(kSolution).substr(0, 80) + "."; },
         "save.format", "solution: expected only digits 1-9"},
        {"givens with several solutions",
         [](Json& p) {
             // Drop givens until the puzzle is ambiguous; the solution still fits them.
             std::string g = p["givens"];
             for (int i = 0; i < 40; ++i) g[static_cast<std::size_t>(i)] = '.';
             p["givens"] = g;
             p["board"]["entries"] = std::string(81, '.');
             p["base"]["entries"] = std::string(81, '.');
             p["board"]["notes"] = Json(std::vector<int>(81, 0));
             p["moves"] = Json::array();
             p["undo_depth"] = 0;
         },
         "save.inconsistent", "more than one solution"},
        {"a history that does not replay",
         [](Json& p) { p["moves"][0] = Json{{"kind", "place"}, {"cell", 0}, {"digit", 1}}; }, "save.inconsistent", "move 1 of the history does not apply (r1c1 holds a given)"},
        {"a history that does not lead to the board", [](Json& p) { p["undo_depth"] = 1; }, "save.inconsistent", "the history does not lead to the board"},
        {"an undo depth beyond the history", [](Json& p) { p["undo_depth"] = 3; }, "save.format", "undo_depth: expected an integer in 0..2"},
        {"a redo tail that does not replay",
         [](Json& p) { p["moves"].push_back(Json{{"kind", "erase"}, {"cell", 0}}); }, "save.inconsistent", "move 3 of the history does not apply"},
        {"an unknown move", [](Json& p) { p["moves"][0]["kind"] = "jump"; }, "save.format", "moves[0].kind: expected place, erase, note or auto_notes"},
        {"a status the board does not support", [](Json& p) { p["status"] = "won"; }, "save.inconsistent", "says the game is won but the board and mistakes say playing"},
        {"mistakes past the limit but playing", [](Json& p) { p["mistakes"] = 3; }, "save.inconsistent", "say lost"},
        {"an unknown level", [](Json& p) { p["level"] = "insane"; }, "save.format", "unknown level \"insane\""},
        {"a missing field", [](Json& p) { p.erase("hints"); }, "save.format", "hints: is missing"},
        {"a negative clock", [](Json& p) { p["elapsed_ms"] = -5; }, "save.format", "elapsed_ms: expected an integer"},
        {"a field of the wrong type", [](Json& p) { p["mistakes"] = "two"; }, "save.format", "mistakes: expected an integer"},
        {"a bad last hint", [](Json& p) { p["last_hint"] = Json{{"kind", "place"}, {"cell", 99}, {"digit", 1}}; },
         "save.format", "last_hint.cell: expected an integer in 0..80"},
        {"a missing last hint", [](Json& p) { p.erase("last_hint"); }, "save.format", "last_hint: is missing"},
        {"a mistake limit out of range", [](Json& p) { p["rules"]["mistake_limit"] = 100; }, "save.format", "rules.mistake_limit: expected an integer in 0..99"},
        {"a selected cell off the board", [](Json& p) { p["selected"] = 81; }, "save.format", "selected: expected an integer in 0..80"},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        auto loaded = open_document(kGameDocument, reseal(text, c.change));
        REQUIRE_FALSE(loaded.ok());
        CHECK(loaded.error().code == c.code);
        CHECK_THAT(loaded.error().message, Catch::Contains(c.says));
    }
    CHECK(given0 == "5");
}

TEST_CASE("session: a very long game folds its oldest moves instead of growing forever", "[sudoku][session]") {
    Session s = new_session();
    const int c = empty_cells()[0];
    for (std::size_t i = 0; i < Session::kMaxHistory + 10; ++i) REQUIRE(s.play(Move::note(c, 1 + static_cast<int>(i % 9)), 0).ok());
    CHECK(s.history().size() <= Session::kMaxHistory);
    CHECK(s.undo_depth() == s.history().size());
    const Board now = s.state().board;
    auto loaded = open_document(kGameDocument, s.save(0));
    REQUIRE(loaded.ok());
    CHECK(loaded->state().board == now);
    while (loaded->can_undo()) REQUIRE(loaded->undo().ok());
    CHECK(loaded->state().board != Board{});  // the folded moves stay played
}
