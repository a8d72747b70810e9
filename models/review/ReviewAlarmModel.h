// The alarm history of one bed over the review range, newest first, with typed roles for the list and
// for the markers on the trend time axis.
#pragma once

#include "ArchiveQuery.h"

#include <QAbstractListModel>

#include <optional>
#include <vector>

namespace vigil::review {

class ReviewAlarmModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    enum Role {
        AlarmIdRole = Qt::UserRole + 1,
        TimeRole,     // onset, ms since the epoch (a JS number)
        EndTimeRole,  // 0 = no end archived
        PriorityRole, // as the live alarm list and Theme.alarmColor: 3 high, 2 medium, 1 low, 0 none
        PriorityTextRole,
        ColorRole, // IEC 60601-1-8 indicator colour of the priority
        KindRole,  // "physiological", "technical", "advisory", ""
        TextRole,
        DetailRole, // measured value against its limit, e.g. "142 /min (limit 120)"
        AcknowledgedRole,
        AcknowledgedByRole,
        AcknowledgedTimeRole,
    };
    Q_ENUM(Role)

    explicit ReviewAlarmModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return static_cast<int>(m_rows.size()); }

    // Replaces the list (any order in; kept newest first).
    void reset(std::vector<ArchiveAlarmEntry> alarms);
    std::optional<ArchiveAlarmEntry> find(const QString &alarmId) const;
    const std::vector<ArchiveAlarmEntry> &entries() const { return m_rows; }

    Q_INVOKABLE int indexOf(const QString &alarmId) const;
    Q_INVOKABLE QString alarmIdAt(int row) const;
    Q_INVOKABLE double timeAt(int row) const;

    static int priorityLevel(std::optional<alarms::Priority> p);
    static QString priorityText(std::optional<alarms::Priority> p);
    static QString priorityColor(std::optional<alarms::Priority> p);
    static QString detailText(const ArchiveAlarmEntry &a);

signals:
    void countChanged();

private:
    std::vector<ArchiveAlarmEntry> m_rows;
};

} // namespace vigil::review
