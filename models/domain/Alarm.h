// The station's one alarm vocabulary (IEC 60601-1-8 and IHE PCD-04), shared by every layer: the PCD
// decoder and encoder (services/hl7), the alarm engine and its models (models/alarms), the archive, the
// audio player and the UI. Nothing else defines a priority, a kind, a phase or a technical code.
//
// Spec: docs/STANDARDS-NOTES.md section 3 (PCD-04 facets) and section 6 (IEC 60601-1-8).
#pragma once

#include "Vitals.h"

#include <QObject>
#include <QString>
#include <QtGlobal>

#include <optional>
#include <vector>

namespace vigil::alarms {
// A meta-object namespace so Priority is a Q_ENUM_NS: ui/QmlTypes.h shows this very enum to QML as
// `Priority` (QML_FOREIGN_NAMESPACE), and QVariant/debug output name its values.
Q_NAMESPACE

// Ordered so that a larger value is more urgent: comparisons pick the highest priority. PCD-04: PN PL PM PH.
enum class Priority : quint8 { None, Low, Medium, High };
Q_ENUM_NS(Priority)
inline constexpr int kPriorityCount = 4;
// PCD-04 alert type: SP ST SA.
enum class Kind : quint8 { Physiological, Technical, Advisory };
inline constexpr int kKindCount = 3;
// The engine's view of a condition. Active: the cause is present. Latched: the cause ended but the
// condition keeps signalling until reset (IEC latching alarm). Inactive: ended (or reset).
enum class State : quint8 { Active, Latched, Inactive };
// Which side of its limits a physiological condition is on.
enum class Direction : quint8 { None, Low, High };

// PCD-04 facets as a device reports them (MDC_ATTR_EVENT_PHASE, _ALARM_STATE, _ALARM_INACTIVATION_STATE).
enum class Phase : quint8 { Unknown, TPoint, Start, Continue, End, Update, Escalate, DeEscalate };
enum class ReportedState : quint8 { Unknown, Inactive, Active, Latched };
enum class Inactivation : quint8 {
    Unknown,
    Enabled,
    AudioPaused,
    AudioOff,
    AlarmPaused,
    AlarmOff,
    Acknowledged
};

// What the loudspeaker plays: the IEC 60601-1-8 burst of a priority, or its escalated (+6 dB) form.
enum class AudioPattern : quint8 { None, Low, Medium, High, MediumEscalated, HighEscalated };

// Technical conditions, by the one code each has everywhere (engine keys, archive rows, state file).
// Devices' own REFIDs map onto these in models/domain/Mdc.h, so a condition reported by the device and
// seen by the station is one condition.
namespace tech {
inline const QString LinkDown = QStringLiteral("link_down");
inline const QString NoData = QStringLiteral("no_data");
inline const QString LeadOff = QStringLiteral("lead_off");
inline const QString SensorOff = QStringLiteral("sensor_off");
inline const QString WaveformGap = QStringLiteral("waveform_gap");
inline const QString AlertManagerFailed = QStringLiteral("alert_manager_failed");
inline const QString ArchiveFailed = QStringLiteral("archive_failed");
inline const QString DicomUnreachable =
    QStringLiteral("dicom_unreachable"); // store-and-forward (docs/DICOM.md)
// The census (docs/ADT.md): the monitor names another patient than the one admitted to the bed; the
// EHR charting link has not delivered for longer than configured.
inline const QString PatientIdentityMismatch = QStringLiteral("patient_identity_mismatch");
inline const QString EhrLinkDown = QStringLiteral("ehr_link_down");
// Stale numerics: StalePrefix + NumericInfo::key, e.g. "stale_hr".
inline const QString StalePrefix = QStringLiteral("stale_");
} // namespace tech

// Named nameOf, not toString, so that QTest::toString (found by ADL in QCOMPARE) keeps working for them.
QString nameOf(Priority p);  // "none" "low" "medium" "high"
QString nameOf(Kind k);      // "physiological" "technical" "advisory"
QString nameOf(State s);     // "active" "latched" "inactive"
QString nameOf(Direction d); // "" "low" "high"
QString nameOf(Phase p);     // "" "tpoint" "start" "continue" "end" "update" "escalate" "de-escalate"
QString nameOf(ReportedState s);
QString nameOf(Inactivation i); // "enabled" "audio-paused" ... "alert-acknowledged" (the PCD-04 words)
QString nameOf(AudioPattern p);
QString nameOf(PatientProfile p);                             // "adult" "paediatric" "neonatal"
std::optional<Priority> priorityFromString(const QString &s); // also PH PM PL PN
std::optional<Kind> kindFromString(const QString &s);         // also SP ST SA
std::optional<PatientProfile> profileFromString(const QString &s);

// What the nurse reads for a condition, in one case style everywhere ("SpO2 low", "ECG lead off").
QString conditionText(NumericId parameter, Direction direction);
QString technicalText(const QString &code); // "ECG lead off", "No data", "HR: no current value"
// The numerics a technical condition makes invalid: the measurement the device named (a CO2 sensor off
// blanks etCO2), else lead off blanks HR and sensor off SpO2 and pulse. Other codes blank nothing.
std::vector<NumericId> numericsInvalidatedBy(const QString &code,
                                             std::optional<NumericId> parameter = std::nullopt);

} // namespace vigil::alarms
