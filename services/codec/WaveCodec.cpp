#include "WaveCodec.h"

#include "BitIo.h"
#include "Detail.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace vigil::codec {

using detail::BitReader;
using detail::BitWriter;
using detail::LpcParams;
using detail::unzigzag;
using detail::zigzag;

namespace {

constexpr std::uint8_t kMagic = 0xB5;
constexpr unsigned kEscapeQ = 12; // quotients >= this are escaped (bounds every code)
constexpr std::uint32_t kEscapeMask = (1u << kEscapeQ) - 1;
constexpr std::uint32_t kRiceClamp = 1u << 24; // keeps the Rice state in 32 bits and k <= 24
constexpr std::uint32_t kRiceInit = 16;
constexpr unsigned kTypeLpc = 5;
constexpr unsigned kTypeConstant = 6;
constexpr unsigned kTypeVerbatim = 7;
constexpr std::size_t kMaxRemapRange = 65536;
constexpr std::size_t kLpcProbeSamples = 256; // half to design the probe predictor, half to test it
// A projected LPC win must exceed this many bits per sample to pay for the full-chunk passes.
constexpr double kLpcProbeMargin = 0.02;

// --------------------------------------------------------------------------------------------- CRC-32C

constexpr std::uint32_t kCrc32cPoly = 0x82F63B78u; // Castagnoli, reflected

constexpr std::array<std::array<std::uint32_t, 256>, 8> makeCrcTables()
{
    std::array<std::array<std::uint32_t, 256>, 8> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t c = i;
        for (int k = 0; k < 8; ++k)
            c = (c >> 1) ^ (kCrc32cPoly & (0u - (c & 1u)));
        t[0][i] = c;
    }
    for (std::uint32_t i = 0; i < 256; ++i)
        for (int s = 1; s < 8; ++s)
            t[s][i] = (t[s - 1][i] >> 8) ^ t[0][t[s - 1][i] & 0xffu];
    return t;
}
constexpr auto kCrcTables = makeCrcTables();

// Slicing-by-8 on the pre-inverted register; the portable path.
std::uint32_t crcTable(std::uint32_t c, const std::uint8_t *p, std::size_t n)
{
    const auto &t = kCrcTables;
    for (; n >= 8; n -= 8, p += 8) {
        const std::uint64_t w = detail::loadLe64(p) ^ c;
        c = t[7][w & 0xff] ^ t[6][(w >> 8) & 0xff] ^ t[5][(w >> 16) & 0xff] ^ t[4][(w >> 24) & 0xff] ^
            t[3][(w >> 32) & 0xff] ^ t[2][(w >> 40) & 0xff] ^ t[1][(w >> 48) & 0xff] ^ t[0][w >> 56];
    }
    for (; n; --n, ++p)
        c = (c >> 8) ^ t[0][(c ^ *p) & 0xffu];
    return c;
}

// Samples are checksummed as little-endian 16-bit words when the chunk's width allows, else 32-bit.
// The word is built in a register, so no byte buffer is needed; words go in 64-bit steps.
template <bool Narrow> VWC_INLINE std::uint64_t packWord(const std::int32_t *x)
{
    if constexpr (Narrow)
        return (static_cast<std::uint64_t>(static_cast<std::uint16_t>(x[0]))) |
               (static_cast<std::uint64_t>(static_cast<std::uint16_t>(x[1])) << 16) |
               (static_cast<std::uint64_t>(static_cast<std::uint16_t>(x[2])) << 32) |
               (static_cast<std::uint64_t>(static_cast<std::uint16_t>(x[3])) << 48);
    else
        return static_cast<std::uint64_t>(static_cast<std::uint32_t>(x[0])) |
               (static_cast<std::uint64_t>(static_cast<std::uint32_t>(x[1])) << 32);
}

template <bool Narrow> std::uint32_t sampleCrcTable(const std::int32_t *x, std::size_t n)
{
    constexpr std::size_t per = Narrow ? 4 : 2;
    std::uint32_t c = 0xffffffffu;
    std::size_t i = 0;
    for (; i + per <= n; i += per) {
        std::uint8_t b[8];
        detail::storeLe64(b, packWord<Narrow>(x + i));
        c = crcTable(c, b, 8);
    }
    for (; i < n; ++i) {
        std::uint8_t b[4];
        const auto v = static_cast<std::uint32_t>(x[i]);
        for (unsigned j = 0; j < 4; ++j)
            b[j] = static_cast<std::uint8_t>(v >> (8 * j));
        c = crcTable(c, b, Narrow ? 2 : 4);
    }
    return ~c;
}

#if VWC_HAVE_CRC32C_INSN
template <bool Narrow>
__attribute__((target("sse4.2"))) std::uint32_t sampleCrcInsn(const std::int32_t *x, std::size_t n)
{
    constexpr std::size_t per = Narrow ? 4 : 2;
    std::uint64_t c = 0xffffffffu;
    std::size_t i = 0;
    for (; i + per <= n; i += per)
        c = __builtin_ia32_crc32di(c, packWord<Narrow>(x + i));
    auto c32 = static_cast<std::uint32_t>(c);
    for (; i < n; ++i) {
        if constexpr (Narrow)
            c32 = __builtin_ia32_crc32hi(c32, static_cast<std::uint16_t>(x[i]));
        else
            c32 = __builtin_ia32_crc32si(c32, static_cast<std::uint32_t>(x[i]));
    }
    return ~c32;
}
#endif

