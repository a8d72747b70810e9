// What a data source (simulator, WFDB replay, HL7 gateway) hands to the model layer.
//
// Sources run on their own threads and call IngestSink from there. The sink (the model layer's
// WardIngest) writes waveform samples straight into per-channel SampleRings and queues everything else
// for the GUI thread, which drains it in batches a few times a second. A source never knows whether the
// station has a window, and the models never know which kind of source fed them.
#pragma once

#include "Vitals.h"

#include <QString>
#include <QtGlobal>

#include <limits>
#include <optional>
#include <vector>

namespace vigil {

struct PatientInfo
{
    QString id;   // PID-3 (MRN), or the simulator's synthetic id
    QString name; // display form, "Family, Given"
    PatientProfile profile = PatientProfile::Adult;
    bool operator==(const PatientInfo &) const = default;
};

struct NumericSample
{
    NumericId id;
    double value;
    qint64 timeMs; // measurement time, ms since the Unix epoch (UTC)
};

// A block of consecutive samples of one channel. samples are in the channel's unit (WaveInfo::unit);
// NaN marks "no data". When the source knows the integer representation (WFDB adu, HL7 scaled integers),
// gain and baseline recover it exactly: adu = round(sample * gain + baseline).
struct WaveBlock
{
    WaveId id;
    double sampleRate;  // Hz
    qint64 startTimeUs; // time of samples[0], µs since the Unix epoch (UTC)
    std::vector<float> samples;
    double gain = 0.0; // adu per unit; 0 = unknown
    int baseline = 0;
};

// A condition the device or gateway reports about its own measurement (lead off, sensor off...).
// The alarm engine turns these into technical alarms; until then the tile shows the text.
struct DeviceCondition
{
    QString code; // e.g. "lead_off", "sensor_off", or an MDC event REFID from PCD-04
    QString text; // human-readable, shown on the tile
    bool active = true;
};

// An alarm as a gateway reports it (IHE PCD-04), in domain terms. The same alarmId comes back with each
// phase of one alarm (start, continue, end...). Until the alarm engine consumes these, the ward shows the
// active ones as device conditions on the bed.
struct GatewayAlarm
{
    enum class Phase : std::uint8_t { Unknown, TPoint, Start, Continue, End, Update, Escalate, DeEscalate };
    enum class State : std::uint8_t { Unknown, Inactive, Active, Latched };
    enum class Priority : std::uint8_t { Unknown, High, Medium, Low, None };
    enum class Kind : std::uint8_t { Unknown, Physiological, Technical, Advisory };
    QString alarmId;
    QString eventCode;  // number as text, e.g. "196916"
    QString eventRefId; // e.g. "MDC_EVT_SENSOR_DISCONN"
    QString eventText;
    QString sourceCode; // metric in alarm, e.g. "150456"
    QString sourceRefId;
    double sourceValue = std::numeric_limits<double>::quiet_NaN();
    double limitLow = std::numeric_limits<double>::quiet_NaN();
    double limitHigh = std::numeric_limits<double>::quiet_NaN();
    Phase phase = Phase::Unknown;
    State state = State::Unknown;
    QString inactivation; // "enabled", "audio-paused", ... as sent
    Priority priority = Priority::Unknown;
    Kind kind = Kind::Unknown;
    qint64 timeMs = 0;
    QString sourceId; // the gateway it came from
    bool ended() const { return phase == Phase::End || state == State::Inactive; }
};

// Everything one source learned about one bed since its previous delivery.
struct BedUpdate
{
    QString bedKey;   // the source's bed address: a simulator bed id, or PV1-3 "unit^room^bed"
    QString bedLabel; // label to use when the station does not list this bed in its config
    QString sourceId;
    std::optional<PatientInfo> patient;
    std::vector<NumericSample> numerics;
    std::vector<WaveBlock> waves;
    std::vector<DeviceCondition> conditions;
    std::vector<GatewayAlarm> alarms;
};

struct SourceStatus
{
    enum class State { Stopped, Connecting, Connected, Listening, Error };
    QString id;
    QString name;
    QString url;
    State state = State::Stopped;
    bool secure = true; // false for plaintext links the user configured explicitly
    qint64 sinceMs = 0; // when it entered its current state
    quint64 messages = 0;
    quint64 errors = 0;
    qint64 lastMessageMs = 0;
    QString lastError;
    int connections = 0;     // listeners: gateways connected now
    bool heartbeatOk = true; // false when a gateway's PCD-04 heartbeat stopped (the link is down)
    quint64 unknownBedMessages = 0;
};

QString toString(SourceStatus::State s);

// Implemented by the model layer; called from source threads.
class IngestSink
{
public:
    virtual ~IngestSink() = default;
    virtual void deliver(BedUpdate &&update) = 0;
    virtual void sourceStatusChanged(const SourceStatus &status) = 0;
};

} // namespace vigil
