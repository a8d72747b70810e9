#include "ArchiveTypes.h"

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

QString toString(AlarmRecord::Kind v)
{
    switch (v) {
    case AlarmRecord::Kind::Physiological:
        return QStringLiteral("physiological");
    case AlarmRecord::Kind::Technical:
        return QStringLiteral("technical");
    case AlarmRecord::Kind::Advisory:
        return QStringLiteral("advisory");
    case AlarmRecord::Kind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString toString(AlarmRecord::Priority v)
{
    switch (v) {
    case AlarmRecord::Priority::None:
        return QStringLiteral("none");
    case AlarmRecord::Priority::Low:
        return QStringLiteral("low");
    case AlarmRecord::Priority::Medium:
        return QStringLiteral("medium");
    case AlarmRecord::Priority::High:
        return QStringLiteral("high");
    case AlarmRecord::Priority::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString toString(AlarmRecord::Phase v)
{
    switch (v) {
    case AlarmRecord::Phase::Start:
        return QStringLiteral("start");
    case AlarmRecord::Phase::Continue:
        return QStringLiteral("continue");
    case AlarmRecord::Phase::Update:
        return QStringLiteral("update");
    case AlarmRecord::Phase::Escalate:
        return QStringLiteral("escalate");
    case AlarmRecord::Phase::DeEscalate:
        return QStringLiteral("de-escalate");
    case AlarmRecord::Phase::Acknowledge:
        return QStringLiteral("acknowledge");
    case AlarmRecord::Phase::Silence:
        return QStringLiteral("silence");
    case AlarmRecord::Phase::End:
        return QStringLiteral("end");
    case AlarmRecord::Phase::Reset:
        return QStringLiteral("reset");
    case AlarmRecord::Phase::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace vigil::archive