std::uint32_t sampleCrc(const std::int32_t *x, std::size_t n, bool narrow)
{
#if VWC_HAVE_CRC32C_INSN
    static const bool insn = __builtin_cpu_supports("sse4.2");
    if (insn)
        return narrow ? sampleCrcInsn<true>(x, n) : sampleCrcInsn<false>(x, n);
#endif
    return narrow ? sampleCrcTable<true>(x, n) : sampleCrcTable<false>(x, n);
}

// ------------------------------------------------------------------------------------ adaptive Rice

// Backward-adaptive Rice parameter: s tracks 4x a fast-decaying mean of recent residuals (about four
// samples' memory) and k = floor(log2(max(s, 4))) - 2. Waveform residuals change scale within a beat,
// which is what makes this beat block-wise Rice parameters, and it costs no side information.
struct RiceState
{
    std::uint32_t s = kRiceInit;
    VWC_INLINE unsigned k() const { return static_cast<unsigned>(std::bit_width(s | 4u)) - 3; }
    VWC_INLINE void update(std::uint32_t u) { s = s - (s >> 2) + std::min(u, kRiceClamp); }
};

VWC_INLINE std::uint64_t lowMask(unsigned n)
{
    return (std::uint64_t{1} << n) - 1; // n < 64
}

// Code: the k low bits of u, then q = u >> k as q zero bits and a one (q < 12). Low bits first lets the
// encoder build the code with one OR and the decoder find q with a single trailing-zero count.
VWC_INLINE void putResidual(BitWriter &w, RiceState &r, std::uint32_t u)
{
    const unsigned k = r.k();
    const std::uint32_t q = u >> k;
    const std::uint64_t low = u & lowMask(k);
    if (q < kEscapeQ) [[likely]] {
        w.put(low | (std::uint64_t{1} << (k + q)), k + q + 1);
    } else {
        // Escape: 12 zeros, then q's bit length minus one (5 bits) and q without its leading one.
        const auto len = static_cast<unsigned>(std::bit_width(q));
        w.put(low | (std::uint64_t{len - 1} << (k + kEscapeQ)), k + kEscapeQ + 5);
        w.flush();
        w.put(q & lowMask(len - 1), len - 1);
    }
    w.flush();
    r.update(u);
}

VWC_INLINE std::uint32_t getResidual(BitReader &rd, RiceState &r)
{
    const unsigned k = r.k();
    const std::uint64_t w = rd.peek();
    const std::uint64_t t = w >> k;
    std::uint32_t u;
    if (t & kEscapeMask) [[likely]] {
        const auto q = static_cast<unsigned>(std::countr_zero(t));
        u = (static_cast<std::uint32_t>(q) << k) | static_cast<std::uint32_t>(w & lowMask(k));
        rd.skip(k + q + 1);
    } else {
        const unsigned len = static_cast<unsigned>((t >> kEscapeQ) & 31u) + 1;
        const auto low = static_cast<std::uint32_t>(w & lowMask(k));
        rd.skip(k + kEscapeQ + 5);
        const std::uint64_t q = rd.get(len - 1) | (std::uint64_t{1} << (len - 1));
        // Only a corrupt stream overflows here; the checksum reports it.
        u = static_cast<std::uint32_t>((q << k) | low);
    }
    r.update(u);
    return u;
}

// ------------------------------------------------------------------------------------ fixed predictors

// Polynomial extrapolation; all arithmetic wraps modulo 2^32, so any int32 input is representable and
// encoder and decoder agree bit for bit.
template <unsigned Order> VWC_INLINE std::uint32_t fixedPrediction(const std::uint32_t *x, std::size_t i)
{
    if constexpr (Order == 0)
        return 0;
    else if constexpr (Order == 1)
        return x[i - 1];
    else if constexpr (Order == 2)
        return 2 * x[i - 1] - x[i - 2];
    else if constexpr (Order == 3)
        return 3 * (x[i - 1] - x[i - 2]) + x[i - 3];
    else
        return 4 * (x[i - 1] + x[i - 3]) - 6 * x[i - 2] - x[i - 4];
}

// The first samples of a chunk have less history: order min(order, i).
VWC_INLINE std::uint32_t rampPrediction(const std::uint32_t *x, std::size_t i, unsigned order)
{
    switch (std::min<std::size_t>(order, i)) {
    case 0:
        return 0;
    case 1:
        return fixedPrediction<1>(x, i);
    case 2:
        return fixedPrediction<2>(x, i);
    case 3:
        return fixedPrediction<3>(x, i);
    default:
        return fixedPrediction<4>(x, i);
    }
}

