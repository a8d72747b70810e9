#include "AlarmListModel.h"
#include "AlarmText.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace vigil::alarms {

QString valueText(const AlarmCondition &c)
{
    const int dec = c.parameter ? numericInfo(*c.parameter).decimals : 1;
    auto fmt = [dec](double v) { return QString::number(v, 'f', dec); };
    QString s;
    if (!std::isnan(c.value) && !std::isnan(c.limit)) {
        s = fmt(c.value) + (c.direction == Direction::Low ? QStringLiteral(" < ") : QStringLiteral(" > ")) +
            fmt(c.limit);
        if (!std::isnan(c.current) && fmt(c.current) != fmt(c.value) && c.state == State::Active)
            //: Alarm numbers: the value that triggered, then the current value ("85 < 90, now 92").
            s += QCoreApplication::translate("AlarmText", ", now %1").arg(fmt(c.current));
    } else if (!std::isnan(c.value)) {
        s = fmt(c.value);
    }
    return s;
}

QString whereText(const AlarmCondition &c)
{
    //: Where an alarm is: the central station itself (not a bed), e.g. a gateway link down.
    return c.bedKey.isEmpty() ? QCoreApplication::translate("AlarmText", "Station")
                              : (c.bedLabel.isEmpty() ? c.bedKey : c.bedLabel);
}

bool canAcknowledge(const AlarmCondition &c)
{
    return c.state != State::Inactive && c.priority != Priority::None &&
           !(c.acknowledged && c.state == State::Active);
}

bool canReset(const AlarmCondition &c)
{
    return c.state == State::Latched;
}

AlarmListModel::AlarmListModel(const AlarmEngine *engine, QObject *parent)
    : QAbstractListModel(parent), m_engine(engine)
{}

int AlarmListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

bool AlarmListModel::lessThan(const AlarmCondition &a, const AlarmCondition &b)
{
    const bool sa = a.state != State::Inactive;
    const bool sb = b.state != State::Inactive;
    if (sa != sb)
        return sa;
    if (a.priority != b.priority)
        return a.priority > b.priority;
    if (a.startMs != b.startMs)
        return a.startMs > b.startMs;
    return a.id < b.id;
}

const AlarmCondition *AlarmListModel::at(int row) const
{
    return row >= 0 && row < static_cast<int>(m_rows.size()) ? &m_rows[row] : nullptr;
}

QString AlarmListModel::alarmId(int row) const
{
    const AlarmCondition *c = at(row);
    return c ? c->id : QString();
}

void AlarmListModel::setBedFilter(const QString &bedKey)
{
    if (bedKey == m_bedFilter)
        return;
    m_bedFilter = bedKey;
    m_revision = ~0ULL;
    rebuild();
    emit bedFilterChanged();
}

QString AlarmListModel::stateText(State s)
{
    switch (s) {
    case State::Active:
        //: Alarm state: the alarm condition is present now
        return tr("active");
    case State::Latched:
        //: Alarm state: the condition has ended but the alarm stays on until a nurse resets it (latching
        //: alarm)
        return tr("latched");
    case State::Inactive:
        //: Alarm state: the alarm condition has ended
        return tr("ended");
    }
    return {};
}

QString AlarmListModel::deliveryName(Delivery d)
{
    switch (d) {
    case Delivery::None:
        return {};
    case Delivery::Pending:
        //: Alarm sent to the alert manager (nurses' phones/pagers), no answer yet
        return tr("sending");
    case Delivery::Delivered:
        //: The alert manager delivered the alarm to a nurse's phone or pager
        return tr("delivered");
    case Delivery::Read:
        //: The nurse opened the alarm message on the phone
        return tr("read");
    case Delivery::Accepted:
        //: A nurse accepted (took over) the alarm on the phone
        return tr("accepted");
    case Delivery::Failed:
        //: The alert manager could not deliver the alarm to a phone or pager
        return tr("not delivered");
    }
    return {};
}

