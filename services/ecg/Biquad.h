// A second-order IIR section (transposed direct form II) with Butterworth low- and high-pass designs by the
// bilinear transform: the band-pass front end of the QRS detector and of the VF detector. No Qt.
#pragma once

#include <cmath>
#include <numbers>

namespace vigil::ecg {

struct Biquad
{
    double b0 = 1, b1 = 0, b2 = 0, a1 = 0, a2 = 0;
    double z1 = 0, z2 = 0;

    double step(double x)
    {
        const double y = b0 * x + z1;
        z1 = b1 * x - a1 * y + z2;
        z2 = b2 * x - a2 * y;
        return y;
    }
    void reset() { z1 = z2 = 0; }

    // Butterworth (Q = 1/sqrt 2) at cutHz for a signal sampled at fs; cutHz < fs / 2.
    static Biquad lowPass(double cutHz, double fs)
    {
        const double k = std::tan(std::numbers::pi * cutHz / fs);
        const double norm = 1.0 / (1.0 + std::numbers::sqrt2 * k + k * k);
        Biquad f;
        f.b0 = k * k * norm;
        f.b1 = 2 * f.b0;
        f.b2 = f.b0;
        f.a1 = 2 * (k * k - 1) * norm;
        f.a2 = (1 - std::numbers::sqrt2 * k + k * k) * norm;
        return f;
    }
    static Biquad highPass(double cutHz, double fs)
    {
        const double k = std::tan(std::numbers::pi * cutHz / fs);
        const double norm = 1.0 / (1.0 + std::numbers::sqrt2 * k + k * k);
        Biquad f;
        f.b0 = norm;
        f.b1 = -2 * norm;
        f.b2 = norm;
        f.a1 = 2 * (k * k - 1) * norm;
        f.a2 = (1 - std::numbers::sqrt2 * k + k * k) * norm;
        return f;
    }
};

} // namespace vigil::ecg
