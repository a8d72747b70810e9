#include "Hl7Ack.h"

#include "Hl7Builder.h"
#include "Hl7Text.h"

#include <chrono>

namespace vigil::hl7 {

namespace {

const char *hl7ErrorText(int code)
{
    switch (code) {
    case errcode::SegmentSequence:
        return "Segment sequence error";
    case errcode::RequiredFieldMissing:
        return "Required field missing";
    case errcode::DataType:
        return "Data type error";
    case errcode::UnsupportedMessageType:
        return "Unsupported message type";
    case errcode::UnsupportedEvent:
        return "Unsupported event code";
    case errcode::UnsupportedProcessingId:
        return "Unsupported processing id";
    case errcode::UnsupportedVersion:
        return "Unsupported version id";
    default:
        return "Application internal error";
    }
}

int hl7CodeFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::NoMsh:
    case ErrorCode::BadSegmentId:
        return errcode::SegmentSequence;
    case ErrorCode::Truncated:
    case ErrorCode::Empty:
        return errcode::RequiredFieldMissing;
    case ErrorCode::BinaryData:
    case ErrorCode::BadEncoding:
    case ErrorCode::BadEscape:
        return errcode::DataType;
    default:
        return errcode::InternalError;
    }
}

// HL7 says an empty MSH-15/16 in enhanced mode means "always".
bool wants(std::string_view mode, Outcome outcome)
{
    if (mode.empty() || mode == "AL")
        return true;
    if (mode == "ER")
        return outcome != Outcome::Accepted;
    if (mode == "SU")
        return outcome == Outcome::Accepted;
    return false; // NE, or a value we do not know: do not answer what was not asked for
}

AckCode codeFor(bool commit, Outcome outcome)
{
    switch (outcome) {
    case Outcome::Accepted:
        return commit ? AckCode::CA : AckCode::AA;
    case Outcome::Error:
        return commit ? AckCode::CE : AckCode::AE;
    case Outcome::Rejected:
        break;
    }
    return commit ? AckCode::CR : AckCode::AR;
}

} // namespace

std::string_view toString(AckCode code)
{
    static constexpr std::string_view names[] = {"AA", "AE", "AR", "CA", "CE", "CR"};
    return names[static_cast<int>(code)];
}

MessageInfo classify(const Message &m)
{
    MessageInfo info;
    if (!m.hasHeader())
        return info;
    const Field type = m.header(9);
    info.type = type.component(1);
    info.trigger = type.component(2);
    info.structure = type.component(3);
    info.controlId = m.header(10).raw();
    info.processingId = m.header(11).component(1);
    info.version = m.header(12).component(1);
    info.acceptAckType = m.header(15).raw();
    info.applicationAckType = m.header(16).raw();
    info.profile = m.header(21).component(1);
    info.enhancedMode = !info.acceptAckType.empty() || !info.applicationAckType.empty();
    if (info.type == "ORU" && info.trigger == "R01")
        info.kind = MessageKind::Pcd01;
    else if (info.type == "ORU" && info.trigger == "R40")
        info.kind = MessageKind::Pcd04;
    else if (info.type == "ACK")
        info.kind = MessageKind::Ack;
    return info;
}

