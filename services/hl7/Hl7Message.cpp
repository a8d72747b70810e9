#include "Hl7Message.h"

#include "Hl7Scan.h"

#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && !defined(VIGIL_HL7_NO_AVX2)
#include <immintrin.h>
#define VIGIL_HL7_AVX2 1
#endif

namespace vigil::hl7 {

namespace {

bool isUpperAlnum(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool isAlnum(char c)
{
    return isUpperAlnum(c) || (c >= 'a' && c <= 'z');
}

// Separators must be printable punctuation: a letter, digit or space could not be told apart from data.
bool usableSeparator(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u < 0x7F && !isAlnum(c);
}

void copyId(char (&dst)[4], std::string_view line)
{
    for (std::size_t i = 0; i < 3; ++i) {
        const char c = i < line.size() ? line[i] : '\0';
        dst[i] = static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7F ? c : '\0';
        if (!dst[i])
            break;
    }
    dst[3] = '\0';
}

bool blank(std::string_view line)
{
    for (char c : line) {
        if (c != ' ' && c != '\t')
            return false;
    }
    return true;
}

// HL7 number of the field that contains byte pos of a segment (for error positions).
int fieldAt(std::string_view seg, std::size_t pos, char sep, bool msh)
{
    int n = 0;
    const std::size_t end = pos < seg.size() ? pos : seg.size();
    for (std::size_t i = 0; i < end; ++i) {
        if (seg[i] == sep)
            ++n;
    }
    return msh ? n + 1 : n;
}

std::string_view splitNth(std::string_view s, char sep, int n)
{
    std::size_t start = 0;
    for (int i = 1; i < n; ++i) {
        const std::size_t next = s.find(sep, start);
        if (next == std::string_view::npos)
            return {};
        start = next + 1;
    }
    const std::size_t end = s.find(sep, start);
    return end == std::string_view::npos ? s.substr(start) : s.substr(start, end - start);
}

int countPieces(std::string_view s, char sep)
{
    if (s.empty())
        return 0;
    int n = 1;
    for (char c : s) {
        if (c == sep)
            ++n;
    }
    return n;
}

#if VIGIL_HL7_AVX2
// The segment scan is the parser's whole inner loop. x86-64's baseline is SSE2; where the CPU has AVX2
// (chosen once at start-up) 32-byte compares halve the work per byte.
__attribute__((target("avx2"))) std::size_t findControlAvx2(const char *p, std::size_t n)
{
    std::size_t i = 0;
    const __m256i limit = _mm256_set1_epi8(0x1F);
    const auto ctrl = [&](std::size_t at) __attribute__((target("avx2")))
    {
        const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + at));
        return _mm256_cmpeq_epi8(_mm256_max_epu8(v, limit), limit);
    };
    for (; i + 64 <= n; i += 64) {
        const __m256i a = ctrl(i), b = ctrl(i + 32);
        if (!_mm256_testz_si256(_mm256_or_si256(a, b), _mm256_or_si256(a, b))) {
            const unsigned long long m =
                static_cast<unsigned>(_mm256_movemask_epi8(a)) |
                static_cast<unsigned long long>(static_cast<unsigned>(_mm256_movemask_epi8(b))) << 32;
            return i + static_cast<std::size_t>(__builtin_ctzll(m));
        }
    }
    return i + detail::findControl(p + i, n - i);
}

using ScanFn = std::size_t (*)(const char *, std::size_t);
const ScanFn findControlBest = __builtin_cpu_supports("avx2") ? findControlAvx2 : detail::findControl;
#else
inline std::size_t findControlBest(const char *p, std::size_t n)
{
    return detail::findControl(p, n);
}
#endif

} // namespace

const char *errorName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::None:
        return "None";
    case ErrorCode::Empty:
        return "Empty";
    case ErrorCode::NoMsh:
        return "NoMsh";
    case ErrorCode::BadEncoding:
        return "BadEncoding";
    case ErrorCode::Truncated:
        return "Truncated";
    case ErrorCode::BadSegmentId:
        return "BadSegmentId";
    case ErrorCode::BinaryData:
        return "BinaryData";
    case ErrorCode::SegmentTooLong:
        return "SegmentTooLong";
    case ErrorCode::TooManySegments:
        return "TooManySegments";
    case ErrorCode::MessageTooLarge:
        return "MessageTooLarge";
    case ErrorCode::BadEscape:
        return "BadEscape";
    case ErrorCode::BufferTooSmall:
        return "BufferTooSmall";
    }
    return "Unknown";
}

