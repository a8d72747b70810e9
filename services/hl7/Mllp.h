// MLLP framing (Qt-free): 0x0B <message> 0x1C 0x0D over a byte stream.
//
// MLLP has no length and no checksum, so the framer caps the frame size and resynchronises on the next
// start byte after anything unexpected. It never stalls on garbage and its memory is bounded by the cap
// plus the largest single feed().
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigil::hl7 {

inline constexpr char kMllpStart = 0x0B;
inline constexpr char kMllpEnd = 0x1C;
inline constexpr char kMllpTrailer = 0x0D;

struct MllpStats
{
    std::uint64_t frames = 0;          // complete frames handed out
    std::uint64_t garbageBytes = 0;    // bytes outside any frame (skipped while hunting for 0x0B)
    std::uint64_t oversizedFrames = 0; // frames dropped for exceeding the cap
    std::uint64_t abandonedFrames = 0; // frames cut short by a new 0x0B (sender restarted mid-frame)
    std::uint64_t missingTrailer = 0;  // 0x1C not followed by 0x0D; the frame is still delivered
};

enum class MllpIssue : std::uint8_t { None, Oversized, Abandoned };

class MllpFramer
{
public:
    explicit MllpFramer(std::size_t maxFrameBytes = 4u << 20);

    void feed(std::string_view bytes);
    // The next complete frame (without 0x0B / 0x1C 0x0D), or nullopt when more bytes are needed. The
    // view stays valid until the next feed() or reset().
    std::optional<std::string_view> next();

    // The most recent dropped frame since the last call (then cleared): lets the caller log or count a
    // negative event right where it happened.
    MllpIssue takeIssue();
    const MllpStats &stats() const { return m_stats; }
    std::size_t maxFrameBytes() const { return m_max; }
    std::size_t buffered() const { return m_buf.size() - m_pos; }
    void reset();

    // 0x0B + message + 0x1C 0x0D.
    static std::string frame(std::string_view message);
    static void appendFrame(std::string &out, std::string_view message);

private:
    enum class State : std::uint8_t { Hunting, InFrame, Discarding };

    std::string m_buf;
    std::size_t m_pos = 0;        // first unconsumed byte
    std::size_t m_frameStart = 0; // first payload byte of the frame being collected
    std::size_t m_scan = 0;       // where the search for the end marker resumes
    std::size_t m_max;
    State m_state = State::Hunting;
    bool m_skipTrailer = false; // the 0x0D after a consumed 0x1C may still arrive
    MllpIssue m_issue = MllpIssue::None;
    MllpStats m_stats;
};

} // namespace vigil::hl7
