// How the station draws: sweep speeds, physical scale, frame cap, layout. Read from the station file once;
// QML sees it as the constant value type `Station.display` (a gadget: no signals, nothing to watch).
#pragma once

#include <QMetaType>

namespace vigil {

struct DisplaySettings
{
    Q_GADGET
    Q_PROPERTY(double ecgSweepMmPerS MEMBER ecgSweepMmPerS CONSTANT)
    Q_PROPERTY(double respSweepMmPerS MEMBER respSweepMmPerS CONSTANT)
    Q_PROPERTY(double pixelsPerMm MEMBER pixelsPerMm CONSTANT)
    Q_PROPERTY(int maxFps MEMBER maxFps CONSTANT)
    Q_PROPERTY(int columns MEMBER columns CONSTANT)
    Q_PROPERTY(int numericsRefreshMs MEMBER numericsRefreshMs CONSTANT)
    Q_PROPERTY(double displayDelayS MEMBER displayDelayS CONSTANT)
public:
    double ecgSweepMmPerS = 25.0;
    double respSweepMmPerS = 6.25;
    double pixelsPerMm = 0.0; // 0 = from the screen's physical DPI
    int maxFps = 60;          // per-window frame cap for the live waves
    int columns = 0;          // 0 = choose from the window's shape and the bed count
    int numericsRefreshMs = 250;
    double displayDelayS = 0.3; // waves are played out this much behind the newest sample, for smooth sweeps
    bool operator==(const DisplaySettings &) const = default;
};

} // namespace vigil
