// The census: which patient lies in which bed (one current stay per bed at most), decided from ADT events
// and from what users do at the station. Pure state and rules (Qt Core only, not thread-safe): the ADT
// service (services/adt) owns one instance behind its lock, persists the changes an event makes before it
// answers, and hands snapshots to the GUI's Census object. Rules: docs/ADT.md.
#pragma once

#include "Ingest.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace vigil::census {

enum class StaySource { Adt, Manual, Unadmitted };
QString toString(StaySource s);
StaySource staySourceFromString(const QString &s);

struct PatientIdentity
{
    QString mrn;          // PID-3 (first repetition, type MR preferred)
    QStringList otherIds; // the other PID-3 repetitions, "id^authority^type"
    QString family, given;
    QString sex;                              // PID-8: F, M, O, U
    QDate birthDate;                          // PID-7
    std::optional<PatientProfile> profileSet; // set by a user; otherwise derived from the age
    QString attending;                        // PV1-7, display form
    QString allergies;                        // free text
    QString visit;                            // PV1-19 visit / encounter number

    QString displayName() const;
    PatientProfile profile(const QDate &today) const;
    bool operator==(const PatientIdentity &) const = default;
};

struct Stay
{
    qint64 id = 0; // the store's row id (0 until persisted)
    QString bedKey;
    PatientIdentity patient;
    StaySource source = StaySource::Adt;
    qint64 admitMs = 0;
    std::optional<qint64> endMs;
    QString endReason;   // discharge, cancelled, transferred-out, merged, auto-discharge
    QString priorBedKey; // the bed before the last transfer (A12 returns there)
    qint64 lastDataMs = 0;
    bool operator==(const Stay &) const = default;
};

struct Conflict
{
    qint64 id = 0;
    qint64 timeMs = 0;
    QString controlId;
    QString event; // "A02"...
    QString bedKey;
    QString mrn;
    QString reason;
};

enum class AdtTrigger { A01, A02, A03, A04, A08, A11, A12, A13, A17, A40 };
QString toString(AdtTrigger t);
std::optional<AdtTrigger> triggerFromString(QStringView s);

// A decoded ADT message, bed keys already mapped to the station's beds. A bed outside the station's units
// has bedOurs false (and its raw key in bedKey).
struct AdtEvent
{
    AdtTrigger trigger = AdtTrigger::A08;
    QString controlId;
    qint64 timeMs = 0;
    PatientIdentity patient;
    QString bedKey;
    bool bedOurs = false;
    bool bedKnown = false; // ours and one of the station's beds (an unknown bed of our unit is an error)
    // A17: the second PID/PV1 pair. A40: mergedMrn is MRG-1 (the identifier that disappears).
    PatientIdentity patient2;
    QString bedKey2;
    bool bed2Ours = false;
    bool bed2Known = false;
    QString mergedMrn;
};

// One durable change an event or action makes: the store writes these in one transaction.
struct StayChange
{
    enum class Kind { Upsert, Remove } kind = Kind::Upsert;
    Stay stay;
};

struct ApplyResult
{
    bool ok = true;            // AA (possibly ignored) or AE
    bool ignored = false;      // AA without a change (out of unit, already so)
    QString reason;            // AE: why; AA ignored: why not applied
    std::vector<Stay> changed; // stays created, moved, updated or ended (ended ones carry endMs)
};

class CensusState
{
public:
    // today: for age-derived profile checks (DOB in the future is rejected).
    ApplyResult apply(const AdtEvent &e);

    // Station actions (a user at the central). Same rules as the ADT events they mirror.
    ApplyResult admit(const QString &bedKey, const PatientIdentity &p, StaySource source, qint64 nowMs);
    ApplyResult update(const QString &bedKey, const PatientIdentity &p);
    ApplyResult transfer(const QString &fromBed, const QString &toBed, qint64 nowMs);
    ApplyResult discharge(const QString &bedKey, qint64 nowMs, const QString &reason);
    // Data arrived on a bed: an unadmitted stay opens when the bed has none; lastDataMs moves on.
    // Returns the stay when it was created (lastDataMs updates are not durable changes).
    std::optional<Stay> noteData(const QString &bedKey, qint64 timeMs);

    const std::map<QString, Stay> &current() const { return m_current; }
    const Stay *stayOfBed(const QString &bedKey) const;
    const Stay *stayOfPatient(const QString &mrn) const;
    // Ended stays kept for A13 (cancel discharge): the latest per MRN.
    const std::map<QString, Stay> &lastEnded() const { return m_lastEnded; }

    // Loading from the store at start-up.
    void load(std::vector<Stay> current, std::vector<Stay> lastEnded);
    // After the store assigned ids to new stays.
    void setStayId(const QString &bedKey, qint64 id);

    // The id the next new stay gets (the store keeps its own; tests without a store use these).
    qint64 nextLocalId() { return --m_localId; }

private:
    ApplyResult admitEvent(const AdtEvent &e);
    ApplyResult moveStay(const QString &mrn, const QString &toBed, bool toOurs, qint64 t,
                         bool cancelTransfer);
    ApplyResult endStay(const QString &bedKey, qint64 t, const QString &reason);
    ApplyResult swap(const AdtEvent &e);
    ApplyResult merge(const AdtEvent &e);

    std::map<QString, Stay> m_current;   // by bed key
    std::map<QString, Stay> m_lastEnded; // by MRN
    qint64 m_localId = 0;
};

// One vital sign as charted to the EHR (services/ehr): the value the nurse validated, when it was measured,
// and, when she corrected it, what the device measured and her reason.
struct VitalEntry
{
    NumericId id = NumericId::Hr;
    double value = 0;
    qint64 timeMs = 0;
    std::optional<double> measured;
    QString reason;
};

// The ACK code text for a result.
inline const char *ackCodeOf(const ApplyResult &r)
{
    return r.ok ? "AA" : "AE";
}

} // namespace vigil::census