void AlarmListModel::refresh(qint64 nowMs)
{
    const bool secondTicked = nowMs / 1000 != m_nowMs / 1000;
    m_nowMs = nowMs;
    if (const QString language = displayLanguageKey(); language != m_language) {
        // The UI language changed: every shown text is re-read (the rows themselves stay).
        m_language = language;
        if (!m_rows.empty())
            emit dataChanged(index(0), index(static_cast<int>(m_rows.size()) - 1));
    }
    if (m_engine->revision() != m_revision) {
        if (m_held)
            updateInPlace();
        else
            rebuild();
    } else if (secondTicked && !m_rows.empty()) {
        emit dataChanged(index(0), index(static_cast<int>(m_rows.size()) - 1), {DurationSRole});
    }
}

void AlarmListModel::setHeld(bool held)
{
    if (held == m_held)
        return;
    m_held = held;
    emit heldChanged();
    if (!m_held) {
        m_revision = ~0ULL;
        rebuild(); // what waited lands now, in one go
    }
}

std::vector<AlarmCondition> AlarmListModel::sortedConditions()
{
    m_revision = m_engine->revision();
    std::vector<AlarmCondition> next;
    for (AlarmCondition &c : m_engine->conditions())
        if (m_bedFilter.isEmpty() || c.bedKey == m_bedFilter)
            next.push_back(std::move(c));
    std::sort(next.begin(), next.end(), &AlarmListModel::lessThan);
    return next;
}

void AlarmListModel::updateInPlace()
{
    // Rows hold still under a pointer or finger: the rows shown keep their places and take their new data;
    // new, ended-and-retired and re-sorted conditions wait (counted) until the interaction ends.
    const std::vector<AlarmCondition> next = sortedConditions();
    QHash<QString, const AlarmCondition *> byId;
    for (const auto &c : next)
        byId.insert(c.id, &c);
    int pending = 0;
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (const AlarmCondition *c = byId.value(m_rows[i].id)) {
            m_rows[i] = *c;
            if (i >= next.size() || next[i].id != c->id)
                ++pending; // would move
        } else {
            ++pending; // would leave the list
        }
    }
    QSet<QString> shown;
    for (const auto &r : m_rows)
        shown.insert(r.id);
    for (const auto &c : next)
        if (!shown.contains(c.id))
            ++pending; // new
    if (!m_rows.empty())
        emit dataChanged(index(0), index(static_cast<int>(m_rows.size()) - 1));
    if (pending != m_pending) {
        m_pending = pending;
        emit pendingChangesChanged();
    }
}

void AlarmListModel::rebuild()
{
    if (m_pending != 0) {
        m_pending = 0;
        emit pendingChangesChanged();
    }
    const std::vector<AlarmCondition> next = sortedConditions();

    const int before = static_cast<int>(m_rows.size());
    // 1. Remove rows that are gone, from the back so indices stay valid.
    QSet<QString> keep;
    for (const auto &c : next)
        keep.insert(c.id);
    for (int i = static_cast<int>(m_rows.size()) - 1; i >= 0; --i) {
        if (keep.contains(m_rows[i].id))
            continue;
        beginRemoveRows({}, i, i);
        m_rows.erase(m_rows.begin() + i);
        endRemoveRows();
    }
    // 2. Walk the target order: move existing rows up into place, insert new ones.
    for (int i = 0; i < static_cast<int>(next.size()); ++i) {
        if (i < static_cast<int>(m_rows.size()) && m_rows[i].id == next[i].id) {
            m_rows[i] = next[i];
            continue;
        }
        int j = -1;
        for (int k = i + 1; k < static_cast<int>(m_rows.size()); ++k)
            if (m_rows[k].id == next[i].id) {
                j = k;
                break;
            }
        if (j >= 0) {
            beginMoveRows({}, j, j, {}, i);
            AlarmCondition moved = std::move(m_rows[j]);
            m_rows.erase(m_rows.begin() + j);
            m_rows.insert(m_rows.begin() + i, std::move(moved));
            endMoveRows();
            m_rows[i] = next[i];
        } else {
            beginInsertRows({}, i, i);
            m_rows.insert(m_rows.begin() + i, next[i]);
            endInsertRows();
        }
    }
    if (!m_rows.empty())
        emit dataChanged(index(0), index(static_cast<int>(m_rows.size()) - 1));
    if (static_cast<int>(m_rows.size()) != before)
        emit countChanged();
}