std::string Error::message() const
{
    std::string s = errorName(code);
    if (segment >= 0) {
        s += " at segment " + std::to_string(segment + 1);
        if (segmentId[0])
            s += std::string(" (") + segmentId + ")";
        if (field >= 0)
            s += " field " + std::to_string(field);
    }
    s += ", byte " + std::to_string(offset);
    if (!detail.empty())
        s += ": " + detail;
    return s;
}

// --- Field -------------------------------------------------------------------------------------------

std::string_view Field::firstRepetition() const
{
    if (m_literal || !m_d || !m_d->repetition)
        return m_raw;
    const std::size_t end = m_raw.find(m_d->repetition);
    return end == std::string_view::npos ? m_raw : m_raw.substr(0, end);
}

int Field::repetitionCount() const
{
    if (m_literal || !m_d || !m_d->repetition)
        return m_raw.empty() ? 0 : 1;
    return countPieces(m_raw, m_d->repetition);
}

Field Field::repetition(int r) const
{
    if (r < 1)
        return {};
    if (m_literal || !m_d || !m_d->repetition)
        return r == 1 ? *this : Field();
    return Field(splitNth(m_raw, m_d->repetition, r), m_d);
}

std::string_view Field::component(int c) const
{
    if (c < 1)
        return {};
    const std::string_view rep = firstRepetition();
    if (m_literal || !m_d || !m_d->component)
        return c == 1 ? rep : std::string_view();
    return splitNth(rep, m_d->component, c);
}

std::string_view Field::subcomponent(int c, int s) const
{
    const std::string_view comp = component(c);
    if (s < 1)
        return {};
    if (m_literal || !m_d || !m_d->subcomponent)
        return s == 1 ? comp : std::string_view();
    return splitNth(comp, m_d->subcomponent, s);
}

int Field::componentCount() const
{
    const std::string_view rep = firstRepetition();
    if (m_literal || !m_d || !m_d->component)
        return rep.empty() ? 0 : 1;
    return countPieces(rep, m_d->component);
}

// --- Segment -----------------------------------------------------------------------------------------

Field Segment::field(int n) const
{
    if (!m_d || n < 1)
        return {};
    const bool msh = isMsh();
    if (msh) {
        if (n == 1)
            return m_raw.size() > 3 ? Field(m_raw.substr(3, 1), m_d, true) : Field();
        --n; // MSH-n sits where field n-1 of an ordinary segment would
    }
    const char sep = m_d->field;
    std::size_t start = 3;
    for (int i = 0; i < n; ++i) {
        if (start >= m_raw.size() || m_raw[start] != sep)
            return {};
        const std::size_t next = detail::findByte(m_raw.data() + start + 1, m_raw.size() - start - 1, sep);
        if (i + 1 == n)
            return Field(m_raw.substr(start + 1, next), m_d, msh && n == 1);
        start += 1 + next;
    }
    return {};
}

int Segment::fieldCount() const
{
    if (!m_d || m_raw.size() <= 3)
        return 0;
    int n = 0;
    detail::forEachByte(m_raw.data() + 3, m_raw.size() - 3, m_d->field, [&](std::size_t) {
        ++n;
        return true;
    });
    return isMsh() ? n + 1 : n;
}

// --- FieldIndex --------------------------------------------------------------------------------------

void FieldIndex::reset(const Segment &s)
{
    m_seg = s;
    m_d = s.delimiters();
    m_isMsh = s.isMsh();
    m_seps.clear();
    const std::string_view raw = s.raw();
    if (m_d && raw.size() > 3) {
        detail::forEachByte(raw.data() + 3, raw.size() - 3, m_d->field, [&](std::size_t i) {
            m_seps.push_back(static_cast<std::uint32_t>(i + 3));
            return true;
        });
    }
    m_seps.push_back(static_cast<std::uint32_t>(raw.size()));
}

int FieldIndex::count() const
{
    const int n = static_cast<int>(m_seps.size()) - 1;
    return m_isMsh && n > 0 ? n + 1 : n;
}

