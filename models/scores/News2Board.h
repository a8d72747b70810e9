// NEWS2 for every bed of the ward, for the station and QML (`Station.news`): one News2Tracker per bed fed
// with the drained numerics, the nurse's entries (ACVPU, supplemental O2, any unmeasured value, SpO2 scale
// 2) recorded with who and when, and the per-bed details the bed view shows. GUI thread only.
#pragma once

#include "Ingest.h"
#include "News2.h"

#include <QHash>
#include <QObject>
#include <QVariantMap>

#include <functional>
#include <memory>
#include <span>

namespace vigil::scores {

class News2Board : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool enabled READ enabled CONSTANT)
public:
    using Clock = std::function<qint64()>;
    using User = std::function<QString()>;
    // Asked before the SpO2 scale changes (issue 12: the NEWS2 scale permission, audited from -> to);
    // false refuses with *whyNot.
    using ScaleGate =
        std::function<bool(const QString &bedKey, bool fromScale2, bool toScale2, QString *whyNot)>;
    explicit News2Board(User user, QObject *parent = nullptr, Clock clock = {});
    void setScaleGate(ScaleGate g) { m_scaleGate = std::move(g); }

    const News2Config &config() const { return m_config; }
    void setConfig(const News2Config &c);
    bool enabled() const { return m_config.enabled; }

    void onNumerics(const QString &bedKey, std::span<const NumericSample> samples);
    // Recomputes every bed at nowMs.
    void update(qint64 nowMs);
    const News2Snapshot *snapshot(const QString &bedKey) const;
    const News2Tracker *tracker(const QString &bedKey) const;
    QStringList bedKeys() const { return m_order; }

    // QML (bed view). Every entry is recorded with the station's user and the time; each returns an empty
    // string when applied, else why not.
    // {total, complete, response, trend, missing, scale2, scale2By, params: [{key, label, value, text, sub,
    //  stale, missing, time, source}]}
    Q_INVOKABLE QVariantMap details(const QString &bedKey) const;
    Q_INVOKABLE QString enterValue(const QString &bedKey, const QString &paramKey, double value);
    Q_INVOKABLE QString setConsciousness(const QString &bedKey, const QString &acvpu); // "A" "C" "V" "P" "U"
    Q_INVOKABLE QString setOxygen(const QString &bedKey, bool onOxygen);
    Q_INVOKABLE QString setScale2(const QString &bedKey, bool scale2);

signals:
    // A nurse's entry changed a bed's inputs (the station recomputes and re-judges its alarms at once).
    void entered(const QString &bedKey);

private:
    News2Tracker &bed(const QString &key);
    QString record(const QString &bedKey, NewsParam p, double value);
    User m_user;
    ScaleGate m_scaleGate;
    Clock m_clock;
    News2Config m_config;
    QHash<QString, std::shared_ptr<News2Tracker>> m_beds;
    QStringList m_order;
};

} // namespace vigil::scores
