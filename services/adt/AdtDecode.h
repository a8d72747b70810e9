// HL7 v2 ADT messages into census events (docs/ADT.md): trigger, patient identity (PID), bed (PV1-3
// mapped to the station's beds), the second pair of A17 and MRG-1 of A40. Runs on the ADT link's thread.
#pragma once

#include "CensusState.h"
#include "Hl7Ack.h"
#include "Hl7Message.h"

#include <QSet>
#include <QString>

#include <map>
#include <optional>

namespace vigil::adt {

// Where PV1-3 lands. With no explicit map a location names the bed exactly as a gateway's PV1-3 does
// ("unit^room^bed"); the station's units are then the first components of its bed keys. A location of
// another unit is not ours (ACKed, ignored); one of our unit that names no bed is an error.
struct BedMap
{
    std::map<QString, QString> locations; // "unit^room^bed" -> station bed key (the [adt.beds] section)
    QSet<QString> units;                  // units we serve; empty: taken from the bed keys
    QSet<QString> beds;                   // the station's bed keys

    struct Resolved
    {
        QString key;
        bool ours = false;
        bool known = false;
    };
    Resolved resolve(const QString &location) const;
};

struct DecodeFailure
{
    hl7::AckCode code = hl7::AckCode::AE; // AE faulty content, AR not a message we take
    hl7::AckError error;
};

struct Decoded
{
    std::optional<census::AdtEvent> event; // set when the message decoded
    std::optional<DecodeFailure> failure;  // set otherwise
    bool ignoredType = false;              // a trigger the census does not track (A05...): AA, ignored
    QString trigger;                       // MSH-9.2 as sent
};

// today: PID-7 later than this is refused. nowMs: the event time when neither EVN-2 nor MSH-7 gives one.
Decoded decodeAdt(const hl7::Message &m, const BedMap &beds, const QDate &today, qint64 nowMs);

// "unit^room^bed" of one PV1 segment, unescaped (the gateway's bed key for the same location).
QString locationOf(const hl7::Message &m, const hl7::Segment &pv1);

} // namespace vigil::adt