Field FieldIndex::operator[](int n) const
{
    if (n < 1 || !m_d)
        return {};
    const std::string_view raw = m_seg.raw();
    bool literal = false;
    if (m_isMsh) {
        if (n == 1)
            return raw.size() > 3 ? Field(raw.substr(3, 1), m_d, true) : Field();
        literal = n == 2;
        --n;
    }
    if (n >= static_cast<int>(m_seps.size()))
        return {};
    const std::uint32_t start = m_seps[n - 1] + 1;
    return Field(raw.substr(start, m_seps[n] - start), m_d, literal);
}

// --- SegmentTokens -----------------------------------------------------------------------------------

namespace {

// Walk state of SegmentTokens::reset; hit() runs once per delimiter, so everything is forced inline.
// Clamp: coordinates cannot pass 65535 in a segment shorter than that, so short ones skip the clamp.
template <bool Clamp> struct TokenWalk
{
    Token *out;
    char rs, cs, ss;
    unsigned field, rep = 1, comp = 1, sub = 1;
    std::uint32_t start;

    [[gnu::always_inline]] static std::uint16_t c16(unsigned v)
    {
        return static_cast<std::uint16_t>(Clamp && v > 0xFFFF ? 0xFFFF : v);
    }
    [[gnu::always_inline]] inline void close(std::size_t at)
    {
        *out++ = {start, static_cast<std::uint32_t>(at), c16(field), c16(rep), c16(comp), c16(sub)};
        start = static_cast<std::uint32_t>(at + 1);
    }
    // Which delimiter it was is data-dependent and unpredictable, so the counters are updated without
    // branches: a level (field 0 .. subcomponent 3) and conditional moves.
    [[gnu::always_inline]] inline void hit(std::size_t at, char c)
    {
        close(at);
        const unsigned level = (c == rs) * 1u + (c == cs) * 2u + (c == ss) * 3u;
        field += level == 0;
        rep = level == 1 ? rep + 1 : (level == 0 ? 1 : rep);
        comp = level == 2 ? comp + 1 : (level < 2 ? 1 : comp);
        sub = level == 3 ? sub + 1 : 1;
    }
    // A run of component separators only (NA sample arrays): the common case, kept minimal.
    [[gnu::always_inline]] inline void component(std::size_t at)
    {
        close(at);
        ++comp;
        sub = 1;
    }

    void run(const char *p, std::size_t i, std::size_t n, char fs)
    {
        const char rsx = rs ? rs : fs, csx = cs ? cs : fs, ssx = ss ? ss : fs;
#if defined(__SSE2__)
        const __m128i vf = _mm_set1_epi8(fs), vr = _mm_set1_epi8(rsx), vc = _mm_set1_epi8(csx),
                      vs = _mm_set1_epi8(ssx);
        for (; i + 16 <= n; i += 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
            const __m128i other = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, vf), _mm_cmpeq_epi8(v, vr)),
                                               _mm_cmpeq_epi8(v, vs));
            unsigned mo = static_cast<unsigned>(_mm_movemask_epi8(other));
            unsigned mc = cs ? static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, vc))) : 0u;
            if (!mo) {
                while (mc) {
                    component(i + static_cast<std::size_t>(__builtin_ctz(mc)));
                    mc &= mc - 1;
                }
                continue;
            }
            unsigned m = mo | mc;
            while (m) {
                const std::size_t at = i + static_cast<std::size_t>(__builtin_ctz(m));
                hit(at, p[at]);
                m &= m - 1;
            }
        }
#endif
        for (; i < n; ++i) {
            const char c = p[i];
            if (c == fs || c == rsx || c == csx || c == ssx)
                hit(i, c);
        }
        close(n);
    }
};

} // namespace

