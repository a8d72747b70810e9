// Finding a patient's stay at the station (issue 11, docs/ADT.md): the census's current and past stays
// whose MRN is the text or whose name contains it, current ones first, then the most recent admission first;
// each row gives the range the bed's review opens on (admission to discharge, or to now while current).
// GUI thread; the search itself runs on the census's worker (Census::search). A newer search replaces an
// older one whose answer has not come yet.
#pragma once

#include "Census.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace vigil::census {

class StaySearchModel : public QObject
{
    Q_OBJECT
    Q_PROPERTY(vigil::census::Census *census READ census WRITE setCensus NOTIFY censusChanged)
    // The found stays, each a map: bedKey, mrn, name, birthDate, source, admitMs, endMs (-1 while current),
    // current (the patient is in the bed now), endReason, reviewFrom, reviewTo (the review range, ms since
    // the epoch). A plain list, so QML's views take it as their model.
    Q_PROPERTY(QVariantList rows READ rows NOTIFY countChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString text READ text NOTIFY busyChanged) // the last text searched for
public:
    explicit StaySearchModel(QObject *parent = nullptr);

    Census *census() const { return m_census; }
    void setCensus(Census *census);
    bool busy() const { return m_pending > 0; }
    QString text() const { return m_text; }
    // Wall clock (ms since the epoch) for a current stay's review end; tests replace it.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

    QVariantList rows() const { return m_rows; }
    int count() const { return int(m_rows.size()); }

    // Text shorter than two characters clears the list (a one-letter name search finds half the hospital).
    Q_INVOKABLE void search(const QString &text);
    Q_INVOKABLE void clear();
    // One row (empty map when out of range).
    Q_INVOKABLE QVariantMap get(int row) const;

signals:
    void censusChanged();
    void countChanged();
    void busyChanged();

private:
    void onResults(quint64 generation, const QVariantList &stays);

    QPointer<Census> m_census;
    quint64 m_generation = 0; // answers of older searches are dropped
    QVariantList m_rows;
    QString m_text;
    int m_pending = 0;
    std::function<qint64()> m_clock;
};

} // namespace vigil::census
