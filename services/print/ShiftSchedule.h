// The ward's shift changes ([shifts] times, in the station's time zone): when the next one is, and the
// shift that just ended (the period of the ward summary generated at each change). Pure; unit-tested.
#pragma once

#include <QList>
#include <QString>
#include <QTimeZone>

#include <utility>

namespace vigil::print {

class ShiftSchedule
{
public:
    ShiftSchedule() = default;
    // times: "HH:MM" each; zone: IANA id, empty = the system's. False with `error` on a bad time or zone.
    bool set(const QStringList &times, const QString &zone, QString *error);
    bool isEmpty() const { return m_minutes.isEmpty(); }

    // The first shift change strictly after `ms`, 0 if there are none.
    qint64 nextChangeAfter(qint64 ms) const;
    // The last shift change at or before `ms`, 0 if there are none.
    qint64 lastChangeAtOrBefore(qint64 ms) const;
    // The shift a handover printed at `nowMs` covers: the one that ended less than `graceMs` ago (the
    // handover right after a change), otherwise the one under way, up to now. {0, 0} without shifts.
    std::pair<qint64, qint64> handoverPeriod(qint64 nowMs, qint64 graceMs = 3'600'000) const;
    QTimeZone zone() const { return m_zone; }

private:
    QList<int> m_minutes; // sorted minutes after local midnight
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};

} // namespace vigil::print
