// Purpose: our SHA-256 against the FIPS 180-2 example vectors, against Python's
// hashlib (values computed with it), and against sha256sum on a real data file.
#include <fstream>
#include <iterator>
#include <string>

#include <catch2/catch.hpp>

#include "engine/core/sha256.hpp"

using astradia::sha256_hex;

TEST_CASE("SHA-256 matches the FIPS 180-2 vectors", "[core][sha256]") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1000000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256 over every byte value, fed in uneven pieces", "[core][sha256]") {
    std::string data;
    for (int rep = 0; rep < 3; ++rep)
        for (int b = 0; b < 256; ++b) data.push_back(static_cast<char>(b));
    const std::string want = "f3a25aa93aa2fbba28d79260535bbd6a5eb0fc1c24a8b0f04e12b484c1dfe363";  // hashlib
    CHECK(sha256_hex(data) == want);
    for (std::size_t piece : {1u, 3u, 55u, 56u, 63u, 64u, 65u, 127u}) {
        astradia::Sha256 h;
        for (std::size_t i = 0; i < data.size(); i += piece) h.update(data.substr(i, piece));
        const auto d = h.finish();
        CHECK(astradia::to_hex(d.data(), d.size()) == want);
    }
}

TEST_CASE("SHA-256 of a real data file equals sha256sum's", "[core][sha256]") {
    std::ifstream in(std::string(ASTRADIA_DATA_DIR) + "/sudoku/kaggle_first10000.txt", std::ios::binary);
    REQUIRE(in);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(bytes.size() == 820000);
    CHECK(sha256_hex(bytes) == "8f5bae237cd0418c87ec07b6784a5125919da339e3bc857d613357916756be15");
}
