// Finding a patient's stay (see StaySearchModel.h).
#include "StaySearchModel.h"

#include <QDateTime>

#include <algorithm>

namespace vigil::census {

StaySearchModel::StaySearchModel(QObject *parent)
    : QObject(parent), m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{}

void StaySearchModel::setCensus(Census *census)
{
    if (m_census == census)
        return;
    m_census = census;
    clear();
    emit censusChanged();
}

QVariantMap StaySearchModel::get(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).toMap() : QVariantMap();
}

void StaySearchModel::clear()
{
    ++m_generation; // an answer still on its way is dropped
    const bool wasBusy = busy();
    m_pending = 0;
    m_text.clear();
    if (!m_rows.isEmpty()) {
        m_rows.clear();
        emit countChanged();
    }
    if (wasBusy)
        emit busyChanged();
}

void StaySearchModel::search(const QString &text)
{
    const QString t = text.trimmed();
    if (t.size() < 2 || !m_census) {
        clear();
        return;
    }
    const quint64 generation = ++m_generation;
    m_text = t;
    ++m_pending;
    emit busyChanged();
    QPointer<StaySearchModel> self(this);
    m_census->search(t, [self, generation](const QVariantList &found) {
        if (self)
            self->onResults(generation, found);
    });
}

void StaySearchModel::onResults(quint64 generation, const QVariantList &stays)
{
    if (generation != m_generation)
        return; // cleared or replaced by a newer search
    m_pending = 0;
    const qint64 now = m_clock();
    QVariantList rows;
    for (const QVariant &v : stays) {
        const QVariantMap s = v.toMap();
        const QVariant end = s.value(QStringLiteral("endMs"));
        const bool current = !end.isValid() || end.isNull();
        const qint64 admit = s.value(QStringLiteral("admitMs")).toLongLong();
        const qint64 endMs = current ? -1 : end.toLongLong();
        QVariantMap r;
        r[QStringLiteral("bedKey")] = s.value(QStringLiteral("bedKey"));
        r[QStringLiteral("mrn")] = s.value(QStringLiteral("mrn"));
        r[QStringLiteral("name")] = s.value(QStringLiteral("name"));
        r[QStringLiteral("birthDate")] = s.value(QStringLiteral("birthDate"));
        r[QStringLiteral("source")] = s.value(QStringLiteral("source"));
        r[QStringLiteral("admitMs")] = double(admit);
        r[QStringLiteral("endMs")] = double(endMs);
        r[QStringLiteral("current")] = current;
        r[QStringLiteral("endReason")] = s.value(QStringLiteral("endReason"));
        r[QStringLiteral("reviewFrom")] = double(admit);
        r[QStringLiteral("reviewTo")] = double(current ? std::max(now, admit) : endMs);
        rows.append(r);
    }
    // Current stays first, then the most recent admission first.
    std::stable_sort(rows.begin(), rows.end(), [](const QVariant &a, const QVariant &b) {
        const QVariantMap x = a.toMap(), y = b.toMap();
        const bool cx = x.value(QStringLiteral("current")).toBool(),
                   cy = y.value(QStringLiteral("current")).toBool();
        if (cx != cy)
            return cx;
        return x.value(QStringLiteral("admitMs")).toDouble() > y.value(QStringLiteral("admitMs")).toDouble();
    });
    m_rows = std::move(rows);
    emit countChanged();
    emit busyChanged();
}

} // namespace vigil::census
