// Vigil wave codec (VWC): lossless compression of one channel's integer waveform chunk.
// The bitstream is specified in docs/WAVECODEC.md; this header is the whole public API.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace vigil::codec {

// Chunks are meant to be a few seconds of one channel; the cap keeps a corrupt header from making the
// decoder allocate gigabytes and keeps every index in 32 bits.
inline constexpr std::size_t kMaxChunkSamples = std::size_t{1} << 26;
inline constexpr std::uint8_t kFormatVersion = 1;

struct EncodeOptions
{
    // Samples per predictor block, as log2 (4..11 = 16..2048). Smaller blocks follow QRS complexes and
    // artefacts more closely at 3 bits of side information each.
    int blockSizeLog2 = 6;
    // Sparse-alphabet mode: a chunk whose values sit on a coarse, possibly uneven grid (signals rescaled
    // from a lower-resolution ADC) is coded as indices into a table of its distinct values.
    bool allowRemap = true;
    // Upper bound for the per-chunk LPC stage; 0 restricts the encoder to the fixed predictors.
    int maxLpcOrder = 8;
};

struct ChunkInfo
{
    int version = 0;
    std::uint32_t sampleCount = 0;
    std::uint32_t checksum = 0; // CRC-32C of the samples (see docs/WAVECODEC.md)
    std::size_t headerBytes = 0;
};

// Encodes any int32 samples losslessly. Throws std::length_error above kMaxChunkSamples.
std::vector<std::uint8_t> encode(std::span<const std::int32_t> samples, const EncodeOptions &options = {});

// Decodes a whole chunk into out (replacing its contents). On failure returns false, leaves out empty and,
// if error is non-null, describes the problem. Never reads outside chunk, whatever its contents.
bool decode(std::span<const std::uint8_t> chunk, std::vector<std::int32_t> &out,
            std::string *error = nullptr);

// Parses the fixed header only (no payload validation), e.g. to size buffers or list an archive.
bool inspect(std::span<const std::uint8_t> chunk, ChunkInfo &info, std::string *error = nullptr);

// CRC-32C (Castagnoli, as in iSCSI and ext4) of bytes, continuing from crc; the chunk checksum is this
// function over the samples serialised as the spec describes. Exposed for tests and other tools.
std::uint32_t crc32c(std::span<const std::uint8_t> bytes, std::uint32_t crc = 0);

} // namespace vigil::codec
