// IHE PCD-05 (Report Dissemination Alert Status): what the alert manager says became of a page. The
// manager's products word it in many ways (PRT-3, a status OBX row, NTE, MSA-3); this reads them all into
// one AlertStatus per alarm. docs/ALERT_MANAGER.md has the forms.
#pragma once

#include "Hl7Message.h"

#include <QMetaType>
#include <QStringList>

#include <optional>
#include <vector>

namespace vigil {

// What the manager says became of a page (PCD-05 dissemination status).
enum class AlertStatus : quint8 { Delivered, Read, Accepted, Rejected, Failed };
QString nameOf(AlertStatus s); // "delivered" "read" "accepted" "rejected" "failed"

// One status found in a PCD-05 message.
struct Pcd05Status
{
    QStringList alarmIds; // candidates: OBR-3 as sent, its entity id, then OBR-2, in that order
    QString ackControlId; // MSA-2, when the message quotes our PCD-04's MSH-10
    AlertStatus status = AlertStatus::Delivered;
    QString text; // the status as the manager wrote it, with the recipient when it named one
};

// Maps a status phrase to AlertStatus ("Delivered", "Read by endpoint operator", "DELIVERED^Delivered",
// "undeliverable"...). nullopt for phrases that are not an outcome we track ("cancelled", "callback").
std::optional<AlertStatus> alertStatusFromText(const QString &text);
// The statuses of a PCD-05 message (ORA^R41, ORU^R41 or similar): one per OBR group, or one for the whole
// message when it has no OBR. Empty when it carries none we understand.
std::vector<Pcd05Status> parsePcd05(const hl7::Message &message);

} // namespace vigil

Q_DECLARE_METATYPE(vigil::AlertStatus)