// Estimated code length of a residual r, up to a per-sample constant: the float exponent of |r| is
// floor(log2|r|) without a vector lzcnt, so the analysis loop vectorises. |INT32_MIN| stays negative and
// therefore looks very expensive, which it is.
VWC_INLINE std::uint32_t costProxy(std::uint32_t r)
{
    const auto v = static_cast<std::int32_t>(r);
    const auto a = static_cast<std::uint32_t>(v < 0 ? -static_cast<std::int64_t>(v) : v);
    return std::bit_cast<std::uint32_t>(static_cast<float>(static_cast<std::int32_t>(a | 1u))) >> 23;
}

struct BlockAnalysis
{
    std::uint32_t cost[6] = {}; // fixed orders 0..4, LPC; at most 2048 * 415
    std::uint32_t orderOneBits = 0;
};

struct ChunkStats
{
    std::uint32_t magnitude = 0; // OR of x ^ (x >> 31): its bit width + 1 is the chunk's sample width
    std::uint32_t unitSteps = 0; // |x[i] - x[i-1]| == 1, the sparse-alphabet tell
};

template <bool Stats>
VWC_INLINE void analyseBlock(const std::uint32_t *x, std::size_t begin, std::size_t end, BlockAnalysis &a,
                             ChunkStats &st)
{
    std::size_t i = begin;
    for (; i < end && i < 4; ++i) {
        for (unsigned o = 0; o <= 4; ++o)
            a.cost[o] += costProxy(x[i] - rampPrediction(x, i, o));
        const std::uint32_t r1 = x[i] - x[i - 1];
        a.orderOneBits |= r1;
        if constexpr (Stats) {
            st.magnitude |= x[i] ^ static_cast<std::uint32_t>(static_cast<std::int32_t>(x[i]) >> 31);
            st.unitSteps += r1 + 1u <= 2u && r1 != 0;
        }
    }
    std::uint32_t c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0, any = 0, units = 0, mag = 0;
    for (; i < end; ++i) {
        const std::uint32_t r1 = x[i] - x[i - 1], s1 = x[i - 1] - x[i - 2], t1 = x[i - 2] - x[i - 3],
                            v1 = x[i - 3] - x[i - 4];
        const std::uint32_t r2 = r1 - s1, s2 = s1 - t1, t2 = t1 - v1;
        const std::uint32_t r3 = r2 - s2, s3 = s2 - t2;
        const std::uint32_t r4 = r3 - s3;
        any |= r1;
        c0 += costProxy(x[i]);
        const std::uint32_t p1 = costProxy(r1);
        c1 += p1;
        c2 += costProxy(r2);
        c3 += costProxy(r3);
        c4 += costProxy(r4);
        if constexpr (Stats) {
            mag |= x[i] ^ static_cast<std::uint32_t>(static_cast<std::int32_t>(x[i]) >> 31);
            units += p1 == 127u && r1 != 0; // |r1| == 1 (and the |r1| == 0 case excluded)
        }
    }
    a.cost[0] += c0;
    a.cost[1] += c1;
    a.cost[2] += c2;
    a.cost[3] += c3;
    a.cost[4] += c4;
    a.orderOneBits |= any;
    if constexpr (Stats) {
        st.magnitude |= mag;
        st.unitSteps += units;
    }
}

VWC_INLINE std::uint32_t proxySum(const std::uint32_t *u, std::size_t n)
{
    std::uint32_t c = 0;
    for (std::size_t i = 0; i < n; ++i)
        c += costProxy(unzigzag(u[i]));
    return c;
}

// Residuals are formed in a separate, vectorisable pass so the serial Rice loop does nothing else.
template <unsigned Order>
VWC_INLINE void fixedResiduals(const std::uint32_t *x, std::size_t begin, std::size_t end, std::uint32_t *u)
{
    std::size_t i = begin;
    for (; i < end && i < Order; ++i)
        u[i - begin] = zigzag(x[i] - rampPrediction(x, i, Order));
    for (; i < end; ++i)
        u[i - begin] = zigzag(x[i] - fixedPrediction<Order>(x, i));
}

// The hot loops run on local copies of writer/reader and Rice state so they stay in registers: the
// byte stores could otherwise alias them.
VWC_INLINE void encodeResiduals(BitWriter &bw, RiceState &rs, const std::uint32_t *u, std::size_t n)
{
    BitWriter w = bw;
    RiceState r = rs;
    std::size_t i = 0;
    // Two codes per flush when both are short (k < 16 and no escape: at most 27 bits each), the common
    // case; the flush is a third of the work per code.
    for (; i + 2 <= n; i += 2) {
        const std::uint32_t v0 = u[i], v1 = u[i + 1];
        const unsigned k0 = r.k();
        RiceState r1 = r;
        r1.update(v0);
        const unsigned k1 = r1.k();
        const std::uint32_t q0 = v0 >> k0, q1 = v1 >> k1;
        if (std::max(q0, q1) < kEscapeQ && (k0 | k1) < 16) [[likely]] {
            w.put((v0 & lowMask(k0)) | (std::uint64_t{1} << (k0 + q0)), k0 + q0 + 1);
            w.put((v1 & lowMask(k1)) | (std::uint64_t{1} << (k1 + q1)), k1 + q1 + 1);
            w.flush();
            r1.update(v1);
            r = r1;
        } else {
            putResidual(w, r, v0);
            putResidual(w, r, v1);
        }
    }
    if (i < n)
        putResidual(w, r, u[i]);
    bw = w;
    rs = r;
}

