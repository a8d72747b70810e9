// Zero-copy HL7 v2 message view (Qt-free, so libFuzzer builds it with clang alone).
//
// Message::parse() makes one pass over the frame that validates the bytes and records where each
// segment starts and ends. Fields, repetitions, components and subcomponents are located on demand as
// std::string_view slices of the caller's buffer, which must outlive the Message. Nothing is unescaped
// unless the caller asks (unescape() in Hl7Text.h).
//
// Numbering follows HL7 notation: segment indexes are 0-based (position in the message), field,
// repetition, component and subcomponent numbers are 1-based, and MSH-1 is the field separator itself,
// MSH-2 the encoding characters.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::hl7 {

// The encoding characters of one message (MSH-1, MSH-2). A '\0' marks a character the sender did not
// declare: it then never separates anything and is never escaped.
struct Delimiters
{
    char field = '|';
    char component = '^';
    char repetition = '~';
    char escape = '\\';
    char subcomponent = '&';
};

enum class ErrorCode : std::uint8_t {
    None,
    Empty,           // no bytes, or only blank lines
    NoMsh,           // the first segment is not MSH
    BadEncoding,     // MSH-1/MSH-2 unusable (missing, duplicated, alphanumeric...)
    Truncated,       // MSH too short to carry its header fields
    BadSegmentId,    // a segment does not start with three upper-case letters or digits
    BinaryData,      // a control byte other than CR, LF or TAB
    SegmentTooLong,  // a segment (so one of its fields) exceeds Limits::maxSegmentBytes
    TooManySegments, // more than Limits::maxSegments
    MessageTooLarge, // frame larger than Limits::maxMessageBytes
    BadEscape,       // unescape(): malformed or unknown escape sequence under UnknownEscape::Reject
    BufferTooSmall,  // unescape(): output buffer smaller than the input
};

const char *errorName(ErrorCode code);

struct Error
{
    ErrorCode code = ErrorCode::None;
    int segment = -1;       // 0-based index of the offending segment, -1 when not applicable
    int field = -1;         // HL7 field number, -1 when not applicable
    std::size_t offset = 0; // byte offset in the frame (or in the unescaped text)
    char segmentId[4] = {}; // id of the offending segment, if it had one
    std::string detail;     // what exactly was wrong, for logs and ERR-8

    bool ok() const { return code == ErrorCode::None; }
    // One line for logs: "SegmentTooLong at segment 4 (OBX) field 5, byte 123: ...".
    std::string message() const;
};

struct Limits
{
    std::size_t maxMessageBytes = 16u << 20; // also bounded by the MLLP framer upstream
    std::size_t maxSegmentBytes = 4u << 20;  // a 12-lead, 10 s, 1 kHz NA field is about 0.5 MB
    std::size_t maxSegments = 100000;
};

class Field
{
public:
    Field() = default;
    Field(std::string_view raw, const Delimiters *d, bool literal = false)
        : m_raw(raw), m_d(d), m_literal(literal)
    {}

    std::string_view raw() const { return m_raw; }
    bool empty() const { return m_raw.empty(); }
    // HL7 "" means "delete this value" rather than "not sent"; both carry no value for us.
    bool isNull() const { return m_raw == "\"\""; }

    int repetitionCount() const;
    Field repetition(int r) const; // 1-based; an empty Field when absent
    // Component c (1-based) of the first repetition; the whole first repetition for c == 1 when it has
    // no component separator. Empty when absent.
    std::string_view component(int c) const;
    std::string_view subcomponent(int c, int s) const;
    int componentCount() const;
    // Calls f(index, value) for each component of the first repetition (index 1-based).
    template <typename F> void forEachComponent(F &&f) const;
    // Calls f(index, Field) for each repetition (index 1-based), in one pass.
    template <typename F> void forEachRepetition(F &&f) const;

private:
    std::string_view firstRepetition() const;

    std::string_view m_raw;
    const Delimiters *m_d = nullptr;
    bool m_literal = false; // MSH-1 and MSH-2 are never split
};

class Segment
{
public:
    Segment() = default;
    Segment(std::string_view raw, const Delimiters *d) : m_raw(raw), m_d(d) {}

    bool valid() const { return m_d != nullptr; }
    std::string_view raw() const { return m_raw; }
    std::string_view id() const { return m_raw.substr(0, 3); }
    bool is(std::string_view id3) const { return m_raw.size() >= 3 && id() == id3; }
    bool isMsh() const { return is("MSH"); }

