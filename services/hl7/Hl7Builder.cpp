#include "Hl7Builder.h"

#include "Hl7Text.h"

#include <charconv>

namespace vigil::hl7 {

MessageBuilder::MessageBuilder(Delimiters d) : m_d(d) {}

MessageBuilder &MessageBuilder::segment(std::string_view id)
{
    if (m_open)
        m_out += '\r';
    m_out += id;
    m_field = 0;
    m_open = true;
    if (id == "MSH") {
        m_out += m_d.field;
        for (char c : {m_d.component, m_d.repetition, m_d.escape, m_d.subcomponent}) {
            if (c)
                m_out += c;
        }
        m_field = 2;
    }
    return *this;
}

void MessageBuilder::moveTo(int n)
{
    // Fields are written in order; a repeated or lower number still starts a new field rather than
    // merging text into the previous one.
    if (n <= m_field)
        n = m_field + 1;
    m_out.append(static_cast<std::size_t>(n - m_field), m_d.field);
    m_field = n;
}

MessageBuilder &MessageBuilder::set(int n, std::string_view text)
{
    moveTo(n);
    appendEscaped(m_out, text, m_d);
    return *this;
}

MessageBuilder &MessageBuilder::set(int n, std::initializer_list<std::string_view> components)
{
    moveTo(n);
    bool first = true;
    for (std::string_view c : components) {
        if (!first)
            m_out += m_d.component;
        first = false;
        appendEscaped(m_out, c, m_d);
    }
    return *this;
}

MessageBuilder &MessageBuilder::setRaw(int n, std::string_view encoded)
{
    moveTo(n);
    m_out += encoded;
    return *this;
}

MessageBuilder &MessageBuilder::setNumber(int n, double value)
{
    moveTo(n);
    appendNumber(m_out, value);
    return *this;
}

namespace {
// Values joined by the component separator; to_chars gives for a float the shortest text that reads back
// as the same float.
template <typename T> void appendJoined(std::string &out, char separator, std::span<const T> values)
{
    char buf[32];
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i)
            out += separator;
        const auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, values[i]);
        if (ec == std::errc())
            out.append(buf, ptr);
    }
}
} // namespace

MessageBuilder &MessageBuilder::setNumbers(int n, std::span<const float> values)
{
    moveTo(n);
    appendJoined(m_out, m_d.component, values);
    return *this;
}

MessageBuilder &MessageBuilder::setIntegers(int n, std::span<const std::int32_t> values)
{
    moveTo(n);
    appendJoined(m_out, m_d.component, values);
    return *this;
}

std::string MessageBuilder::finish()
{
    if (m_open)
        m_out += '\r';
    m_open = false;
    m_field = 0;
    std::string out = std::move(m_out);
    m_out.clear();
    return out;
}

} // namespace vigil::hl7