template <unsigned Order>
VWC_INLINE void decodeFixed(BitReader &reader, RiceState &rs, std::uint32_t *x, std::size_t begin,
                            std::size_t end)
{
    BitReader rd = reader;
    RiceState r = rs;
    std::size_t i = begin;
    for (; i < end && i < Order; ++i)
        x[i] = rampPrediction(x, i, Order) + unzigzag(getResidual(rd, r));
    for (; i < end; ++i)
        x[i] = fixedPrediction<Order>(x, i) + unzigzag(getResidual(rd, r));
    reader = rd;
    rs = r;
}

VWC_INLINE void decodeLpc(BitReader &reader, RiceState &rs, std::uint32_t *y, std::size_t begin,
                          std::size_t end, const LpcParams &p)
{
    BitReader rd = reader;
    RiceState r = rs;
    const auto order = static_cast<std::size_t>(p.order);
    std::size_t i = begin;
    for (; i < end && i <= order; ++i)
        y[i] = y[i - 1] + unzigzag(getResidual(rd, r));
    for (; i < end; ++i) {
        std::int64_t sum = 0;
        for (std::size_t j = 0; j < order; ++j)
            sum += std::int64_t{p.coef[j]} * static_cast<std::int32_t>(y[i - 1 - j] - y[i - 2 - j]);
        const auto delta = static_cast<std::uint32_t>(static_cast<std::uint64_t>(sum >> p.shift));
        y[i] = y[i - 1] + delta + unzigzag(getResidual(rd, r));
    }
    reader = rd;
    rs = r;
}

// ------------------------------------------------------------------------------------------- helpers

std::int32_t signExtend(std::uint64_t v, unsigned width)
{
    const unsigned shift = 32 - width;
    return static_cast<std::int32_t>(static_cast<std::uint32_t>(v) << shift) >> shift;
}

struct Remap
{
    std::vector<std::int32_t> table;
    std::vector<std::int32_t> index;
};

// Sparse alphabet: values on a grid of step >= 2 (a low-resolution ADC rescaled to physical units) never
// move by exactly one unit, so a near-absence of unit steps gates the distinct-value count.
bool tryRemap(const std::int32_t *x, std::size_t n, const ChunkStats &st, unsigned width, Remap &rm)
{
    if (n < 32 || std::size_t{st.unitSteps} * 64 > n)
        return false;
    std::int32_t lo = x[0], hi = x[0];
    for (std::size_t i = 1; i < n; ++i) {
        lo = std::min(lo, x[i]);
        hi = std::max(hi, x[i]);
    }
    const std::int64_t range64 = std::int64_t{hi} - lo + 1;
    if (range64 < 4 || range64 > static_cast<std::int64_t>(kMaxRemapRange))
        return false;
    const auto range = static_cast<std::size_t>(range64);
    const auto base = static_cast<std::uint32_t>(lo);

    // Byte flags rather than a bitmap: plain stores, no read-modify-write chain between samples.
    std::vector<std::uint32_t> lut(range, 0);
    for (std::size_t i = 0; i < n; ++i)
        lut[static_cast<std::uint32_t>(x[i]) - base] = 1;
    std::size_t distinct = 0;
    for (std::size_t v = 0; v < range; ++v)
        distinct += lut[v];
    if (distinct < 2 || distinct * 2 > range)
        return false;

    // Indices shrink residuals by about the mean grid step; the table costs about log2(step) + 2 bits per
    // entry with the same adaptive Rice code.
    const double step = static_cast<double>(range - 1) / static_cast<double>(distinct - 1);
    const double saving = static_cast<double>(n - 1) * std::log2(step);
    const double tableCost = 16.0 + width + static_cast<double>(distinct - 1) * (std::log2(step) + 2.0);
    if (saving < tableCost + 64.0)
        return false;

    rm.table.clear();
    rm.table.reserve(distinct);
    for (std::size_t v = 0; v < range; ++v) {
        if (lut[v]) {
            lut[v] = static_cast<std::uint32_t>(rm.table.size());
            rm.table.push_back(static_cast<std::int32_t>(base + static_cast<std::uint32_t>(v)));
        }
    }
    rm.index.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        rm.index[i] = static_cast<std::int32_t>(lut[static_cast<std::uint32_t>(x[i]) - base]);
    return true;
}

void putLeb128(std::vector<std::uint8_t> &out, std::uint32_t v)
{
    do {
        const auto byte = static_cast<std::uint8_t>(v & 0x7f);
        v >>= 7;
        out.push_back(v ? byte | 0x80 : byte);
    } while (v);
}

