// Archive public API: open and close, the queue store() fills, tickets, flush and health.
#include "ArchivePrivate.h"

#include "Schema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSysInfo>

#include <cerrno>
#include <csignal>

Q_LOGGING_CATEGORY(lcArchive, "vigil.archive")

namespace vigil::archive {

namespace {

// QLockFile removes a dead writer's lock under a second lock, "<lock>.rmlock". A station killed between
// creating that file and writing its pid into it leaves an empty one, which Qt counts as held for 30 s: the
// restarted station could not open its archive meanwhile. Remove it when no live process can own it.
bool removeDeadRemovalLock(const QString &archivePath)
{
    const QString rm = archivePath + QStringLiteral(".lock.rmlock");
    if (!QFileInfo::exists(rm))
        return false;
    QLockFile probe(rm);
    qint64 pid = 0;
    QString host, app;
    const bool known = probe.getLockInfo(&pid, &host, &app);
    const bool dead = !known || (host == QSysInfo::machineHostName() && pid > 0 &&
                                 ::kill(pid_t(pid), 0) == -1 && errno == ESRCH);
    return dead && QFile::remove(rm);
}

} // namespace

using namespace writer;

namespace {

qint64 sizeOf(const BedUpdate &u)
{
    qint64 n = 256 + qint64(u.numerics.size() * sizeof(NumericSample));
    for (const WaveBlock &w : u.waves)
        n += 64 + qint64(w.samples.size() * sizeof(float));
    return n;
}

} // namespace

Archive::Archive(std::unique_ptr<Private> dd) : d(std::move(dd)) {}

std::unique_ptr<Archive> Archive::open(const QString &path, const ArchiveOptions &options, QString *error)
{
    QString dummy;
    if (!error)
        error = &dummy;
    auto d = std::make_unique<Private>();
    d->path = QFileInfo(path).absoluteFilePath();
    d->opt = options;
    d->opt.commitIntervalMs = std::max(1, d->opt.commitIntervalMs);
    d->opt.retryIntervalMs = std::max(10, d->opt.retryIntervalMs);
    d->opt.purgeIntervalMs = std::max(10, d->opt.purgeIntervalMs);
    d->opt.numericChunkSeconds = std::max(1, d->opt.numericChunkSeconds);
    d->waveRetentionHours = options.waveRetentionHours;
    d->numericRetentionDays = options.numericRetentionDays;

    const QFileInfo fi(d->path);
    if (!QDir().mkpath(fi.absolutePath())) {
        *error = QStringLiteral("cannot create the archive folder %1").arg(fi.absolutePath());
        return nullptr;
    }
    // Two writers on one file would each believe they own the open chunks and stays.
    d->lock = std::make_unique<QLockFile>(d->path + QStringLiteral(".lock"));
    d->lock->setStaleLockTime(0);
    if (!d->lock->tryLock(0) && d->lock->error() == QLockFile::LockFailedError &&
        removeDeadRemovalLock(d->path))
        d->lock->tryLock(0);
    if (!d->lock->isLocked()) {
        qint64 pid = 0;
        QString host, app;
        d->lock->getLockInfo(&pid, &host, &app);
        *error =
            d->lock->error() == QLockFile::LockFailedError
                ? QStringLiteral("archive %1 is already open for writing by %2 (pid %3 on %4)")
                      .arg(d->path, app)
                      .arg(pid)
                      .arg(host)
                : QStringLiteral("cannot create the lock file %1.lock (folder not writable?)").arg(d->path);
        return nullptr;
    }
    try {
        d->db.open(d->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        if (!schema::prepareForWriting(d->db, error))
            return nullptr;
        d->prepare();
        d->healthState.pageSize = int(d->db.scalar("PRAGMA page_size"));
    } catch (const sql::SqlError &e) {
        *error = QStringLiteral("cannot open archive %1: %2").arg(d->path, QString::fromStdString(e.what()));
        return nullptr;
    }
    Private *p = d.get();
    sqlite3_wal_hook(
        d->db.handle(),
        [](void *ctx, sqlite3 *, const char *, int pages) {
            auto *self = static_cast<Private *>(ctx);
            self->walFramesWritten += quint64(pages >= self->walPages ? pages - self->walPages : pages);
            self->walPages = pages;
            return SQLITE_OK;
        },
        p);
    d->thread = std::thread([p] { p->run(); });
    return std::unique_ptr<Archive>(new Archive(std::move(d)));
}

Archive::~Archive()
{
    {
        std::lock_guard g(d->mutex);
        d->stop = true;
    }
    d->cv.notify_all();
    if (d->thread.joinable())
        d->thread.join();
}

namespace {

template <typename T> quint64 enqueue(Archive::Private &d, T &&payload, qint64 bytes, qint64 nowMs)
{
    std::unique_lock lk(d.mutex);
    const quint64 ticket = ++d.nextTicket;
    d.queue.push_back(Item{ticket, nowMs, bytes, std::forward<T>(payload)});
    d.queueBytes += bytes;
    d.healthState.lastTicket = ticket;
    const bool wake = d.queueBytes >= d.opt.commitEarlyBytes;
    lk.unlock();
    if (wake)
        d.cv.notify_one();
    return ticket;
}

} // namespace

quint64 Archive::store(const BedUpdate &update)
{
    return enqueue(*d, BedUpdate(update), sizeOf(update), d->nowMs());
}

quint64 Archive::storeAlarmEvent(const AlarmRecord &alarm)
{
    return enqueue(*d, AlarmRecord(alarm), 512, d->nowMs());
}

quint64 Archive::storeEvent(const QString &bedKey, qint64 timeMs, const QString &type, const QString &text)
{
    return enqueue(*d, ArchiveEvent{bedKey, timeMs, type, {}, text}, 256 + text.size() * 2, d->nowMs());
}

quint64 Archive::storeHandover(const HandoverRecord &handover)
{
    return storeEvent(handover.bedKey, handover.timeMs, kHandover, handoverEventText(handover));
}

quint64 Archive::storeCondition(const QString &bedKey, qint64 timeMs, bool on, const QString &code,
                                const QString &text)
{
    return storeEvent(bedKey, timeMs, on ? kConditionOn : kConditionOff, conditionEventText(code, text));
}

quint64 Archive::discharge(const QString &bedKey, qint64 timeMs)
{
    return enqueue(*d, Discharge{bedKey, timeMs}, 64, d->nowMs());
}

quint64 Archive::admit(const QString &bedKey, const PatientInfo &patient, const QString &source,
                       qint64 timeMs)
{
    return enqueue(*d, Admission{bedKey, patient, source, timeMs}, 128, d->nowMs());
}

void Archive::notifyDurable(quint64 ticket, std::function<void(bool ok)> done)
{
    {
        std::lock_guard g(d->mutex);
        d->newWaiters.emplace_back(ticket, std::move(done));
    }
    d->cv.notify_one();
}

bool Archive::flush(int timeoutMs)
{
    quint64 ticket;
    {
        std::lock_guard g(d->mutex);
        ticket = d->nextTicket;
        if (ticket == 0)
            return true;
        d->urgent = true;
    }
    struct Shared
    {
        std::mutex m;
        std::condition_variable cv;
        bool done = false;
        bool ok = false;
    };
    auto shared = std::make_shared<Shared>();
    notifyDurable(ticket, [shared](bool ok) {
        std::lock_guard g(shared->m);
        shared->done = true;
        shared->ok = ok;
        shared->cv.notify_all();
    });
    std::unique_lock lk(shared->m);
    if (!shared->cv.wait_for(lk, std::chrono::milliseconds(timeoutMs), [&] { return shared->done; }))
        return false;
    return shared->ok;
}

ArchiveHealth Archive::health() const
{
    ArchiveHealth h;
    {
        std::lock_guard g(d->mutex);
        h = d->healthState;
        h.queuedItems = h.lastTicket - h.durableTicket;
        h.queuedBytes += d->queueBytes; // healthState holds the writer's part
    }
    h.bytesOnDisk = QFileInfo(d->path).size() + QFileInfo(d->path + QStringLiteral("-wal")).size();
    return h;
}

void Archive::setHealthCallback(std::function<void(const ArchiveHealth &)> callback)
{
    std::lock_guard g(d->mutex);
    d->healthCb = std::move(callback);
}

void Archive::setRetention(double waveHours, double numericDays)
{
    std::lock_guard g(d->mutex);
    d->waveRetentionHours = waveHours;
    d->numericRetentionDays = numericDays;
}

QString Archive::path() const
{
    return d->path;
}

} // namespace vigil::archive
