#include "Ingest.h"

#include "Mdc.h"

namespace vigil {

QString toString(SourceStatus::State s)
{
    switch (s) {
    case SourceStatus::State::Stopped:
        return QStringLiteral("stopped");
    case SourceStatus::State::Connecting:
        return QStringLiteral("connecting");
    case SourceStatus::State::Connected:
        return QStringLiteral("connected");
    case SourceStatus::State::Listening:
        return QStringLiteral("listening");
    case SourceStatus::State::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("unknown");
}

void GatewayAlarm::decideMeaning()
{
    const mdc::AlarmMeaning m = mdc::alarmMeaning(eventCode, eventRefId, eventText, sourceMetricCode,
                                                  sourceMetricRefId, value, limitLow, limitHigh);
    parameter = m.parameter;
    direction = m.direction;
    technicalCode = m.technicalCode;
    if (technicalCode.isEmpty() && kind == alarms::Kind::Technical)
        technicalCode = mdc::technicalCode(!eventRefId.isEmpty() ? eventRefId : eventText);
}

} // namespace vigil
