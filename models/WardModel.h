// The beds of the ward as a list model for the overview grid and the bed detail view.
// Roles are typed: one role per numeric value, its staleness and its measurement time, so QML binds
// `model.hr`, `model.hrStale`, `model.nibp_sysTime` directly. Updated only in batches from Station's
// drain timer (a few times a second), never once per message.
#pragma once

#include "Ward.h"

#include <QAbstractListModel>

namespace vigil {

class WardModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        KeyRole = Qt::UserRole + 1,
        LabelRole,
        PatientIdRole,
        PatientNameRole,
        ProfileRole,
        NoDataRole,
        WavesRole,
        ConditionsRole,
        StayRole,
        SourceRole,
        AlarmPriorityRole, // 0 none, 1 low, 2 medium, 3 high (highest signalling condition)
        AlarmTextRole,     // its text with value and limit
        AlarmCountRole,
        AlarmEscalatedRole,
        AlarmAcknowledgedRole, // every signalling condition of the bed is acknowledged
        AlarmPausedRole,
        AlarmPauseRemainingRole, // seconds left of the bed's alarm pause, 0 when not paused
        CustomLimitsRole,        // the bed's limits differ from its category's defaults
        CategoryRole,            // "adult", "paediatric", "neonatal" (the one in force)
        NewsTotalRole,           // NEWS2 aggregate, -1 when none yet (a lower bound when incomplete)
        NewsCompleteRole,        // every NEWS2 input present and current
        NewsResponseRole,        // 0 zero, 1 low, 2 low-medium (a single 3), 3 medium, 4 high
        NewsTrendRole,           // -1 better, 0 steady or unknown, +1 worse
        // + 5*NumericId + {0 value, 1 stale, 2 time, 3 blank reason, 4 alarm priority}
        NumericRoleBase = Qt::UserRole + 100,
    };

    explicit WardModel(Ward *ward, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    static constexpr int kRolesPerNumeric = 5;
    static int valueRole(NumericId id) { return NumericRoleBase + kRolesPerNumeric * static_cast<int>(id); }
    static int staleRole(NumericId id) { return valueRole(id) + 1; }
    static int timeRole(NumericId id) { return valueRole(id) + 2; }
    static int blankRole(NumericId id) { return valueRole(id) + 3; }
    static int alarmRole(NumericId id) { return valueRole(id) + 4; }

    Q_INVOKABLE QString bedKey(int row) const;

    // Station calls this with each drain's result.
    void apply(const DrainResult &drain);

signals:
    void countChanged();

private:
    Ward *m_ward;
    int m_rows = 0;
};

class SourcesModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int connectedCount READ connectedCount NOTIFY countChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        UrlRole,
        StateRole,
        SecureRole,
        SinceRole,
        MessagesRole,
        ErrorsRole,
        ResendsRole,
        LastMessageRole,
        LastErrorRole,
    };
    explicit SourcesModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void update(const std::vector<SourceStatus> &statuses);
    const std::vector<SourceStatus> &statuses() const { return m_sources; }
    int connectedCount() const;

signals:
    void countChanged();

private:
    std::vector<SourceStatus> m_sources;
};

} // namespace vigil
