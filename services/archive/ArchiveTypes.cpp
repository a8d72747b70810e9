#include "ArchiveTypes.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace vigil::archive {

QString toString(AlarmRecord::Source v)
{
    switch (v) {
    case AlarmRecord::Source::Gateway:
        return QStringLiteral("gateway");
    case AlarmRecord::Source::Limit:
        return QStringLiteral("limit");
    case AlarmRecord::Source::Technical:
        return QStringLiteral("technical");
    case AlarmRecord::Source::Other:
        break;
    }
    return QStringLiteral("other");
}

QString toString(std::optional<alarms::Priority> v)
{
    return v ? alarms::nameOf(*v) : QStringLiteral("unknown");
}

QString toString(std::optional<alarms::Kind> v)
{
    return v ? alarms::nameOf(*v) : QStringLiteral("unknown");
}

QString alarmStepName(AlarmStep v)
{
    switch (v) {
    case AlarmStep::Start:
        return QStringLiteral("start");
    case AlarmStep::Continue:
        return QStringLiteral("continue");
    case AlarmStep::Update:
        return QStringLiteral("update");
    case AlarmStep::Escalate:
        return QStringLiteral("escalate");
    case AlarmStep::DeEscalate:
        return QStringLiteral("de-escalate");
    case AlarmStep::Acknowledge:
        return QStringLiteral("acknowledge");
    case AlarmStep::Silence:
        return QStringLiteral("silence");
    case AlarmStep::End:
        return QStringLiteral("end");
    case AlarmStep::Reset:
        return QStringLiteral("reset");
    case AlarmStep::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

// The stored integers are the domain enums shifted by one, 0 meaning unknown. Written out rather than
// computed so that a reordering of the domain enums cannot silently change what old rows mean.
int storedPriority(std::optional<alarms::Priority> p)
{
    if (!p)
        return 0;
    switch (*p) {
    case alarms::Priority::None:
        return 1;
    case alarms::Priority::Low:
        return 2;
    case alarms::Priority::Medium:
        return 3;
    case alarms::Priority::High:
        return 4;
    }
    return 0;
}

int storedKind(std::optional<alarms::Kind> k)
{
    if (!k)
        return 0;
    switch (*k) {
    case alarms::Kind::Physiological:
        return 1;
    case alarms::Kind::Technical:
        return 2;
    case alarms::Kind::Advisory:
        return 3;
    }
    return 0;
}

std::optional<alarms::Priority> priorityFromStored(qint64 v)
{
    switch (v) {
    case 1:
        return alarms::Priority::None;
    case 2:
        return alarms::Priority::Low;
    case 3:
        return alarms::Priority::Medium;
    case 4:
        return alarms::Priority::High;
    default:
        return std::nullopt;
    }
}

std::optional<alarms::Kind> kindFromStored(qint64 v)
{
    switch (v) {
    case 1:
        return alarms::Kind::Physiological;
    case 2:
        return alarms::Kind::Technical;
    case 3:
        return alarms::Kind::Advisory;
    default:
        return std::nullopt;
    }
}

AlarmStep alarmStepFromStored(qint64 v)
{
    return v >= 0 && v <= static_cast<qint64>(AlarmStep::Reset) ? static_cast<AlarmStep>(v)
                                                                : AlarmStep::Unknown;
}

QString conditionEventText(const QString &code, const QString &text)
{
    return code + QStringLiteral(": ") + text;
}

void splitConditionEventText(const QString &stored, QString *code, QString *text)
{
    const qsizetype sep = stored.indexOf(QStringLiteral(": "));
    if (sep <= 0 || stored.left(sep).contains(u' ')) {
        code->clear();
        *text = stored;
        return;
    }
    *code = stored.left(sep);
    *text = stored.mid(sep + 2);
}

} // namespace vigil::archive

namespace vigil::archive {

QString handoverEventText(const HandoverRecord &h)
{
    QJsonObject o;
    o.insert(QStringLiteral("severity"), h.severity);
    o.insert(QStringLiteral("notes"), h.notes);
    o.insert(QStringLiteral("user"), h.user);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

bool parseHandoverEventText(const QString &stored, HandoverRecord *h)
{
    const QJsonDocument doc = QJsonDocument::fromJson(stored.toUtf8());
    if (!doc.isObject())
        return false;
    const QJsonObject o = doc.object();
    h->severity = o.value(QStringLiteral("severity")).toString();
    h->notes = o.value(QStringLiteral("notes")).toString();
    h->user = o.value(QStringLiteral("user")).toString();
    return true;
}

} // namespace vigil::archive