AckDecision decideAck(const Message &m, const Error &parseError, Outcome outcome)
{
    AckDecision d;
    const MessageInfo info = classify(m);
    if (!parseError.ok()) {
        // Without a header we cannot tell what the message was: reject it. With one, the message is
        // ours but damaged: an application error that names where.
        outcome = m.hasHeader() ? Outcome::Error : Outcome::Rejected;
        AckError e;
        e.segmentId = parseError.segmentId;
        e.field = parseError.field > 0 ? parseError.field : 0;
        e.segmentSequence = 1;
        for (int i = 0; i < m.segmentCount() && i < parseError.segment; ++i) {
            if (!e.segmentId.empty() && m.segment(i).id() == e.segmentId)
                ++e.segmentSequence;
        }
        e.hl7Code = hl7CodeFor(parseError.code);
        e.text = parseError.message();
        d.error = std::move(e);
    } else if (info.kind == MessageKind::Ack) {
        d.send = false; // never acknowledge an acknowledgment
        return d;
    } else if (outcome == Outcome::Accepted || outcome == Outcome::Rejected) {
        AckError e;
        e.segmentId = "MSH";
        if (info.kind == MessageKind::Unsupported) {
            e.field = 9;
            e.hl7Code = info.type == "ORU" ? errcode::UnsupportedEvent : errcode::UnsupportedMessageType;
            e.text = "message type " + std::string(info.type) + "^" + std::string(info.trigger) +
                     " is not supported";
        } else if (info.version.substr(0, 2) != "2.") {
            e.field = 12;
            e.hl7Code = errcode::UnsupportedVersion;
            e.text = "HL7 version " + std::string(info.version) + " is not supported";
        } else if (info.processingId != "P" && info.processingId != "D" && info.processingId != "T") {
            e.field = 11;
            e.hl7Code = errcode::UnsupportedProcessingId;
            e.text = "processing id " + std::string(info.processingId) + " is not supported";
        }
        if (e.field) {
            outcome = Outcome::Rejected;
            d.error = std::move(e);
        }
    }

    if (!info.enhancedMode) {
        d.code = codeFor(false, outcome);
        return d;
    }
    if (wants(info.acceptAckType, outcome)) {
        d.code = codeFor(true, outcome);
    } else if (wants(info.applicationAckType, outcome)) {
        // The station processes a message as it receives it, so its application ACK is immediate.
        d.code = codeFor(false, outcome);
    } else {
        d.send = false;
    }
    return d;
}

std::string buildAck(const Message &original, AckCode code, const AckOptions &o)
{
    const bool h = original.hasHeader();
    MessageBuilder b(h ? original.delimiters() : Delimiters());
    const auto raw = [&](int n) { return h ? original.header(n).raw() : std::string_view(); };

    b.segment("MSH");
    if (!raw(5).empty())
        b.setRaw(3, raw(5));
    else
        b.set(3, o.sendingApplication);
    b.setRaw(4, raw(6)).setRaw(5, raw(3)).setRaw(6, raw(4));
    const std::int64_t nowUs = o.nowUs ? o.nowUs
                                       : std::chrono::duration_cast<std::chrono::microseconds>(
                                             std::chrono::system_clock::now().time_since_epoch())
                                             .count();
    b.setRaw(7, formatDtm(nowUs, o.utcOffsetMinutes, 3));
    const std::string_view trigger = h ? original.header(9).component(2) : std::string_view();
    if (trigger.empty())
        b.set(9, "ACK");
    else
        b.setRaw(9, std::string("ACK") + b.delimiters().component + std::string(trigger) +
                        b.delimiters().component + "ACK");
    b.set(10, o.controlId);
    b.setRaw(11, h && !original.header(11).empty() ? raw(11) : std::string_view("P"));
    b.setRaw(12, h && !original.header(12).empty() ? raw(12) : std::string_view("2.6"));

    b.segment("MSA").set(1, toString(code)).setRaw(2, raw(10));

    if (o.error) {
        const AckError &e = *o.error;
        b.segment("ERR");
        if (!e.segmentId.empty()) {
            const std::string seq = std::to_string(e.segmentSequence);
            const std::string field = e.field > 0 ? std::to_string(e.field) : std::string();
            const std::string comp = e.component > 0 ? std::to_string(e.component) : std::string();
            if (comp.empty())
                b.set(2, {e.segmentId, seq, field});
            else
                b.set(2, {e.segmentId, seq, field, "", comp});
        }
        b.set(3, {std::to_string(e.hl7Code), hl7ErrorText(e.hl7Code), "HL70357"});
        b.set(4, std::string_view(&e.severity, 1));
        if (!e.text.empty())
            b.set(8, e.text);
    }
    return b.finish();
}

std::string acknowledge(const Message &message, const Error &parseError, AckOptions options, Outcome outcome)
{
    AckDecision d = decideAck(message, parseError, outcome);
    if (!d.send)
        return {};
    if (!options.error)
        options.error = std::move(d.error);
    return buildAck(message, d.code, options);
}

} // namespace vigil::hl7
