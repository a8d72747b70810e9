// Writing HL7 v2 messages (Qt-free): a segment/field builder that escapes text.
#pragma once

#include "Hl7Message.h"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace vigil::hl7 {

// Builds one message segment by segment into a std::string. Fields are set in increasing order;
// skipped fields are left empty. Text is escaped; use the *Raw variants only for values already
// encoded with this builder's delimiters.
//
//   MessageBuilder b;
//   b.segment("OBX").set(1, "4").set(2, "NM").set(3, {"150021", "MDC_PRESS_BLD_NONINV_SYS", "MDC"});
//   std::string msg = b.finish();
class MessageBuilder
{
public:
    explicit MessageBuilder(Delimiters d = {});

    // Starts a segment; "MSH" also writes MSH-1 and MSH-2, so the next settable field is MSH-3.
    MessageBuilder &segment(std::string_view id);
    MessageBuilder &set(int n, std::string_view text);
    MessageBuilder &set(int n, std::initializer_list<std::string_view> components);
    MessageBuilder &setRaw(int n, std::string_view encoded);
    MessageBuilder &setNumber(int n, double value);
    // Samples of an NA value, joined by the component separator.
    MessageBuilder &setNumbers(int n, std::span<const float> values);
    MessageBuilder &setIntegers(int n, std::span<const std::int32_t> values);
    // Ends the last segment with CR and returns the message; the builder is empty afterwards.
    std::string finish();

    const Delimiters &delimiters() const { return m_d; }
    std::string &buffer() { return m_out; }

private:
    void moveTo(int n);

    Delimiters m_d;
    std::string m_out;
    int m_field = 0;     // number of the last field written in the current segment
    bool m_open = false; // a segment is being written
};

} // namespace vigil::hl7
