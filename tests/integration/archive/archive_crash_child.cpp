// A station-like process for the crash and disk-full tests: stores the deterministic stream of
// CrashStream.h into an archive as fast as a busy ward would deliver it, and prints "ACK k" the moment
// update k (all beds) is durable — what an HL7 session would acknowledge. The test kills it with SIGKILL
// and checks that every acknowledged update is in the archive.
//
//   archive_crash_child --archive PATH --run R [--beds N] [--interval-ms MS] [--fsize BYTES] [--seconds S]
//
// --fsize sets RLIMIT_FSIZE (with SIGXFSZ ignored, so writes fail with EFBIG like on a full disk);
// --seconds ends the run normally after S seconds, printing store() latency and counts.
#include "Archive.h"
#include "CrashStream.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <thread>
#include <unistd.h>

namespace {

void say(const QByteArray &line)
{
    // One write() per line: atomic on a pipe, unbuffered, so a SIGKILL right after loses nothing printed.
    const QByteArray l = line + '\n';
    [[maybe_unused]] const ssize_t n = ::write(STDOUT_FILENO, l.constData(), size_t(l.size()));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString path;
    int run = 0, beds = 4, intervalMs = 10;
    qint64 fsize = 0;
    double seconds = 0;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        const QString &k = args[i], &v = args[i + 1];
        if (k == QLatin1String("--archive"))
            path = v;
        else if (k == QLatin1String("--run"))
            run = v.toInt();
        else if (k == QLatin1String("--beds"))
            beds = v.toInt();
        else if (k == QLatin1String("--interval-ms"))
            intervalMs = v.toInt();
        else if (k == QLatin1String("--fsize"))
            fsize = v.toLongLong();
        else if (k == QLatin1String("--seconds"))
            seconds = v.toDouble();
    }
    if (path.isEmpty()) {
        std::fprintf(stderr, "usage: archive_crash_child --archive PATH --run R [...]\n");
        return 2;
    }
    vigil::archive::ArchiveOptions opt;
    opt.commitIntervalMs = 50;
    opt.retryIntervalMs = 200;
    // The stream is timestamped in 2023: keep it, whatever today's date.
    opt.waveRetentionHours = 1e7;
    opt.numericRetentionDays = 1e6;
    QString error;
    auto archive = vigil::archive::Archive::open(path, opt, &error);
    if (!archive) {
        say("OPEN_FAILED " + error.toUtf8());
        return 3;
    }
    if (fsize > 0) {
        // After open, as on a station whose disk fills up while it runs.
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit rl{rlim_t(fsize), rlim_t(fsize)};
        setrlimit(RLIMIT_FSIZE, &rl);
    }
    archive->setHealthCallback([](const vigil::archive::ArchiveHealth &h) {
        say(h.ok ? QByteArray("HEALTH ok") : "HEALTH error " + h.error.toUtf8());
    });
    say("READY");

    QElapsedTimer clock;
    clock.start();
    qint64 maxStoreNs = 0, storesAfterError = 0, stores = 0;
    for (int k = 0;; ++k) {
        quint64 ticket = 0;
        for (int b = 0; b < beds; ++b) {
            const vigil::BedUpdate u = crashstream::update(run, b, k);
            const qint64 t0 = clock.nsecsElapsed();
            ticket = archive->store(u);
            if (crashstream::hasAlarm(k))
                ticket = archive->storeAlarmEvent(crashstream::alarm(run, b, k));
            maxStoreNs = std::max(maxStoreNs, clock.nsecsElapsed() - t0);
            ++stores;
        }
        if (!archive->health().ok)
            storesAfterError += beds;
        archive->notifyDurable(ticket,
                               [k](bool ok) { say((ok ? "ACK " : "NACK ") + QByteArray::number(k)); });
        if (seconds > 0 && clock.elapsed() > seconds * 1000)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(intervalMs));
    }
    const vigil::archive::ArchiveHealth h = archive->health();
    say("STATS stores=" + QByteArray::number(stores) + " stores_after_error=" +
        QByteArray::number(storesAfterError) + " max_store_us=" + QByteArray::number(maxStoreNs / 1000) +
        " ok=" + QByteArray::number(h.ok) + " failed_commits=" + QByteArray::number(h.failedCommits) +
        " dropped=" + QByteArray::number(h.droppedItems));
    archive.reset();
    say("DONE");
    return 0;
}
