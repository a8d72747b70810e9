// ADT processing to a durable census change (docs/ADT.md, docs/PERFORMANCE.md): a busy hospital feed at
// 100 events/s (80 % for other units, the rest admits / transfers / discharges / updates of 32 beds),
// each event handled as the link does it (parse, decode, apply, SQLite commit with synchronous=FULL,
// ACK built). Prints p50 / p99 / max of the time from the frame's arrival to its ACK, beside the baseline
// measured in the same run on the same disk: one empty-ish fsynced SQLite transaction (the floor of
// "durable"). Target: p99 < 100 ms.
//
//   bench_adt [--quick] [--seconds N] [--rate N] [--dir DIR]
#include "AdtEngine.h"
#include "Sqlite.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace vigil;

namespace {

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p / 100.0 * double(v.size())))];
}

std::string message(int i, QRandomGenerator &rng)
{
    static const char *kTriggers[] = {"A01", "A02", "A03", "A08"};
    const bool ours = rng.bounded(100) < 20;
    const QString bed = ours ? QStringLiteral("ICU^%1^A").arg(rng.bounded(32))
                             : QStringLiteral("WARD%1^%2^B").arg(rng.bounded(20)).arg(rng.bounded(40));
    const char *trig = kTriggers[rng.bounded(4)];
    return QStringLiteral("MSH|^~\\&|HIS|HOSP|VIGIL|ICU|20261205120000||ADT^%1^ADT_A01|B%2|P|2.5\r"
                          "EVN|%1|20261205120000\rPID|1||P%3^^^HOSP^MR||Fam%4^Given||19600101|F\r"
                          "PV1|1|I|%5\r")
        .arg(QLatin1String(trig))
        .arg(i)
        .arg(rng.bounded(400))
        .arg(rng.bounded(50))
        .arg(bed)
        .toStdString();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    double seconds = args.contains(QStringLiteral("--quick")) ? 3 : 60;
    double rate = 100;
    QString dirArg;
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--seconds"))
            seconds = args[i + 1].toDouble();
        else if (args[i] == QLatin1String("--rate"))
            rate = args[i + 1].toDouble();
        else if (args[i] == QLatin1String("--dir"))
            dirArg = args[i + 1];
    }
    QTemporaryDir tmp(dirArg.isEmpty() ? QDir::tempPath() + QStringLiteral("/bench-adt-XXXXXX")
                                       : dirArg + QStringLiteral("/bench-adt-XXXXXX"));

    // Baseline: the same number of fsynced single-row SQLite transactions, same disk, same settings.
    std::vector<double> base;
    {
        archive::sql::Db db;
        db.open(tmp.filePath(QStringLiteral("baseline.sqlite")), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t(x INTEGER, y TEXT);");
        for (int i = 0; i < 300; ++i) {
            QElapsedTimer t;
            t.start();
            db.exec("BEGIN IMMEDIATE; INSERT INTO t VALUES (1, 'a'); COMMIT;");
            base.push_back(double(t.nsecsElapsed()) / 1e6);
        }
    }

    adt::EngineOptions o;
    o.storePath = tmp.filePath(QStringLiteral("bench.census.sqlite"));
    for (int i = 0; i < 32; ++i)
        o.beds.beds.insert(QStringLiteral("ICU^%1^A").arg(i));
    adt::AdtEngine engine(o);
    QString error;
    if (!engine.open(&error)) {
        std::fprintf(stderr, "cannot open: %s\n", qPrintable(error));
        return 1;
    }
    QRandomGenerator rng(42);
    const int n = int(seconds * rate);
    std::vector<double> lat;
    lat.reserve(std::size_t(n));
    QElapsedTimer clock;
    clock.start();
    int aa = 0, ae = 0;
    for (int i = 0; i < n; ++i) {
        // Paced: event i arrives at i / rate s; latency counts from its arrival, so a backlog shows.
        const qint64 due = qint64(double(i) * 1e9 / rate);
        while (clock.nsecsElapsed() < due)
            QThread::usleep(200);
        const std::string frame = message(i, rng);
        const auto a = engine.handleFrame(frame, QDateTime::currentMSecsSinceEpoch());
        lat.push_back(double(clock.nsecsElapsed() - due) / 1e6);
        (a.code == QLatin1String("AA") ? aa : ae)++;
    }
    const double p50 = percentile(lat, 50), p99 = percentile(lat, 99), mx = percentile(lat, 100);
    const double b50 = percentile(base, 50), b99 = percentile(base, 99);
    std::printf("ADT to durable census change, %d events at %.0f/s (%d AA, %d AE), store %s\n", n, rate, aa,
                ae, qPrintable(tmp.path()));
    std::printf("  latency ms: p50 %.2f  p99 %.2f  max %.2f   (target p99 < 100)\n", p50, p99, mx);
    std::printf("  baseline (one fsynced SQLite transaction) ms: p50 %.2f  p99 %.2f\n", b50, b99);
    std::printf("  ratio p99 / baseline p99: %.2f\n", b99 > 0 ? p99 / b99 : 0.0);
    // The full run holds the target; the quick ctest run (a loaded CI machine) only a gross bound, and that
    // every event was answered with the code it should have (out-of-unit and valid events are never AE
    // for decoding reasons; AE are census conflicts and stay a minority).
    const bool quick = QCoreApplication::arguments().contains(QStringLiteral("--quick"));
    if (aa + ae != n || ae > n / 3)
        return 3;
    return p99 < (quick ? 1000 : 100) ? 0 : 2;
}
