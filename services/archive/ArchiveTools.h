// Offline work on an archive for biomed and research staff: verify, export, stats. Used by the
// `vigil archive` command line (ArchiveCli) and by tests; safe on a live archive (read-only snapshot).
#pragma once

#include "ArchiveReader.h"

#include <QStringList>

namespace vigil::archive {

struct VerifyReport
{
    bool integrityOk = false;
    QStringList integrityMessages; // what PRAGMA integrity_check said when not "ok"
    qint64 waveChunks = 0;
    qint64 waveTails = 0;
    qint64 numericChunks = 0;
    qint64 numericTails = 0;
    qint64 samples = 0;
    qint64 badChunks = 0; // failed to decode, checksum mismatch, or row/payload disagreement
    QStringList problems; // one line per damaged chunk or inconsistency (capped)
    qint64 gaps = 0;      // holes in a channel's waveform (clinically normal: disconnections)
    double gapSeconds = 0;
    qint64 overlaps = 0; // chunks overlapping the previous one of their channel
    QStringList gapList; // the first few, for the report
    bool ok() const { return integrityOk && badChunks == 0 && problems.isEmpty(); }
};

// quick: PRAGMA quick_check instead of integrity_check (skips index consistency). maxListed caps the
// problem and gap lists.
VerifyReport verifyArchive(ArchiveReader &reader, bool quick = false, int maxListed = 20);

struct ExportResult
{
    QStringList files;  // written
    QStringList notes;  // anything the user should know (channels rescaled, rates skipped...)
    qint64 startUs = 0; // time of the first exported sample
    qint64 frames = 0;
};

// WFDB format 16 record dir/recordName.{hea,dat} with every waveform channel of the bed in [t1Us, t2Us).
// The record starts at the first archived sample at or after t1Us; missing samples are WFDB's invalid
// value. Samples are the archived integers (gain and baseline as stored), so a record that came in
// through a WFDB replay exports bit-exactly.
bool exportWfdb(ArchiveReader &reader, const BedRecord &bed, qint64 t1Us, qint64 t2Us, const QString &dir,
                const QString &recordName, ExportResult *result, QString *error);

// CSV files: waves (one row per sample instant, one column per channel, physical units), numerics,
// alarms, events (as exportEvents). wavesPath names the waves file; the others get _numerics/_alarms/_events
// suffixes.
bool exportCsv(ArchiveReader &reader, const BedRecord &bed, qint64 t1Us, qint64 t2Us,
               const QString &wavesPath, ExportResult *result, QString *error);

// Folds condition_on / condition_off events (in time order) into episodes per bed and code, in order of
// their first event. A repeated start while the condition is present is ignored; an end without a start
// gives an episode without a start; a start without an end, one without an end.
std::vector<ConditionEpisode> conditionEpisodes(const std::vector<ArchiveEvent> &events);

// Events CSV (columns bed, bed_label, type, start_utc, start_ms, end_utc, end_ms, code, text): one row per
// technical condition episode overlapping [t1Ms, t2Ms) (type "condition", an open end left empty) and
// one per other event in the range (note, discharge...: start = end). bedKey empty = every bed and the
// station-wide events. Sorted by start.
bool exportEvents(ArchiveReader &reader, const QString &bedKey, qint64 t1Ms, qint64 t2Ms, const QString &path,
                  ExportResult *result, QString *error);

// Human-readable summary: sizes, schema, beds, stays, per-channel volume and compression, bytes per
// bed-hour, time spans.
QString archiveStats(ArchiveReader &reader, QString *error);

} // namespace vigil::archive