QVariant AlarmListModel::data(const QModelIndex &index, int role) const
{
    const AlarmCondition *c = at(index.row());
    if (!c || index.parent().isValid())
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return displayText(c->text);
    case SourceTextRole:
        return c->text;
    case StateTextRole:
        return stateText(c->state);
    case DeliveryNameRole:
        return deliveryName(c->delivery);
    case IdRole:
        return c->id;
    case BedKeyRole:
        return c->bedKey;
    case BedLabelRole:
    case WhereRole:
        return whereText(*c);
    case PatientNameRole:
        return m_patientOf ? m_patientOf(c->bedKey) : QString();
    case CanAcknowledgeRole:
        return canAcknowledge(*c);
    case CanResetRole:
        return canReset(*c);
    case CodeRole:
        return c->code;
    case PriorityRole:
        return static_cast<int>(c->priority);
    case PriorityNameRole:
        return nameOf(c->priority);
    case KindRole:
        return nameOf(c->kind);
    case StateRole:
        return nameOf(c->state);
    case OriginRole:
        return nameOf(c->origin);
    case ParameterRole: {
        if (!c->parameter)
            return QString();
        const auto k = numericInfo(*c->parameter).key;
        return QString::fromLatin1(k.data(), static_cast<qsizetype>(k.size()));
    }
    case ValueRole:
        return c->value;
    case LimitRole:
        return c->limit;
    case CurrentRole:
        return c->current;
    case ValueTextRole:
        return valueText(*c);
    case StartMsRole:
        return c->startMs;
    case EndMsRole:
        return c->endMs;
    case DurationSRole: {
        const qint64 end = c->endMs > 0 ? c->endMs : m_nowMs;
        return static_cast<int>(std::max<qint64>(0, end - c->startMs) / 1000);
    }
    case AcknowledgedRole:
        return c->acknowledged;
    case AcknowledgedByRole:
        return c->acknowledgedBy;
    case AcknowledgedMsRole:
        return c->acknowledgedMs;
    case ResetByRole:
        return c->resetBy;
    case ResetMsRole:
        return c->resetMs;
    case SignallingRole:
        return c->isSignalling() && !c->alarmPaused;
    case AlarmPausedRole:
        return c->alarmPaused;
    case EscalationTierRole:
        return c->escalationTier;
    case EscalatedRole:
        return c->escalated || c->gatewayEscalated;
    case SentToAlertManagerRole:
        return c->sentToAlertManager;
    case DeliveryRole:
        return nameOf(c->delivery);
    case DeliveryTextRole:
        return c->deliveryText;
    case ColorRole:
        return QString::fromLatin1(flashSpec(c->priority).color);
    default:
        return {};
    }
}

QHash<int, QByteArray> AlarmListModel::roleNames() const
{
    return {
        {IdRole, "alarmId"},
        {BedKeyRole, "bedKey"},
        {BedLabelRole, "bedLabel"},
        {TextRole, "text"},
        {CodeRole, "code"},
        {PriorityRole, "priority"},
        {PriorityNameRole, "priorityName"},
        {KindRole, "kind"},
        {StateRole, "state"},
        {OriginRole, "origin"},
        {ParameterRole, "parameter"},
        {ValueRole, "value"},
        {LimitRole, "limit"},
        {CurrentRole, "current"},
        {ValueTextRole, "valueText"},
        {StartMsRole, "startMs"},
        {EndMsRole, "endMs"},
        {DurationSRole, "durationS"},
        {AcknowledgedRole, "acknowledged"},
        {AcknowledgedByRole, "acknowledgedBy"},
        {AcknowledgedMsRole, "acknowledgedMs"},
        {ResetByRole, "resetBy"},
        {ResetMsRole, "resetMs"},
        {SignallingRole, "signalling"},
        {AlarmPausedRole, "alarmPaused"},
        {EscalationTierRole, "escalationTier"},
        {EscalatedRole, "escalated"},
        {SentToAlertManagerRole, "sentToAlertManager"},
        {DeliveryRole, "delivery"},
        {DeliveryTextRole, "deliveryText"},
        {ColorRole, "color"},
        {WhereRole, "where"},
        {PatientNameRole, "patientName"},
        {CanAcknowledgeRole, "canAcknowledge"},
        {CanResetRole, "canReset"},
        {SourceTextRole, "sourceText"},
        {StateTextRole, "stateText"},
        {DeliveryNameRole, "deliveryName"},
    };
}

} // namespace vigil::alarms
