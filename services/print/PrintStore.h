// The print queue's durable state: one SQLite file beside the archive (<archive>.print.sqlite), WAL with
// synchronous=FULL, so a job accepted is on disk before the caller hears of it and a kill -9 loses none.
// A separate file keeps the queue's small transactions out of the archive writer's batches. It also holds
// the audit trail of prints and exports (who, what, when) and the station's tag (the CUPS title suffix
// that tells this station's jobs from others'). Used from one thread (the print worker); throws
// archive::sql::SqlError on I/O errors.
#pragma once

#include "PrintJob.h"
#include "Sqlite.h"

#include <optional>
#include <vector>

namespace vigil::print {

struct AuditEntry
{
    qint64 timeMs = 0;
    QString who;
    QString action; // "print" or "export"
    QString what;   // kind, bed, period
    QString where;  // CUPS queue or PDF file
    qint64 jobId = 0;
    QString outcome; // "queued", "done", "failed: ..."
};

class PrintStore
{
public:
    void open(const QString &path);
    bool isOpen() const { return bool(m_db); }
    QString stationTag() const { return m_tag; }

    qint64 add(PrintJob &job); // sets job.id, createdMs, updatedMs
    void update(const PrintJob &job);
    std::optional<PrintJob> job(qint64 id);
    // Queued jobs, highest priority first, then oldest first.
    std::optional<PrintJob> nextQueued();
    std::vector<PrintJob> inState(JobState state);
    std::vector<PrintJob> all();
    struct Counts
    {
        int queued = 0, printing = 0, done = 0, failed = 0;
    };
    Counts counts();

    void audit(const AuditEntry &e);
    std::vector<AuditEntry> auditTrail();

private:
    PrintJob read(const archive::sql::Stmt &s) const;
    archive::sql::Db m_db;
    QString m_tag;
};

} // namespace vigil::print