bool parseHeader(std::span<const std::uint8_t> chunk, ChunkInfo &info, std::string *error)
{
    auto fail = [&](const char *msg) {
        if (error)
            *error = msg;
        return false;
    };
    if (chunk.size() < 2)
        return fail("chunk too short for a header");
    if (chunk[0] != kMagic)
        return fail("not a Vigil wave codec chunk (bad magic byte)");
    if (chunk[1] != kFormatVersion)
        return fail("unsupported wave codec version");
    std::size_t pos = 2;
    std::uint32_t n = 0;
    for (unsigned shift = 0;; shift += 7) {
        if (pos >= chunk.size())
            return fail("chunk truncated in the header");
        if (shift > 21)
            return fail("sample count field too long");
        const std::uint8_t b = chunk[pos++];
        n |= static_cast<std::uint32_t>(b & 0x7f) << shift;
        if (!(b & 0x80))
            break;
    }
    if (n > kMaxChunkSamples)
        return fail("sample count exceeds the chunk limit");
    if (chunk.size() - pos < 4)
        return fail("chunk truncated in the header");
    info.version = chunk[1];
    info.sampleCount = n;
    info.checksum = static_cast<std::uint32_t>(chunk[pos]) | static_cast<std::uint32_t>(chunk[pos + 1]) << 8 |
                    static_cast<std::uint32_t>(chunk[pos + 2]) << 16 |
                    static_cast<std::uint32_t>(chunk[pos + 3]) << 24;
    info.headerBytes = pos + 4;
    return true;
}

// ----------------------------------------------------------------------------------------------- encoder

struct BlockPlan
{
    std::size_t blockSize;
    std::size_t blocks;
    std::size_t begin(std::size_t b) const { return 1 + b * blockSize; }
};

template <bool Stats>
VWC_INLINE void analyseChunk(const std::uint32_t *y, std::size_t n, const BlockPlan &plan,
                             std::vector<BlockAnalysis> &analysis, ChunkStats &st)
{
    analysis.assign(plan.blocks, BlockAnalysis{});
    for (std::size_t b = 0; b < plan.blocks; ++b) {
        const std::size_t begin = plan.begin(b);
        analyseBlock<Stats>(y, begin, std::min(n, begin + plan.blockSize), analysis[b], st);
    }
}

// Per-thread working memory, reused across chunks: an archive writer encodes thousands of small chunks
// and allocation would otherwise cost as much as the coding.
struct EncoderScratch
{
    std::vector<std::uint8_t> bytes;
    std::vector<BlockAnalysis> analysis;
    std::vector<std::uint8_t> choice;
    std::vector<std::uint32_t> lpcResidual;
    Remap remap;
};

