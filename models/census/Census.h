// The census as QML sees it (Station.census): the stay of each bed, pending conflicts, identity
// mismatches, and the actions a user takes at the station (admit, edit, transfer, discharge, resolve).
// Lives on the GUI thread. Actions go to a CensusBackend (app/AdtWiring: the ADT worker thread, where they
// are made durable); their outcome comes back as actionFinished(). Every action is a Q_INVOKABLE of this
// one object so permission checks (issue 12) can wrap them in one place.
#pragma once

#include "CensusState.h"

#include <QJsonObject>
#include <QObject>
#include <QVariantList>
#include <QVariantMap>

#include <functional>

namespace vigil::census {

// What the actions call; implemented in app/ (AdtWiring). Each call answers through `done` on the GUI
// thread, exactly once.
class CensusBackend
{
public:
    virtual ~CensusBackend() = default;
    using Done = std::function<void(bool ok, const QString &reason)>;
    virtual void admit(const QString &bedKey, const PatientIdentity &p, Done done) = 0;
    virtual void update(const QString &bedKey, const PatientIdentity &p, Done done) = 0;
    virtual void transfer(const QString &fromBed, const QString &toBed, Done done) = 0;
    virtual void discharge(const QString &bedKey, Done done) = 0;
    virtual void resolveConflict(qint64 id, Done done) = 0;
    virtual void search(const QString &text, std::function<void(std::vector<Stay>)> done) = 0;
    // The bed's current vitals (GUI thread, immediate) and charting a validated set to the EHR.
    virtual std::vector<VitalEntry> currentVitals(const QString &bedKey) = 0;
    virtual void chart(const QString &bedKey, std::vector<VitalEntry> values, Done done) = 0;
};

class Census : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool available READ available NOTIFY changed)
    Q_PROPERTY(QVariantList stays READ stays NOTIFY changed)
    Q_PROPERTY(QVariantList conflicts READ conflicts NOTIFY changed)
    Q_PROPERTY(int conflictCount READ conflictCount NOTIFY changed)
    Q_PROPERTY(QVariantList mismatches READ mismatches NOTIFY changed)
    Q_PROPERTY(QString lastError READ lastError NOTIFY actionFinished)
    Q_PROPERTY(int ehrQueueDepth READ ehrQueueDepth NOTIFY changed)
public:
    explicit Census(QObject *parent = nullptr);

    void setBackend(CensusBackend *backend) { m_backend = backend; }
    // Who may act (issue 12): asked before every action with its name ("admit", "validateVitals"...) and
    // target bed; false (with *whyNot) refuses the action, which finishes with that reason. Unset: allowed.
    using Gate = std::function<bool(const QString &action, const QString &target, QString *whyNot)>;
    void setGate(Gate gate) { m_gate = std::move(gate); }
    bool available() const { return m_backend != nullptr; }

    // GUI thread: the engine's state after a change.
    void setStays(std::vector<Stay> stays, std::vector<Conflict> conflicts);
    // GUI thread: a bed whose gateway names another patient than its stay (empty gatewayId: none).
    void setMismatch(const QString &bedKey, const QString &gatewayId, const QString &gatewayName);

    const std::vector<Stay> &currentStays() const { return m_stays; }
    const std::vector<Conflict> &pendingConflicts() const { return m_conflicts; }
    const Stay *stayOf(const QString &bedKey) const;
    struct Mismatch
    {
        QString bedKey, gatewayId, gatewayName;
    };
    const std::vector<Mismatch> &currentMismatches() const { return m_mismatches; }
    // Beds whose mismatch a user resolved by keeping the stay, with the gateway id she saw then.
    bool mismatchKept(const QString &bedKey, const QString &gatewayId) const;

    QVariantList stays() const;
    QVariantList conflicts() const;
    int conflictCount() const { return int(m_conflicts.size()); }
    QVariantList mismatches() const;
    QString lastError() const { return m_lastError; }

    // The stay of a bed as a map (empty when none): mrn, name, family, given, sex, birthDate (yyyy-MM-dd),
    // profile, attending, allergies, visit, source, admitMs, lastDataMs, stayId.
    Q_INVOKABLE QVariantMap stayOfBed(const QString &bedKey) const;
    // patient: the same keys as stayOfBed() returns (mrn required).
    Q_INVOKABLE void admit(const QString &bedKey, const QVariantMap &patient);
    Q_INVOKABLE void update(const QString &bedKey, const QVariantMap &patient);
    Q_INVOKABLE void transfer(const QString &fromBed, const QString &toBed);
    Q_INVOKABLE void discharge(const QString &bedKey);
    Q_INVOKABLE void resolveConflict(qint64 id);
    // Identity mismatch: accept the gateway's patient (the stay takes its id and name) or keep the stay.
    Q_INVOKABLE void resolveMismatch(const QString &bedKey, bool acceptGateway);
    // Vitals for validation: [{key, label, unit, value, timeMs}] of the bed's current numerics.
    Q_INVOKABLE QVariantList currentVitals(const QString &bedKey) const;
    // Validated vitals to the EHR (ORU^R01, OBX-11 F, OBX-16 the user): values as currentVitals() gives
    // them, a corrected one with "measured" (the device's value) and "reason".
    Q_INVOKABLE void validateVitals(const QString &bedKey, const QVariantList &values);
    // Past and current stays by MRN or name; the answer comes as searchResults().
    Q_INVOKABLE void search(const QString &text);
    // The same, answered to `done` alone (GUI thread, exactly once): StaySearchModel.
    void search(const QString &text, std::function<void(const QVariantList &)> done);

    static QVariantMap toMap(const Stay &s);
    // For the state file: {"stays": {bed: {...}}, "conflicts": [...], "identity_mismatches": [...],
    // "ehr_queue_depth": n}.
    QJsonObject toJson() const;
    // The EHR link's queue (services/ehr), shown in the state file.
    void setEhrQueueDepth(int depth)
    {
        m_ehrQueueDepth = depth;
        emit changed();
    }
    int ehrQueueDepth() const { return m_ehrQueueDepth; }
    static PatientIdentity identityFrom(const QVariantMap &m);

signals:
    void changed();
    void actionFinished(const QString &action, bool ok, const QString &reason);
    void searchResults(const QVariantList &stays);

private:
    CensusBackend::Done finisher(const QString &action);
    bool permitted(const QString &action, const QString &target); // false: finished with the refusal
    Gate m_gate;

    CensusBackend *m_backend = nullptr;
    std::vector<Stay> m_stays;
    std::vector<Conflict> m_conflicts;
    std::vector<Mismatch> m_mismatches;
    std::map<QString, QString> m_kept; // bed -> gateway id the user chose to ignore
    QString m_lastError;
    int m_ehrQueueDepth = 0;
};

} // namespace vigil::census
