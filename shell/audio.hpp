// Purpose: the games' sound effects: short sounds synthesised by our own code here (no
// files to download), handed to the host through the bridge (WebAudio on the web; natively
// nothing is heard) and played when the player has turned sound on, at the volume chosen
// in Settings. A screen calls audio::play(Effect); the app calls configure() with the
// player's settings. Sound is off until the player turns it on.
#pragma once

#include <array>
#include <vector>

namespace astradia::shell::audio {

enum class Effect { place, clear, win, mistake, game_over };
inline constexpr int kEffectCount = 5;
inline constexpr int kRate = 22050;  // samples per second of the synthesised sounds

// "place", "clear", "win", "mistake", "game_over" (the test hook's names).
const char* name(Effect e);

// The effect's sound: mono samples at kRate in -1..1, between 40 and 700 ms long, starting
// and ending in silence (no click). The same samples every time, natively and in wasm.
std::vector<float> synthesise(Effect e);

// The player's choice: sound on or off, volume 0..100 (out of range is clamped).
void configure(bool on, int volume_percent);
bool enabled();

// Plays the effect when sound is on (the first play of each effect hands its samples to
// the host). Never fails: a host without sound stays silent.
void play(Effect e);

// What was asked for since the start, for the test hook: effects played while sound was
// on, and how many of those the host started.
struct Log {
    std::array<int, kEffectCount> played{};
    int started = 0;
};
const Log& log();

}  // namespace astradia::shell::audio
