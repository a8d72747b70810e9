// Report benchmark: the ward shift summary (census, then every patient's I-PASS handover with charts,
// hourly table, alarms and ECG strips) of N beds x H hours, from a full archive.
//
//   bench_reports [--quick] [--beds N] [--hours H] [--archive PATH] [--keep] [--out FILE.pdf]
//
// 1. Builds the archive (tests/integration/reports/ReportArchive.h: ECG 500 Hz, pleth, resp, numerics every
//    2 s, alarms, a lead-off and a handover), or reuses --archive PATH (built with the same N and H).
// 2. Floor: the time to read the same data from the archive with ArchiveReader, nothing else: per bed its
//    stays, every raw numeric of the period, the alarm steps, the events, the handover and the ECG windows
//    the report prints (start, end, each high-priority alarm). Best of two runs.
// 3. The report: renderPdf() on a worker QThread (as the station calls it), while the GUI thread runs a
//    16 ms timer (a 60 Hz display's frame clock): its achieved rate and longest stall are what the live
//    display would lose. Then once more on the GUI thread itself (the `vigil report` command's case).
// Prints the report time beside the floor, as a ratio. Targets: < 10 s and < 3x the floor for 32 x 12 h.
#include "ArchiveReader.h"
#include "Report.h"
#include "ReportArchive.h"
#include "ReportData.h"
#include "ReportWaves.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdio>

using namespace vigil;

