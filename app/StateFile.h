// Rewrites a JSON snapshot of the station's live state about once a second (docs/STATE_FILE.md).
// The snapshot is built on the GUI thread from in-memory state (cheap); serialising and the atomic
// replace (write to a temporary file, fsync, rename) run on a worker thread, so the GUI never waits on
// the disk. If the previous write is still running, that second's snapshot is skipped, not queued.
#pragma once

#include "Station.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <atomic>

namespace vigil {

class StateFileWriter : public QObject
{
    Q_OBJECT
public:
    StateFileWriter(Station *station, QString path, QObject *parent = nullptr);
    ~StateFileWriter() override;

    void start(int intervalMs = 1000);
    // Writes one snapshot synchronously (for shutdown and tests).
    bool writeNow(QString *error = nullptr);

    static QJsonObject snapshot(const Station &station, qint64 nowMs, qint64 uptimeMs);

    quint64 writes() const { return m_writes.load(); } // completed periodic writes

private:
    void tick();

    Station *m_station;
    QString m_path;
    QTimer m_timer;
    QElapsedTimer m_uptime;
    QThread m_thread;
    QObject *m_worker = nullptr;
    std::atomic<bool> m_busy{false};
    std::atomic<quint64> m_writes{0}, m_failures{0};
    QString m_lastError;
};

bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error);

} // namespace vigil
