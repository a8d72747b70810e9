// Ventricular fibrillation and ventricular tachycardia measures for the central ECG analysis (EcgAnalyzer):
//
//  - VF: the "VF filter" of Kuo & Dillman (Computers in Cardiology 1978), as described and evaluated by
//    Amann, Tratnig & Unterkofler (BioMedical Engineering OnLine 4:60, 2005). Over a window (4 s here) of
//    the ECG, N = floor(pi * sum|x_i| / sum|x_i - x_{i-1}| + 1/2) is the half period of the signal's mean
//    frequency; the leakage sum|x_i + x_{i-N}| / sum(|x_i| + |x_{i-N}|) of the narrow-band notch filter
//    tuned to it is near 0 for a sinusoid-like VF and high for a spiky QRS train or broadband noise. This
//    class gives the leakage, the mean frequency fs / (2N) and the RMS; EcgAnalyzer decides (thresholds in
//    EcgAnalysisConfig, validated in tst_ecg_analysis and docs/EWS.md).
//  - VT: a QRS width per detected beat, measured on the same 1-30 Hz signal: from the first to the last
//    sample within +-120 ms of the R wave whose slope is at least 15 % of the QRS's steepest slope. A run of
//    wide beats (>= 120 ms and >= the patient's own narrow width + 40 ms) at a fast rate is VT.
//
// Streaming like QrsDetector: push every sample in order (NaN = no signal), same sample numbering, so a
// Beat::sample from the QRS detector can be measured here while it is still in the ring (5 s).
#pragma once

#include "Biquad.h"

#include <cstdint>
#include <vector>

namespace vigil::ecg {

class VentricularDetector
{
public:
    explicit VentricularDetector(double sampleRate);
    void push(float x);
    std::int64_t samplesSeen() const { return m_n; }

    struct VfWindow
    {
        bool valid = false; // a full window of valid samples
        double leakage = 1; // VF filter leakage (0..1)
        double freqHz = 0;  // mean frequency fs / (2N)
        double rmsMv = 0;   // RMS of the 1-30 Hz signal
    };
    // The VF filter over the last windowS seconds (valid only when all were signal).
    VfWindow vfWindow(double windowS = 4.0) const;
    // QRS width (ms) of the beat whose R wave is at `sample`; NaN when it left the ring or crosses a gap.
    double qrsWidthMs(std::int64_t sample) const;

private:
    float at(std::int64_t i) const
    {
        return m_ring[static_cast<std::size_t>(i % std::int64_t(m_ring.size()))];
    }
    double m_fs;
    Biquad m_hp, m_lp;
    std::vector<float> m_ring;
    std::int64_t m_n = 0, m_valid = 0;
};

} // namespace vigil::ecg
