// The station's place in the hospital cluster as the UI shows it (QML: `Station.cluster`): whether the
// cluster is reachable, and which beds on the overview belong to another station (remote beds, with their
// owning station). The composition root (app/ClusterWiring) fills it; models/ knows nothing of NATS.
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>

namespace vigil {

class ClusterState : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool enabled READ enabled NOTIFY changed)     // a [cluster] section is configured
    Q_PROPERTY(bool connected READ connected NOTIFY changed) // the cluster is reachable now
    Q_PROPERTY(QString statusText READ statusText NOTIFY changed)
    Q_PROPERTY(int remoteBeds READ remoteBeds NOTIFY changed)
    Q_PROPERTY(int revision READ revision NOTIFY changed) // bumps on every change (bindings on ownerOf())
public:
    using QObject::QObject;

    bool enabled() const { return m_enabled; }
    bool connected() const { return m_connected; }
    QString statusText() const { return m_statusText; }
    int remoteBeds() const { return static_cast<int>(m_owner.size()); }
    int revision() const { return m_revision; }
    // The station that owns a bed shown here; empty for this station's own beds.
    Q_INVOKABLE QString ownerOf(const QString &bedKey) const { return m_owner.value(bedKey); }
    bool isRemote(const QString &bedKey) const { return m_owner.contains(bedKey); }

    void setEnabled(bool on);
    void setConnection(bool connected, const QString &statusText);
    void setOwner(const QString &bedKey, const QString &station);
    // Counters and recent alarm arrivals for the state file (no change signal: read once a second).
    void setStats(const QJsonObject &stats) { m_stats = stats; }
    const QJsonObject &stats() const { return m_stats; }

signals:
    void changed();

private:
    void bump();
    bool m_enabled = false;
    bool m_connected = false;
    QString m_statusText;
    QHash<QString, QString> m_owner;
    int m_revision = 0;
    QJsonObject m_stats;
};

} // namespace vigil
