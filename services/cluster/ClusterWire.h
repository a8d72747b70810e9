// What stations say to each other on the NATS cluster (docs/SCALE.md): subject names and payloads.
//
// Subjects: hospital.<hospital>.<unit>.<bed>.<what>, each name a token ('.', '*', '>' and blanks become '_';
// the payload carries the real bed key).
//   data  plain subject (core NATS, not stored): one bed's numerics, conditions, patient and waveform blocks
//         since the previous batch; waves compressed with the archive's codec (services/codec).
//   alarm JetStream stream VIGIL_ALARMS (R3, file storage, deduplicated by Nats-Msg-Id): one alarm
//         condition's lifecycle step (start, acknowledge, escalate, de-escalate, end, reset) with its state.
//   cmd   plain subject: a viewer's action on an owner's alarm (acknowledge) or bed (pause its alarms).
#pragma once

#include "Ingest.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace vigil::cluster {

QString token(const QString &name); // a name as one subject token
QString subject(const QString &hospital, const QString &unit, const QString &bedKey, const char *what);
inline constexpr char kAlarmStream[] = "VIGIL_ALARMS";

// One bed's data batch. Waves: float samples quantised with the block's gain (adu/unit; 1000 when the source
// gave none) and compressed losslessly with the codec; NaN travels as a reserved integer.
QByteArray encodeData(const QString &station, const QString &unit, const BedUpdate &update);
struct DataBatch
{
    QString station, unit;
    BedUpdate update;
};
std::optional<DataBatch> decodeData(const QByteArray &bytes);

// One lifecycle step of an alarm condition at the owning station.
struct AlarmEvent
{
    QString station;   // owner (the station whose engine holds the condition)
    QString group;     // a redundant pair's name (its unit) when the owner is one of a pair: viewers key the
                       // condition by group and id, so the standby that takes over continues it
    QString unit;      // owner's unit
    qint64 epoch = 0;  // when the owner's process started (ms): its counter restarts with it
    quint64 seq = 0;   // owner's event counter (station/epoch/seq is the Nats-Msg-Id: a resend is dropped)
    QString step;      // start, acknowledge, escalate, de-escalate, end, reset, state; "pause": the bed's
                       // alarms are paused until timeMs (0: resumed), id "pause"
    QString id;        // the condition id at the owner
    QString gatewayId; // OBR-3 of the gateway's alarm (PCD-04) when a gateway reported it
    QString bedKey;    // at the owner
    QString bedLabel;
    QString code, text, parameter; // parameter: numeric key ("hr") or empty
    QString direction;             // "", "low", "high"
    QString priority, kind;        // nameOf()
    bool active = true;
    bool acknowledged = false;
    QString acknowledgedBy;
    bool escalated = false;
    double value = 0, limit = 0;
    bool hasValue = false, hasLimit = false;
    qint64 onsetMs = 0, timeMs = 0;
    qint64 publishedMs = 0; // owner's clock when it published (latency measurements)
};
QByteArray encodeAlarm(const AlarmEvent &e);
std::optional<AlarmEvent> decodeAlarm(const QByteArray &bytes);

// A viewer's action on an alarm owned by another station.
struct Command
{
    QString op; // "acknowledge" (alarmId), "pause" (bedKey, seconds; 0 resumes)
    QString station, alarmId, bedKey, user, from;
    int seconds = 0;
};
QByteArray encodeCommand(const Command &c);
std::optional<Command> decodeCommand(const QByteArray &bytes);

} // namespace vigil::cluster
