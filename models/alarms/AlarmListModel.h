// The alarm list (IEC 60601-1-8: the specific condition and its priority legible at 1 m): every active,
// latched and recent alarm, sorted so the most urgent is on top, with typed roles for QML.
//
// Sort order: signalling (active or latched) before ended, then priority (high first), then start time
// (newest first). The "signalling first" key is deliberate: an ended HIGH alarm from ten minutes ago must
// not push a sounding MEDIUM one off the screen.
//
// Updated by refresh(), which the owner calls from its drain timer: rows are inserted, removed and moved
// one by one (no model reset, so a QML ListView keeps its scroll position), and durations tick.
#pragma once

#include "AlarmEngine.h"

#include <QAbstractListModel>

namespace vigil::alarms {

class AlarmListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString bedFilter READ bedFilter WRITE setBedFilter NOTIFY bedFilterChanged)
    // While held (a pointer or finger is on the list) rows do not move, appear or disappear: they only
    // take new data in place, and pendingChanges counts what waits. Releasing applies it in one go.
    Q_PROPERTY(bool held READ held WRITE setHeld NOTIFY heldChanged)
    Q_PROPERTY(int pendingChanges READ pendingChanges NOTIFY pendingChangesChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        BedKeyRole,
        BedLabelRole,
        TextRole,
        CodeRole,
        PriorityRole,     // int: 0 none, 1 low, 2 medium, 3 high
        PriorityNameRole, // "high" ...
        KindRole,         // "physiological" "technical" "advisory"
        StateRole,        // "active" "latched" "inactive"
        OriginRole,
        ParameterRole, // numeric key ("hr") or ""
        ValueRole,     // double (NaN when none)
        LimitRole,
        CurrentRole,
        ValueTextRole, // "135 > 120", "88 < 90"
        StartMsRole,
        EndMsRole,
        DurationSRole, // while active: now - start; ended: end - start
        AcknowledgedRole,
        AcknowledgedByRole,
        AcknowledgedMsRole,
        ResetByRole,
        ResetMsRole,
        SignallingRole,
        AlarmPausedRole,
        EscalationTierRole,
        EscalatedRole,
        SentToAlertManagerRole,
        DeliveryRole, // "", "pending", "delivered", "read", "accepted", "failed"
        DeliveryTextRole,
        ColorRole,          // indicator colour of the priority
        WhereRole,          // bed label, or "Station" for the station's own conditions
        PatientNameRole,    // the bed's patient (through the patient lookup)
        CanAcknowledgeRole, // Ack applies now
        CanResetRole,       // Reset applies now (latched)
        // text (TextRole, DisplayRole) is the condition in the UI language; sourceText the domain's English
        // text, as sent to the alert manager and archived. stateText and deliveryName: state and delivery
        // in the UI language.
        SourceTextRole,
        StateTextRole,
        DeliveryNameRole,
    };
    Q_ENUM(Role)

    explicit AlarmListModel(const AlarmEngine *engine, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString bedFilter() const { return m_bedFilter; }
    bool held() const { return m_held; }
    void setHeld(bool held);
    int pendingChanges() const { return m_pending; }
    // Gives the patient column its names (bed key -> "Family, Given").
    void setPatientLookup(std::function<QString(const QString &)> lookup) { m_patientOf = std::move(lookup); }
    void setBedFilter(const QString &bedKey); // empty: the whole ward

    Q_INVOKABLE QString alarmId(int row) const;
    const AlarmCondition *at(int row) const;

    // Re-reads the engine when its revision changed and updates durations to nowMs.
    void refresh(qint64 nowMs);

    // The order used by the list (exposed for tests and the bed view).
    static bool lessThan(const AlarmCondition &a, const AlarmCondition &b);
    // The state ("active", "latched", "inactive") and the delivery in the UI language.
    static QString stateText(State s);
    static QString deliveryName(Delivery d);

signals:
    void countChanged();
    void bedFilterChanged();
    void heldChanged();
    void pendingChangesChanged();

private:
    void rebuild();
    void updateInPlace();
    std::vector<AlarmCondition> sortedConditions(); // the engine's, filtered and in list order

    const AlarmEngine *m_engine;
    std::vector<AlarmCondition> m_rows;
    quint64 m_revision = ~0ULL;
    qint64 m_nowMs = 0;
    QString m_bedFilter;
    QString m_language; // displayLanguageKey() the rows were last shown in
    bool m_held = false;
    int m_pending = 0;
    std::function<QString(const QString &)> m_patientOf;
};

} // namespace vigil::alarms