void SegmentTokens::reset(const Segment &s)
{
    m_raw = s.raw();
    m_size = 0;
    const Delimiters *d = s.delimiters();
    const std::size_t n = m_raw.size();
    if (!d || n <= 3 || m_raw[3] != d->field)
        return;
    // Every leaf but the last ends at a delimiter, and delimiters are bytes of the segment.
    if (m_capacity < n + 2) {
        m_capacity = n + 2 + n / 2;
        m_tokens = std::make_unique_for_overwrite<Token[]>(m_capacity);
    }
    Token *out = m_tokens.get();
    std::size_t from = 4; // first byte of field 1
    unsigned field = 1;
    if (s.isMsh()) {
        // MSH-1 and MSH-2 are the delimiters themselves, never split.
        std::size_t encEnd = m_raw.find(d->field, 4);
        if (encEnd == std::string_view::npos)
            encEnd = n;
        *out++ = {3, 4, 1, 1, 1, 1};
        *out++ = {4, static_cast<std::uint32_t>(encEnd), 2, 1, 1, 1};
        m_size = 2;
        if (encEnd == n)
            return;
        from = encEnd + 1;
        field = 3;
    }
    // Undeclared delimiters ('\0') never match: control bytes do not occur in a parsed message.
    const auto start = static_cast<std::uint32_t>(from);
    Token *end;
    if (n < 0xFFFF) {
        TokenWalk<false> w{out, d->repetition, d->component, d->subcomponent, field, 1, 1, 1, start};
        w.run(m_raw.data(), from, n, d->field);
        end = w.out;
    } else {
        TokenWalk<true> w{out, d->repetition, d->component, d->subcomponent, field, 1, 1, 1, start};
        w.run(m_raw.data(), from, n, d->field);
        end = w.out;
    }
    m_size = static_cast<std::size_t>(end - m_tokens.get());
}

// --- Message -----------------------------------------------------------------------------------------

Segment Message::segment(int i) const
{
    if (i < 0 || i >= segmentCount())
        return {};
    const Span &sp = m_segments[static_cast<std::size_t>(i)];
    return Segment(m_raw.substr(sp.offset, sp.length), &m_d);
}

Segment Message::find(std::string_view id, int from, int *index) const
{
    for (int i = from < 0 ? 0 : from; i < segmentCount(); ++i) {
        const Span &sp = m_segments[static_cast<std::size_t>(i)];
        if (sp.length >= 3 && m_raw.substr(sp.offset, 3) == id) {
            if (index)
                *index = i;
            return segment(i);
        }
    }
    if (index)
        *index = -1;
    return {};
}

Error Message::parseHeader(std::string_view msh)
{
    Error e;
    e.segment = 0;
    copyId(e.segmentId, msh);
    if (msh.size() < 4) {
        e.code = ErrorCode::Truncated;
        e.field = 1;
        e.offset = msh.size();
        e.detail = "MSH ends before its field separator";
        return e;
    }
    const char fs = msh[3];
    if (!usableSeparator(fs)) {
        e.code = ErrorCode::BadEncoding;
        e.field = 1;
        e.offset = 3;
        e.detail = "field separator must be printable punctuation";
        return e;
    }
    std::size_t end = msh.find(fs, 4);
    if (end == std::string_view::npos)
        end = msh.size();
    const std::string_view enc = msh.substr(4, end - 4);
    // HL7 2.7 adds a fifth character (truncation); we read only the four classic ones.
    if (enc.empty() || enc.size() > 5) {
        e.code = ErrorCode::BadEncoding;
        e.field = 2;
        e.offset = 4;
        e.detail = "MSH-2 must hold 1 to 5 encoding characters, has " + std::to_string(enc.size());
        return e;
    }
    for (std::size_t i = 0; i < enc.size(); ++i) {
        bool bad = !usableSeparator(enc[i]) || enc[i] == fs;
        for (std::size_t j = 0; j < i; ++j)
            bad = bad || enc[j] == enc[i];
        if (bad) {
            e.code = ErrorCode::BadEncoding;
            e.field = 2;
            e.offset = 4 + i;
            e.detail = "encoding character " + std::to_string(i + 1) + " is unusable or repeated";
            return e;
        }
    }
    Delimiters d;
    d.field = fs;
    d.component = enc[0];
    d.repetition = enc.size() > 1 ? enc[1] : '\0';
    d.escape = enc.size() > 2 ? enc[2] : '\0';
    d.subcomponent = enc.size() > 3 ? enc[3] : '\0';
    m_d = d;
    // MSH-12 (version) is the last field HL7 requires in every header; a frame cut before it has lost
    // the message it announces.
    const int fields = Segment(msh, &m_d).fieldCount();
    if (fields < 12) {
        e.code = ErrorCode::Truncated;
        e.field = fields + 1;
        e.offset = msh.size();
        e.detail = "MSH has " + std::to_string(fields) + " fields, needs at least 12";
        m_d = Delimiters();
        return e;
    }
    m_hasHeader = true;
    return {};
}

