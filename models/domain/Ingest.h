// What a data source (simulator, WFDB replay, HL7 gateway) hands to the model layer.
//
// Sources run on their own threads and call IngestSink from there. The sink (the model layer's Ward)
// writes waveform samples straight into per-channel SampleRings and queues everything else
// for the GUI thread, which drains it in batches a few times a second. A source never knows whether the
// station has a window, and the models never know which kind of source fed them.
#pragma once

#include "Alarm.h"
#include "Vitals.h"

#include <QDate>

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
    QDate birthDate; // PID-7; the decoder derives profile from it (docs/HL7.md)
    bool operator==(const PatientInfo &) const = default;
};

struct NumericSample
{
    NumericId id;
    double value;
    qint64 timeMs; // measurement time, ms since the Unix epoch (UTC)
    // The device's alarm limits for this numeric (PCD-01 OBX-7), when it sends them: the device then
    // alarms on this parameter and its limits govern (IEC 60601-1-8 distributed alarm system).
    std::optional<double> limitLow = {}, limitHigh = {};
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
// The alarm engine turns these into technical alarms (AlarmEngine::onDeviceConditions); the tile shows the
// text, and blanks the numerics the condition makes invalid.
struct DeviceCondition
{
    QString code; // e.g. "lead_off", "sensor_off", or an MDC event REFID from PCD-04
    QString text; // human-readable, shown on the tile
    bool active = true;
};

// An alarm as a device reports it through a gateway (IHE PCD-04), already decoded into the station's
// vocabulary: the decoder decided what it is about (parameter and direction, or a technical code); the
// alarm engine never parses HL7 codes or words. The same alarmId comes back with each phase of one alarm
// (start, continue, end...). A heartbeat (MDC_EVT_ACTIVE) keeps the source's link watchdog fed.
struct GatewayAlarm
{
    QString sourceId; // the gateway source it came from
    QString alarmId;  // OBR-3: the same across start / continue / end of one alarm
    QString bedKey;
    QString bedLabel;
    // As sent (kept for the archive and the alert manager).
    quint32 eventCode = 0; // facet .1, e.g. 196648 MDC_EVT_HI
    QString eventRefId;
    QString eventText;
    quint32 sourceMetricCode = 0; // facet .2, e.g. 147842 MDC_ECG_HEART_RATE
    QString sourceMetricRefId;
    // What it means (models/domain/Mdc.h alarmMeaning()).
    std::optional<NumericId> parameter;
    alarms::Direction direction = alarms::Direction::None;
    QString technicalCode; // alarms::tech code when technical (lead_off, sensor_off...)
    std::optional<double> value;
    std::optional<double> limitLow, limitHigh; // the device's limits
    alarms::Phase phase = alarms::Phase::Unknown;
    alarms::ReportedState state = alarms::ReportedState::Unknown;
    alarms::Inactivation inactivation = alarms::Inactivation::Unknown;
    std::optional<alarms::Priority> priority; // empty when the sender gave none we know
    std::optional<alarms::Kind> kind;
    qint64 timeMs = 0;
    bool isHeartbeat = false;
    int confirmTimeoutS = 0; // heartbeat period the gateway promises; 5 s when it does not say
    bool ended() const { return phase == alarms::Phase::End || state == alarms::ReportedState::Inactive; }
    // Fills parameter, direction and technicalCode from the codes (mdc::alarmMeaning).
    void decideMeaning();
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
    // Messages a gateway sent again that the station recognised (MSH-10 and content): acknowledged again,
    // not stored or shown twice.
    quint64 resends = 0;
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
