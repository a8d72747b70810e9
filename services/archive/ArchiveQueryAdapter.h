// ArchiveQuery over the SQLite archive: what the review screens read through.
//
// An ArchiveReader serves one thread at a time, so the adapter keeps a small pool of idle readers: a call
// takes one (opening a new connection only when every reader is busy), uses it, and gives it back. Worker
// threads come and go with the thread pool, so a pool keyed by call rather than thread_local readers: no
// connection outlives the adapter or stays with a thread that will never query again. Opening a reader
// (schema check, statements) costs about 0.25 ms, three times a 10 s two-channel strip through a pooled
// one (0.08 ms, tst_review), and a fresh connection starts with a cold page cache: hence the reuse.
#pragma once

#include "ArchiveQuery.h"

#include <QString>

#include <memory>
#include <mutex>
#include <vector>

namespace vigil::archive {

class ArchiveReader;

class ArchiveQueryAdapter final : public ArchiveQuery
{
public:
    // The file may not exist yet (the writer creates it): readers are opened on first use, and a failed
    // open is retried at the next call.
    explicit ArchiveQueryAdapter(QString path, int maxIdleReaders = 4);
    ~ArchiveQueryAdapter() override;
    ArchiveQueryAdapter(const ArchiveQueryAdapter &) = delete;
    ArchiveQueryAdapter &operator=(const ArchiveQueryAdapter &) = delete;

    std::vector<ArchiveStayInfo> stays(const QString &bedKey, qint64 fromMs, qint64 toMs,
                                       QString *error = nullptr) override;
    std::vector<ArchiveTrendSeries> trend(const QString &bedKey, std::span<const NumericId> ids, qint64 t1Ms,
                                          qint64 t2Ms, int maxPoints, QString *error = nullptr) override;
    std::vector<ArchiveWaveStrip> waveStrip(const QString &bedKey, qint64 t1Us, qint64 t2Us,
                                            std::span<const WaveId> channels,
                                            QString *error = nullptr) override;
    std::vector<ArchiveAlarmEntry> alarms(const QString &bedKey, qint64 t1Ms, qint64 t2Ms,
                                          QString *error = nullptr) override;

    QString path() const { return m_path; }
    // Connections opened so far (tests check that readers are reused).
    int readersOpened() const;

private:
    class Lease;
    std::unique_ptr<ArchiveReader> take(QString *error);
    void give(std::unique_ptr<ArchiveReader> reader);

    const QString m_path;
    const int m_maxIdle;
    mutable std::mutex m_mutex;
    std::vector<std::unique_ptr<ArchiveReader>> m_idle;
    int m_opened = 0;
};

} // namespace vigil::archive
