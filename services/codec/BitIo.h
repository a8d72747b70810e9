// Internal: LSB-first bit packing for the wave codec. Not installed, not part of the API.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <vector>

namespace vigil::codec::detail {

inline std::uint64_t loadLe64(const std::uint8_t *p)
{
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    if constexpr (std::endian::native == std::endian::big)
        v = __builtin_bswap64(v);
    return v;
}

inline void storeLe64(std::uint8_t *p, std::uint64_t v)
{
    if constexpr (std::endian::native == std::endian::big)
        v = __builtin_bswap64(v);
    std::memcpy(p, &v, 8);
}

// Writes through a raw cursor into a buffer with at least 8 spare bytes past the last payload byte, so a
// flush can always store a whole 64-bit word without a bounds check. Hot loops work on a local copy: the
// byte stores could alias members of an object that lives in memory, which would keep the accumulator out
// of registers.
class BitWriter
{
public:
    explicit BitWriter(std::uint8_t *cursor) : m_p(cursor) {}

    // n <= 56 - pending bits; callers flush after every code, which leaves at most 7 pending.
    void put(std::uint64_t value, unsigned n)
    {
        m_acc |= value << m_count;
        m_count += n;
    }
    // Requires fewer than 64 pending bits, which put()'s contract guarantees.
    void flush()
    {
        storeLe64(m_p, m_acc);
        m_p += m_count >> 3;
        m_acc >>= m_count & ~7u;
        m_count &= 7;
    }
    // For fields wider than 32 bits or written rarely.
    void putWide(std::uint64_t value, unsigned n)
    {
        while (n > 32) {
            put(value & 0xffffffffu, 32);
            flush();
            value >>= 32;
            n -= 32;
        }
        put(n == 0 ? 0 : value & (~std::uint64_t{0} >> (64 - n)), n);
        flush();
    }

    std::uint8_t *cursor() const { return m_p; }
    void rebase(std::uint8_t *cursor) { m_p = cursor; }
    unsigned pendingBits() const { return m_count; }
    // Bits written since `origin` (a cursor of the same buffer).
    std::uint64_t bitsSince(const std::uint8_t *origin) const
    {
        return static_cast<std::uint64_t>(m_p - origin) * 8 + m_count;
    }

    // Pads with zero bits to a byte boundary; returns the cursor past the last byte.
    std::uint8_t *finish()
    {
        flush();
        if (m_count) {
            storeLe64(m_p, m_acc);
            ++m_p;
            m_acc = 0;
            m_count = 0;
        }
        return m_p;
    }

private:
    std::uint8_t *m_p;
    std::uint64_t m_acc = 0;
    unsigned m_count = 0;
};

// LSB-first reader over a buffer that stays readable for 8 zero bytes past the payload (the decoder reads
// from a padded copy). It keeps 56-63 bits in a register and refills branch-free from a load whose address
// was fixed one code earlier, so memory latency stays off the decoding chain. Past the end it yields zero
// bits without reading further (the load address is clamped) and overrun() reports it, so decode loops need
// no per-code bounds check and still terminate on truncated input.
class BitReader
{
public:
    // `padded` holds `size` payload bytes followed by at least 8 zero bytes.
    BitReader(const std::uint8_t *padded, std::size_t size) : m_base(padded), m_size(size) {}

    void refill()
    {
        m_buf |= loadLe64(m_base + std::min(m_pos, m_size)) << m_avail;
        m_pos += (63 - m_avail) >> 3;
        m_avail |= 56;
    }
    // At least 56 meaningful bits, starting at the current position.
    std::uint64_t peek()
    {
        refill();
        return m_buf;
    }
    void skip(unsigned n) // n <= bits made available by the last peek()
    {
        m_buf >>= n;
        m_avail -= n;
    }
    std::uint64_t get(unsigned n) // n <= 56
    {
        const std::uint64_t v = peek() & ((std::uint64_t{1} << n) - 1);
        skip(n);
        return v;
    }
    std::uint64_t getWide(unsigned n)
    {
        std::uint64_t v = 0;
        unsigned shift = 0;
        while (n > 32) {
            v |= get(32) << shift;
            shift += 32;
            n -= 32;
        }
        return v | (get(n) << shift);
    }

    std::uint64_t bitPosition() const { return std::uint64_t{m_pos} * 8 - m_avail; }
    std::uint64_t bitSize() const { return std::uint64_t{m_size} * 8; }
    bool overrun() const { return bitPosition() > bitSize(); }

private:
    const std::uint8_t *m_base;
    std::size_t m_size;
    std::size_t m_pos = 0; // next byte to load; may run past m_size on corrupt input, loads never do
    std::uint64_t m_buf = 0;
    unsigned m_avail = 0;
};

} // namespace vigil::codec::detail
