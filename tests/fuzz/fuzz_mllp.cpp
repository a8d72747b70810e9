// libFuzzer target for the MLLP framer. Besides "no crash", it checks that framing does not depend on
// how the stream is cut into reads: the same bytes fed at once and in fuzzer-chosen chunks must give the
// same frames and the same counters.
#include "Mllp.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

using vigil::hl7::MllpFramer;

namespace {

struct Result
{
    std::vector<std::string> frames;
    vigil::hl7::MllpStats stats;
};

void drain(MllpFramer &f, Result &r)
{
    while (auto frame = f.next()) {
        if (frame->size() > f.maxFrameBytes())
            __builtin_trap();
        r.frames.emplace_back(*frame);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2)
        return 0;
    // First byte: frame cap (small caps exercise the oversize path); second: chunking seed.
    const std::size_t cap = 16 + static_cast<std::size_t>(data[0]) * 64;
    unsigned seed = data[1];
    const std::string_view stream(reinterpret_cast<const char *>(data + 2), size - 2);

    Result whole;
    MllpFramer a(cap);
    a.feed(stream);
    drain(a, whole);

    Result chunked;
    MllpFramer b(cap);
    std::size_t pos = 0;
    while (pos < stream.size()) {
        seed = seed * 1103515245u + 12345u;
        const std::size_t n = 1 + (seed >> 16) % 97;
        b.feed(stream.substr(pos, n));
        pos += n;
        drain(b, chunked);
    }

    if (whole.frames != chunked.frames)
        __builtin_trap();
    const auto &x = whole.stats;
    const auto &y = chunked.stats;
    if (x.frames != y.frames || x.oversizedFrames != y.oversizedFrames ||
        x.abandonedFrames != y.abandonedFrames || x.missingTrailer != y.missingTrailer ||
        x.garbageBytes != y.garbageBytes)
        __builtin_trap();

    // Framing what came out must give it back unchanged.
    std::string re;
    for (const std::string &f : whole.frames) {
        if (f.find('\x0b') == std::string::npos && f.find('\x1c') == std::string::npos)
            MllpFramer::appendFrame(re, f);
    }
    MllpFramer c(cap);
    c.feed(re);
    while (auto f = c.next()) {
        if (f->find('\x0b') != std::string_view::npos)
            __builtin_trap();
    }
    return 0;
}
