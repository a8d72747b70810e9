// libFuzzer target for the HL7 parser, unescaping, PCD decoding and ACK building. Invariants checked
// beyond "no crash": the two field accessors agree, unescaping never grows the text, and every ACK we
// build for whatever came in is itself a valid HL7 message quoting the right control id.
#include "Hl7Ack.h"
#include "Hl7Builder.h"
#include "Hl7Message.h"
#include "Hl7Text.h"
#include "Pcd.h"

#include <cstddef>
#include <cstdint>
#include <string>

using namespace vigil::hl7;

namespace {

void check(bool ok)
{
    if (!ok)
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view frame(reinterpret_cast<const char *>(data), size);
    Limits limits;
    limits.maxSegmentBytes = 1u << 16;
    limits.maxSegments = 2000;
    Message m;
    const Error e = m.parse(frame, limits);
    check(e.offset <= size);
    if (!e.ok())
        check(!e.message().empty());

    FieldIndex idx;
    SegmentTokens tok;
    std::string buf;
    for (int i = 0; i < m.segmentCount(); ++i) {
        const Segment s = m.segment(i);
        idx.reset(s);
        check(idx.count() == s.fieldCount());
        // The one-pass tokenizer and the on-demand accessors must agree on every leaf.
        tok.reset(s);
        std::size_t checked = 0;
        for (const Token &t : tok.tokens()) {
            check(t.begin <= t.end && t.end <= s.raw().size());
            if (++checked > 64 || t.field > 40 || t.repetition > 8 || t.component > 12)
                continue;
            const Field rep = idx[t.field].repetition(t.repetition);
            const std::string_view want = t.field <= 2 && s.isMsh()
                                              ? idx[t.field].raw()
                                              : rep.subcomponent(t.component, t.subcomponent);
            check(tok.text(t) == want);
        }
        for (int n = 1; n <= idx.count() && n < 40; ++n) {
            const Field f = idx[n];
            check(f.raw() == s.field(n).raw());
            const std::string_view raw = f.raw();
            check(raw.data() >= frame.data() && raw.data() + raw.size() <= frame.data() + frame.size());
            for (int r = 1; r <= f.repetitionCount() && r < 8; ++r) {
                const Field rep = f.repetition(r);
                for (int c = 1; c <= rep.componentCount() && c < 12; ++c) {
                    (void)rep.subcomponent(c, 2);
                    (void)parseNumber(rep.component(c));
                    (void)parseDtm(rep.component(c));
                }
            }
            buf.resize(raw.size());
            const UnescapeResult keep =
                unescape(raw, m.delimiters(), buf.data(), buf.size(), UnknownEscape::Keep);
            check(keep.error.ok() && keep.size <= raw.size());
            const UnescapeResult strict =
                unescape(raw, m.delimiters(), buf.data(), buf.size(), UnknownEscape::Reject);
            check(strict.size <= raw.size());
        }
    }

    const MessageInfo info = classify(m);
    if (m.hasHeader()) {
        const DecodedPcd01 d1 = decodePcd01(m);
        const DecodedPcd04 d4 = decodePcd04(m);
        (void)d1;
        (void)d4;
    }
    AckOptions o;
    o.controlId = "F1";
    const std::string ack = acknowledge(m, e, o);
    if (!ack.empty()) {
        Message a;
        check(a.parse(ack).ok());
        check(classify(a).kind == MessageKind::Ack);
        const Segment msa = a.find("MSA");
        check(msa.valid());
        if (m.hasHeader())
            check(msa.field(2).raw() == info.controlId);
    }
    return 0;
}
