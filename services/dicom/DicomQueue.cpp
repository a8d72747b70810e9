#include "DicomQueue.h"

#include "DicomPrivate.h"
#include "Sqlite.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <cmath>

namespace vigil::dicom {

using namespace detail;
namespace sql = archive::sql;

struct DicomQueue::Db
{
    sql::Db db;
};

namespace {

QueueItem rowToItem(const sql::Stmt &s)
{
    QueueItem it;
    it.id = s.i64(0);
    it.sopInstanceUid = s.text(1);
    it.source = s.text(2);
    it.state = s.text(3);
    it.attempts = int(s.i64(4));
    it.lastError = s.text(5);
    it.queuedMs = s.i64(6);
    it.sentMs = s.i64(7);
    it.refusedReason = s.text(8);
    it.discardedBy = s.text(9);
    it.discardedMs = s.i64(10);
    return it;
}

constexpr char kCols[] = "id, sop_instance, source, state, attempts, last_error, queued_ms, sent_ms, "
                         "refused_reason, discarded_by, discarded_ms";

} // namespace

std::unique_ptr<DicomQueue> DicomQueue::open(const QueueOptions &o, QString *error)
{
    std::unique_ptr<DicomQueue> q(new DicomQueue);
    q->m_o = o;
    if (!QDir().mkpath(QDir(o.directory).filePath(QStringLiteral("objects")))) {
        *error = QStringLiteral("cannot create the DICOM queue folder %1").arg(o.directory);
        return nullptr;
    }
    q->m_db = std::make_unique<Db>();
    try {
        q->m_db->db.open(QDir(o.directory).filePath(QStringLiteral("queue.sqlite")),
                         SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX);
        q->m_db->db.exec("PRAGMA journal_mode=WAL");
        q->m_db->db.exec("PRAGMA synchronous=FULL");
        q->m_db->db.exec(
            "CREATE TABLE IF NOT EXISTS job ("
            " id INTEGER PRIMARY KEY, sop_instance TEXT NOT NULL UNIQUE, source TEXT NOT NULL,"
            " file TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL "
            "DEFAULT 0, next_try_ms INTEGER NOT NULL DEFAULT 0, last_error TEXT, queued_ms INTEGER "
            "NOT NULL, sent_ms INTEGER NOT NULL DEFAULT 0)");
        // Columns added later (a queue file of an older version gains them).
        std::set<QString> have;
        {
            sql::Stmt s(q->m_db->db.handle(), "PRAGMA table_info(job)");
            while (s.step())
                have.insert(s.text(1));
        }
        for (const auto &[name, type] :
             {std::pair{"refused_reason", "TEXT"}, std::pair{"discarded_by", "TEXT"},
              std::pair{"discarded_ms", "INTEGER NOT NULL DEFAULT 0"}})
            if (!have.count(QString::fromLatin1(name)))
                q->m_db->db.exec(std::string("ALTER TABLE job ADD COLUMN ") + name + " " + type);
    } catch (const sql::SqlError &e) {
        *error = QStringLiteral("DICOM queue database: %1").arg(QString::fromStdString(e.what()));
        return nullptr;
    }
    return q;
}

DicomQueue::~DicomQueue()
{
    stop();
}

qint64 DicomQueue::now() const
{
    return m_o.clock ? m_o.clock() : QDateTime::currentMSecsSinceEpoch();
}

bool DicomQueue::enqueue(const QString &path, QString *error, bool *duplicate)
{
    if (duplicate)
        *duplicate = false;
    DcmFileFormat ff;
    OFCondition c = ff.loadFile(OFFilename(path.toLocal8Bit().constData()), EXS_Unknown, EGL_noChange, 1024);
    OFString uid;
    if (c.bad() || ff.getDataset()->findAndGetOFString(DCM_SOPInstanceUID, uid).bad() || uid.empty()) {
        *error = QStringLiteral("%1 is not a DICOM object with a SOP Instance UID%2")
                     .arg(path, c.bad() ? QStringLiteral(": ") + qs(c) : QString());
        return false;
    }
    const QString sop = qs(uid);
    std::lock_guard lock(m_mutex);
    try {
        sql::Stmt find(m_db->db.handle(), "SELECT state FROM job WHERE sop_instance = ?");
        find.bind(1, sop);
        if (find.step()) {
            if (duplicate)
                *duplicate = true;
            return true;
        }
        // Copy the object into the queue folder, synced, before the row exists.
        const QString file =
            QDir(m_o.directory).filePath(QStringLiteral("objects/") + sop + QStringLiteral(".dcm"));
        QFile in(path);
        QSaveFile out(file);
        if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("cannot copy %1 into the queue: %2")
                         .arg(path, in.isOpen() ? out.errorString() : in.errorString());
            return false;
        }
        out.write(in.readAll());
        if (!out.commit()) {
            *error = QStringLiteral("cannot write %1: %2").arg(file, out.errorString());
            return false;
        }
        sql::Stmt ins(
            m_db->db.handle(),
            "INSERT INTO job (sop_instance, source, file, queued_ms, next_try_ms) VALUES (?, ?, ?, ?, 0)");
        ins.bind(1, sop).bind(2, path).bind(3, file).bind(4, now());
        ins.run();
    } catch (const sql::SqlError &e) {
        *error = QStringLiteral("DICOM queue database: %1").arg(QString::fromStdString(e.what()));
        return false;
    }
    m_wake = true;
    m_cv.notify_all();
    return true;
}

