#include "AlertManagerWiring.h"

#include "Mdc.h"

#include <cmath>

namespace vigil {

AlertRequest toAlertRequest(const alarms::EscalationAction &a)
{
    const alarms::AlarmCondition &c = a.condition;
    AlertRequest r;
    r.alarmId = a.alarmId;
    r.bedKey = c.bedKey;
    r.bedLabel = c.bedLabel;
    if (c.direction == alarms::Direction::High) {
        r.eventCode = mdc::EvtHi;
        r.eventRefId = QStringLiteral("MDC_EVT_HI");
    } else if (c.direction == alarms::Direction::Low) {
        r.eventCode = mdc::EvtLo;
        r.eventRefId = QStringLiteral("MDC_EVT_LO");
    } else {
        r.eventRefId = c.code;
    }
    r.eventText = c.text;
    if (c.parameter) {
        const NumericInfo &info = numericInfo(*c.parameter);
        r.sourceCode = info.mdcCode;
        r.sourceRefId = QString::fromUtf8(info.mdcRefId.data(), qsizetype(info.mdcRefId.size()));
    }
    if (!std::isnan(c.value))
        r.value = c.value;
    if (!std::isnan(c.limit))
        (c.direction == alarms::Direction::Low ? r.limitLow : r.limitHigh) = c.limit;
    r.priority = c.priority;
    r.kind = c.kind;
    r.phase = a.type == alarms::EscalationAction::Type::Escalate     ? AlertPhase::Escalate
              : a.type == alarms::EscalationAction::Type::DeEscalate ? AlertPhase::DeEscalate
                                                                     : AlertPhase::End;
    r.state = c.state == alarms::State::Active    ? hl7::AlarmState::Active
              : c.state == alarms::State::Latched ? hl7::AlarmState::Latched
                                                  : hl7::AlarmState::Inactive;
    if (c.acknowledged)
        r.inactivation = hl7::AlarmInactivation::Acknowledged;
    r.timeMs = c.signalSinceMs;
    r.tier = a.tier;
    return r;
}

alarms::Delivery toDelivery(AlertStatus s)
{
    switch (s) {
    case AlertStatus::Delivered:
        return alarms::Delivery::Delivered;
    case AlertStatus::Read:
        return alarms::Delivery::Read;
    case AlertStatus::Accepted:
        return alarms::Delivery::Accepted;
    case AlertStatus::Rejected:
    case AlertStatus::Failed:
        break;
    }
    return alarms::Delivery::Failed;
}

} // namespace vigil
