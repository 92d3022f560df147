// Purpose: the Bricks session: seed determinism (golden trays and a short game),
// undo restoring everything exactly, saves that round-trip, and every corrupt,
// tampered or future save rejected with its code and never half-loaded.
#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "board_helpers.hpp"
#include "engine/bricks/record.hpp"
#include "engine/bricks/session.hpp"
#include "engine/core/sealed.hpp"

using namespace astradia::bricks;
using astradia::Json;

namespace {

std::vector<std::string> tray_names(const Ruleset& rules, const State& s) {
    std::vector<std::string> out;
    for (int i = 0; i < rules.tray_size(); ++i) {
        const int shape = s.tray[static_cast<std::size_t>(i)];
        out.push_back(shape == kEmptySlot ? "-" : rules.shape(shape).name);
    }
    return out;
}

// Plays the first-fit policy for up to n placements.
Session played(std::uint64_t seed, int n) {
    Session session(classic_rules(), seed);
    for (int i = 0; i < n && !session.state().over; ++i) {
        Move m;
        REQUIRE(bricks_test::first_fit(session.rules(), session.state(), m));
        REQUIRE(session.place(m).ok());
    }
    return session;
}

// The payload of a sealed document, edited and sealed again with a valid checksum.
std::string reseal(const std::string& text, const char* kind, const std::function<void(Json&)>& edit) {
    Json env = Json::parse(text);
    Json payload = env["payload"];
    edit(payload);
    return astradia::seal(kind, env["version"].get<int>(), payload);
}

std::string load_code(const std::string& text) {
    auto r = open_document(kGameDocument, text);
    return r ? std::string("ok") : r.error().code;
}

}  // namespace

TEST_CASE("a seed gives the same trays and the same game (golden, native and wasm)", "[bricks][session]") {
    const Ruleset& rules = classic_rules();
    const State s1 = new_game(rules, 1);
    const State s42 = new_game(rules, 42);
    CHECK(tray_names(rules, s1) == std::vector<std::string>{"sq3", "v5", "sq2"});
    CHECK(tray_names(rules, s42) == std::vector<std::string>{"h2", "h4", "sq3"});
    CHECK(new_game(rules, 1) == s1);
    CHECK_FALSE(new_game(rules, 2) == s1);

    // A short game with a fixed policy: its trays, score and board are pinned.
    const Session game = played(7, 30);
    CHECK(game.state().placements == 30);
    CHECK(game.state().score == 159);
    CHECK(game.state().lines == 5);
    CHECK(game.state().trays == 11);
    CHECK(board_text(rules, game.state().board) ==
          "#######.##\n#####.####\n###.######\n########.#\n########.#\n"
          "########..\n.....###..\n.....###..\n..........\n..........");
}

TEST_CASE("undo restores board, score, tray and Rng exactly", "[bricks][session]") {
    Session session = played(3, 7);  // crosses two tray refills
    std::vector<State> history;
    Session replay(classic_rules(), 3);
    history.push_back(replay.state());
    for (const Move& m : session.moves()) {
        REQUIRE(replay.place(m).ok());
        history.push_back(replay.state());
    }
    REQUIRE(history.back() == session.state());
    for (int i = 7; i > 0; --i) {
        REQUIRE(session.can_undo());
        REQUIRE(session.undo());
        CHECK(session.state() == history[static_cast<std::size_t>(i - 1)]);
        CHECK(session.moves().size() == static_cast<std::size_t>(i - 1));
    }
    CHECK_FALSE(session.can_undo());
    CHECK_FALSE(session.undo());
    // After undoing, the same moves lead to the same states (same draws).
    for (std::size_t i = 0; i < 7; ++i) {
        REQUIRE(session.place(replay.moves()[i]).ok());
        CHECK(session.state() == history[i + 1]);
    }
}

TEST_CASE("illegal moves leave the session unchanged", "[bricks][session]") {
    Session session = played(5, 2);
    const State before = session.state();
    auto r = session.place(Move{7, 0, 0});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "bricks.no_such_piece");
    CHECK(session.state() == before);
    CHECK(session.moves().size() == 2);
}

TEST_CASE("best score: earlier games, then this one, and undo takes it back", "[bricks][session]") {
    Session session(classic_rules(), 9, 20);
    CHECK(session.best_score() == 20);
    while (session.state().score <= 20) {
        Move m;
        REQUIRE(bricks_test::first_fit(session.rules(), session.state(), m));
        REQUIRE(session.place(m).ok());
    }
    CHECK(session.best_score() == session.state().score);
    const std::uint64_t best = session.best_score();
    session.new_game(10);
    CHECK(session.best_score() == best);
    CHECK(session.state().score == 0);
    CHECK(session.moves().empty());
}

TEST_CASE("a save round-trips and play continues identically", "[bricks][session]") {
    Session session = played(21, 17);
    const std::string text = session.save();
    auto loaded = open_document(kGameDocument, text);
    REQUIRE(loaded.ok());
    CHECK(loaded->state() == session.state());
    CHECK(loaded->moves() == session.moves());
    CHECK(loaded->seed() == 21);
    CHECK(loaded->best_score() == session.best_score());
    CHECK(loaded->save() == text);
    // The history came back too: undo works after loading.
    REQUIRE(loaded->undo());
    REQUIRE(session.undo());
    CHECK(loaded->state() == session.state());
    Move m;
    REQUIRE(bricks_test::first_fit(session.rules(), session.state(), m));
    REQUIRE(session.place(m).ok());
    REQUIRE(loaded->place(m).ok());
    CHECK(loaded->state() == session.state());
}