void DicomQueue::start()
{
    std::lock_guard lock(m_mutex);
    if (m_thread.joinable())
        return;
    m_stop = false;
    m_thread = std::thread([this] { run(); });
}

void DicomQueue::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_cv.notify_all();
    }
    if (m_thread.joinable())
        m_thread.join();
}

void DicomQueue::wake()
{
    std::lock_guard lock(m_mutex);
    m_wake = true;
    try {
        m_db->db.exec("UPDATE job SET next_try_ms = 0 WHERE state = 'pending'");
    } catch (const sql::SqlError &) {
    }
    m_cv.notify_all();
}

bool DicomQueue::discard(const QString &sopInstanceUid, const QString &who, QString *error)
{
    std::lock_guard lock(m_mutex);
    try {
        sql::Stmt s(m_db->db.handle(),
                    std::string("SELECT ") + kCols + ", file FROM job WHERE sop_instance = ?");
        s.bind(1, sopInstanceUid);
        if (!s.step()) {
            *error = QStringLiteral("%1 is not in the queue").arg(sopInstanceUid);
            return false;
        }
        const QueueItem it = rowToItem(s);
        const QString file = s.text(11);
        if (it.state != QLatin1String("pending") || it.refusedReason.isEmpty()) {
            *error = QStringLiteral("%1 is not a refused object waiting in the queue (%2)")
                         .arg(sopInstanceUid, it.state);
            return false;
        }
        if (m_inFlight.count(it.id)) {
            *error = QStringLiteral("%1 is being sent right now; try again in a moment").arg(sopInstanceUid);
            return false;
        }
        sql::Stmt u(m_db->db.handle(),
                    "UPDATE job SET state = 'discarded', discarded_by = ?, discarded_ms = ? "
                    "WHERE id = ? AND state = 'pending'");
        u.bind(1, who).bind(2, now()).bind(3, it.id).run();
        // The row is the record; the object itself goes (it held patient data nobody will send).
        QFile::remove(file);
    } catch (const sql::SqlError &e) {
        *error = QStringLiteral("DICOM queue database: %1").arg(QString::fromStdString(e.what()));
        return false;
    }
    m_cv.notify_all();
    return true;
}

std::vector<QueueItem> DicomQueue::refusedItems()
{
    std::lock_guard lock(m_mutex);
    std::vector<QueueItem> out;
    try {
        sql::Stmt s(m_db->db.handle(), std::string("SELECT ") + kCols +
                                           " FROM job WHERE state = 'pending' AND refused_reason IS NOT NULL "
                                           "AND refused_reason != '' ORDER BY id");
        while (s.step())
            out.push_back(rowToItem(s));
    } catch (const sql::SqlError &) {
    }
    return out;
}

