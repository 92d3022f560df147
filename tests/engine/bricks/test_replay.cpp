// Purpose: Bricks replays and statistics: a good replay verifies and reproduces the
// game; an edited move, score or board fails; statistics update and round-trip.
#include <functional>
#include <string>

#include <catch2/catch.hpp>

#include "board_helpers.hpp"
#include "engine/bricks/replay.hpp"
#include "engine/bricks/session.hpp"
#include "engine/bricks/stats.hpp"
#include "engine/core/sealed.hpp"

using namespace astradia::bricks;
using astradia::Json;

namespace {

Session played_to_end(std::uint64_t seed) {
    Session session(classic_rules(), seed);
    Move m;
    while (!session.state().over && bricks_test::first_fit(session.rules(), session.state(), m)) {
        REQUIRE(session.place(m).ok());
    }
    return session;
}

std::string reseal(const std::string& text, const std::function<void(Json&)>& edit) {
    Json env = Json::parse(text);
    Json payload = env["payload"];
    edit(payload);
    return astradia::seal("bricks-replay", 1, payload);
}

std::string replay_code(const std::string& text) {
    auto r = open_document(kReplayDocument, text);
    return r ? std::string("ok") : r.error().code;
}

}  // namespace

TEST_CASE("a replay verifies and reproduces the game exactly", "[bricks][replay]") {
    const Session game = played_to_end(8);
    REQUIRE(game.state().over);
    const std::string text = game.replay();
    auto replay = open_document(kReplayDocument, text);
    REQUIRE(replay.ok());
    CHECK(replay->seed == 8);
    CHECK(replay->moves == game.moves());
    CHECK(replay->final_state == game.state());
    CHECK(replay->rules.spec() == classic_spec());
    // save_replay from the parts gives the same document.
    auto again = save_replay(classic_rules(), 8, game.moves());
    REQUIRE(again.ok());
    CHECK(*again == text);
    // An in-progress game is a valid replay too.
    Session partial(classic_rules(), 8);
    REQUIRE(partial.place(game.moves()[0]).ok());
    CHECK(replay_code(partial.replay()) == "ok");
}

TEST_CASE("an edited replay fails verification", "[bricks][replay]") {
    const std::string good = played_to_end(8).replay();
    REQUIRE(replay_code(good) == "ok");
    // Edits without re-sealing break the checksum.
    std::string raw = good;
    raw[raw.find("\"score\":") + 8] = '9';
    CHECK(replay_code(raw) == "save.checksum");
    // Re-sealed edits are caught by replaying.
    CHECK(replay_code(reseal(good, [](Json& p) { p["final"]["score"] = p["final"]["score"].get<std::uint64_t>() + 10; })) ==
          "bricks.mismatch");
    CHECK(replay_code(reseal(good, [](Json& p) { p["final"]["placements"] = 1; })) == "bricks.mismatch");
    CHECK(replay_code(reseal(good, [](Json& p) {
              std::string moves = p["moves"];
              moves.resize(moves.size() - 4);  // drop the last move: a different final state
              p["moves"] = moves;
          })) == "bricks.mismatch");
    // Moving the first piece one column: either illegal later or a different game.
    const std::string moved = reseal(good, [](Json& p) {
        std::string moves = p["moves"];
        moves[2] = moves[2] == '0' ? '1' : '0';
        p["moves"] = moves;
    });
    const std::string code = replay_code(moved);
    CHECK((code == "bricks.history" || code == "bricks.mismatch"));
    CHECK(replay_code(reseal(good, [](Json& p) { p["moves"] = std::string(p["moves"]) + " 000"; })) == "bricks.history");
    auto e = open_document(kReplayDocument, reseal(good, [](Json& p) { p["final"]["score"] = 3; }));
    REQUIRE_FALSE(e.ok());
    CHECK(e.error().message.find("does not match replaying") != std::string::npos);
    CHECK(replay_code(played_to_end(8).save()) == "save.kind");
}

TEST_CASE("statistics update per game and round-trip", "[bricks][stats]") {
    Stats stats;
    CHECK(stats.average() == 0);
    const Session a = played_to_end(1);
    const Session b = played_to_end(2);
    stats = record_game(stats, a.state());
    stats = record_game(stats, b.state());
    CHECK(stats.games == 2);
    CHECK(stats.total_score == a.state().score + b.state().score);
    CHECK(stats.best == std::max(a.state().score, b.state().score));
    CHECK(stats.lines == a.state().lines + b.state().lines);
    CHECK(stats.placements == a.state().placements + b.state().placements);
    CHECK(stats.average() == Approx((a.state().score + b.state().score) / 2.0));

    const std::string text = seal_document(kStatsDocument, stats_payload(stats));
    auto back = open_document(kStatsDocument, text);
    REQUIRE(back.ok());
    CHECK(*back == stats);

    const auto code = [&](const std::function<void(Json&)>& edit) {
        Json env = Json::parse(text);
        Json payload = env["payload"];
        edit(payload);
        auto r = open_document(kStatsDocument, astradia::seal("bricks-stats", 1, payload));
        return r ? std::string("ok") : r.error().code;
    };
    CHECK(code([](Json&) {}) == "ok");
    CHECK(code([](Json& p) { p["best"] = p["total_score"].get<std::uint64_t>() + 1; }) == "bricks.mismatch");
    CHECK(code([](Json& p) { p["games"] = 0; }) == "bricks.mismatch");
    CHECK(code([](Json& p) { p["best"] = 1; }) == "bricks.mismatch");  // average above the best
    CHECK(code([](Json& p) { p["lines"] = -1; }) == "bricks.format");
    CHECK(code([](Json& p) { p.erase("games"); }) == "bricks.format");
    std::string tampered = text;
    tampered[tampered.find("\"games\":") + 8] = '7';
    CHECK(open_document(kStatsDocument, tampered).error().code == "save.checksum");
    CHECK(open_document(kStatsDocument, astradia::seal("bricks-stats", 2, Json::object())).error().code == "save.version");
}