VWC_CLONES void encodeBody(const std::int32_t *x, std::size_t n, const EncodeOptions &options,
                           std::vector<std::uint8_t> &out, EncoderScratch &scratch)
{
    const int bsLog2 = std::clamp(options.blockSizeLog2, 4, 11);
    const BlockPlan plan{std::size_t{1} << bsLog2, (n - 1 + (std::size_t{1} << bsLog2) - 1) >> bsLog2};

    // One pass yields the predictor costs of every block and the chunk's width and unit-step count.
    std::vector<BlockAnalysis> &analysis = scratch.analysis;
    ChunkStats st;
    st.magnitude = static_cast<std::uint32_t>(x[0] ^ (x[0] >> 31));
    analyseChunk<true>(reinterpret_cast<const std::uint32_t *>(x), n, plan, analysis, st);

    const unsigned width = static_cast<unsigned>(std::bit_width(st.magnitude)) + 1;
    const std::uint32_t crc = sampleCrc(x, n, width <= 16);
    for (int b = 0; b < 4; ++b)
        out.push_back(static_cast<std::uint8_t>(crc >> (8 * b)));

    Remap &remap = scratch.remap;
    const bool remapped = options.allowRemap && tryRemap(x, n, st, width, remap);
    const std::int32_t *y = remapped ? remap.index.data() : x;
    const auto *yu = reinterpret_cast<const std::uint32_t *>(y);
    const unsigned valueBits =
        remapped ? static_cast<unsigned>(std::bit_width(static_cast<std::uint32_t>(remap.table.size() - 1)))
                 : width;
    if (remapped) {
        ChunkStats unused;
        analyseChunk<false>(yu, n, plan, analysis, unused);
    }

    std::vector<std::uint8_t> &choice = scratch.choice;
    choice.resize(plan.blocks);
    for (std::size_t b = 0; b < plan.blocks; ++b) {
        const BlockAnalysis &a = analysis[b];
        unsigned best = 0;
        for (unsigned o = 1; o <= 4; ++o)
            if (a.cost[o] < a.cost[best])
                best = o;
        choice[b] = static_cast<std::uint8_t>(a.orderOneBits == 0 ? kTypeConstant : best);
    }

    LpcParams lpc;
    bool useLpc = false;
    if (options.maxLpcOrder > 0) {
        // LPC costs an autocorrelation plus a multiply per coefficient and sample, and on spiky signals
        // such as ECG rarely beats the fixed predictors. So it is first designed on the opening blocks and
        // tried on the next few (out of sample, so the projection is honest), against those blocks' fixed
        // predictor costs; only a projected win pays for the whole chunk.
        const std::size_t probeBlocks =
            std::min(plan.blocks, std::max<std::size_t>(4, kLpcProbeSamples / plan.blockSize));
        const std::size_t designBlocks = probeBlocks >= 2 ? probeBlocks / 2 : probeBlocks;
        const std::size_t testFirst = probeBlocks >= 2 ? designBlocks : 0;
        const std::size_t probeEnd = std::min(n, plan.begin(probeBlocks));
        const std::size_t testSamples = probeEnd - plan.begin(testFirst);
        scratch.lpcResidual.resize(n);
        auto blockGain = [&](std::size_t b, const std::uint32_t *u) -> std::int64_t {
            if (choice[b] == kTypeConstant)
                return 0;
            const std::size_t begin = plan.begin(b), end = std::min(n, begin + plan.blockSize);
            const std::uint32_t lpcCost = proxySum(u + begin, end - begin);
            analysis[b].cost[kTypeLpc] = lpcCost;
            return std::max<std::int64_t>(0, std::int64_t{analysis[b].cost[choice[b]]} - lpcCost);
        };
        detail::LpcDesign design;
        int winner = -1;
        double winnerGain = 0;
        if (detail::designLpc(y, std::min(n, plan.begin(designBlocks)), options.maxLpcOrder, design)) {
            // Only the finest candidate is tried; coarser ones are assumed to predict about as well and
            // differ in what their coefficients cost, which the final check below settles exactly.
            const LpcParams &fine = design.candidate[design.count - 1];
            detail::lpcResiduals(y, probeEnd, fine, valueBits, scratch.lpcResidual.data());
            std::int64_t gain = 0;
            for (std::size_t b = testFirst; b < probeBlocks; ++b)
                gain += blockGain(b, scratch.lpcResidual.data());
            const double scaled =
                static_cast<double>(gain) * static_cast<double>(n - 1) / static_cast<double>(testSamples);
            for (int c = 0; c < design.count; ++c) {
                const LpcParams &cand = design.candidate[c];
                const double projected = scaled - (13 + cand.order * cand.precision);
                if (projected > winnerGain && projected > kLpcProbeMargin * static_cast<double>(n)) {
                    winnerGain = projected;
                    winner = c;
                }
            }
        }
        // The winning precision is redesigned on the whole chunk when the probe saw only part of it.
        LpcParams cand;
        if (winner >= 0) {
            cand = design.candidate[winner];
            if (probeEnd < n) {
                const int precision = cand.precision;
                if (detail::designLpc(y, n, options.maxLpcOrder, design)) {
                    for (int c = 0; c < design.count; ++c)
                        if (design.candidate[c].precision == precision)
                            cand = design.candidate[c];
                }
            }
        }
        if (winner >= 0) {
            detail::lpcResiduals(y, n, cand, valueBits, scratch.lpcResidual.data());
            std::int64_t gain = -(13 + cand.order * cand.precision);
            for (std::size_t b = 0; b < plan.blocks; ++b)
                gain += blockGain(b, scratch.lpcResidual.data());
            if (gain > 0) {
                useLpc = true;
                lpc = cand;
                for (std::size_t b = 0; b < plan.blocks; ++b)
                    if (choice[b] != kTypeConstant &&
                        analysis[b].cost[kTypeLpc] < analysis[b].cost[choice[b]])
                        choice[b] = kTypeLpc;
            }
        }
    }
    const std::vector<std::uint32_t> &lpcResidual = scratch.lpcResidual;

    // Room for the worst case, so the block loop needs no capacity checks: every block ends at most
    // verbatim (32 bits a sample), and a block's abandoned Rice attempt may need 72 bits a sample.
    const std::size_t tableBytes = remapped ? remap.table.size() * 9 : 0;
    std::vector<std::uint8_t> &buf = scratch.bytes;
    buf.resize(128 + tableBytes + n * 4 + plan.blocks + plan.blockSize * 9 + 64);
    BitWriter bw(buf.data());
    bw.put(width - 1, 5);
    bw.put(static_cast<unsigned>(bsLog2 - 4), 3);
    bw.put(remapped ? 1 : 0, 1);
    bw.flush();
    if (remapped) {
        bw.put(remap.table.size() - 1, 16);
        bw.flush();
        bw.putWide(static_cast<std::uint32_t>(remap.table[0]), width);
        RiceState tableRice;
        for (std::size_t j = 1; j < remap.table.size(); ++j)
            putResidual(bw, tableRice,
                        static_cast<std::uint32_t>(remap.table[j]) -
                            static_cast<std::uint32_t>(remap.table[j - 1]) - 1u);
    }
    bw.put(useLpc ? 1 : 0, 1);
    bw.flush();
    if (useLpc) {
        bw.put(static_cast<unsigned>(lpc.order - 1), 4);
        bw.put(static_cast<unsigned>(lpc.precision - 1), 4);
        bw.put(static_cast<unsigned>(lpc.shift), 5);
        bw.flush();
        for (int j = 0; j < lpc.order; ++j) {
            bw.put(static_cast<std::uint32_t>(lpc.coef[j]) & lowMask(static_cast<unsigned>(lpc.precision)),
                   static_cast<unsigned>(lpc.precision));
            bw.flush();
        }
    }
    bw.putWide(yu[0] & lowMask(valueBits), valueBits);

    RiceState rice;
    std::array<std::uint32_t, 2048> residual;
    for (std::size_t b = 0; b < plan.blocks; ++b) {
        const std::size_t begin = plan.begin(b), end = std::min(n, begin + plan.blockSize);
        const std::size_t m = end - begin;
        const unsigned type = choice[b];
        if (type == kTypeConstant) {
            bw.put(kTypeConstant, 3);
            bw.flush();
            continue;
        }
        const BitWriter mark = bw;
        const RiceState saved = rice;
        bw.put(type, 3);
        bw.flush();
        const std::uint32_t *u = residual.data();
        switch (type) {
        case 0:
            fixedResiduals<0>(yu, begin, end, residual.data());
            break;
        case 1:
            fixedResiduals<1>(yu, begin, end, residual.data());
            break;
        case 2:
            fixedResiduals<2>(yu, begin, end, residual.data());
            break;
        case 3:
            fixedResiduals<3>(yu, begin, end, residual.data());
            break;
        case 4:
            fixedResiduals<4>(yu, begin, end, residual.data());
            break;
        default:
            u = lpcResidual.data() + begin;
            break;
        }
        encodeResiduals(bw, rice, u, m);
        // Noise-like blocks (e.g. full-scale white noise) cost more as residuals than as they are.
        if (bw.bitsSince(mark.cursor()) - mark.pendingBits() > 3 + std::uint64_t{m} * valueBits) {
            bw = mark;
            rice = saved;
            bw.put(kTypeVerbatim, 3);
            bw.flush();
            BitWriter w = bw;
            const std::uint64_t mask = lowMask(valueBits);
            for (std::size_t i = begin; i < end; ++i) {
                w.put(yu[i] & mask, valueBits);
                w.flush();
            }
            bw = w;
        }
    }
    const auto payloadBytes = static_cast<std::size_t>(bw.finish() - buf.data());
    out.insert(out.end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(payloadBytes));
}