std::vector<QueueItem> DicomQueue::items(int limit)
{
    std::lock_guard lock(m_mutex);
    std::vector<QueueItem> out;
    try {
        sql::Stmt s(m_db->db.handle(), std::string("SELECT ") + kCols + " FROM job ORDER BY id DESC LIMIT ?");
        s.bind(1, limit);
        while (s.step())
            out.push_back(rowToItem(s));
    } catch (const sql::SqlError &) {
    }
    return out;
}

int DicomQueue::pendingCount()
{
    std::lock_guard lock(m_mutex);
    try {
        return int(m_db->db.scalar("SELECT count(*) FROM job WHERE state = 'pending'"));
    } catch (const sql::SqlError &) {
        return -1;
    }
}

bool DicomQueue::conditionActive() const
{
    std::lock_guard lock(m_mutex);
    return m_condition;
}

QString DicomQueue::lastReason() const
{
    std::lock_guard lock(m_mutex);
    return m_reason;
}

void DicomQueue::run()
{
    qint64 failingSinceMs = 0; // first failed association since the last success (0 = none)
    for (;;) {
        struct Job
        {
            qint64 id;
            QString file;
            int attempts;
        };
        std::vector<Job> due;
        qint64 nextTry = -1;
        {
            std::unique_lock lock(m_mutex);
            if (m_stop)
                return;
            try {
                sql::Stmt s(m_db->db.handle(),
                            "SELECT id, file, attempts FROM job WHERE state = 'pending' AND "
                            "next_try_ms <= ? ORDER BY id LIMIT ?");
                s.bind(1, now()).bind(2, m_o.batch);
                while (s.step()) {
                    due.push_back({s.i64(0), s.text(1), int(s.i64(2))});
                    m_inFlight.insert(due.back().id);
                }
                if (due.empty())
                    nextTry = m_db->db.scalar(
                        "SELECT coalesce(min(next_try_ms), -1) FROM job WHERE state = 'pending'");
            } catch (const sql::SqlError &e) {
                m_reason = QString::fromStdString(e.what());
            }
            const bool anyPending = !due.empty() || nextTry >= 0;
            // The condition: objects wait and nothing got through for the configured time.
            const bool raise = anyPending && failingSinceMs > 0 &&
                               double(now() - failingSinceMs) >= m_o.unreachableConditionS * 1000.0;
            if (raise && !m_condition) {
                m_condition = true;
                const QString reason = m_reason;
                lock.unlock();
                if (onCondition)
                    onCondition(true, reason);
                lock.lock();
            }
            if (due.empty()) {
                if (!anyPending)
                    failingSinceMs = 0;
                const qint64 waitMs = nextTry >= 0 ? std::clamp<qint64>(nextTry - now(), 1, 500) : 500;
                m_cv.wait_for(lock, std::chrono::milliseconds(waitMs), [this] { return m_stop || m_wake; });
                m_wake = false;
                continue;
            }
        }
        QStringList files;
        for (const Job &j : due)
            files << j.file;
        std::vector<NetResult> per;
        const NetResult assoc = store(m_o.peer, files, &per);
        std::vector<QueueItem> done;
        std::vector<qint64> refusedIds;
        std::vector<QueueItem> refused; // refused by the node, still queued
        QStringList log;
        bool clear = false;
        {
            std::lock_guard lock(m_mutex);
            if (assoc.outcome == Outcome::Ok || assoc.noAcceptedClass) { // the node answered
                failingSinceMs = 0;
                clear = m_condition;
                m_condition = false;
                m_reason.clear();
            } else {
                if (failingSinceMs == 0)
                    failingSinceMs = now();
                m_reason = assoc.reason;
            }
            try {
                m_db->db.exec("BEGIN IMMEDIATE");
                for (std::size_t i = 0; i < due.size(); ++i) {
                    const NetResult &r = per[i];
                    if (r.outcome == Outcome::Ok) {
                        sql::Stmt u(m_db->db.handle(), "UPDATE job SET state = 'sent', sent_ms = ?, attempts "
                                                       "= attempts + 1, last_error = "
                                                       "NULL WHERE id = ?");
                        u.bind(1, now()).bind(2, due[i].id).run();
                        log << QStringLiteral("DICOM: sent %1 to %2")
                                   .arg(r.sopInstanceUid, m_o.peer.calledAe);
                    } else if (r.outcome == Outcome::Refused && r.sopInstanceUid.isEmpty()) {
                        // Not a readable object: nothing any node could take, failed for good.
                        sql::Stmt u(m_db->db.handle(),
                                    "UPDATE job SET state = 'failed', attempts = attempts + 1, "
                                    "last_error = ? WHERE id = ?");
                        u.bind(1, r.reason).bind(2, due[i].id).run();
                        log << QStringLiteral("DICOM: %1").arg(r.reason);
                    } else if (r.outcome == Outcome::Refused) {
                        // The node refused this object (SOP class not accepted, a failure status) while
                        // the association worked: it stays queued with the node's reason, retried at the
                        // longest backoff (the node's configuration may be fixed), never dropped.
                        sql::Stmt u(
                            m_db->db.handle(),
                            "UPDATE job SET attempts = attempts + 1, next_try_ms = ?, last_error = ?, "
                            "refused_reason = ? WHERE id = ?");
                        u.bind(1, now() + qint64(m_o.retryMaxS * 1000))
                            .bind(2, r.reason)
                            .bind(3, r.reason)
                            .bind(4, due[i].id)
                            .run();
                        log << QStringLiteral("DICOM: %1 (kept in the queue)").arg(r.reason);
                        refusedIds.push_back(due[i].id);
                    } else {
                        const int attempts = due[i].attempts + 1;
                        const double delayS =
                            std::min(m_o.retryMaxS, m_o.retryInitialS * std::pow(2.0, attempts - 1));
                        sql::Stmt u(m_db->db.handle(),
                                    "UPDATE job SET attempts = ?, next_try_ms = ?, last_error = ? "
                                    "WHERE id = ?");
                        u.bind(1, attempts)
                            .bind(2, now() + qint64(delayS * 1000))
                            .bind(3, r.reason)
                            .bind(4, due[i].id)
                            .run();
                    }
                }
                m_db->db.exec("COMMIT");
                for (const qint64 id : refusedIds) {
                    sql::Stmt s(m_db->db.handle(), std::string("SELECT ") + kCols + " FROM job WHERE id = ?");
                    s.bind(1, id);
                    if (s.step())
                        refused.push_back(rowToItem(s));
                }
                for (const Job &j : due) {
                    sql::Stmt s(m_db->db.handle(), std::string("SELECT ") + kCols +
                                                       " FROM job WHERE id = ? AND state != 'pending'");
                    s.bind(1, j.id);
                    if (s.step()) {
                        done.push_back(rowToItem(s));
                        if (done.back().state == QLatin1String("sent"))
                            QFile::remove(j.file);
                    }
                }
            } catch (const sql::SqlError &e) {
                try {
                    m_db->db.exec("ROLLBACK");
                } catch (const sql::SqlError &) {
                }
                log << QStringLiteral("DICOM queue database: %1").arg(QString::fromStdString(e.what()));
            }
            for (const Job &j : due)
                m_inFlight.erase(j.id);
            if (assoc.outcome != Outcome::Ok)
                log << QStringLiteral("DICOM: %1 (%2 object(s) wait, retrying with backoff)")
                           .arg(assoc.reason)
                           .arg(due.size());
        }
        if (onLog)
            for (const QString &l : log)
                onLog(l);
        if (clear && onCondition)
            onCondition(false, {});
        if (onAttempt)
            onAttempt(assoc, int(due.size()));
        if (onItemDone)
            for (const QueueItem &it : done)
                onItemDone(it);
        if (onItemRefused)
            for (const QueueItem &it : refused)
                onItemRefused(it);
    }
}

} // namespace vigil::dicom
