#include "ChunkFormat.h"

#include "WaveCodec.h"

#include <cmath>
#include <cstring>
#include <limits>

namespace vigil::archive {

namespace {

constexpr std::uint8_t kNumericFormat = 1;
constexpr std::uint8_t kRawDoubles = 0xff;
constexpr int kMaxDecimals = 6;
// Exact powers of ten shared by encoder and decoder, so the exactness check and decoding agree bit for bit.
constexpr double kPow10[kMaxDecimals + 1] = {1, 10, 100, 1000, 10000, 100000, 1000000};

void putVarint(std::vector<std::uint8_t> &out, std::uint64_t v)
{
    do {
        const auto b = std::uint8_t(v & 0x7f);
        v >>= 7;
        out.push_back(v ? b | 0x80 : b);
    } while (v);
}

bool getVarint(std::span<const std::uint8_t> in, std::size_t &pos, std::uint64_t &v)
{
    v = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
        if (pos >= in.size())
            return false;
        const std::uint8_t b = in[pos++];
        v |= std::uint64_t(b & 0x7f) << shift;
        if (!(b & 0x80))
            return true;
    }
    return false;
}

// Smallest d such that every value is an integer number of 10^-d that fits 31 bits and converts back
// bit-exactly; -1 if there is none.
int decimalScale(std::span<const double> values)
{
    for (int d = 0; d <= kMaxDecimals; ++d) {
        const double pow10 = kPow10[d];
        bool ok = true;
        for (double v : values) {
            const double scaled = std::round(v * pow10);
            if (!(std::fabs(scaled) < 2147483647.0) || scaled / pow10 != v) {
                ok = false;
                break;
            }
        }
        if (ok)
            return d;
    }
    return -1;
}

} // namespace

double defaultGain(WaveId id)
{
    switch (id) {
    case WaveId::EcgI:
    case WaveId::EcgII:
    case WaveId::EcgIII:
    case WaveId::EcgV:
        return 1000.0; // mV -> µV
    case WaveId::Abp:
    case WaveId::Co2:
        return 100.0; // mmHg -> 0.01 mmHg
    default:
        return 10000.0;
    }
}

std::int32_t toAdu(float sample, double gain, int baseline)
{
    const double v = std::round(double(sample) * gain + baseline);
    if (v >= 2147483647.0)
        return std::numeric_limits<std::int32_t>::max();
    if (v <= -2147483647.0)
        return -std::numeric_limits<std::int32_t>::max();
    return std::int32_t(v);
}

std::vector<std::uint8_t> encodeWave(std::span<const std::int32_t> samples, bool fast)
{
    codec::EncodeOptions o;
    if (fast) {
        // Tail segments are short-lived (replaced by the full chunk within seconds): skip LPC analysis.
        o.maxLpcOrder = 0;
    }
    return codec::encode(samples, o);
}

bool decodeWave(std::span<const std::uint8_t> blob, std::vector<std::int32_t> &out, std::string *error)
{
    return codec::decode(blob, out, error);
}

std::vector<std::uint8_t> encodeNumeric(std::span<const std::int32_t> offsetsMs,
                                        std::span<const double> values)
{
    std::vector<std::uint8_t> out;
    out.push_back(kNumericFormat);
    const int d = decimalScale(values);
    out.push_back(d < 0 ? kRawDoubles : std::uint8_t(d));
    const std::vector<std::uint8_t> times = codec::encode(offsetsMs);
    putVarint(out, times.size());
    out.insert(out.end(), times.begin(), times.end());
    if (d >= 0) {
        const double pow10 = kPow10[d];
        std::vector<std::int32_t> ints(values.size());
        for (std::size_t i = 0; i < values.size(); ++i)
            ints[i] = std::int32_t(std::round(values[i] * pow10));
        const std::vector<std::uint8_t> v = codec::encode(ints);
        out.insert(out.end(), v.begin(), v.end());
    } else {
        const std::size_t at = out.size();
        out.resize(at + values.size() * 8);
        for (std::size_t i = 0; i < values.size(); ++i) {
            std::uint64_t bits;
            std::memcpy(&bits, &values[i], 8);
            for (int b = 0; b < 8; ++b)
                out[at + i * 8 + std::size_t(b)] = std::uint8_t(bits >> (8 * b));
        }
    }
    return out;
}

bool decodeNumeric(std::span<const std::uint8_t> blob, std::vector<std::int32_t> &offsetsMs,
                   std::vector<double> &values, std::string *error)
{
    offsetsMs.clear();
    values.clear();
    auto failWith = [&](const std::string &msg) {
        offsetsMs.clear();
        values.clear();
        if (error)
            *error = msg;
        return false;
    };
    if (blob.size() < 2 || blob[0] != kNumericFormat)
        return failWith("not a numeric chunk (bad format byte)");
    const std::uint8_t scale = blob[1];
    if (scale != kRawDoubles && scale > kMaxDecimals)
        return failWith("numeric chunk: bad decimal scale");
    std::size_t pos = 2;
    std::uint64_t timesLen = 0;
    if (!getVarint(blob, pos, timesLen) || timesLen > blob.size() - pos)
        return failWith("numeric chunk: truncated time stream");
    std::string err;
    if (!codec::decode(blob.subspan(pos, timesLen), offsetsMs, &err))
        return failWith("numeric chunk times: " + err);
    pos += timesLen;
    const std::span<const std::uint8_t> rest = blob.subspan(pos);
    if (scale == kRawDoubles) {
        if (rest.size() != offsetsMs.size() * 8)
            return failWith("numeric chunk: raw value count does not match the times");
        values.resize(offsetsMs.size());
        for (std::size_t i = 0; i < values.size(); ++i) {
            std::uint64_t bits = 0;
            for (int b = 0; b < 8; ++b)
                bits |= std::uint64_t(rest[i * 8 + std::size_t(b)]) << (8 * b);
            std::memcpy(&values[i], &bits, 8);
        }
        return true;
    }
    std::vector<std::int32_t> ints;
    if (!codec::decode(rest, ints, &err))
        return failWith("numeric chunk values: " + err);
    if (ints.size() != offsetsMs.size())
        return failWith("numeric chunk: value count does not match the times");
    const double pow10 = kPow10[scale];
    values.resize(ints.size());
    for (std::size_t i = 0; i < ints.size(); ++i)
        values[i] = double(ints[i]) / pow10;
    return true;
}

} // namespace vigil::archive
