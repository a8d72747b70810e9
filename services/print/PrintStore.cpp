#include "PrintStore.h"

#include <QDateTime>
#include <QUuid>

namespace vigil::print {

using archive::sql::Stmt;

namespace {
constexpr const char *kColumns =
    "id, state, priority, request, printer, requested_by, created_ms, updated_ms, "
    "cups_job, reason, attempts";
}

void PrintStore::open(const QString &path)
{
    m_db.open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    m_db.exec("PRAGMA journal_mode=WAL");
    m_db.exec("PRAGMA synchronous=FULL");
    m_db.exec("PRAGMA busy_timeout=5000");
    m_db.exec("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT)");
    m_db.exec(
        "CREATE TABLE IF NOT EXISTS jobs(id INTEGER PRIMARY KEY AUTOINCREMENT, state TEXT NOT NULL, "
        "priority INTEGER NOT NULL, request TEXT NOT NULL, printer TEXT, requested_by TEXT, "
        "created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL, cups_job INTEGER NOT NULL DEFAULT 0, "
        "reason TEXT, attempts INTEGER NOT NULL DEFAULT 0)");
    m_db.exec("CREATE INDEX IF NOT EXISTS jobs_state ON jobs(state, priority, id)");
    m_db.exec(
        "CREATE TABLE IF NOT EXISTS audit(id INTEGER PRIMARY KEY AUTOINCREMENT, time_ms INTEGER NOT NULL, "
        "who TEXT, action TEXT NOT NULL, what TEXT, destination TEXT, job_id INTEGER, outcome TEXT)");
    m_tag = m_db.scalarText("SELECT value FROM meta WHERE key='station_tag'");
    if (m_tag.isEmpty()) {
        m_tag = QUuid::createUuid().toString(QUuid::Id128).left(12);
        Stmt(m_db.handle(), "INSERT INTO meta(key, value) VALUES('station_tag', ?)").bind(1, m_tag).run();
    }
}

qint64 PrintStore::add(PrintJob &job)
{
    job.createdMs = job.createdMs ? job.createdMs : QDateTime::currentMSecsSinceEpoch();
    job.updatedMs = job.createdMs;
    Stmt s(m_db.handle(), "INSERT INTO jobs(state, priority, request, printer, requested_by, created_ms, "
                          "updated_ms, cups_job, reason, attempts) VALUES(?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, stateName(job.state))
        .bind(2, job.priority)
        .bind(3, requestToJson(job.request))
        .bind(4, job.printer)
        .bind(5, job.requestedBy)
        .bind(6, job.createdMs)
        .bind(7, job.updatedMs)
        .bind(8, job.cupsJobId)
        .bind(9, job.reason)
        .bind(10, job.attempts)
        .run();
    job.id = sqlite3_last_insert_rowid(m_db.handle());
    return job.id;
}

void PrintStore::update(const PrintJob &job)
{
    Stmt s(m_db.handle(),
           "UPDATE jobs SET state=?, priority=?, printer=?, updated_ms=?, cups_job=?, reason=?, "
           "attempts=? WHERE id=?");
    s.bind(1, stateName(job.state))
        .bind(2, job.priority)
        .bind(3, job.printer)
        .bind(4, QDateTime::currentMSecsSinceEpoch())
        .bind(5, job.cupsJobId)
        .bind(6, job.reason)
        .bind(7, job.attempts)
        .bind(8, job.id)
        .run();
}

PrintJob PrintStore::read(const Stmt &s) const
{
    PrintJob j;
    j.id = s.i64(0);
    j.state = stateFromName(s.text(1));
    j.priority = int(s.i64(2));
    j.request = requestFromJson(s.text(3));
    j.printer = s.text(4);
    j.requestedBy = s.text(5);
    j.createdMs = s.i64(6);
    j.updatedMs = s.i64(7);
    j.cupsJobId = int(s.i64(8));
    j.reason = s.text(9);
    j.attempts = int(s.i64(10));
    return j;
}

std::optional<PrintJob> PrintStore::job(qint64 id)
{
    Stmt s(m_db.handle(), std::string("SELECT ") + kColumns + " FROM jobs WHERE id=?");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    return read(s);
}

std::optional<PrintJob> PrintStore::nextQueued()
{
    Stmt s(m_db.handle(), std::string("SELECT ") + kColumns +
                              " FROM jobs WHERE state='queued' ORDER BY priority DESC, id LIMIT 1");
    if (!s.step())
        return std::nullopt;
    return read(s);
}

std::vector<PrintJob> PrintStore::inState(JobState state)
{
    Stmt s(m_db.handle(), std::string("SELECT ") + kColumns + " FROM jobs WHERE state=? ORDER BY id");
    s.bind(1, stateName(state));
    std::vector<PrintJob> out;
    while (s.step())
        out.push_back(read(s));
    return out;
}

std::vector<PrintJob> PrintStore::all()
{
    Stmt s(m_db.handle(), std::string("SELECT ") + kColumns + " FROM jobs ORDER BY id");
    std::vector<PrintJob> out;
    while (s.step())
        out.push_back(read(s));
    return out;
}

PrintStore::Counts PrintStore::counts()
{
    Counts c;
    Stmt s(m_db.handle(), "SELECT state, count(*) FROM jobs GROUP BY state");
    while (s.step()) {
        const int n = int(s.i64(1));
        switch (stateFromName(s.text(0))) {
        case JobState::Queued:
            c.queued = n;
            break;
        case JobState::Printing:
            c.printing = n;
            break;
        case JobState::Done:
            c.done = n;
            break;
        case JobState::Failed:
            c.failed = n;
            break;
        }
    }
    return c;
}

void PrintStore::audit(const AuditEntry &e)
{
    Stmt s(m_db.handle(), "INSERT INTO audit(time_ms, who, action, what, destination, job_id, outcome) "
                          "VALUES(?,?,?,?,?,?,?)");
    s.bind(1, e.timeMs ? e.timeMs : QDateTime::currentMSecsSinceEpoch())
        .bind(2, e.who)
        .bind(3, e.action)
        .bind(4, e.what)
        .bind(5, e.where)
        .bind(6, e.jobId)
        .bind(7, e.outcome)
        .run();
}

std::vector<AuditEntry> PrintStore::auditTrail()
{
    Stmt s(m_db.handle(),
           "SELECT time_ms, who, action, what, destination, job_id, outcome FROM audit ORDER BY id");
    std::vector<AuditEntry> out;
    while (s.step())
        out.push_back({s.i64(0), s.text(1), s.text(2), s.text(3), s.text(4), s.i64(5), s.text(6)});
    return out;
}

} // namespace vigil::print