// ----------------------------------------------------------------------------------------------- decoder

// `padded` is the payload followed by 8 zero bytes.
VWC_CLONES bool decodeBody(std::span<const std::uint8_t> padded, const ChunkInfo &info,
                           std::vector<std::int32_t> &out, const char *&failure)
{
    const std::size_t n = info.sampleCount;
    const std::size_t payloadSize = padded.size() - 8;
    BitReader rd(padded.data(), payloadSize);
    const unsigned width = static_cast<unsigned>(rd.get(5)) + 1;
    const unsigned bsLog2 = static_cast<unsigned>(rd.get(3)) + 4;
    const bool remapped = rd.get(1) != 0;
    const std::size_t blockSize = std::size_t{1} << bsLog2;
    const std::size_t blocks = (n - 1 + blockSize - 1) >> bsLog2;
    // Every block costs at least its 3-bit type, which bounds what a forged sample count can allocate.
    if (blocks * 3 > rd.bitSize()) {
        failure = "sample count inconsistent with the payload size";
        return false;
    }

    const std::int64_t minValue = -(std::int64_t{1} << (width - 1));
    const std::int64_t maxValue = (std::int64_t{1} << (width - 1)) - 1;
    std::vector<std::int32_t> table;
    unsigned valueBits = width;
    if (remapped) {
        const std::size_t distinct = static_cast<std::size_t>(rd.get(16)) + 1;
        if (distinct < 2 || distinct > n) {
            failure = "invalid value table size";
            return false;
        }
        table.resize(distinct);
        std::int64_t v = signExtend(rd.getWide(width), width);
        table[0] = static_cast<std::int32_t>(v);
        RiceState tableRice;
        for (std::size_t j = 1; j < distinct; ++j) {
            v += std::int64_t{getResidual(rd, tableRice)} + 1;
            if (v > maxValue) {
                failure = "value table exceeds the sample width";
                return false;
            }
            table[j] = static_cast<std::int32_t>(v);
        }
        if (rd.overrun()) {
            failure = "chunk truncated in the value table";
            return false;
        }
        valueBits = static_cast<unsigned>(std::bit_width(static_cast<std::uint32_t>(distinct - 1)));
    }

    LpcParams lpc;
    const bool useLpc = rd.get(1) != 0;
    if (useLpc) {
        lpc.order = static_cast<int>(rd.get(4)) + 1;
        lpc.precision = static_cast<int>(rd.get(4)) + 1;
        lpc.shift = static_cast<int>(rd.get(5));
        for (int j = 0; j < lpc.order; ++j)
            lpc.coef[j] = signExtend(rd.get(static_cast<unsigned>(lpc.precision)),
                                     static_cast<unsigned>(lpc.precision));
    }

    out.resize(n);
    auto *y = reinterpret_cast<std::uint32_t *>(out.data());
    y[0] = static_cast<std::uint32_t>(rd.getWide(valueBits));
    if (!remapped)
        y[0] = static_cast<std::uint32_t>(signExtend(y[0], width));
    if (rd.overrun()) {
        failure = "chunk truncated";
        return false;
    }

    RiceState rice;
    for (std::size_t b = 0; b < blocks; ++b) {
        const std::size_t begin = 1 + b * blockSize, end = std::min(n, begin + blockSize);
        const auto type = static_cast<unsigned>(rd.get(3));
        switch (type) {
        case 0:
            decodeFixed<0>(rd, rice, y, begin, end);
            break;
        case 1:
            decodeFixed<1>(rd, rice, y, begin, end);
            break;
        case 2:
            decodeFixed<2>(rd, rice, y, begin, end);
            break;
        case 3:
            decodeFixed<3>(rd, rice, y, begin, end);
            break;
        case 4:
            decodeFixed<4>(rd, rice, y, begin, end);
            break;
        case kTypeLpc:
            if (!useLpc) {
                failure = "LPC block in a chunk without LPC coefficients";
                return false;
            }
            decodeLpc(rd, rice, y, begin, end, lpc);
            break;
        case kTypeConstant:
            std::fill(y + begin, y + end, y[begin - 1]);
            break;
        default: {
            BitReader r = rd;
            for (std::size_t i = begin; i < end; ++i) {
                const auto raw = static_cast<std::uint32_t>(r.get(valueBits));
                y[i] = remapped ? raw : static_cast<std::uint32_t>(signExtend(raw, width));
            }
            rd = r;
            break;
        }
        }
        if (rd.overrun()) {
            failure = "chunk truncated";
            return false;
        }
    }

    const std::uint64_t used = rd.bitPosition();
    if ((used + 7) / 8 != payloadSize) {
        failure = "trailing bytes after the payload";
        return false;
    }
    if (used % 8 && rd.get(static_cast<unsigned>(8 - used % 8)) != 0) {
        failure = "non-zero padding bits";
        return false;
    }

    if (remapped) {
        const std::size_t distinct = table.size();
        std::uint32_t worst = 0;
        for (std::size_t i = 0; i < n; ++i)
            worst = std::max(worst, y[i]);
        if (worst >= distinct) {
            failure = "value index out of range";
            return false;
        }
        for (std::size_t i = 0; i < n; ++i)
            out[i] = table[y[i]];
    } else {
        std::int32_t lo = out[0], hi = out[0];
        for (std::size_t i = 1; i < n; ++i) {
            lo = std::min(lo, out[i]);
            hi = std::max(hi, out[i]);
        }
        if (lo < minValue || hi > maxValue) {
            failure = "decoded sample outside the declared width";
            return false;
        }
    }
    if (sampleCrc(out.data(), n, width <= 16) != info.checksum) {
        failure = "checksum mismatch";
        return false;
    }
    return true;
}

} // namespace

