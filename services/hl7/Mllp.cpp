#include "Mllp.h"

#include "Hl7Scan.h"

namespace vigil::hl7 {

MllpFramer::MllpFramer(std::size_t maxFrameBytes) : m_max(maxFrameBytes) {}

void MllpFramer::reset()
{
    m_buf.clear();
    m_pos = m_frameStart = m_scan = 0;
    m_state = State::Hunting;
    m_skipTrailer = false;
    m_issue = MllpIssue::None;
}

MllpIssue MllpFramer::takeIssue()
{
    const MllpIssue i = m_issue;
    m_issue = MllpIssue::None;
    return i;
}

void MllpFramer::feed(std::string_view bytes)
{
    if (m_pos > 0) {
        m_buf.erase(0, m_pos);
        m_frameStart = m_frameStart >= m_pos ? m_frameStart - m_pos : 0;
        m_scan = m_scan >= m_pos ? m_scan - m_pos : 0;
        m_pos = 0;
    }
    // While discarding an oversized frame nothing before the next marker is needed: scan the new bytes
    // without keeping the old ones, so the buffer stays bounded.
    m_buf.append(bytes);
}

std::optional<std::string_view> MllpFramer::next()
{
    const char *p = m_buf.data();
    const std::size_t end = m_buf.size();
    for (;;) {
        switch (m_state) {
        case State::Hunting: {
            const std::size_t i = m_pos + detail::findByte(p + m_pos, end - m_pos, kMllpStart);
            // A lone CR right after a frame is the tail of a 0x1C 0x0D whose 0x1C we already consumed,
            // not noise worth reporting.
            std::size_t garbage = i - m_pos;
            if (garbage && m_skipTrailer && p[m_pos] == kMllpTrailer)
                --garbage;
            if (m_pos < end)
                m_skipTrailer = false;
            m_stats.garbageBytes += garbage;
            if (i == end) {
                m_pos = end;
                return std::nullopt;
            }
            m_pos = m_frameStart = m_scan = i + 1;
            m_state = State::InFrame;
            break;
        }
        case State::InFrame: {
            const std::size_t j = m_scan + detail::findEither(p + m_scan, end - m_scan, kMllpEnd, kMllpStart);
            // The cap applies before any marker is looked at: an oversized frame is dropped whether it
            // ends properly, is cut short by a new start byte, or has not ended yet.
            const bool oversized = j - m_frameStart > m_max;
            if (oversized) {
                ++m_stats.oversizedFrames;
                m_issue = MllpIssue::Oversized;
                m_state = State::Discarding;
                m_pos = m_scan = j;
                break;
            }
            if (j == end || (p[j] == kMllpEnd && j + 1 == end)) {
                // Not complete yet; keep the end marker (if any) to look at its successor next time.
                m_scan = j;
                return std::nullopt;
            }
            if (p[j] == kMllpStart) {
                // The sender began a new frame without finishing this one.
                ++m_stats.abandonedFrames;
                m_issue = MllpIssue::Abandoned;
                m_pos = m_frameStart = m_scan = j + 1;
                break;
            }
            const std::size_t start = m_frameStart;
            const bool trailer = p[j + 1] == kMllpTrailer;
            m_pos = trailer ? j + 2 : j + 1;
            m_state = State::Hunting;
            if (!trailer)
                ++m_stats.missingTrailer;
            ++m_stats.frames;
            return std::string_view(p + start, j - start);
        }
        case State::Discarding: {
            const std::size_t j = m_pos + detail::findEither(p + m_pos, end - m_pos, kMllpEnd, kMllpStart);
            if (j == end) {
                m_pos = end;
                return std::nullopt;
            }
            if (p[j] == kMllpStart) {
                m_pos = m_frameStart = m_scan = j + 1;
                m_state = State::InFrame;
                break;
            }
            m_pos = j + 1;
            m_skipTrailer = true;
            m_state = State::Hunting;
            break;
        }
        }
    }
}

std::string MllpFramer::frame(std::string_view message)
{
    std::string out;
    appendFrame(out, message);
    return out;
}

void MllpFramer::appendFrame(std::string &out, std::string_view message)
{
    out.reserve(out.size() + message.size() + 3);
    out += kMllpStart;
    out += message;
    out += kMllpEnd;
    out += kMllpTrailer;
}

} // namespace vigil::hl7