namespace {

double readFloor(const QString &path, qint64 from, qint64 to)
{
    QElapsedTimer t;
    t.start();
    QString error;
    auto reader = archive::ArchiveReader::open(path, &error);
    if (!reader)
        qFatal("%s", qPrintable(error));
    std::vector<NumericId> ids;
    for (int i = 0; i < kNumericCount; ++i)
        ids.push_back(NumericId(i));
    static const WaveId leads[] = {WaveId::EcgII, WaveId::EcgI, WaveId::EcgIII, WaveId::EcgV};
    std::size_t items = 0;
    for (const auto &b : reader->beds()) {
        const auto stays = reader->stays(b.key, from, to);
        if (stays.empty())
            continue;
        for (const auto &s : reader->trend(b.key, ids, from, to, 0))
            items += s.points.size();
        const auto steps = reader->alarms(b.key, from, to);
        items += steps.size() + reader->events(b.key, from - 6 * 3'600'000, to).size();
        items += reader->handover(b.key, to).has_value();
        std::vector<qint64> windows{std::max(from, stays.front().startMs), to - 10'000};
        for (const auto &a : reports::foldAlarms(steps))
            if (a.priority == alarms::Priority::High)
                windows.push_back(a.onsetMs - 5000);
        for (qint64 w : windows)
            for (const auto &s : reader->waveStrip(b.key, w * 1000, (w + 10'000) * 1000, leads))
                items += s.samples.size();
    }
    const double ms = double(t.nsecsElapsed()) / 1e6;
    std::printf("   floor: %.0f ms (%zu values read)\n", ms, items);
    return ms;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int beds = 32;
    double hours = 12;
    QString archivePath, outPath;
    bool keep = false;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--quick"))
            beds = 4, hours = 1;
        else if (args[i] == QLatin1String("--beds") && i + 1 < args.size())
            beds = args[++i].toInt();
        else if (args[i] == QLatin1String("--hours") && i + 1 < args.size())
            hours = args[++i].toDouble();
        else if (args[i] == QLatin1String("--archive") && i + 1 < args.size())
            archivePath = args[++i];
        else if (args[i] == QLatin1String("--out") && i + 1 < args.size())
            outPath = args[++i];
        else if (args[i] == QLatin1String("--keep"))
            keep = true;
        else {
            std::fprintf(stderr,
                         "usage: bench_reports [--quick] [--beds N] [--hours H] [--archive PATH] [--keep] "
                         "[--out FILE.pdf]\n");
            return 2;
        }
    }
    QTemporaryDir dir;
    dir.setAutoRemove(!keep);
    if (outPath.isEmpty())
        outPath = dir.filePath(QStringLiteral("ward.pdf"));
    testing::ReportArchiveInfo info;
    if (archivePath.isEmpty() || !QFileInfo::exists(archivePath)) {
        if (archivePath.isEmpty())
            archivePath = dir.filePath(QStringLiteral("archive.sqlite"));
        std::printf("1. building the archive: %d beds x %.1f h -> %s\n", beds, hours,
                    qPrintable(archivePath));
        QElapsedTimer t;
        t.start();
        QString error;
        info = testing::writeReportArchive(archivePath, {beds, hours, 0}, &error);
        if (info.startMs == 0)
            qFatal("%s", qPrintable(error));
        std::printf("   %.1f s, %.0f MB\n", double(t.elapsed()) / 1000,
                    double(QFileInfo(archivePath).size()) / 1e6);
    } else {
        // Reuse: the period is the stays' span.
        QString error;
        auto reader = archive::ArchiveReader::open(archivePath, &error);
        if (!reader)
            qFatal("%s", qPrintable(error));
        const auto stays = reader->stays();
        if (stays.empty())
            qFatal("no stays in %s", qPrintable(archivePath));
        info.startMs = stays.front().startMs;
        info.endMs = info.startMs + qint64(hours * 3'600'000);
        std::printf("1. reusing %s\n", qPrintable(archivePath));
    }
    if (keep)
        std::printf("   kept in %s\n", qPrintable(dir.path()));

    std::printf("2. floor: reading the report's data with ArchiveReader\n");
    double floorMs = readFloor(archivePath, info.startMs, info.endMs);
    floorMs = std::min(floorMs, readFloor(archivePath, info.startMs, info.endMs));

    reports::ReportRequest req;
    req.kind = reports::ReportKind::Ward;
    req.archivePath = archivePath;
    req.fromMs = info.startMs;
    req.toMs = info.endMs;
    req.wardName = QStringLiteral("Bench");
    req.generatedBy = QStringLiteral("bench_reports");

    // The station's GUI thread has its fonts and Qt Charts' types loaded long before a report: do that
    // first-use work (about 0.2 s) here too, so the stall measured below is the report's own.
    {
        QElapsedTimer w;
        w.start();
        reports::ChartSpec warm;
        warm.title = QStringLiteral("warm-up");
        warm.fromMs = 0;
        warm.toMs = 3'600'000;
        warm.series.push_back({QStringLiteral("x"), Qt::black, {{0, 1, 1, 1}, {3'600'000, 2, 2, 2}}, false});
        reports::chartPicture(warm, QSizeF(800, 300), 11.8);
        std::printf("   first chart on the GUI thread (fonts, Qt Charts set-up): %.0f ms\n",
                    double(w.nsecsElapsed()) / 1e6);
    }
    std::printf("3. ward shift summary on a worker thread, GUI thread ticking every 16 ms\n");
    reports::ReportResult r;
    QElapsedTimer total;
    double workerMs = 0;
    int ticks = 0;
    qint64 maxGapNs = 0;
    {
        QElapsedTimer tick;
        QTimer timer;
        timer.setTimerType(Qt::PreciseTimer);
        timer.setInterval(16);
        QObject::connect(&timer, &QTimer::timeout, [&] {
            const qint64 gap = tick.nsecsElapsed();
            maxGapNs = std::max(maxGapNs, gap);
            tick.restart();
            ++ticks;
        });
        std::atomic_bool done{false};
        QThread *worker = QThread::create([&] {
            r = reports::renderPdf(req, outPath);
            done = true;
        });
        QObject::connect(worker, &QThread::finished, &app, &QCoreApplication::quit);
        total.start();
        tick.start();
        timer.start();
        worker->start();
        app.exec();
        workerMs = double(total.nsecsElapsed()) / 1e6;
        worker->wait();
        delete worker;
    }
    if (!r.ok)
        qFatal("report failed: %s", qPrintable(r.error));
    const double fps = ticks / (workerMs / 1000.0);
    std::printf(
        "   %.0f ms, %d pages, %.1f MB PDF; GUI thread: %.1f ticks/s of 62.5, longest stall %.1f ms\n",
        workerMs, r.pages, double(QFileInfo(outPath).size()) / 1e6, fps, double(maxGapNs) / 1e6);

    std::printf("4. the same on the GUI thread (vigil report)\n");
    QElapsedTimer t;
    t.start();
    const auto r2 = reports::renderPdf(req, outPath);
    const double mainMs = double(t.nsecsElapsed()) / 1e6;
    if (!r2.ok)
        qFatal("report failed: %s", qPrintable(r2.error));
    std::printf("   %.0f ms\n", mainMs);

    std::printf(
        "\nward summary %d beds x %.1f h: worker %.2f s, GUI thread %.2f s; floor %.2f s; ratio %.2fx "
        "(worker) %.2fx (GUI); target < 10 s and < 3x\n",
        beds, hours, workerMs / 1000, mainMs / 1000, floorMs / 1000, workerMs / floorMs, mainMs / floorMs);
    return 0;
}
