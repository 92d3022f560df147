// Purpose: when the app must draw another frame by itself. After any input or host event
// the loop draws until the screen has settled: until two frames in a row drew the same
// thing (the same vertices, clip rectangles and textures, and the same targets for the
// test hook), and at least a few frames, since ImGui turns a press and a release into a
// click over more than one frame. So a dialog that sizes itself in its first frame and
// shows in its second is drawn, and the hook never reports positions from a frame that
// was not the last one shown. A screen that keeps changing by itself must say so through
// its redraw timer; the settling stops after a bounded number of frames anyway. The timer's
// rules live here too (timer(), sleeping()), so the loop and its tests share them.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>

#include <imgui.h>

namespace astradia::shell {

// A fingerprint of what a frame drew: its draw data (every vertex, index, command's clip
// rectangle and texture) and the targets it reported (ui.hpp). Equal frames give equal
// fingerprints; different ones differ with overwhelming likelihood. Never fails.
std::uint64_t frame_fingerprint(const ImDrawData* draw);

class Settle {
public:
    // Frames drawn after input at the least, and at the most while frames keep changing.
    static constexpr int kMinFrames = 3;
    static constexpr int kMaxFrames = 120;

    // Input or a host event arrived: draw again, and until the screen settles.
    void activity() {
        min_left_ = kMinFrames;
        left_ = kMaxFrames;
        settled_ = false;
    }
    // A timer the screen asked for ran out (a clock, an animation): draw, and until settled.
    void wake() {
        min_left_ = std::max(min_left_, 1);
        left_ = kMaxFrames;
        settled_ = false;
    }
    // Each turn of the loop: the screen's redraw timer says in how many ms it wants a frame
    // (0: every frame, an animation), or nothing. Draws when the timer is due now, when the
    // timer asked for when the loop went to sleep has run out (a clock says "in 1000 ms"
    // again when it wakes a moment after it: the timer itself is the signal), and when an
    // animation has just ended: its last frames may look alike, so the loop could have settled
    // on one of them, while the screen after it differs (the Sudoku win flash, then its
    // summary: on a slow machine the frame after the flash came only once the flash's timer
    // had stopped, and the summary was never drawn).
    void timer(std::optional<double> tick, double now) {
        const bool animating = tick && *tick <= 0;
        if (animating || now + 1 >= due_ || (animating_ && !animating)) {
            wake();
            due_ = kNever;
        }
        animating_ = animating;
    }
    // The loop goes to sleep with the screen's timer as it was in this turn.
    void sleeping(std::optional<double> tick, double now) {
        due_ = tick ? now + *tick : kNever;
    }
    // Whether the loop must draw a frame now.
    bool needs_frame() const { return min_left_ > 0 || (!settled_ && left_ > 0); }
    // A frame was drawn; `fingerprint` says what it drew.
    void drawn(std::uint64_t fingerprint) {
        settled_ = drawn_any_ && fingerprint == last_;
        drawn_any_ = true;
        last_ = fingerprint;
        if (min_left_ > 0) --min_left_;
        if (left_ > 0) --left_;
    }
    bool settled() const { return settled_; }

private:
    int min_left_ = kMinFrames;
    int left_ = kMaxFrames;
    bool settled_ = false;
    bool drawn_any_ = false;
    std::uint64_t last_ = 0;
    // When the screen's timer runs out while the loop sleeps; never without a timer. (A plain
    // double: GCC 12 at -O3 took an empty std::optional<double> for maybe-uninitialized.)
    static constexpr double kNever = std::numeric_limits<double>::infinity();
    double due_ = kNever;
    bool animating_ = false;     // the last turn's timer asked for every frame
};

}  // namespace astradia::shell
