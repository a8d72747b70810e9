// See ClusterState.h.
#include "ClusterState.h"

namespace vigil {

void ClusterState::setEnabled(bool on)
{
    if (on == m_enabled)
        return;
    m_enabled = on;
    bump();
}

void ClusterState::setConnection(bool connected, const QString &statusText)
{
    if (connected == m_connected && statusText == m_statusText)
        return;
    m_connected = connected;
    m_statusText = statusText;
    bump();
}

void ClusterState::setOwner(const QString &bedKey, const QString &station)
{
    if (m_owner.value(bedKey) == station)
        return;
    m_owner.insert(bedKey, station);
    bump();
}

void ClusterState::bump()
{
    ++m_revision;
    emit changed();
}

} // namespace vigil