TEST_CASE("corrupt, truncated, future and foreign saves are rejected", "[bricks][session]") {
    const std::string good = played(4, 12).save();
    REQUIRE(load_code(good) == "ok");
    CHECK(load_code("") == "save.empty");
    CHECK(load_code(good.substr(0, good.size() / 2)) == "save.syntax");
    std::string flipped = good;
    flipped[flipped.find("\"moves\":\"") + 10] ^= 1;  // one byte of the move list
    CHECK(load_code(flipped) == "save.checksum");
    CHECK(load_code(reseal(good, "bricks-replay", [](Json&) {})) == "save.kind");
    Json env = Json::parse(good);
    CHECK(load_code(astradia::seal("bricks-game", kGameDocument.version + 1, env["payload"])) == "save.version");
}

TEST_CASE("tampered saves with a valid checksum are caught by replaying the history", "[bricks][session]") {
    const std::string good = played(4, 12).save();
    const auto code = [&](const std::function<void(Json&)>& edit) { return load_code(reseal(good, "bricks-game", edit)); };
    CHECK(code([](Json&) {}) == "ok");
    CHECK(code([](Json& p) { p["state"]["score"] = p["state"]["score"].get<std::uint64_t>() + 1; }) == "bricks.mismatch");
    CHECK(code([](Json& p) { p["best"] = 0; }) == "bricks.mismatch");
    CHECK(code([](Json& p) {
              std::string row = p["state"]["board"][9];
              row[0] = row[0] == '#' ? '.' : '#';
              p["state"]["board"][9] = row;
          }) == "bricks.mismatch");
    CHECK(code([](Json& p) { p["state"]["tray"][0] = "sq3"; p["state"]["tray"][1] = "sq3"; p["state"]["tray"][2] = "sq3"; }) ==
          "bricks.mismatch");
    CHECK(code([](Json& p) { p["state"]["lines"] = 99; }) == "bricks.mismatch");
    CHECK(code([](Json& p) { p["state"]["over"] = true; }) == "bricks.mismatch");
    CHECK(code([](Json& p) { p["seed"] = 5; }) != "ok");  // other trays: history or mismatch
    CHECK(code([](Json& p) {
              std::string moves = p["moves"];
              moves[0] = '3';  // slot 3 does not exist
              p["moves"] = moves;
          }) == "bricks.history");
    CHECK(code([](Json& p) { p["moves"] = "0 1"; }) == "bricks.format");
    CHECK(code([](Json& p) { p["moves"] = "0gg"; }) == "bricks.format");
    CHECK(code([](Json& p) { p.erase("state"); }) == "bricks.format");
    CHECK(code([](Json& p) { p["state"]["board"] = "##"; }) == "bricks.format");
    CHECK(code([](Json& p) { p["rules"]["shapes"][0]["weight"] = 0; }) == "bricks.format");
    CHECK(code([](Json& p) { p["rules"]["rows"] = 3; }) == "bricks.rules");
    CHECK(code([](Json& p) { p["rules"]["rows"] = 9; }) != "ok");  // a board of another size
    auto detail = open_document(kGameDocument, reseal(good, "bricks-game", [](Json& p) { p["state"]["score"] = 1; }));
    REQUIRE_FALSE(detail.ok());
    CHECK(detail.error().message.find("score") != std::string::npos);
}

TEST_CASE("moves text: round trip and malformed lists", "[bricks][session]") {
    const std::vector<Move> moves = {{0, 0, 0}, {2, 9, 15}, {1, 10, 3}};
    CHECK(moves_to_text(moves) == "000 29f 1a3");
    auto back = moves_from_text("000 29f 1a3");
    REQUIRE(back.ok());
    CHECK(*back == moves);
    CHECK(moves_from_text("")->empty());
    for (const char* bad : {"00", "000 ", " 000", "000  111", "0001", "500", "0g0", "0A0", "000,111"}) {
        INFO(bad);
        CHECK(moves_from_text(bad).error().code == "bricks.format");
    }
}

TEST_CASE("the clear streak counts placements in a row that cleared lines, and undo takes it back", "[bricks][session]") {
    // Games of the first-fit policy, checked placement by placement against a count kept
    // here; the seeds are searched until a streak of two or more has been seen.
    int longest = 0;
    for (std::uint64_t seed = 1; seed <= 40 && longest < 2; ++seed) {
        Session session(classic_rules(), seed);
        CHECK(session.clear_streak() == 0);
        int streak = 0;
        std::vector<int> streaks{0};
        while (!session.state().over && session.moves().size() < 400) {
            Move m;
            REQUIRE(bricks_test::first_fit(session.rules(), session.state(), m));
            REQUIRE(session.place(m).ok());
            streak = session.state().last_lines > 0 ? streak + 1 : 0;
            REQUIRE(session.clear_streak() == streak);
            streaks.push_back(streak);
            longest = std::max(longest, streak);
        }
        // Undo walks the streak back exactly.
        while (session.undo()) {
            streaks.pop_back();
            REQUIRE(session.clear_streak() == streaks.back());
        }
    }
    CHECK(longest >= 2);
}
