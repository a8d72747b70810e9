// Byte formats of archive chunks (docs/ARCHIVE.md, "Chunk formats"): waveform chunks are plain wave
// codec chunks of integer samples; numeric chunks wrap two codec streams (times, values).
#pragma once

#include "Vitals.h"

#include <QtGlobal>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace vigil::archive {

// Integer resolution for a channel whose source gave no gain (adu per unit): ECG 1 µV, pressures
// 0.01 mmHg, everything else 1e-4 of its unit. Finer than any bedside monitor resolves, coarse enough
// to keep the integers well inside 16 bits for the display ranges, so WFDB format 16 export works.
double defaultGain(WaveId id);

// float sample -> stored integer. Clamped to int32 so a wild value cannot overflow.
std::int32_t toAdu(float sample, double gain, int baseline);

std::vector<std::uint8_t> encodeWave(std::span<const std::int32_t> samples, bool fast);
bool decodeWave(std::span<const std::uint8_t> blob, std::vector<std::int32_t> &out, std::string *error);

// times: ms relative to the chunk's start_ms, non-decreasing, each below 2^31. Values are stored
// exactly: as decimal-scaled integers when every value is one (the usual case, a few bits per value),
// otherwise as raw IEEE doubles.
std::vector<std::uint8_t> encodeNumeric(std::span<const std::int32_t> offsetsMs,
                                        std::span<const double> values);
bool decodeNumeric(std::span<const std::uint8_t> blob, std::vector<std::int32_t> &offsetsMs,
                   std::vector<double> &values, std::string *error);

} // namespace vigil::archive
