// HL7 text values: escape sequences, numbers and DTM timestamps (Qt-free).
#pragma once

#include "Hl7Message.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigil::hl7 {

// What unescape() does with an escape it does not translate (\H\, \N\, \.br\, \Zxx\, charset escapes)
// and with a lone escape character that is never closed.
enum class UnknownEscape : std::uint8_t {
    Keep,   // copy the sequence verbatim: display text stays readable, nothing is lost
    Reject, // return ErrorCode::BadEscape with the offset of the sequence
};

struct UnescapeResult
{
    std::size_t size = 0; // bytes written to out
    Error error;          // BadEscape or BufferTooSmall; offset is into the input text
};

inline bool needsUnescape(std::string_view text, const Delimiters &d)
{
    return d.escape && text.find(d.escape) != std::string_view::npos;
}

// Translates \F\ \S\ \T\ \R\ \E\ and \Xhh..\ into out. Every escape is at least as long as what it
// stands for, so capacity >= text.size() always suffices (anything smaller is BufferTooSmall).
UnescapeResult unescape(std::string_view text, const Delimiters &d, char *out, std::size_t capacity,
                        UnknownEscape policy = UnknownEscape::Keep);
// Convenience for cold paths: returns the text unchanged when it holds no escape.
std::string unescaped(std::string_view text, const Delimiters &d, UnknownEscape policy = UnknownEscape::Keep);

// Appends text with every delimiter escaped, and CR/LF as \X0D\ / \X0A\ so a value never ends a
// segment.
void appendEscaped(std::string &out, std::string_view text, const Delimiters &d = {});

// Numbers as HL7 NM: optional sign, digits, optional decimal part; surrounding spaces are tolerated.
std::optional<double> parseNumber(std::string_view text);
// Shortest text that reads back as the same double ("117", "36.6", "-0.53714565").
void appendNumber(std::string &out, double value);

// HL7 DTM: YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]. A value without an offset is in the
// sender's zone: pass the offset of MSH-7 (or the configured default) as defaultOffsetMinutes.
struct Timestamp
{
    std::int64_t utcUs = 0; // µs since the Unix epoch, UTC
    int offsetMinutes = 0;  // the offset written in (or assumed for) the value
    bool hadOffset = false;
};
std::optional<Timestamp> parseDtm(std::string_view text, int defaultOffsetMinutes = 0);
// Formats with the given offset and 0-4 fractional second digits (HL7 allows at most 4).
std::string formatDtm(std::int64_t utcUs, int offsetMinutes = 0, int fractionDigits = 0);

} // namespace vigil::hl7
