// IHE PCD content: ORU^R01 (PCD-01 numerics and waveforms) and ORU^R40 (PCD-04 alarms) decoded into the
// station's domain types, and the reverse for the gateway simulator and outgoing escalations.
//
// Decoding never throws and never drops an observation silently: what cannot be mapped to a NumericId
// or WaveId stays in DecodedPcd01::observations, and every value that was refused (unknown unit, bad
// number, bad time) leaves a warning naming its OBX.
#pragma once

#include "Hl7Message.h"
#include "Ingest.h"
#include "Mdc.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace vigil::hl7 {

struct DecodeOptions
{
    // Zone for timestamps written without an offset when MSH-7 has none either. HL7 says such times are
    // in the sender's zone; MSH-7's offset is used first because it is the sender's own statement.
    int defaultUtcOffsetMinutes = 0;
};

// A CWE triplet identifier^text^system. For MDC rows code is the context-free number (partition x
// 65536 + term) and refId the REFID; for UCUM units identifier is the unit ("mm[Hg]").
struct CodedValue
{
    quint32 code = 0;   // identifier as a number; 0 when it is not one
    QString identifier; // component 1 as sent
    QString refId;      // component 2: REFID for MDC, display text otherwise
    QString system;     // "MDC", "UCUM", "LN", ...
    bool operator==(const CodedValue &) const = default;
};

// One OBX row of a PCD-01 message with the details NumericSample has no room for.
struct Observation
{
    int setId = 0;                // OBX-1
    QString valueType;            // OBX-2: NM, ST, CWE, NA, NR, MA, or empty on device-hierarchy rows
    CodedValue code;              // OBX-3 (the MDC triplet when the row is dual-coded, e.g. LOINC + MDC)
    QString containment;          // OBX-4, e.g. "1.3.1.1"
    QString value;                // OBX-5, unescaped
    std::optional<double> number; // OBX-5 as sent, for NM rows
    CodedValue unit;              // OBX-6
    QString referenceRange;       // OBX-7 as sent
    std::optional<double> rangeLow, rangeHigh;
    QString status;                   // OBX-11: R, F, X...
    qint64 timeMs = 0;                // OBX-14, else OBR-7, else MSH-7 (UTC ms)
    QString method;                   // OBX-17.1, e.g. AMEAS
    QString equipmentId;              // OBX-18.1
    QString equipmentName;            // OBX-18.2
    std::optional<NumericId> numeric; // set when the row became a NumericSample
    double mappedValue = 0;           // value in the NumericInfo unit when numeric is set
};

// A waveform channel that has no WaveId on the station (aVR, V2...): kept so nothing is lost.
struct UnmappedWave
{
    CodedValue code;
    QString containment;
    double sampleRate = 0;
    std::size_t sampleCount = 0;
};

struct DecodedPcd01
{
    BedUpdate update; // numerics and waves the station shows, bed and patient
    std::vector<Observation> observations;
    std::vector<UnmappedWave> unmappedWaves;
    std::vector<QString> warnings;
    QString controlId; // MSH-10
};

DecodedPcd01 decodePcd01(const Message &message, const DecodeOptions &options = {});

// --- PCD-04 -----------------------------------------------------------------------------------------

// The facets use the station's one alarm vocabulary (models/domain/Alarm.h); these names are the wire's.
using AlarmPhase = alarms::Phase;
using AlarmState = alarms::ReportedState;
using AlarmInactivation = alarms::Inactivation;

QString toHl7(AlarmPhase v);
QString toHl7(AlarmState v);
QString toHl7(AlarmInactivation v);
QString toHl7(std::optional<alarms::Priority> v); // PH PM PL PN; empty when unknown
QString toHl7(std::optional<alarms::Kind> v);     // SP ST SA; empty when unknown

struct AlarmReport
{
    QString alarmId; // OBR-3 as sent: the same across start / continue / end of one alarm
    QString bedKey;  // PV1-3 "unit^room^bed"
    QString bedLabel;
    CodedValue event; // facet .1, e.g. 196916 MDC_EVT_SENSOR_DISCONN
    QString eventText;
    CodedValue sourceMetric; // facet .2: the metric in alarm (or MDC_ATTR_ALERT_SOURCE's value)
    std::optional<double> sourceValue;
    std::optional<double> limitLow, limitHigh;
    CodedValue sourceUnit;
    AlarmPhase phase = AlarmPhase::Unknown;
    QString phaseText;
    AlarmState state = AlarmState::Unknown;
    AlarmInactivation inactivationState = AlarmInactivation::Unknown;
    std::optional<alarms::Priority> priority; // empty when the sender gave none we know
    std::optional<alarms::Kind> kind;
    // What the report is about, decided by the decoder from the codes (models/domain/Mdc.h).
    std::optional<NumericId> parameter;
    alarms::Direction direction = alarms::Direction::None;
    QString technicalCode;
    bool isHeartbeat = false; // MDC_EVT_ACTIVE "watchdog": the link is alive, not an alarm
    int confirmTimeoutS = 0;  // MDC_ATTR_CONFIRM_TIMEOUT; 5 s when a heartbeat does not say
    qint64 timeMs = 0;        // event OBX-14, else OBR-7, else MSH-7 (UTC ms)
};

struct DecodedPcd04
{
    std::vector<AlarmReport> alarms; // one per OBR
    std::optional<PatientInfo> patient;
    std::vector<QString> warnings;
    QString controlId;
};

DecodedPcd04 decodePcd04(const Message &message, const DecodeOptions &options = {});

// PV1-3 to the station's bed key ("unit^room^bed") and label ("room-bed", or the bed alone).
struct BedAddress
{
    QString key;
    QString label;
};
BedAddress bedAddress(const Message &message);
std::optional<PatientInfo> patientOf(const Message &message);
// The patient category of an age: under 29 days neonatal, under 13 years paediatric, else adult.
PatientProfile profileForAge(const QDate &birthDate, const QDate &today);

// --- building (gateway simulator, escalations) ---------------------------------------------------------

struct SendOptions
{
    QString sendingApplication = QStringLiteral("VIGIL_SIM");
    QString sendingFacility;
    QString receivingApplication;
    QString receivingFacility;
    QString controlId;
    qint64 messageTimeMs = 0;
    QString processingId = QStringLiteral("P");
};

// PCD-01 ORU^R01 with one OBX per numeric of update (MDC code, MDC unit, OBX-14 time, status R).
std::string buildPcd01Numerics(const BedUpdate &update, const SendOptions &options);
// PCD-01 waveform ORU^R01: OBR-4 69121 MDC_OBS_WAVE_CTS and per block an NA row with sample-rate and
// data-range facets. Blocks with a gain are sent as scaled integers with a scale-range facet.
std::string buildPcd01Waveform(const BedUpdate &update, const SendOptions &options);
// PCD-04 ORU^R40 with the facet rows .1 to .7 (and the confirm timeout for a heartbeat).
std::string buildPcd04Alarm(const AlarmReport &alarm, const std::optional<PatientInfo> &patient,
                            const SendOptions &options);

} // namespace vigil::hl7
