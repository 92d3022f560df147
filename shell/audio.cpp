// Purpose: synthesis and playing of the sound effects (see audio.hpp). Each effect is a few
// notes: a sine with a little of its octave for body, shaped by a short attack and an
// exponential decay, and for "place" a soft click of filtered noise. Written here rather than
// shipped as files: a few hundred bytes of code instead of tens of KB of audio to download.
#include "shell/audio.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "shell/bridge.hpp"

namespace astradia::shell::audio {
namespace {

constexpr float kPi = 3.14159265358979f;

struct State {
    bool on = false;
    float volume = 0.7f;
    std::array<bool, kEffectCount> loaded{};
    Log log;
};

State& state() {
    static State s;
    return s;
}

// One note into `out` from `start_s` for `length_s`: frequency glides from f0 to f1; the
// envelope rises in 4 ms and decays with time constant `decay_s`, reaching silence at the end.
void note(std::vector<float>& out, float start_s, float length_s, float f0, float f1, float gain, float decay_s) {
    const auto first = static_cast<std::size_t>(start_s * kRate);
    const auto count = static_cast<std::size_t>(length_s * kRate);
    if (out.size() < first + count) out.resize(first + count, 0.0f);
    float phase = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const float t = static_cast<float>(i) / kRate;
        const float k = static_cast<float>(i) / static_cast<float>(count);
        const float f = f0 + (f1 - f0) * k;
        phase += 2 * kPi * f / kRate;
        const float attack = std::min(1.0f, t / 0.004f);
        const float tail = 1 - k;  // a linear fade under the decay: the note ends at zero
        const float env = attack * std::exp(-t / decay_s) * tail;
        out[first + i] += gain * env * (std::sin(phase) + 0.25f * std::sin(2 * phase));
    }
}

// A soft click: noise from a small LCG through a one-pole low-pass filter, 12 ms.
void click(std::vector<float>& out, float gain) {
    std::uint32_t x = 0x2545F491u;
    float lp = 0;
    const auto count = static_cast<std::size_t>(0.012f * kRate);
    if (out.size() < count) out.resize(count, 0.0f);
    for (std::size_t i = 0; i < count; ++i) {
        x = x * 1664525u + 1013904223u;
        const float white = static_cast<float>(x >> 8) / static_cast<float>(1u << 24) * 2 - 1;
        lp += 0.25f * (white - lp);
        const float k = static_cast<float>(i) / static_cast<float>(count);
        out[i] += gain * lp * std::min(1.0f, static_cast<float>(i) / 40.0f) * (1 - k) * (1 - k);
    }
}

}  // namespace

const char* name(Effect e) {
    switch (e) {
        case Effect::place: return "place";
        case Effect::clear: return "clear";
        case Effect::win: return "win";
        case Effect::mistake: return "mistake";
        case Effect::game_over: return "game_over";
    }
    return "place";
}

std::vector<float> synthesise(Effect e) {
    std::vector<float> s;
    switch (e) {
        case Effect::place:  // a short wooden tock
            note(s, 0, 0.07f, 540, 420, 0.55f, 0.02f);
            click(s, 0.25f);
            break;
        case Effect::clear:  // three quick rising notes
            note(s, 0.00f, 0.12f, 660, 660, 0.35f, 0.05f);
            note(s, 0.07f, 0.12f, 880, 880, 0.35f, 0.05f);
            note(s, 0.14f, 0.16f, 1320, 1320, 0.35f, 0.06f);
            break;
        case Effect::win:  // a major arpeggio up to the octave
            note(s, 0.00f, 0.20f, 523.25f, 523.25f, 0.3f, 0.09f);
            note(s, 0.11f, 0.20f, 659.25f, 659.25f, 0.3f, 0.09f);
            note(s, 0.22f, 0.20f, 783.99f, 783.99f, 0.3f, 0.09f);
            note(s, 0.33f, 0.32f, 1046.5f, 1046.5f, 0.35f, 0.14f);
            break;
        case Effect::mistake:  // a low falling buzz
            note(s, 0, 0.18f, 220, 165, 0.5f, 0.08f);
            break;
        case Effect::game_over:  // three falling notes
            note(s, 0.00f, 0.18f, 392.0f, 392.0f, 0.35f, 0.09f);
            note(s, 0.15f, 0.18f, 329.63f, 329.63f, 0.35f, 0.09f);
            note(s, 0.30f, 0.30f, 261.63f, 246.94f, 0.35f, 0.12f);
            break;
    }
    // Overlapping notes never clip: scale the peak to at most 0.9.
    float peak = 0;
    for (float v : s) peak = std::max(peak, std::fabs(v));
    if (peak > 0.9f) {
        for (float& v : s) v *= 0.9f / peak;
    }
    return s;
}

void configure(bool on, int volume_percent) {
    state().on = on;
    state().volume = static_cast<float>(std::clamp(volume_percent, 0, 100)) / 100.0f;
}

bool enabled() { return state().on; }

void play(Effect e) {
    State& s = state();
    if (!s.on || s.volume <= 0) return;
    const auto i = static_cast<std::size_t>(e);
    ++s.log.played[i];
    if (!s.loaded[i]) s.loaded[i] = bridge::load_sound(static_cast<int>(i), synthesise(e), kRate);
    // A perceived loudness: the square of the slider, so 50 % sounds like half.
    if (s.loaded[i] && bridge::play_sound(static_cast<int>(i), s.volume * s.volume)) ++s.log.started;
}

const Log& log() { return state().log; }

}  // namespace astradia::shell::audio
