#include "ShiftSchedule.h"

#include <QDateTime>
#include <QTime>

#include <algorithm>

namespace vigil::print {

bool ShiftSchedule::set(const QStringList &times, const QString &zone, QString *error)
{
    QList<int> minutes;
    for (const QString &t : times) {
        const QTime time = QTime::fromString(t, QStringLiteral("HH:mm"));
        if (!time.isValid()) {
            if (error)
                *error = QStringLiteral("\"%1\" is not a time HH:MM").arg(t);
            return false;
        }
        const int m = time.hour() * 60 + time.minute();
        if (minutes.contains(m)) {
            if (error)
                *error = QStringLiteral("%1 is listed twice").arg(t);
            return false;
        }
        minutes << m;
    }
    QTimeZone tz = QTimeZone::systemTimeZone();
    if (!zone.isEmpty()) {
        tz = QTimeZone(zone.toUtf8());
        if (!tz.isValid()) {
            if (error)
                *error = QStringLiteral("unknown time zone \"%1\"").arg(zone);
            return false;
        }
    }
    std::sort(minutes.begin(), minutes.end());
    m_minutes = minutes;
    m_zone = tz;
    return true;
}

qint64 ShiftSchedule::nextChangeAfter(qint64 ms) const
{
    if (m_minutes.isEmpty())
        return 0;
    const QDate today = QDateTime::fromMSecsSinceEpoch(ms, m_zone).date();
    for (int d = -1; d <= 2; ++d) {
        const QDate day = today.addDays(d);
        for (int m : m_minutes) {
            const qint64 t = QDateTime(day, QTime(m / 60, m % 60), m_zone).toMSecsSinceEpoch();
            if (t > ms)
                return t;
        }
    }
    return 0;
}

qint64 ShiftSchedule::lastChangeAtOrBefore(qint64 ms) const
{
    if (m_minutes.isEmpty())
        return 0;
    const QDate today = QDateTime::fromMSecsSinceEpoch(ms, m_zone).date();
    for (int d = 1; d >= -2; --d) {
        const QDate day = today.addDays(d);
        for (auto it = m_minutes.crbegin(); it != m_minutes.crend(); ++it) {
            const qint64 t = QDateTime(day, QTime(*it / 60, *it % 60), m_zone).toMSecsSinceEpoch();
            if (t <= ms)
                return t;
        }
    }
    return 0;
}

std::pair<qint64, qint64> ShiftSchedule::handoverPeriod(qint64 nowMs, qint64 graceMs) const
{
    const qint64 change = lastChangeAtOrBefore(nowMs);
    if (!change)
        return {0, 0};
    if (nowMs - change < graceMs)
        return {lastChangeAtOrBefore(change - 1), change};
    return {change, nowMs};
}

} // namespace vigil::print
