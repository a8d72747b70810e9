// Read side of the archive: what the review screens and the command line need.
//
// Each ArchiveReader has its own read-only SQLite connection, so it can run on any worker thread while
// the station's writer keeps writing (WAL: readers never block the writer, nor it them). One instance
// serves one thread at a time; create one per worker. Every call reads one consistent snapshot, so a
// chunk being completed by the writer at that moment is seen either as its tail segments or as the
// finished chunk, never both or neither.
//
// Failures (damaged file, I/O error) return empty results and set lastError().
#pragma once

#include "ArchiveTypes.h"

#include <QString>

#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace vigil::archive {

namespace sql {
class Db;
}

// One stored chunk (or tail segment) of one channel, for tools that work below the strip level.
struct WaveChunkRecord
{
    qint64 id = 0;
    bool tail = false; // a segment of a chunk that was still filling
    qint64 stayId = 0;
    WaveId channel = WaveId::EcgII;
    qint64 startUs = 0;
    qint64 endUs = 0;
    double rate = 0;
    qint64 count = 0;
    double gain = 0;
    int baseline = 0;
    std::vector<std::uint8_t> data;
};

class ArchiveReader
{
public:
    static std::unique_ptr<ArchiveReader> open(const QString &path, QString *error);
    ~ArchiveReader();
    ArchiveReader(const ArchiveReader &) = delete;
    ArchiveReader &operator=(const ArchiveReader &) = delete;

    static constexpr qint64 kBegin = std::numeric_limits<qint64>::min() / 4;
    static constexpr qint64 kEnd = std::numeric_limits<qint64>::max() / 4;

    std::vector<BedRecord> beds();
    // By key first, then by label; fails (with *error) when unknown or when a label is ambiguous.
    std::optional<BedRecord> findBed(const QString &keyOrLabel, QString *error);

    // Stays overlapping [fromMs, toMs), oldest first; bedKey empty = every bed.
    std::vector<StayRecord> stays(const QString &bedKey = {}, qint64 fromMs = kBegin, qint64 toMs = kEnd);

    // Numerics of one bed with time in [t1Ms, t2Ms). maxPoints > 0 decimates each series to at most that
    // many points (equal time buckets: mean, min, max); 0 returns every sample.
    std::vector<TrendSeries> trend(const QString &bedKey, std::span<const NumericId> ids, qint64 t1Ms,
                                   qint64 t2Ms, int maxPoints = 0);

    // Waveforms of one bed for [t1Us, t2Us): one strip per channel on that channel's sample grid, NaN
    // where nothing was archived. channels empty = every channel with data in the range; a requested
    // channel without data comes back all NaN at its default rate.
    std::vector<WaveStrip> waveStrip(const QString &bedKey, qint64 t1Us, qint64 t2Us,
                                     std::span<const WaveId> channels = {});

    // Alarm lifecycle steps with time in [t1Ms, t2Ms), in time order; bedKey empty = the whole ward.
    // limit > 0 keeps the most recent `limit` steps.
    std::vector<AlarmRecord> alarms(const QString &bedKey, qint64 t1Ms, qint64 t2Ms, int limit = 0);
    std::vector<ArchiveEvent> events(const QString &bedKey, qint64 t1Ms, qint64 t2Ms);
    // The bed's latest handover (Archive::storeHandover) saved at or before atMs, if any.
    std::optional<HandoverRecord> handover(const QString &bedKey, qint64 atMs = kEnd);

    // Chunks and tail segments of one channel overlapping [t1Us, t2Us), by start time.
    std::vector<WaveChunkRecord> waveChunks(qint64 bedId, WaveId channel, qint64 t1Us, qint64 t2Us);

    QString lastError() const { return m_error; }
    QString path() const { return m_path; }
    sql::Db &connection();

private:
    ArchiveReader() = default;
    qint64 bedId(const QString &key);
    std::vector<WaveChunkRecord> tailsLocked(qint64 bedId, qint64 t1Us, qint64 t2Us);
    std::vector<WaveChunkRecord> chunksLocked(qint64 bedId, WaveId channel, qint64 t1Us, qint64 t2Us,
                                              const std::vector<WaveChunkRecord> &tails);

    struct Statements;
    std::unique_ptr<sql::Db> m_db;
    std::unique_ptr<Statements> m_st;
    QString m_path;
    QString m_error;
};

} // namespace vigil::archive
