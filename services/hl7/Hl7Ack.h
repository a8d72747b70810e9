// Acknowledgments (Qt-free): what a message asks for (MSH-15/16), which code to answer, and the ACK.
#pragma once

#include "Hl7Message.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigil::hl7 {

// MSA-1 acknowledgment codes. Original mode answers AA/AE/AR; enhanced mode answers a commit ACK
// (CA/CE/CR) when MSH-15 asks for one.
enum class AckCode : std::uint8_t { AA, AE, AR, CA, CE, CR };
std::string_view toString(AckCode code);

// HL7 table 0357 codes used in ERR-3.
namespace errcode {
inline constexpr int SegmentSequence = 100;
inline constexpr int RequiredFieldMissing = 101;
inline constexpr int DataType = 102;
inline constexpr int UnsupportedMessageType = 200;
inline constexpr int UnsupportedEvent = 201;
inline constexpr int UnsupportedProcessingId = 202;
inline constexpr int UnsupportedVersion = 203;
inline constexpr int InternalError = 207;
} // namespace errcode

struct AckError
{
    std::string segmentId; // ERR-2 location; empty when the whole message is concerned
    int segmentSequence = 1;
    int field = 0;
    int component = 0;
    int hl7Code = errcode::InternalError; // ERR-3
    char severity = 'E';                  // ERR-4: E error, W warning, I information, F fatal
    std::string text;                     // ERR-8, escaped on output
};

struct AckOptions
{
    std::int64_t nowUs = 0;                   // MSH-7 of the ACK; 0 = the system clock
    int utcOffsetMinutes = 0;                 // zone written in MSH-7
    std::string controlId;                    // MSH-10 of the ACK itself
    std::string sendingApplication = "VIGIL"; // used only when the original's MSH-5 is empty
    std::optional<AckError> error;
};

// ACK to original: MSH with sender and receiver swapped, MSH-9 ACK^<trigger>^ACK, MSA with the
// original's MSH-10, and ERR when options.error is set. Uses the original's encoding characters so
// copied fields stay valid; when the original has no usable MSH, default ones and an empty MSA-2.
std::string buildAck(const Message &original, AckCode code, const AckOptions &options);

enum class MessageKind : std::uint8_t {
    Pcd01,       // ORU^R01: device observations, numerics and waveforms (IHE PCD-01)
    Pcd04,       // ORU^R40: alarm report (IHE PCD-04)
    Ack,         // ACK: an answer to something we sent
    Unsupported, // anything else
};

struct MessageInfo
{
    std::string_view type;               // MSH-9.1, e.g. "ORU"
    std::string_view trigger;            // MSH-9.2, e.g. "R01"
    std::string_view structure;          // MSH-9.3, e.g. "ORU_R01"
    std::string_view controlId;          // MSH-10
    std::string_view processingId;       // MSH-11.1
    std::string_view version;            // MSH-12.1
    std::string_view acceptAckType;      // MSH-15
    std::string_view applicationAckType; // MSH-16
    std::string_view profile;            // MSH-21.1, e.g. "IHE_PCD_001"
    MessageKind kind = MessageKind::Unsupported;
    // Enhanced mode when MSH-15 or MSH-16 is valued (HL7 2.x chapter 2): the receiver then answers a
    // commit ACK (CA) on receipt when MSH-15 asks for it, instead of an original-mode AA.
    bool enhancedMode = false;
};

MessageInfo classify(const Message &message);

enum class Outcome : std::uint8_t {
    Accepted, // stored / handed on
    Error,    // understood but faulty (malformed content)
    Rejected, // not processed at all (unsupported type, version, processing id)
};

struct AckDecision
{
    bool send = true; // false when MSH-15/16 say never (NE/NE), or only on errors and there was none
    AckCode code = AckCode::AA;
    std::optional<AckError> error;
};

// The ACK code for a message that parsed (or failed with parseError) and was handled with outcome.
// Parse errors become AE/CE with the error position in ERR; unsupported types, triggers, versions or
// processing ids become AR/CR.
AckDecision decideAck(const Message &message, const Error &parseError, Outcome outcome = Outcome::Accepted);

// decideAck() then buildAck(): the whole answer for one received frame. Empty when no ACK is due.
std::string acknowledge(const Message &message, const Error &parseError, AckOptions options,
                        Outcome outcome = Outcome::Accepted);

} // namespace vigil::hl7
