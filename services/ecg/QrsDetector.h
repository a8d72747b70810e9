// Real-time QRS detection after Pan & Tompkins (IEEE Trans Biomed Eng 32(3):230-236, 1985), implemented
// here for any sample rate: band-pass 5-15 Hz (2nd-order Butterworth high-pass and low-pass, bilinear
// transform at the record's rate), five-point derivative, squaring, 150 ms moving-window integration, and
// the paper's adaptive thresholds on the integrated signal (signal and noise peak levels, THRESHOLD I1/I2),
// 200 ms refractory period, T-wave discrimination by slope within 360 ms, and search-back at 166 % of the
// mean R-R interval. The R-wave time is then placed on the largest band-passed deflection of the QRS and
// refined on the raw samples. Method and validation figures: docs/EWS.md.
//
// Streaming: push samples in order (NaN = no signal: it resets the filters and is reported as such); beats
// come out about 250 ms after the R wave. No Qt, no allocation per sample after construction.
#pragma once

#include "Biquad.h"

#include <cstdint>
#include <deque>
#include <vector>

namespace vigil::ecg {

struct Beat
{
    std::int64_t sample = 0; // index of the R wave in the stream (samples pushed since construction)
    float amplitude = 0;     // band-passed amplitude at the R wave (for the noise judgement)
    bool searchBack = false; // found by search-back with the lower threshold
};

class QrsDetector
{
public:
    explicit QrsDetector(double sampleRate);
    double sampleRate() const { return m_fs; }

    // Pushes one sample (mV). Detected beats are appended to `out`.
    void push(float x, std::vector<Beat> &out);
    void push(const float *x, std::size_t n, std::vector<Beat> &out)
    {
        for (std::size_t i = 0; i < n; ++i)
            push(x[i], out);
    }
    std::int64_t samplesSeen() const { return m_n; }
    // Integrated-signal peaks above the noise threshold in the last few seconds: many more than beats is
    // noise (used by the noise detector).
    int recentPeaks() const { return static_cast<int>(m_recentPeaks.size()); }
    double signalLevel() const { return m_spki; }
    double noiseLevel() const { return m_npki; }
    bool learning() const { return m_learning; }
    // Band-passed signal statistics since the last call (for the noise detector): the largest magnitude,
    // the sum of squares and the sample count.
    struct BandStats
    {
        double max = 0, sumSq = 0;
        std::int64_t n = 0;
    };
    BandStats takeBandStats()
    {
        const BandStats b = m_band;
        m_band = {};
        return b;
    }

private:
    struct Peak
    {
        std::int64_t at;
        double value;
    };
    void reset();
    void onPeak(const Peak &p, std::vector<Beat> &out);
    void acceptQrs(const Peak &p, bool searchBack, std::vector<Beat> &out);
    double slopeBefore(std::int64_t at) const;
    std::int64_t locateR(std::int64_t mwiPeak, float *amp) const;
    double ring(const std::vector<float> &r, std::int64_t at) const
    {
        return r[static_cast<std::size_t>(at % std::int64_t(r.size()))];
    }

    double m_fs;
    Biquad m_hp, m_lp;
    std::vector<float> m_raw, m_bp, m_der; // rings of ~2 s
    std::vector<float> m_sq;               // ring for the integration window
    int m_mwiLen;
    double m_mwiSum = 0;
    std::int64_t m_n = 0;     // samples pushed
    std::int64_t m_valid = 0; // consecutive valid samples since the last NaN
    // peak finding on the integrated signal
    Peak m_cand{0, -1};
    int m_peakHold;
    bool m_falling = false;
    double m_prevY = 0; // a candidate becomes a peak when nothing larger follows for this long
    // thresholds
    bool m_learning = true;
    double m_learnMax = 0, m_learnSum = 0;
    std::int64_t m_learnCount = 0;
    std::vector<Peak> m_learnPeaks;
    double m_spki = 0, m_npki = 0;
    std::int64_t m_lastQrs = -1;
    double m_lastQrsSlope = 0;
    std::deque<std::int64_t> m_rr; // the last 8 R-R intervals in samples
    std::vector<Peak> m_sinceQrs;  // noise peaks since the last QRS (search-back candidates)
    std::deque<std::int64_t> m_recentPeaks;
    std::int64_t m_lastEmittedR = -1;
    int m_refractory, m_tWaveWindow;
    BandStats m_band;
};

} // namespace vigil::ecg
