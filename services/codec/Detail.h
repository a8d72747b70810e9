// Internal: pieces shared between the wave codec's translation units. Not part of the API.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>

// The hot encoder and decoder functions are compiled twice, for baseline x86-64 and for x86-64-v3 (AVX2,
// BMI2, LZCNT, FMA), and picked at load time: the Rice coder is shift-heavy and the analysis loops vectorise
// twice as wide, while the station must still run on any x86-64. Everything they call is force-inlined so
// it is compiled for the same target. Not under ThreadSanitizer: the load-time resolver (an ifunc) runs
// during relocation, instrumented, before the TSan runtime exists, and the program dies before main().
#if defined(__x86_64__) && defined(__GNUC__) && !defined(VIGIL_WAVECODEC_NO_CLONES) &&                       \
    !defined(__SANITIZE_THREAD__)
#define VWC_CLONES __attribute__((target_clones("arch=x86-64-v3", "default")))
#define VWC_HAVE_CRC32C_INSN 1
#else
#define VWC_CLONES
#define VWC_HAVE_CRC32C_INSN 0
#endif
#define VWC_INLINE [[gnu::always_inline]] inline

namespace vigil::codec::detail {

inline constexpr int kMaxLpcOrder = 16;

// Prediction on first differences d[i] = y[i] - y[i-1]:
//   yhat[i] = y[i-1] + (int32)((sum_{j=1..order} coef[j-1] * d[i-j]) >> shift)   for i > order
//   yhat[i] = y[i-1]                                                               for 1 <= i <= order
// All sample arithmetic wraps modulo 2^32, the sum is exact in int64 (|coef| < 2^15, |d| < 2^32).
struct LpcParams
{
    int order = 0;     // 1..16
    int precision = 0; // coefficient width in bits, 2..16 (two's complement)
    int shift = 0;     // 0..31
    std::int32_t coef[kMaxLpcOrder] = {};
};

inline std::uint32_t zigzag(std::uint32_t e)
{
    return (e << 1) ^ static_cast<std::uint32_t>(static_cast<std::int32_t>(e) >> 31);
}
inline std::uint32_t unzigzag(std::uint32_t u)
{
    return (u >> 1) ^ (0u - (u & 1u));
}

// Quantised predictors for one chunk, one per coefficient precision the encoder tries.
struct LpcDesign
{
    static constexpr int kCandidates = 2;
    LpcParams candidate[kCandidates];
    int count = 0;
    // Gaussian estimate of the bits the best candidate saves over the best fixed predictor, coefficients
    // included; the encoder only pays for LPC residuals when it is clearly positive.
    double estimatedSaving = 0;
};

// Autocorrelation and Levinson-Durbin on the first differences of y[0..n). False when no order is
// expected to pay for its coefficients.
bool designLpc(const std::int32_t *y, std::size_t n, int maxOrder, LpcDesign &out);

// Zigzagged LPC residuals of samples 1..n-1 of y into u[1..n) (reads y[0..n) only). Every y fits
// valueBits-bit two's complement or, for table indices, valueBits-bit unsigned.
void lpcResiduals(const std::int32_t *y, std::size_t n, const LpcParams &p, unsigned valueBits,
                  std::uint32_t *u);

} // namespace vigil::codec::detail
