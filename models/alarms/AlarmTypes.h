// Value types of the alarm engine: what a condition is, what the gateway told us about one, what the
// engine asks the audio and the alert manager to do. Qt Core only; the GUI thread owns every instance.
//
// Vocabulary follows IEC 60601-1-8 (docs/STANDARDS-NOTES.md section 6) and IHE PCD-04 (section 3).
#pragma once

#include "Alarm.h"
#include "Ingest.h"
#include "Vitals.h"

#include <QString>
#include <QtGlobal>

#include <cmath>
#include <optional>

namespace vigil::alarms {

// Priority, Kind, State, Direction, Phase, ReportedState, Inactivation, AudioPattern and the technical codes
// are the domain's (models/domain/Alarm.h); Origin and Delivery are the engine's own.
enum class Origin : quint8 { StationLimit, StationTechnical, Gateway };

// Where an escalation to the alert manager stands, from the PCD-05 replies. Ordered: a later reply never
// downgrades an earlier, stronger one (accepted stays accepted when a late "delivered" arrives).
enum class Delivery : quint8 { None, Pending, Delivered, Read, Accepted, Failed };

QString nameOf(Origin o); // "station_limit" "station_technical" "gateway"
QString nameOf(Delivery d);

// One alarm report from a gateway, decoded (models/domain/Ingest.h).
using GatewayAlarmEvent = GatewayAlarm;

// An alarm condition as the list, tile, state file and alert manager see it (issue item 2).
struct AlarmCondition
{
    QString id;  // unique per occurrence; also the OBR-3 of escalations sent to the alert manager
    QString key; // what kind of condition: "<bed>|hr|high", "<bed>|tech|lead_off", "gw|<alarmId>"
    Origin origin = Origin::StationLimit;
    QString bedKey; // empty for station-wide conditions (link down, alert manager unreachable)
    QString bedLabel;
    QString sourceId;       // gateway or source the condition concerns (station-wide ones)
    QString gatewayAlarmId; // OBR-3 as the gateway sent it
    QString code;           // "hr_high", "lead_off", or the gateway's event REFID
    QString text;           // what the nurse reads
    std::optional<NumericId> parameter;
    Direction direction = Direction::None;
    Priority priority = Priority::Medium;
    Kind kind = Kind::Physiological;
    State state = State::Active;
    bool latching = false;

    double value = std::nan("");   // the value that caused it
    double limit = std::nan("");   // the limit it crossed
    double current = std::nan(""); // latest value while the condition lasts
    double worst = std::nan("");   // furthest beyond the limit

    qint64 startMs = 0;
    qint64 endMs = 0;         // when the cause ended; 0 while present
    qint64 signalSinceMs = 0; // when it started to signal (start, or the end of an alarm pause)

    bool acknowledged = false;
    QString acknowledgedBy;
    qint64 acknowledgedMs = 0;
    QString resetBy;
    qint64 resetMs = 0;

    bool alarmPaused = false; // its bed's alarms are paused (filled in snapshots)
    Inactivation reportedInactivation = Inactivation::Unknown; // as the gateway reported it
    bool gatewayEscalated = false;                             // the gateway sent phase "escalate"

    int escalationTier = 0; // index of the highest tier of AlarmConfig::escalation reached
    bool escalated = false; // a tier with a louder local signal was reached
    bool sentToAlertManager = false;
    qint64 escalatedMs = 0;
    int maxTierReached = 0; // highest tier ever reached (statistics survive de-escalation)
    Delivery delivery = Delivery::None;
    QString deliveryText;
    qint64 deliveryMs = 0;

    QString supersededBy; // a gateway alarm that took over this station-raised one

    quint64 activationSeq = 0; // engine order of (re)activation; audio pause compares against it

    bool isSignalling() const { return state != State::Inactive && priority != Priority::None; }
};

// One user action (or system change of limits), for the audit trail.
struct AuditEntry
{
    qint64 timeMs = 0;
    QString user;
    QString action; // acknowledge, acknowledge_bed, audio_pause, audio_pause_cancel, alarm_pause,
                    // alarm_resume, reset, reset_bed, set_limit, default_limits
    QString bedKey;
    QString alarmId;
    QString detail; // e.g. "hr 50-120 -> 45-120"
};

// Something for the lead's HL7 code to send to the ward's alert manager (PCD-04 ORU^R40).
struct EscalationAction
{
    enum class Type : quint8 { Escalate, DeEscalate, End };
    quint64 seq = 0;
    Type type = Type::Escalate;
    QString alarmId;
    int tier = 0;
    qint64 dueMs = 0;         // when the configured delay elapsed
    qint64 timeMs = 0;        // when the engine noticed (evaluate time); timeMs - dueMs is the timing error
    AlarmCondition condition; // snapshot to build the message from
};

// The one pattern that should sound (only the highest priority sounds), and the audio-pause state.
struct AudioDecision
{
    AudioPattern pattern = AudioPattern::None;
    Priority priority = Priority::None;
    bool escalated = false;
    QString alarmId;        // the newest audible condition of that priority
    quint64 generation = 0; // changes when a new condition becomes audible (the low tone plays once each)
    bool paused = false;
    qint64 pauseEndsMs = 0;
    int pauseRemainingS = 0; // for the visible countdown
    Priority pausedPriority = Priority::None;
};

// IEC 60601-1-8 visual signal: HIGH red 2 Hz, MEDIUM yellow 0.5 Hz, both 50 % duty; LOW cyan steady.
struct FlashSpec
{
    int periodMs = 0; // 0: steady
    int onMs = 0;
    const char *color = ""; // "#rrggbb"
};
FlashSpec flashSpec(Priority p);

// The numbers of a condition, the same in the alarm bar, the tile and the alarm centre: the value that
// triggered against the limit, and the current value apart when it differs ("85 < 90, now 92").
QString valueText(const AlarmCondition &c);
// Where a condition is: its bed label, or "Station" for the station's own (link, archive, alert manager).
QString whereText(const AlarmCondition &c);
// Whether the user can acknowledge / reset it now.
bool canAcknowledge(const AlarmCondition &c);
bool canReset(const AlarmCondition &c);
// Whether the indicator of priority p is lit at timeMs. Phase is locked to the epoch so that every tile and
// the alarm bar flash in step (a ward of out-of-phase lights is harder to read).
bool indicatorOn(Priority p, qint64 timeMs);

} // namespace vigil::alarms