Error Message::parse(std::string_view frame, const Limits &limits)
{
    m_raw = frame;
    m_d = Delimiters();
    m_hasHeader = false;
    m_segments.clear();

    Error e;
    if (frame.size() > limits.maxMessageBytes || frame.size() > std::numeric_limits<std::uint32_t>::max()) {
        e.code = ErrorCode::MessageTooLarge;
        e.detail = std::to_string(frame.size()) + " bytes, limit " + std::to_string(limits.maxMessageBytes);
        return e;
    }

    const char *p = frame.data();
    const std::size_t n = frame.size();
    std::size_t start = 0;
    std::size_t pos = 0;
    while (start < n) {
        // Find the end of this line, accepting TAB inside text and rejecting other control bytes.
        std::size_t end;
        for (;;) {
            end = pos + findControlBest(p + pos, n - pos);
            if (end < n && p[end] == '\t') {
                pos = end + 1;
                continue;
            }
            break;
        }
        const std::string_view line = frame.substr(start, end - start);
        if (end < n && p[end] != '\r' && p[end] != '\n') {
            e.code = ErrorCode::BinaryData;
            e.segment = segmentCount();
            copyId(e.segmentId, line);
            e.field =
                line.size() >= 3 ? fieldAt(line, line.size(), m_d.field, line.substr(0, 3) == "MSH") : -1;
            e.offset = end;
            e.detail = "control byte 0x" + std::string(1, "0123456789ABCDEF"[(p[end] >> 4) & 0xF]) +
                       std::string(1, "0123456789ABCDEF"[p[end] & 0xF]) + " inside a segment";
            return e;
        }
        std::size_t next = end + 1;
        if (end < n && p[end] == '\r' && next < n && p[next] == '\n')
            ++next;

        if (!blank(line)) {
            const int index = segmentCount();
            const bool first = index == 0;
            if (line.size() > limits.maxSegmentBytes) {
                e.code = ErrorCode::SegmentTooLong;
                e.segment = index;
                copyId(e.segmentId, line);
                e.field = fieldAt(line, limits.maxSegmentBytes,
                                  first ? line.size() > 3 ? line[3] : '|' : m_d.field, first);
                e.offset = start + limits.maxSegmentBytes;
                e.detail =
                    std::to_string(line.size()) + " bytes, limit " + std::to_string(limits.maxSegmentBytes);
                return e;
            }
            if (static_cast<std::size_t>(index) >= limits.maxSegments) {
                e.code = ErrorCode::TooManySegments;
                e.segment = index;
                e.offset = start;
                e.detail = "limit " + std::to_string(limits.maxSegments);
                return e;
            }
            if (first) {
                if (line.size() < 3 || line.substr(0, 3) != "MSH") {
                    e.code = ErrorCode::NoMsh;
                    e.segment = 0;
                    copyId(e.segmentId, line);
                    e.offset = start;
                    e.detail = "a message starts with MSH";
                    return e;
                }
                Error he = parseHeader(line);
                if (!he.ok()) {
                    he.offset += start;
                    return he;
                }
            } else {
                const bool idOk = line.size() >= 3 && line[0] >= 'A' && line[0] <= 'Z' &&
                                  isUpperAlnum(line[1]) && isUpperAlnum(line[2]) &&
                                  (line.size() == 3 || line[3] == m_d.field);
                if (!idOk) {
                    e.code = ErrorCode::BadSegmentId;
                    e.segment = index;
                    copyId(e.segmentId, line);
                    e.offset = start;
                    e.detail =
                        "segment ids are three upper-case letters or digits followed by the field separator";
                    return e;
                }
            }
            m_segments.push_back(
                {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(line.size())});
        }
        start = pos = next;
    }
    if (m_segments.empty()) {
        e.code = ErrorCode::Empty;
        e.detail = "no segment";
        return e;
    }
    return {};
}

} // namespace vigil::hl7
