#include "WardModel.h"

#include <QDateTime>

namespace vigil {

static QString fromView(std::string_view v)
{
    return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
}

WardModel::WardModel(Ward *ward, QObject *parent) : QAbstractListModel(parent), m_ward(ward)
{
    m_rows = ward->bedCount();
}

int WardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

QString WardModel::bedKey(int row) const
{
    const Bed *b = row < m_rows ? m_ward->bed(row) : nullptr;
    return b ? b->key() : QString();
}

QVariant WardModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Bed *b = m_ward->bed(index.row());
    if (!b)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole:
        return b->label();
    case KeyRole:
        return b->key();
    case PatientIdRole:
        return b->shownPatient().id;
    case PatientNameRole:
        return b->shownPatient().name;
    case ProfileRole:
        return b->profile;
    case NoDataRole:
        return b->noData;
    case WavesRole:
        return b->waveKeys();
    case ConditionsRole: {
        QStringList texts;
        for (const auto &c : b->conditions)
            texts << c.text;
        return texts.join(QStringLiteral(" \u00B7 "));
    }
    case StayRole:
        return b->stay;
    case SourceRole:
        return b->sourceId;
    case AlarmPriorityRole:
        return static_cast<int>(b->alarmPriority); // QML compares with the Priority enum
    case AlarmTextRole:
        return b->alarmText;
    case AlarmCountRole:
        return b->alarmCount;
    case AlarmEscalatedRole:
        return b->alarmEscalated;
    case AlarmAcknowledgedRole:
        return b->alarmAcknowledged;
    case AlarmPausedRole:
        return b->alarmPaused;
    case AlarmPauseRemainingRole:
        return b->alarmPauseRemainingS;
    case CustomLimitsRole:
        return b->customLimits;
    case CategoryRole:
        return b->category;
    case NewsTotalRole:
        return b->newsTotal;
    case NewsCompleteRole:
        return b->newsComplete;
    case NewsResponseRole:
        return b->newsResponse;
    case NewsTrendRole:
        return b->newsTrend;
    default:
        break;
    }
    if (role >= NumericRoleBase && role < NumericRoleBase + kRolesPerNumeric * kNumericCount) {
        const int n = (role - NumericRoleBase) / kRolesPerNumeric;
        const NumericState &st = b->numerics[n];
        switch ((role - NumericRoleBase) % kRolesPerNumeric) {
        case 0:
            return st.value; // NaN when never measured: QML shows "--"
        case 1:
            return st.stale;
        case 2:
            return st.timeMs ? QDateTime::fromMSecsSinceEpoch(st.timeMs) : QDateTime();
        case 3:
            return b->numericBlank[n];
        case 4:
            return b->numericAlarm[n];
        }
    }
    return {};
}

QHash<int, QByteArray> WardModel::roleNames() const
{
    QHash<int, QByteArray> names{
        {KeyRole, "bedKey"},
        {LabelRole, "label"},
        {PatientIdRole, "patientId"},
        {PatientNameRole, "patientName"},
        {ProfileRole, "profile"},
        {NoDataRole, "noData"},
        {WavesRole, "waves"},
        {ConditionsRole, "conditions"},
        {StayRole, "stay"},
        {SourceRole, "source"},
        {AlarmPriorityRole, "alarmPriority"},
        {AlarmTextRole, "alarmText"},
        {AlarmCountRole, "alarmCount"},
        {AlarmEscalatedRole, "alarmEscalated"},
        {AlarmAcknowledgedRole, "alarmAcknowledged"},
        {AlarmPausedRole, "alarmPaused"},
        {AlarmPauseRemainingRole, "alarmPauseRemaining"},
        {CustomLimitsRole, "customLimits"},
        {CategoryRole, "category"},
        {NewsTotalRole, "newsTotal"},
        {NewsCompleteRole, "newsComplete"},
        {NewsResponseRole, "newsResponse"},
        {NewsTrendRole, "newsTrend"},
    };
    for (const NumericInfo &n : kNumerics) {
        const QByteArray key = fromView(n.key).toUtf8();
        names.insert(valueRole(n.id), key);
        names.insert(staleRole(n.id), key + "Stale");
        names.insert(timeRole(n.id), key + "Time");
        names.insert(blankRole(n.id), key + "Blank");
        names.insert(alarmRole(n.id), key + "Alarm");
    }
    return names;
}

void WardModel::apply(const DrainResult &drain)
{
    const int total = m_ward->bedCount();
    if (total > m_rows) {
        beginInsertRows({}, m_rows, total - 1);
        m_rows = total;
        endInsertRows();
        emit countChanged();
    }
    // One dataChanged per contiguous run of changed beds keeps the QML side's work proportional to
    // what changed, without one signal per bed.
    const auto &rows = drain.changedBeds;
    for (std::size_t i = 0; i < rows.size();) {
        std::size_t j = i;
        while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1)
            ++j;
        if (rows[i] < m_rows)
            emit dataChanged(index(rows[i]), index(std::min(rows[j], m_rows - 1)));
        i = j + 1;
    }
}

SourcesModel::SourcesModel(QObject *parent) : QAbstractListModel(parent) {}

int SourcesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_sources.size());
}

QVariant SourcesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SourceStatus &s = m_sources[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return s.name;
    case IdRole:
        return s.id;
    case UrlRole:
        return s.url;
    case StateRole:
        return toString(s.state);
    case SecureRole:
        return s.secure;
    case SinceRole:
        return QDateTime::fromMSecsSinceEpoch(s.sinceMs);
    case MessagesRole:
        return static_cast<qulonglong>(s.messages);
    case ErrorsRole:
        return static_cast<qulonglong>(s.errors);
    case ResendsRole:
        return static_cast<qulonglong>(s.resends);
    case LastMessageRole:
        return s.lastMessageMs ? QDateTime::fromMSecsSinceEpoch(s.lastMessageMs) : QDateTime();
    case LastErrorRole:
        return s.lastError;
    }
    return {};
}

QHash<int, QByteArray> SourcesModel::roleNames() const
{
    return {{IdRole, "sourceId"},
            {NameRole, "name"},
            {UrlRole, "url"},
            {StateRole, "state"},
            {SecureRole, "secure"},
            {SinceRole, "since"},
            {MessagesRole, "messages"},
            {ErrorsRole, "errors"},
            {ResendsRole, "resends"},
            {LastMessageRole, "lastMessage"},
            {LastErrorRole, "lastError"}};
}

int SourcesModel::connectedCount() const
{
    return static_cast<int>(std::count_if(m_sources.begin(), m_sources.end(), [](const SourceStatus &s) {
        return s.state == SourceStatus::State::Connected || s.state == SourceStatus::State::Listening;
    }));
}

void SourcesModel::update(const std::vector<SourceStatus> &statuses)
{
    for (const SourceStatus &s : statuses) {
        auto it =
            std::find_if(m_sources.begin(), m_sources.end(), [&](const auto &e) { return e.id == s.id; });
        if (it == m_sources.end()) {
            beginInsertRows({}, static_cast<int>(m_sources.size()), static_cast<int>(m_sources.size()));
            m_sources.push_back(s);
            endInsertRows();
            emit countChanged();
        } else {
            *it = s;
            const QModelIndex idx = index(static_cast<int>(it - m_sources.begin()));
            emit dataChanged(idx, idx);
            emit countChanged(); // connectedCount may have changed
        }
    }
}

} // namespace vigil
