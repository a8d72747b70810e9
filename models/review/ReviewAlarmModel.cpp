#include "ReviewAlarmModel.h"
#include "AlarmText.h"

#include <algorithm>
#include <cmath>

namespace vigil::review {

ReviewAlarmModel::ReviewAlarmModel(QObject *parent) : QAbstractListModel(parent) {}

int ReviewAlarmModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QString ReviewAlarmModel::priorityText(std::optional<alarms::Priority> p)
{
    if (!p)
        return QStringLiteral("Alarm");
    switch (*p) {
    case alarms::Priority::High:
        return QStringLiteral("High");
    case alarms::Priority::Medium:
        return QStringLiteral("Medium");
    case alarms::Priority::Low:
        return QStringLiteral("Low");
    case alarms::Priority::None:
        return QStringLiteral("Info");
    }
    return QStringLiteral("Alarm");
}

int ReviewAlarmModel::priorityLevel(std::optional<alarms::Priority> p)
{
    return p ? static_cast<int>(*p) : 0; // 0 none/unknown, 1 low, 2 medium, 3 high: the enum's own order
}

QString ReviewAlarmModel::priorityColor(std::optional<alarms::Priority> p)
{
    // The colours of the live alarm indicators (Theme.alarmHigh...), so history reads like the live bar.
    if (!p)
        return QStringLiteral("#9aa6b2");
    switch (*p) {
    case alarms::Priority::High:
        return QStringLiteral("#ff2d2d");
    case alarms::Priority::Medium:
        return QStringLiteral("#ffd21f");
    case alarms::Priority::Low:
        return QStringLiteral("#26c6da");
    case alarms::Priority::None:
        break;
    }
    return QStringLiteral("#9aa6b2");
}

QString ReviewAlarmModel::detailText(const ArchiveAlarmEntry &a)
{
    if (std::isnan(a.value))
        return {};
    const QString unit = a.unit.isEmpty() ? QString() : QStringLiteral(" ") + a.unit;
    QString out = QString::number(a.value, 'g', 4) + unit;
    const bool lo = !std::isnan(a.limitLow), hi = !std::isnan(a.limitHigh);
    if (lo && hi)
        out += QStringLiteral("  (limits %1\u2013%2)")
                   .arg(QString::number(a.limitLow, 'g', 4), QString::number(a.limitHigh, 'g', 4));
    else if (hi)
        out += QStringLiteral("  (limit > %1)").arg(QString::number(a.limitHigh, 'g', 4));
    else if (lo)
        out += QStringLiteral("  (limit < %1)").arg(QString::number(a.limitLow, 'g', 4));
    return out;
}

QVariant ReviewAlarmModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= count())
        return {};
    const ArchiveAlarmEntry &a = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return a.text.isEmpty() ? a.code : alarms::displayText(a.text); // archived English, shown translated
    case AlarmIdRole:
        return a.alarmId;
    case TimeRole:
        return static_cast<double>(a.timeMs);
    case EndTimeRole:
        return static_cast<double>(a.endTimeMs);
    case PriorityRole:
        return priorityLevel(a.priority);
    case PriorityTextRole:
        return priorityText(a.priority);
    case ColorRole:
        return priorityColor(a.priority);
    case KindRole:
        return a.kind ? alarms::nameOf(*a.kind) : QString();
    case DetailRole:
        return detailText(a);
    case AcknowledgedRole:
        return a.acknowledgedMs > 0;
    case AcknowledgedByRole:
        return a.acknowledgedBy;
    case AcknowledgedTimeRole:
        return static_cast<double>(a.acknowledgedMs);
    default:
        return {};
    }
}

QHash<int, QByteArray> ReviewAlarmModel::roleNames() const
{
    return {
        {AlarmIdRole, "alarmId"},
        {TimeRole, "time"},
        {EndTimeRole, "endTime"},
        {PriorityRole, "priority"},
        {PriorityTextRole, "priorityText"},
        {ColorRole, "priorityColor"},
        {KindRole, "kind"},
        {TextRole, "text"},
        {DetailRole, "detail"},
        {AcknowledgedRole, "acknowledged"},
        {AcknowledgedByRole, "acknowledgedBy"},
        {AcknowledgedTimeRole, "acknowledgedTime"},
    };
}

void ReviewAlarmModel::reset(std::vector<ArchiveAlarmEntry> alarms)
{
    std::stable_sort(
        alarms.begin(), alarms.end(),
        [](const ArchiveAlarmEntry &a, const ArchiveAlarmEntry &b) { return a.timeMs > b.timeMs; });
    const bool countChanges = alarms.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(alarms);
    endResetModel();
    if (countChanges)
        emit countChanged();
}

std::optional<ArchiveAlarmEntry> ReviewAlarmModel::find(const QString &alarmId) const
{
    const int i = indexOf(alarmId);
    if (i < 0)
        return std::nullopt;
    return m_rows[static_cast<std::size_t>(i)];
}

int ReviewAlarmModel::indexOf(const QString &alarmId) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].alarmId == alarmId)
            return static_cast<int>(i);
    }
    return -1;
}

QString ReviewAlarmModel::alarmIdAt(int row) const
{
    return row >= 0 && row < count() ? m_rows[static_cast<std::size_t>(row)].alarmId : QString();
}

double ReviewAlarmModel::timeAt(int row) const
{
    return row >= 0 && row < count() ? static_cast<double>(m_rows[static_cast<std::size_t>(row)].timeMs)
                                     : 0.0;
}

} // namespace vigil::review
