// The station's full-disclosure archive: every waveform sample, numeric, alarm step and event of every
// stay, in one SQLite file per station (schema and design: docs/ARCHIVE.md).
//
// Writing. store() and friends copy what they are given into a queue and return a ticket at once; they
// never touch the disk, so a source or the GUI thread is never held up by it. A writer thread applies the
// queue in transactions every commitIntervalMs (200 ms), fsynced, then runs the notifyDurable callbacks in
// ticket order: that is when an HL7 session may send its commit ACK. Waveform samples are kept in per
// channel chunks of a few seconds; the samples of a chunk that is still filling are written at every
// commit as a "tail" segment, so durability never waits for a chunk to fill.
//
// Failure. When a commit fails (disk full, file size limit, read-only medium...) the writer rolls back,
// reports it through health() and the health callback, answers every waiting ticket with false, keeps the
// data in memory and retries every retryIntervalMs. Ingest keeps working: store() still accepts. If the
// backlog exceeds maxQueuedBytes the oldest data is dropped and counted. Nothing is ever acknowledged
// that is not on disk.
#pragma once

#include "ArchiveTypes.h"
#include "DurableStore.h"

#include <QString>

#include <functional>
#include <memory>

namespace vigil::archive {

class Archive : public vigil::DurableStore
{
public:
    // Creates the file (and its folder) or opens it, migrating an older schema. Returns null with *error
    // when the file cannot be opened, is not a Vigil archive, has a newer schema than this build, or is
    // already open for writing by another process.
    static std::unique_ptr<Archive> open(const QString &path, const ArchiveOptions &options, QString *error);

    // Writes out everything still queued (open chunks included) and stops the writer thread.
    ~Archive() override;

    Archive(const Archive &) = delete;
    Archive &operator=(const Archive &) = delete;

    // DurableStore. store(): any thread, never blocks on I/O. Patient changes open a new stay.
    // notifyDurable(): callbacks run on the writer thread, in ticket order for the tickets one commit makes
    // durable (so one caller registering its tickets in order gets its answers in order); a callback for
    // a ticket that is already durable runs at the writer's next wake-up, at once.
    quint64 store(const BedUpdate &update) override;
    void notifyDurable(quint64 ticket, std::function<void(bool ok)> done) override;

    // Alarm lifecycle steps, events and discharges go through the same queue and ticket sequence.
    quint64 storeAlarmEvent(const AlarmRecord &alarm);
    quint64 storeEvent(const QString &bedKey, qint64 timeMs, const QString &type, const QString &text);
    // A technical condition starting (on) or ending: a condition_on / condition_off event, which the
    // events export folds into one episode per start and end. bedKey empty = station-wide.
    quint64 storeCondition(const QString &bedKey, qint64 timeMs, bool on, const QString &code,
                           const QString &text);
    // The nurse's handover for a bed (illness severity, notes): an event row of type kHandover, written by
    // the writer thread like every other event; ArchiveReader::handover() reads the latest.
    quint64 storeHandover(const HandoverRecord &handover);
    // Ends the bed's open stay at timeMs; the next data on the bed opens a stay with an unknown patient.
    quint64 discharge(const QString &bedKey, qint64 timeMs);
    // The census (ADT or a user at the station, docs/ADT.md) names the bed's patient from timeMs. The open
    // stay takes this identity when it has no patient yet or is this patient (an unadmitted stay adopted by
    // an admission keeps what came before); otherwise it ends and a stay for this patient opens. While such
    // a stay is open, a monitor naming another patient does not open a stay: data is never re-attributed
    // silently. source: "adt" or "manual" (the stay table's source column).
    quint64 admit(const QString &bedKey, const PatientInfo &patient, const QString &source, qint64 timeMs);

    // Blocks until everything stored so far is committed (or has failed): tests, tools, shutdown.
    bool flush(int timeoutMs = 30'000);

    ArchiveHealth health() const;
    // Runs on the writer thread whenever ok/error changes: post to your own thread.
    void setHealthCallback(std::function<void(const ArchiveHealth &)> callback);

    // Takes effect at the next purge step.
    void setRetention(double waveHours, double numericDays);

    QString path() const;

    struct Private;

private:
    explicit Archive(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace vigil::archive
