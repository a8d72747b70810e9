// The live sweep's per-frame maths, apart from the Qt Quick item so they can be unit-tested: where a lane's
// playhead is this frame, and the vertical scale of an auto-scaled lane (pleth and respiration have no
// calibrated unit, so their trace is fitted to what is shown). WaveformView::updatePaintNode calls these
// once per lane and frame; they hold no state of their own.
#pragma once

#include <QtGlobal>

#include <span>

namespace vigil {

// A lane whose channel wrote nothing for longer than this after the display delay is silent: its head keeps
// sweeping over empty time, erasing the old trace, so a frozen wave never looks live.
inline constexpr double kSilentAfterDelayS = 1.5;

bool channelSilent(qint64 nowMs, qint64 lastWriteMs, double displayDelayS);

struct PlayheadStep
{
    double written = 0;  // samples the channel has written so far (the newest sample's index + 1)
    double rate = 1;     // samples per second
    double delayS = 0;   // the display delay: the head runs this far behind the newest sample
    double dtS = 0;      // frame time since the previous frame (the caller clamps it)
    bool silent = false; // channelSilent()
};

// The playhead, in samples, after one frame. play < 0 means "no frame yet": the head starts at its target
// (delay behind the newest sample, never before sample 0). Then it advances with the frame clock at the
// channel's rate, gently pulled toward the target, never past the newest sample: data arrives in bursts
// (every 40-500 ms) and the sweep must not jerk with them. More than two seconds off target (a reconnect,
// a clock jump) it snaps to the target. A silent channel's head advances freely.
double advancePlayhead(double play, const PlayheadStep &step);

struct TraceScale
{
    float lo = 0.f, hi = 1.f; // values drawn at the lane's bottom and top
    bool operator==(const TraceScale &) const = default;
};

// Fraction of the gap a shrinking scale closes per frame, and the margin around the shown extremes.
inline constexpr float kAutoScaleShrink = 0.05f;
inline constexpr float kAutoScalePad = 0.08f;

// The next frame's scale for an auto-scaled lane from the per-column min/max shown (NaN = no trace in that
// column): the shown extremes plus an 8 % margin. It grows at once (a bigger breath is never clipped) and
// shrinks slowly (no pumping). With no trace, or a flat one, the scale stays as it is.
TraceScale autoScale(TraceScale current, std::span<const float> columnLo, std::span<const float> columnHi);

} // namespace vigil
