// Purpose: the synthesised sound effects: each is short, audible, never clips, starts and
// ends in silence, differs from the others and is the same every time; play() counts only
// while sound is on (natively the host plays nothing, so nothing is started).
#include <algorithm>
#include <cmath>
#include <vector>

#include <catch2/catch.hpp>

#include "shell/audio.hpp"

using namespace astradia::shell;

TEST_CASE("audio: every effect is short, audible, unclipped and starts and ends in silence", "[shell][audio]") {
    std::vector<std::vector<float>> all;
    for (int i = 0; i < audio::kEffectCount; ++i) {
        const auto e = static_cast<audio::Effect>(i);
        INFO(audio::name(e));
        const std::vector<float> s = audio::synthesise(e);
        const double ms = 1000.0 * static_cast<double>(s.size()) / audio::kRate;
        CHECK(ms >= 40);
        CHECK(ms <= 700);
        float peak = 0;
        double energy = 0;
        for (float v : s) {
            peak = std::max(peak, std::fabs(v));
            energy += static_cast<double>(v) * v;
        }
        CHECK(peak > 0.1f);   // audible
        CHECK(peak <= 0.9f);  // headroom: never clips, even at full volume
        CHECK(std::sqrt(energy / static_cast<double>(s.size())) > 0.02);  // not one spike
        CHECK(std::fabs(s.front()) < 0.02f);
        CHECK(std::fabs(s.back()) < 0.02f);
        CHECK(audio::synthesise(e) == s);  // deterministic
        for (const auto& other : all) CHECK(other != s);
        all.push_back(s);
    }
}

TEST_CASE("audio: play counts effects only while sound is on, and the volume is clamped", "[shell][audio]") {
    audio::configure(false, 70);
    const audio::Log before = audio::log();
    audio::play(audio::Effect::place);
    CHECK(audio::log().played == before.played);
    audio::configure(true, 70);
    CHECK(audio::enabled());
    audio::play(audio::Effect::clear);
    audio::play(audio::Effect::clear);
    CHECK(audio::log().played[static_cast<int>(audio::Effect::clear)] ==
          before.played[static_cast<int>(audio::Effect::clear)] + 2);
    CHECK(audio::log().started == before.started);  // natively nothing is heard
    audio::configure(true, 0);  // volume 0 plays nothing
    audio::play(audio::Effect::win);
    CHECK(audio::log().played[static_cast<int>(audio::Effect::win)] == before.played[static_cast<int>(audio::Effect::win)]);
    audio::configure(true, 500);  // clamped to 100: plays
    audio::play(audio::Effect::win);
    CHECK(audio::log().played[static_cast<int>(audio::Effect::win)] ==
          before.played[static_cast<int>(audio::Effect::win)] + 1);
    audio::configure(false, 70);
}
