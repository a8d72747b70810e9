// Maps the alarm engine's escalation actions to the alert-manager link's requests, and its replies back.
#pragma once

#include "AlarmEngine.h"
#include "AlertManagerLink.h"

namespace vigil {

AlertRequest toAlertRequest(const alarms::EscalationAction &action);
alarms::Delivery toDelivery(AlertStatus status);

} // namespace vigil
