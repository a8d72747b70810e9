// Lock-free single-writer ring of waveform samples.
//
// The writer (a gateway or simulator thread) appends samples; readers (the scene graph's
// updatePaintNode(), the state-file writer) copy out the most recent samples without locking and
// without ever blocking the writer. NaN is a sample meaning "no data" (a gap, lead off): the view lifts
// the pen there instead of drawing a line across missing time.
//
// Correctness of concurrent reads: samples are relaxed atomics, the write counter is released after the
// samples are stored and acquired before they are read. A reader that asks for samples the writer has
// already overwritten (it fell more than a capacity behind) gets them trimmed away: copyLatest() re-reads
// the counter after copying and drops whatever may have been overwritten meanwhile.
#pragma once

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstdint>
#include <memory>
#include <span>

namespace vigil {

class SampleRing
{
public:
    explicit SampleRing(std::size_t minCapacity)
        : m_capacity(std::bit_ceil(std::max<std::size_t>(minCapacity, 16))), m_mask(m_capacity - 1),
          m_data(std::make_unique<std::atomic<float>[]>(m_capacity))
    {
        for (std::size_t i = 0; i < m_capacity; ++i)
            m_data[i].store(std::nanf(""), std::memory_order_relaxed);
    }

    SampleRing(const SampleRing &) = delete;
    SampleRing &operator=(const SampleRing &) = delete;

    std::size_t capacity() const { return m_capacity; }

    // Total number of samples ever written: the index one past the newest sample.
    std::uint64_t written() const { return m_written.load(std::memory_order_acquire); }

    // Writer side only (one thread at a time).
    void append(std::span<const float> samples)
    {
        std::uint64_t w = m_written.load(std::memory_order_relaxed);
        // Only the last capacity samples can survive; skip the rest without touching memory.
        if (samples.size() > m_capacity) {
            w += samples.size() - m_capacity;
            samples = samples.last(m_capacity);
        }
        for (float s : samples)
            m_data[(w++) & m_mask].store(s, std::memory_order_relaxed);
        m_written.store(w, std::memory_order_release);
    }

    void appendGap(std::size_t count)
    {
        std::uint64_t w = m_written.load(std::memory_order_relaxed);
        const std::size_t n = std::min(count, m_capacity);
        w += count - n;
        for (std::size_t i = 0; i < n; ++i)
            m_data[(w++) & m_mask].store(std::nanf(""), std::memory_order_relaxed);
        m_written.store(w, std::memory_order_release);
    }

    // Copies samples [first, first + out.size()) into out. Samples that are not (or no longer) in the
    // ring read as NaN. Returns the number of valid samples copied (those that were still in the ring).
    std::size_t copy(std::uint64_t first, std::span<float> out) const
    {
        const std::uint64_t end = written();
        const std::uint64_t lo = end > m_capacity ? end - m_capacity : 0;
        for (std::size_t i = 0; i < out.size(); ++i) {
            const std::uint64_t idx = first + i;
            out[i] = (idx >= lo && idx < end) ? m_data[idx & m_mask].load(std::memory_order_relaxed)
                                              : std::nanf("");
        }
        // Anything the writer may have overwritten while we copied is invalidated.
        const std::uint64_t after = m_written.load(std::memory_order_acquire);
        const std::uint64_t oldestSafe = std::max(lo, after > m_capacity ? after - m_capacity : 0);
        for (std::uint64_t idx = first; idx < oldestSafe && idx < first + out.size(); ++idx)
            out[idx - first] = std::nanf("");
        const std::uint64_t validLo = std::max(first, oldestSafe);
        const std::uint64_t validHi = std::min<std::uint64_t>(end, first + out.size());
        return validHi > validLo ? static_cast<std::size_t>(validHi - validLo) : 0;
    }

private:
    const std::size_t m_capacity;
    const std::size_t m_mask;
    std::unique_ptr<std::atomic<float>[]> m_data;
    alignas(64) std::atomic<std::uint64_t> m_written{0};
};

} // namespace vigil
