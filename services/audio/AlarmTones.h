// IEC 60601-1-8 auditory alarm signals, synthesised in code: burst patterns of harmonic pulses with
// shaped envelopes, rendered to 16-bit mono PCM. No Qt Multimedia here, so tests and tools can render and
// analyse the signals on a machine with no sound card. The numbers chosen (and the clauses they satisfy)
// are in docs/ALARMS.md and in burstSpec().
#pragma once

#include "Alarm.h"

#include <QString>
#include <QtGlobal>

#include <array>
#include <vector>

namespace vigil::audio {

// The pattern the alarm engine decides on is the one the synthesiser plays: one enum (models/domain).
using BurstPattern = alarms::AudioPattern;

struct PulseSpec
{
    double fundamentalHz = 0;
    // Relative amplitudes of harmonics 1..5 (1 = the fundamental). IEC 60601-1-8 wants at least four
    // harmonic components in 300-4000 Hz, within 15 dB of the fundamental.
    std::array<double, 5> harmonics{};
    double effectiveMs = 0; // t_d: 50 % of the rise to 50 % of the fall
    double riseMs = 0;      // 0 -> 100 % (raised cosine; 10-90 % is 0.59 of it)
    double fallMs = 0;
};

struct BurstSpec
{
    BurstPattern pattern = BurstPattern::None;
    PulseSpec pulse;
    std::vector<double> pulseStartsMs; // the 50 %-rise point of each pulse, from the burst start
    double repeatMs = 0;               // burst start to next burst start; 0 = played once
    double amplitude = 0;              // peak, as a fraction of full scale
};

BurstSpec burstSpec(BurstPattern pattern);
const char *patternName(BurstPattern pattern);

// One burst, from the start of the first pulse's rise to the end of the last pulse's fall.
std::vector<qint16> renderBurst(const BurstSpec &spec, int sampleRate);
// One repetition period: the burst followed by silence up to repeatMs (a pattern played once: the burst
// only). Looping this buffer gives the standard's repetition.
std::vector<qint16> renderCycle(BurstPattern pattern, int sampleRate);
// durationMs of the pattern as it sounds from its onset (repeating cycles, or the single burst then silence).
std::vector<qint16> renderPattern(BurstPattern pattern, int sampleRate, double durationMs);

// RIFF/WAVE, PCM 16-bit mono little-endian.
QByteArray wavBytes(const std::vector<qint16> &samples, int sampleRate);
bool writeWav(const QString &path, const std::vector<qint16> &samples, int sampleRate,
              QString *error = nullptr);
bool readWav(const QString &path, std::vector<qint16> *samples, int *sampleRate, QString *error = nullptr);

} // namespace vigil::audio