    // HL7 field n (MSH-1 = separator, MSH-2 = encoding characters). Scans the segment up to field n:
    // for repeated access to many fields of one segment, use FieldIndex.
    Field field(int n) const;
    // Highest field number present.
    int fieldCount() const;
    const Delimiters *delimiters() const { return m_d; }

private:
    std::string_view m_raw;
    const Delimiters *m_d = nullptr;
};

// All fields of one segment, split once. Reuse one instance across segments: after warm-up it does not
// allocate.
class FieldIndex
{
public:
    void reset(const Segment &s);
    int count() const;
    Field operator[](int n) const;
    const Segment &segment() const { return m_seg; }

private:
    Segment m_seg;
    const Delimiters *m_d = nullptr;
    bool m_isMsh = false;
    // Offset of every field separator, then a sentinel at the segment's end.
    std::vector<std::uint32_t> m_seps;
};

// One leaf value of a segment and where it sits. Offsets are into Segment::raw().
struct Token
{
    std::uint32_t begin;
    std::uint32_t end;
    std::uint16_t field; // HL7 numbers, 1-based
    std::uint16_t repetition;
    std::uint16_t component;
    std::uint16_t subcomponent;
};

// Every leaf (subcomponent, or component, or field) of one segment with its coordinates, found in one
// SIMD pass: the flat equivalent of the tree a DOM-style HL7 parser builds. Empty leaves are included.
// Reuse one instance: after warm-up it does not allocate.
class SegmentTokens
{
public:
    void reset(const Segment &s);
    std::span<const Token> tokens() const { return {m_tokens.get(), m_size}; }
    std::string_view text(const Token &t) const { return m_raw.substr(t.begin, t.end - t.begin); }

private:
    std::string_view m_raw;
    // Raw storage, not a vector: a segment of n bytes has at most n leaves, so the buffer is sized once
    // per reset and written without a capacity check (or zero-filling) per leaf.
    std::unique_ptr<Token[]> m_tokens;
    std::size_t m_size = 0;
    std::size_t m_capacity = 0;
};

class Message
{
public:
    // Parses (indexes) frame; the view must stay alive while the Message is used. On error, the
    // segments before the faulty one (and the delimiters, if MSH was usable) stay available, so a
    // negative ACK can still quote MSH-10. Reusing one Message keeps its capacity.
    Error parse(std::string_view frame, const Limits &limits = {});

    std::string_view raw() const { return m_raw; }
    const Delimiters &delimiters() const { return m_d; }
    bool hasHeader() const { return m_hasHeader; }

    int segmentCount() const { return static_cast<int>(m_segments.size()); }
    Segment segment(int i) const;
    // First segment with id at index >= from; an invalid Segment when there is none.
    Segment find(std::string_view id, int from = 0, int *index = nullptr) const;
    Field header(int n) const { return m_hasHeader ? segment(0).field(n) : Field(); }

private:
    struct Span
    {
        std::uint32_t offset;
        std::uint32_t length;
    };
    Error parseHeader(std::string_view msh);

    std::string_view m_raw;
    Delimiters m_d;
    bool m_hasHeader = false;
    std::vector<Span> m_segments;
};

// --- inline template ---------------------------------------------------------------------------------

template <typename F> void Field::forEachComponent(F &&f) const
{
    const std::string_view rep = firstRepetition();
    if (m_literal || !m_d || !m_d->component) {
        f(1, rep);
        return;
    }
    std::size_t start = 0;
    int c = 1;
    for (;;) {
        const std::size_t end = rep.find(m_d->component, start);
        if (end == std::string_view::npos) {
            f(c, rep.substr(start));
            return;
        }
        f(c++, rep.substr(start, end - start));
        start = end + 1;
    }
}

template <typename F> void Field::forEachRepetition(F &&f) const
{
    if (m_literal || !m_d || !m_d->repetition) {
        if (!m_raw.empty())
            f(1, *this);
        return;
    }
    if (m_raw.empty())
        return;
    std::size_t start = 0;
    int r = 1;
    for (;;) {
        const std::size_t end = m_raw.find(m_d->repetition, start);
        if (end == std::string_view::npos) {
            f(r, Field(m_raw.substr(start), m_d));
            return;
        }
        f(r++, Field(m_raw.substr(start, end - start), m_d));
        start = end + 1;
    }
}

} // namespace vigil::hl7
