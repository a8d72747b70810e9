#include "Hl7Text.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace vigil::hl7 {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
std::int64_t daysFromCivil(int y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civilFromDays(std::int64_t z, int &y, unsigned &m, unsigned &d)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(yoe + era * 400) + (m <= 2);
}

bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned daysInMonth(int y, unsigned m)
{
    static constexpr unsigned k[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : k[m - 1];
}

bool digits(std::string_view s, std::size_t pos, std::size_t count, int &value)
{
    if (pos + count > s.size())
        return false;
    int v = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const char c = s[pos + i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    value = v;
    return true;
}

} // namespace

UnescapeResult unescape(std::string_view text, const Delimiters &d, char *out, std::size_t capacity,
                        UnknownEscape policy)
{
    UnescapeResult r;
    if (capacity < text.size()) {
        r.error.code = ErrorCode::BufferTooSmall;
        r.error.detail = "capacity " + std::to_string(capacity) + " < " + std::to_string(text.size());
        return r;
    }
    const char esc = d.escape;
    std::size_t o = 0;
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const char *hit = esc ? static_cast<const char *>(std::memchr(text.data() + i, esc, n - i)) : nullptr;
        const std::size_t at = hit ? static_cast<std::size_t>(hit - text.data()) : n;
        std::memcpy(out + o, text.data() + i, at - i);
        o += at - i;
        if (at == n)
            break;
        const std::size_t close = text.find(esc, at + 1);
        if (close == std::string_view::npos) {
            if (policy == UnknownEscape::Reject) {
                r.error.code = ErrorCode::BadEscape;
                r.error.offset = at;
                r.error.detail = "escape sequence is never closed";
                return r;
            }
            std::memcpy(out + o, text.data() + at, n - at);
            o += n - at;
            break;
        }
        const std::string_view body = text.substr(at + 1, close - at - 1);
        bool known = true;
        if (body.size() == 1) {
            switch (body[0]) {
            case 'F':
                out[o++] = d.field;
                break;
            case 'S':
                out[o++] = d.component;
                break;
            case 'T':
                out[o++] = d.subcomponent;
                break;
            case 'R':
                out[o++] = d.repetition;
                break;
            case 'E':
                out[o++] = d.escape;
                break;
            default:
                known = false;
            }
            // An undeclared delimiter written as an escape has nothing to stand for.
            if (known && out[o - 1] == '\0') {
                --o;
                known = false;
            }
        } else if (body.size() >= 3 && body[0] == 'X' && (body.size() - 1) % 2 == 0) {
            const std::size_t start = o;
            for (std::size_t k = 1; k < body.size(); k += 2) {
                const int hi = hexValue(body[k]);
                const int lo = hexValue(body[k + 1]);
                if (hi < 0 || lo < 0) {
                    known = false;
                    o = start;
                    break;
                }
                out[o++] = static_cast<char>(hi * 16 + lo);
            }
        } else {
            known = false;
        }
        if (!known) {
            if (policy == UnknownEscape::Reject) {
                r.error.code = ErrorCode::BadEscape;
                r.error.offset = at;
                r.error.detail = "unknown escape \\" + std::string(body.substr(0, 16)) + "\\";
                return r;
            }
            std::memcpy(out + o, text.data() + at, close - at + 1);
            o += close - at + 1;
        }
        i = close + 1;
    }
    r.size = o;
    return r;
}

std::string unescaped(std::string_view text, const Delimiters &d, UnknownEscape policy)
{
    if (!needsUnescape(text, d))
        return std::string(text);
    std::string out(text.size(), '\0');
    const UnescapeResult r = unescape(text, d, out.data(), out.size(), policy);
    out.resize(r.error.ok() ? r.size : 0);
    return out;
}

void appendEscaped(std::string &out, std::string_view text, const Delimiters &d)
{
    for (char c : text) {
        char code = 0;
        if (c == d.field)
            code = 'F';
        else if (d.component && c == d.component)
            code = 'S';
        else if (d.subcomponent && c == d.subcomponent)
            code = 'T';
        else if (d.repetition && c == d.repetition)
            code = 'R';
        else if (d.escape && c == d.escape)
            code = 'E';
        if (code) {
            out += d.escape ? d.escape : '\\';
            out += code;
            out += d.escape ? d.escape : '\\';
        } else if ((c == '\r' || c == '\n') && d.escape) {
            out += d.escape;
            out += c == '\r' ? "X0D" : "X0A";
            out += d.escape;
        } else {
            out += c;
        }
    }
}

