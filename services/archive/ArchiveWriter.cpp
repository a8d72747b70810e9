// The archive writer thread: when to commit, the transaction, failure and retry, answering tickets in
// order, and the memory bound on a backlog the disk cannot take.
#include "ArchivePrivate.h"

#include <QDateTime>
#include <QFileInfo>

#include <algorithm>

#include <cerrno>
#include <ctime>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace vigil::archive {

using namespace writer;

namespace {

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// SQLite reports a failed write as SQLITE_FULL or SQLITE_IOERR_WRITE, and its errno is not reliable by
// the time the error reaches us (and belongs to whichever file failed). Ask the system instead.
QString diagnose(const sql::SqlError &e, const QString &path)
{
    const int primary = e.primary();
    const int err = e.systemErrno();
    if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
        return QStringLiteral("archive file is damaged");
    const QByteArray dir = QFileInfo(path).absolutePath().toLocal8Bit();
    struct statvfs vfs
    {};
    if (statvfs(dir.constData(), &vfs) == 0) {
        if (vfs.f_flag & ST_RDONLY)
            return QStringLiteral("archive is on a read-only file system");
        const qint64 freeBytes = qint64(vfs.f_bavail) * qint64(vfs.f_frsize);
        if (primary == SQLITE_FULL || err == ENOSPC || freeBytes < (qint64(4) << 20))
            return QStringLiteral("disk full (%1 MB free)").arg(double(freeBytes) / 1e6, 0, 'f', 1);
    }
    rlimit rl{};
    if (getrlimit(RLIMIT_FSIZE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) {
        const qint64 limit = qint64(rl.rlim_cur);
        const qint64 biggest =
            std::max(QFileInfo(path).size(), QFileInfo(path + QStringLiteral("-wal")).size());
        if (err == EFBIG || biggest + (qint64(256) << 10) >= limit)
            return QStringLiteral("file size limit reached (%1 bytes; disk full for this process)")
                .arg(limit);
    }
    if (primary == SQLITE_READONLY || err == EROFS || err == EACCES || err == EPERM ||
        ::access(dir.constData(), W_OK) != 0)
        return QStringLiteral("archive is read-only / not writable");
    if (primary == SQLITE_FULL)
        return QStringLiteral("disk full");
    if (primary == SQLITE_IOERR)
        return QStringLiteral("I/O error");
    return QStringLiteral("write failed");
}

} // namespace

QString describeFailure(const sql::SqlError &e, const QString &path)
{
    return QStringLiteral("Archive write failed: %1 (%2): %3. Live monitoring continues; new data is kept in "
                          "memory and retried, and is not acknowledged until it is on disk.")
        .arg(diagnose(e, path), path, QString::fromStdString(e.what()));
}

void Archive::Private::run()
{
    const auto start = SteadyClock::now();
    nextPurge = start + std::chrono::milliseconds(std::min(opt.purgeIntervalMs, 1000));
    nextIdleCheck = start + std::chrono::seconds(1);
    std::unique_lock lk(mutex);
    for (;;) {
        if (!stop && !urgent && newWaiters.empty() && queueBytes < opt.commitEarlyBytes) {
            SteadyClock::time_point deadline;
            if (inError) {
                // Nothing is attempted before the retry time (purge and idle checks included), so wait
                // for it rather than for an already elapsed purge or idle deadline.
                deadline = nextRetry;
            } else {
                deadline = std::min(nextPurge, nextIdleCheck);
                if (!queue.empty() || !pending.empty())
                    deadline =
                        std::min(deadline, lastCommit + std::chrono::milliseconds(opt.commitIntervalMs));
            }
            cv.wait_until(lk, deadline, [&] {
                return stop || urgent || !newWaiters.empty() || queueBytes >= opt.commitEarlyBytes;
            });
        }
        while (!queue.empty()) {
            pending.push_back(std::move(queue.front()));
            queue.pop_front();
        }
        pendingBytes += queueBytes;
        queueBytes = 0;
        for (auto &w : newWaiters)
            waiters.emplace(w.first, std::move(w.second));
        newWaiters.clear();
        const bool stopping = stop;
        const bool urgentNow = urgent;
        urgent = false;
        lk.unlock();

        resolveWaiters();
        const auto now = SteadyClock::now();
        const bool retryOk = !inError || now >= nextRetry || urgentNow || stopping;
        const bool commitDue = !pending.empty() && retryOk &&
                               (urgentNow || stopping || pendingBytes >= opt.commitEarlyBytes ||
                                now >= lastCommit + std::chrono::milliseconds(opt.commitIntervalMs));
        const bool purgeDue = now >= nextPurge && retryOk;
        bool idleDue = false;
        if (now >= nextIdleCheck) {
            nextIdleCheck = now + std::chrono::seconds(1);
            idleDue = retryOk && hasIdle(now);
        }
        if (commitDue || purgeDue || idleDue) {
            bool ok = transact(false, purgeDue, idleDue);
            // A backlog larger than one transaction: keep going while it succeeds.
            while (ok && !pending.empty() && (pendingBytes >= opt.commitEarlyBytes || stopping || urgentNow))
                ok = transact(false, false, false);
        }
        if (stopping) {
            if (!inError || !pending.empty())
                transact(true, false, false);
            if (!pending.empty() || inError) {
                qCWarning(lcArchive, "archive closed with %zu items not written", pending.size());
                failAllWaiters();
            }
            lk.lock();
            for (auto &w : newWaiters)
                w.second(false);
            newWaiters.clear();
            lk.unlock();
            if (!inError)
                sqlite3_wal_checkpoint_v2(db.handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
            publishHealth(false);
            return;
        }
        if (inError)
            dropForMemory();
        publishHealth(false);
        lk.lock();
    }
}

bool Archive::Private::transact(bool closeAll, bool purge, bool idle)
{
    std::size_t n = 0;
    qint64 bytes = 0;
    quint64 last = durable;
    try {
        db.exec("BEGIN IMMEDIATE");
        if (needRecovery)
            recover();
        for (; n < pending.size(); ++n) {
            if (n > 0 && bytes >= opt.maxTransactionBytes)
                break;
            apply(pending[n]);
            bytes += pending[n].bytes;
            last = pending[n].ticket;
        }
        if (closeAll && n == pending.size()) {
            for (BedState &b : beds)
                closeBedSeries(b, true);
        } else if (idle) {
            closeIdle(SteadyClock::now());
        }
        writeTails();
        int purged = 0;
        if (purge)
            purged = purgeStep();
        db.exec("COMMIT");
        const auto now = SteadyClock::now();
        lastCommit = now;
        if (purge) {
            // A full step means there is more: continue one commit interval later, still one small step at
            // a time, so catching up after a shortened retention never monopolises the writer.
            nextPurge = now + std::chrono::milliseconds(purged >= opt.purgeStepRows ? opt.commitIntervalMs
                                                                                    : opt.purgeIntervalMs);
        }
    } catch (const std::exception &ex) {
        sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        const auto *sqlErr = dynamic_cast<const sql::SqlError *>(&ex);
        const sql::SqlError e = sqlErr ? *sqlErr : sql::SqlError(SQLITE_ERROR, 0, ex.what());
        // The in-memory chunk and stay state may describe rows that were just rolled back: rebuild it from
        // the file at the next attempt, and re-apply the same items.
        beds.clear();
        needRecovery = true;
        const QString msg = describeFailure(e, path);
        const bool was = inError;
        inError = true;
        nextRetry = SteadyClock::now() + std::chrono::milliseconds(opt.retryIntervalMs);
        {
            std::lock_guard g(mutex);
            if (!was) {
                healthState.errorSinceMs = QDateTime::currentMSecsSinceEpoch();
            }
            healthState.ok = false;
            healthState.error = msg;
            ++healthState.failedCommits;
        }
        if (!was)
            qCWarning(lcArchive, "%s", qUtf8Printable(msg));
        failAllWaiters();
        publishHealth(!was);
        return false;
    }
    pending.erase(pending.begin(), pending.begin() + std::ptrdiff_t(n));
    pendingBytes -= bytes;
    durable = std::max(durable, last);
    const bool recovered = inError;
    inError = false;
    {
        std::lock_guard g(mutex);
        healthState.durableTicket = durable;
        healthState.queuedBytes = pendingBytes;
        ++healthState.commits;
        healthState.lastCommitMs = QDateTime::currentMSecsSinceEpoch();
        if (recovered) {
            healthState.ok = true;
            healthState.error.clear();
            healthState.errorSinceMs = 0;
        }
    }
    if (recovered)
        qCInfo(lcArchive, "archive writes succeed again");
    if (mergedTails) {
        qCInfo(lcArchive, "merged %d waveform tail segments left by the previous session", mergedTails);
        mergedTails = 0;
    }
    resolveWaiters();
    if (walPages >= 1000) {
        // We own the WAL hook, so SQLite's auto-checkpoint is off: checkpoint here, on this thread. PASSIVE
        // never waits for readers; whatever they still use is copied at a later one.
        const int rc =
            sqlite3_wal_checkpoint_v2(db.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        if (rc != SQLITE_OK && rc != SQLITE_BUSY)
            qCWarning(lcArchive, "checkpoint failed: %s", sqlite3_errmsg(db.handle()));
    }
    publishHealth(recovered);
    return true;
}

bool Archive::Private::isDropped(quint64 t) const
{
    for (const auto &r : dropped) {
        if (t >= r.first && t <= r.second)
            return true;
    }
    return false;
}

void Archive::Private::resolveWaiters()
{
    while (!waiters.empty() && waiters.begin()->first <= durable) {
        auto node = waiters.extract(waiters.begin());
        node.mapped()(!isDropped(node.key()));
    }
    if (inError)
        failAllWaiters();
}

void Archive::Private::failAllWaiters()
{
    // Ticket order, as promised, even for failures.
    while (!waiters.empty()) {
        auto node = waiters.extract(waiters.begin());
        node.mapped()(node.key() <= durable && !isDropped(node.key()));
    }
}

void Archive::Private::dropForMemory()
{
    qint64 queued;
    {
        std::lock_guard g(mutex);
        queued = queueBytes;
    }
    quint64 count = 0;
    while (!pending.empty() && pendingBytes + queued > opt.maxQueuedBytes) {
        const Item &it = pending.front();
        if (!dropped.empty() && dropped.back().second + 1 == it.ticket)
            dropped.back().second = it.ticket;
        else
            dropped.emplace_back(it.ticket, it.ticket);
        durable = std::max(durable, it.ticket);
        pendingBytes -= it.bytes;
        pending.pop_front();
        ++count;
    }
    if (count) {
        std::lock_guard g(mutex);
        healthState.droppedItems += count;
        healthState.durableTicket = durable;
        healthState.queuedBytes = pendingBytes;
    }
    if (dropped.size() > 4096)
        dropped.erase(dropped.begin(), dropped.begin() + 2048); // old ranges nobody will ask about again
}

void Archive::Private::publishHealth(bool notify)
{
    std::function<void(const ArchiveHealth &)> cb;
    ArchiveHealth copy;
    {
        std::lock_guard g(mutex);
        healthState.durableTicket = durable;
        healthState.writerCpuNs = threadCpuNs();
        healthState.walFramesWritten = walFramesWritten;
        healthState.queuedBytes = pendingBytes;
        if (notify && healthCb) {
            cb = healthCb;
            copy = healthState;
        }
    }
    if (cb)
        cb(copy);
}

} // namespace vigil::archive
