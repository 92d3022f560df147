// Purpose: the atomic, self-healing store over the native bridge (files in a fresh
// folder): round trip, interrupted saves recovered, corrupt saves set aside and
// reported, unavailable storage reported, nothing ever lost.
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "tests/shell/temp_user_dir.hpp"

#include "shell/bridge.hpp"
#include "shell/storage.hpp"

using namespace astradia;
using namespace astradia::shell;

namespace {

std::string doc(int n) { return seal("test", 1, Json{{"n", n}}); }

}  // namespace

TEST_CASE("store: save then load round-trips and leaves no temporary copy", "[shell][storage]") {
    TempUserDir dir;
    Store store;
    REQUIRE(store.save("game", doc(1), "test", 1) == StoreHealth::ok);
    CHECK(dir.read("astradia.game") == doc(1));
    CHECK_FALSE(dir.exists("astradia.game.next"));
    LoadResult r = store.load("game", "test", 1);
    REQUIRE(r.document);
    CHECK(r.document->payload["n"] == 1);
    CHECK_FALSE(r.recovered);
    CHECK_FALSE(r.corrupt);
    REQUIRE(store.save("game", doc(2), "test", 1) == StoreHealth::ok);
    CHECK(store.load("game", "test", 1).document->payload["n"] == 2);
}

TEST_CASE("store: a missing slot is empty, not an error", "[shell][storage]") {
    TempUserDir dir;
    LoadResult r = Store().load("nothing", "test", 1);
    CHECK_FALSE(r.document);
    CHECK_FALSE(r.corrupt);
}

TEST_CASE("store: a corrupt save is set aside, reported, and never overwritten silently", "[shell][storage]") {
    TempUserDir dir;
    std::string damaged = doc(7);
    damaged.replace(damaged.find("\"n\":7"), 5, "\"n\":8");  // tampered: checksum no longer matches
    dir.write("astradia.game", damaged);
    LoadResult r = Store().load("game", "test", 1);
    CHECK_FALSE(r.document);
    REQUIRE(r.corrupt);
    CHECK(r.corrupt->code == "save.checksum");
    CHECK(dir.read("astradia.game.corrupt") == damaged);  // kept aside, byte for byte
    CHECK_FALSE(dir.exists("astradia.game"));
    // the next save starts clean, and the damaged copy is still there
    REQUIRE(Store().save("game", doc(9), "test", 1) == StoreHealth::ok);
    CHECK(dir.read("astradia.game.corrupt") == damaged);

    dir.write("astradia.other", doc(1).substr(0, 20));  // truncated
    LoadResult t = Store().load("other", "test", 1);
    REQUIRE(t.corrupt);
    CHECK(t.corrupt->code == "save.syntax");
}

TEST_CASE("store: an interrupted save is recovered from its verified copy", "[shell][storage]") {
    TempUserDir dir;
    Store store;
    REQUIRE(store.save("game", doc(1), "test", 1) == StoreHealth::ok);
    // a crash after the new copy was written and verified, before the switch
    dir.write("astradia.game.next", doc(2));
    LoadResult r = store.load("game", "test", 1);
    REQUIRE(r.document);
    CHECK(r.document->payload["n"] == 2);
    CHECK(r.recovered);
    CHECK(dir.read("astradia.game") == doc(2));  // promoted
    CHECK_FALSE(dir.exists("astradia.game.next"));
}

TEST_CASE("store: a half-written copy is ignored and the last good save wins", "[shell][storage]") {
    TempUserDir dir;
    Store store;
    REQUIRE(store.save("game", doc(1), "test", 1) == StoreHealth::ok);
    dir.write("astradia.game.next", doc(2).substr(0, 30));  // a crash in the middle of writing
    LoadResult r = store.load("game", "test", 1);
    REQUIRE(r.document);
    CHECK(r.document->payload["n"] == 1);
    CHECK_FALSE(r.corrupt);
    CHECK_FALSE(dir.exists("astradia.game.next"));
}

TEST_CASE("store: a save of the wrong kind or a future version is refused before it replaces anything",
          "[shell][storage]") {
    TempUserDir dir;
    Store store;
    REQUIRE(store.save("game", doc(1), "test", 1) == StoreHealth::ok);
    CHECK(store.save("game", seal("other", 1, Json{{"n", 5}}), "test", 1) == StoreHealth::failed);
    CHECK(store.save("game", seal("test", 2, Json{{"n", 5}}), "test", 1) == StoreHealth::failed);
    CHECK(store.load("game", "test", 1).document->payload["n"] == 1);
}

TEST_CASE("store: unavailable storage is reported and the game's data is not touched", "[shell][storage]") {
    ::setenv("ASTRADIA_USER_DIR", "/proc/astradia-cannot-exist", 1);
    Store store;
    CHECK_FALSE(bridge::store_available());
    CHECK(store.save("game", doc(1), "test", 1) == StoreHealth::unavailable);
    LoadResult r = store.load("game", "test", 1);
    CHECK_FALSE(r.document);
    CHECK_FALSE(r.corrupt);
    ::unsetenv("ASTRADIA_USER_DIR");
}

TEST_CASE("store: keys with odd characters stay inside the data folder", "[shell][storage]") {
    TempUserDir dir;
    REQUIRE(Store().save("../../escape/x", doc(3), "test", 1) == StoreHealth::ok);
    CHECK(dir.exists("astradia..._.._escape_x"));  // "astradia." + "../../escape/x", slashes replaced
    CHECK(Store().load("../../escape/x", "test", 1).document->payload["n"] == 3);
}
