// Byte scanning primitives for the HL7 parser and the MLLP framer (internal header, Qt-free).
//
// HL7 frames are mostly scanned for a handful of bytes (segment ends, separators, MLLP markers).
// SSE2 is part of the x86-64 baseline, so 16 bytes are tested per step without any runtime dispatch;
// other targets fall back to plain loops with the same results.
#pragma once

#include <cstddef>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace vigil::hl7::detail {

#if defined(__SSE2__)
inline unsigned lowBit(unsigned mask)
{
    return static_cast<unsigned>(__builtin_ctz(mask));
}
#endif

// Index of the first byte equal to a or b, or n.
inline std::size_t findEither(const char *p, std::size_t n, char a, char b)
{
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8(a);
    const __m128i vb = _mm_set1_epi8(b);
    for (; i + 16 <= n; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
        const unsigned m = static_cast<unsigned>(
            _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb))));
        if (m)
            return i + lowBit(m);
    }
#endif
    for (; i < n; ++i) {
        if (p[i] == a || p[i] == b)
            return i;
    }
    return n;
}

// Index of the first C0 control byte (0x00-0x1F), or n. Segment ends are control bytes, and so is
// everything that marks binary noise, so one scan finds both.
inline std::size_t findControl(const char *p, std::size_t n)
{
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128i limit = _mm_set1_epi8(0x1F);
    // max(v, 0x1F) == 0x1F exactly when v <= 0x1F, unsigned.
    const auto ctrl = [&](std::size_t at) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + at));
        return _mm_cmpeq_epi8(_mm_max_epu8(v, limit), limit);
    };
    // Segments run to a hundred bytes and more: test 64 bytes per branch, then locate the hit.
    for (; i + 64 <= n; i += 64) {
        const __m128i a = ctrl(i), b = ctrl(i + 16), c = ctrl(i + 32), d = ctrl(i + 48);
        if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d)))) {
            const unsigned long long m =
                static_cast<unsigned>(_mm_movemask_epi8(a)) |
                static_cast<unsigned long long>(static_cast<unsigned>(_mm_movemask_epi8(b))) << 16 |
                static_cast<unsigned long long>(static_cast<unsigned>(_mm_movemask_epi8(c))) << 32 |
                static_cast<unsigned long long>(static_cast<unsigned>(_mm_movemask_epi8(d))) << 48;
            return i + static_cast<std::size_t>(__builtin_ctzll(m));
        }
    }
    for (; i + 16 <= n; i += 16) {
        const unsigned m = static_cast<unsigned>(_mm_movemask_epi8(ctrl(i)));
        if (m)
            return i + lowBit(m);
    }
#endif
    for (; i < n; ++i) {
        if (static_cast<unsigned char>(p[i]) <= 0x1F)
            return i;
    }
    return n;
}

// Index of the first byte equal to c, or n.
inline std::size_t findByte(const char *p, std::size_t n, char c)
{
    const void *hit = n ? std::memchr(p, c, n) : nullptr;
    return hit ? static_cast<std::size_t>(static_cast<const char *>(hit) - p) : n;
}

// Calls f(index) for every byte equal to c, in order; stops early when f returns false.
template <typename F> inline void forEachByte(const char *p, std::size_t n, char c, F &&f)
{
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128i vc = _mm_set1_epi8(c);
    for (; i + 16 <= n; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
        unsigned m = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, vc)));
        while (m) {
            if (!f(i + lowBit(m)))
                return;
            m &= m - 1;
        }
    }
#endif
    for (; i < n; ++i) {
        if (p[i] == c && !f(i))
            return;
    }
}

} // namespace vigil::hl7::detail