// ============================================================================================ public API

std::uint32_t crc32c(std::span<const std::uint8_t> bytes, std::uint32_t crc)
{
    return ~crcTable(~crc, bytes.data(), bytes.size());
}

bool inspect(std::span<const std::uint8_t> chunk, ChunkInfo &info, std::string *error)
{
    return parseHeader(chunk, info, error);
}

std::vector<std::uint8_t> encode(std::span<const std::int32_t> samples, const EncodeOptions &options)
{
    const std::size_t n = samples.size();
    if (n > kMaxChunkSamples)
        throw std::length_error("vigil::codec::encode: more samples than kMaxChunkSamples");

    std::vector<std::uint8_t> out;
    out.reserve(n > 0 ? 16 + n : 8);
    out.push_back(kMagic);
    out.push_back(kFormatVersion);
    putLeb128(out, static_cast<std::uint32_t>(n));
    if (n == 0) {
        out.insert(out.end(), 4, 0); // CRC-32C of no samples
        return out;
    }
    // Huge one-off chunks get their own memory rather than pinning it to the thread.
    constexpr std::size_t kScratchKeepLimit = std::size_t{1} << 20;
    if (n > kScratchKeepLimit) {
        EncoderScratch local;
        encodeBody(samples.data(), n, options, out, local);
    } else {
        thread_local EncoderScratch scratch;
        encodeBody(samples.data(), n, options, out, scratch);
    }
    return out;
}

bool decode(std::span<const std::uint8_t> chunk, std::vector<std::int32_t> &out, std::string *error)
{
    out.clear();
    ChunkInfo info;
    if (!parseHeader(chunk, info, error))
        return false;
    const std::span<const std::uint8_t> payload = chunk.subspan(info.headerBytes);
    const char *failure = nullptr;
    if (info.sampleCount == 0) {
        if (!payload.empty())
            failure = "trailing bytes after an empty chunk";
        else if (info.checksum != 0)
            failure = "checksum mismatch";
    } else {
        // A zero-padded copy lets the reader load whole words at any position without a bounds check.
        thread_local std::vector<std::uint8_t> padded;
        padded.assign(payload.size() + 8, 0);
        std::copy(payload.begin(), payload.end(), padded.begin());
        if (!decodeBody(padded, info, out, failure))
            out.clear();
    }
    if (failure) {
        out.clear();
        if (error)
            *error = failure;
        return false;
    }
    return true;
}

} // namespace vigil::codec