std::optional<double> parseNumber(std::string_view text)
{
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    if (text.empty())
        return std::nullopt;
    double v = 0;
    const auto [ptr, ec] =
        std::from_chars(text.data(), text.data() + text.size(), v, std::chars_format::fixed);
    if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

void appendNumber(std::string &out, double value)
{
    char buf[32];
    const auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, value);
    if (ec == std::errc())
        out.append(buf, ptr);
}

std::optional<Timestamp> parseDtm(std::string_view s, int defaultOffsetMinutes)
{
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    // Split off the zone first: it is the only part that may start with a sign.
    Timestamp t;
    t.offsetMinutes = defaultOffsetMinutes;
    const std::size_t z = s.find_first_of("+-");
    if (z != std::string_view::npos) {
        const std::string_view zone = s.substr(z + 1);
        int hh = 0, mm = 0;
        if (zone.size() != 4 || !digits(zone, 0, 2, hh) || !digits(zone, 2, 2, mm) || hh > 23 || mm > 59)
            return std::nullopt;
        t.offsetMinutes = (s[z] == '-' ? -1 : 1) * (hh * 60 + mm);
        t.hadOffset = true;
        s = s.substr(0, z);
    }
    int year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0;
    if (!digits(s, 0, 4, year))
        return std::nullopt;
    std::size_t pos = 4;
    const auto optional2 = [&](int &v, int lo, int hi) {
        if (pos >= s.size() || s[pos] == '.')
            return true;
        if (!digits(s, pos, 2, v) || v < lo || v > hi)
            return false;
        pos += 2;
        return true;
    };
    if (!optional2(month, 1, 12) || !optional2(day, 1, 31) || !optional2(hour, 0, 23) ||
        !optional2(minute, 0, 59) || !optional2(second, 0, 59))
        return std::nullopt;
    if (static_cast<unsigned>(day) > daysInMonth(year, static_cast<unsigned>(month)))
        return std::nullopt;
    std::int64_t fracUs = 0;
    if (pos < s.size()) {
        // A fraction is only valid after the seconds.
        if (s[pos] != '.' || pos != 14)
            return std::nullopt;
        const std::size_t nd = s.size() - pos - 1;
        if (nd < 1 || nd > 4)
            return std::nullopt;
        int f = 0;
        if (!digits(s, pos + 1, nd, f))
            return std::nullopt;
        static constexpr int scale[] = {0, 100000, 10000, 1000, 100};
        fracUs = static_cast<std::int64_t>(f) * scale[nd];
    }
    const std::int64_t days = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    const std::int64_t secs = days * 86400 + hour * 3600 + minute * 60 + second - t.offsetMinutes * 60;
    t.utcUs = secs * 1000000 + fracUs;
    return t;
}

std::string formatDtm(std::int64_t utcUs, int offsetMinutes, int fractionDigits)
{
    const std::int64_t localUs = utcUs + static_cast<std::int64_t>(offsetMinutes) * 60 * 1000000;
    std::int64_t secs = localUs / 1000000;
    std::int64_t us = localUs % 1000000;
    if (us < 0) {
        us += 1000000;
        --secs;
    }
    std::int64_t days = secs / 86400;
    std::int64_t sod = secs % 86400;
    if (sod < 0) {
        sod += 86400;
        --days;
    }
    int y = 0;
    unsigned m = 0, d = 0;
    civilFromDays(days, y, m, d);
    char buf[48];
    int len =
        std::snprintf(buf, sizeof buf, "%04d%02u%02u%02d%02d%02d", y, m, d, static_cast<int>(sod / 3600),
                      static_cast<int>(sod / 60 % 60), static_cast<int>(sod % 60));
    if (fractionDigits > 0) {
        if (fractionDigits > 4)
            fractionDigits = 4;
        static constexpr int div[] = {1, 100000, 10000, 1000, 100};
        len += std::snprintf(buf + len, sizeof buf - static_cast<std::size_t>(len), ".%0*d", fractionDigits,
                             static_cast<int>(us / div[fractionDigits]));
    }
    const int off = offsetMinutes < 0 ? -offsetMinutes : offsetMinutes;
    std::snprintf(buf + len, sizeof buf - static_cast<std::size_t>(len), "%c%02d%02d",
                  offsetMinutes < 0 ? '-' : '+', off / 60, off % 60);
    return buf;
}

} // namespace vigil::hl7
