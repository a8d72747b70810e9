// Waveform rendering benchmark: the station window with N beds of 4 live waves each (ECG 500 Hz, pleth
// 125 Hz, resp 62.5 Hz, ABP 125 Hz) at 1920x1080, against the same load drawn with Qt Charts LineSeries
// replace() per frame (Qt's oscilloscope example approach), in the same run.
//
// Modes, each in its own child process: "vigil" (the GPU path; under Xvfb that is Mesa llvmpipe),
// "software" (Qt Quick's software adaptation with damage-only wave tiles), "floor" (a plain
// QBackingStore window that paints and presents exactly the rectangles the software run marked dirty,
// frame by frame, at the same frame cap: the CPU of presenting only the damaged pixels, nothing else),
// "charts" (Qt Charts). When python3-xlib is installed, tests/bench/ui/xdamage_meter.py counts the X
// DAMAGE area of the screen during the measurement: the screen-update bytes a VNC / remote-desktop host
// would have to send (4 bytes per pixel, before compression).
//
//   xvfb-run -a -s "-screen 0 1920x1080x24" build/bin/bench_waveforms [--beds 16,32,64] [--seconds 10]
//   build/bin/bench_waveforms --quick           (16 beds, 3 s per mode: the ctest entry)
//
// Reports frames per second, process CPU seconds per second, CPU milliseconds per frame drawn, and the
// median and p99 of the per-frame waveform update (Vigil: all updatePaintNode() calls of a frame;
// Charts: the replace() calls of a frame). Each mode runs in its own child process so CPU figures do
// not mix.
#include "Gui.h"
#include "SimulatedWardSource.h"
#include "SoftwareSweep.h"
#include "Station.h"
#include "WaveformView.h"

#include <QAbstractSeries>
#include <QApplication>
#include <QBackingStore>
#include <QDataStream>
#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QPainter>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickItem>
#include <QQuickView>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QWindow>
#include <QXYSeries>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>

using namespace vigil;

namespace {

QObject *findInTree(QQuickItem *root, const QString &name)
{
    if (root->objectName() == name)
        return root;
    for (QQuickItem *c : root->childItems()) {
        if (QObject *o = findInTree(c, name))
            return o;
    }
    return nullptr;
}

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * (v.size() - 1) + 0.5))];
}

struct Result
{
    double fps = 0, cpuPerS = 0, cpuMsPerFrame = 0, medUs = 0, p99Us = 0;
    double damagePxPerS = -1; // X DAMAGE area per second; < 0: not measured
};

QString g_damageFile; // software mode writes the dirty tile rectangles per frame here; floor mode reads them

// The X DAMAGE meter (python3-xlib), started for the measured span; nullptr when unavailable.
std::unique_ptr<QProcess> startDamageMeter()
{
    const QString script = QStringLiteral(VIGIL_BENCH_UI_DIR "/xdamage_meter.py");
    if (!QFile::exists(script) || !QFile::exists(QStringLiteral("/usr/bin/python3")))
        return nullptr;
    auto p = std::make_unique<QProcess>();
    p->start(QStringLiteral("/usr/bin/python3"), {script});
    if (!p->waitForReadyRead(20000) || !p->readLine().startsWith("READY")) {
        p->kill();
        p->waitForFinished();
        return nullptr;
    }
    return p;
}

double stopDamageMeter(std::unique_ptr<QProcess> &p)
{
    if (!p)
        return -1;
    p->write("q\n");
    p->closeWriteChannel();
    p->waitForFinished(20000);
    for (const QByteArray &line : p->readAllStandardOutput().split('\n')) {
        const QList<QByteArray> f = line.split(' ');
        if (f.size() == 4 && f[0] == "XDAMAGE" && f[1].toDouble() > 0)
            return f[2].toDouble() / f[1].toDouble();
    }
    return -1;
}

// Floor mode: replays the software run's dirty rectangles, one list per frame, painting and presenting
// only them through a QBackingStore at the same frame cap.
int runFloor(double seconds, int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    std::vector<std::vector<QRect>> frames;
    {
        QFile f(g_damageFile);
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "bench: no damage log %s\n", qPrintable(g_damageFile));
            return 1;
        }
        QDataStream in(&f);
        while (!in.atEnd()) {
            QList<QRect> rects;
            in >> rects;
            frames.emplace_back(rects.begin(), rects.end());
        }
    }
    if (frames.empty())
        return 1;
    QWindow window;
    window.setSurfaceType(QSurface::RasterSurface);
    window.resize(1920, 1080);
    window.show();
    QBackingStore store(&window);
    store.resize(window.size());
    {
        const QRegion all(QRect(QPoint(0, 0), window.size()));
        store.beginPaint(all);
        QPainter p(store.paintDevice());
        p.fillRect(all.boundingRect(), QColor(0x0B, 0x0E, 0x14));
        p.end();
        store.endPaint();
        store.flush(all);
    }
    std::size_t next = 0;
    int frameCount = 0;
    const QColor colors[2] = {QColor(0x39, 0xE8, 0x6B), QColor(0x0B, 0x0E, 0x14)};
    QTimer timer;
    timer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&timer, &QTimer::timeout, [&] {
        const std::vector<QRect> &rects = frames[next++ % frames.size()];
        QRegion region;
        for (const QRect &r : rects)
            region += r;
        if (region.isEmpty())
            return;
        store.beginPaint(region);
        QPainter p(store.paintDevice());
        for (const QRect &r : region)
            p.fillRect(r, colors[frameCount & 1]);
        p.end();
        store.endPaint();
        store.flush(region);
        ++frameCount;
    });
    timer.start(1000 / 60);
    QElapsedTimer warm;
    warm.start();
    while (warm.elapsed() < 1000)
        app.processEvents(QEventLoop::AllEvents, 50);
    auto meter = startDamageMeter();
    frameCount = 0;
    const double cpu0 = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    while (wall.elapsed() < seconds * 1000)
        app.processEvents(QEventLoop::AllEvents, 50);
    const double elapsed = wall.nsecsElapsed() / 1e9;
    const double cpu = cpuSeconds() - cpu0;
    const double damage = stopDamageMeter(meter);
    std::printf("RESULT floor 0 %.2f %.3f %.3f 0 0 %.0f\n", frameCount / elapsed, cpu / elapsed,
                frameCount ? cpu * 1000.0 / frameCount : 0, damage);
    std::fflush(stdout);
    return 0;
}

// Child process: one mode, one bed count. Prints a RESULT line.
int runChild(const QString &mode, int beds, double seconds, int argc, char **argv)
{
    if (mode == QLatin1String("floor"))
        return runFloor(seconds, argc, argv);
    const bool software = mode == QLatin1String("software");
    if (software)
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    QApplication app(argc, argv); // Qt Charts' QML types need QApplication
    auto specs = SimulatedWardSource::makeWard(beds, 42, 300, {}, nullptr);
    for (auto &s : *specs) {
        s.params.hasAbp = true; // 4 waves in every bed
        s.params.hasCo2 = false;
    }
    DisplaySettings display;
    display.maxFps = 60;
    display.columns = beds <= 16 ? 4 : (beds <= 32 ? 4 : 8);
    auto *ward = new Ward();
    Station station(QStringLiteral("Bench"), QStringLiteral("Bench ward"), display,
                    std::unique_ptr<Ward>(ward));
    QThread sourceThread;
    auto *source =
        new SimulatedWardSource(QStringLiteral("sim"), QStringLiteral("Simulator"), std::move(*specs), ward);
    source->moveToThread(&sourceThread);
    sourceThread.start();
    QMetaObject::invokeMethod(source, &GatewaySource::start, Qt::QueuedConnection);
    station.start();

    std::unique_ptr<QQmlApplicationEngine> engine;
    std::unique_ptr<QQuickView> view;
    QQuickWindow *window = nullptr;
    std::vector<QXYSeries *> series; // charts mode: beds x 4
    QString error;
    if (mode == QLatin1String("vigil") || software) {
        engine = std::make_unique<QQmlApplicationEngine>();
        window = loadStationWindow(*engine, &station, &error);
    } else {
        view = std::make_unique<QQuickView>();
        view->setResizeMode(QQuickView::SizeRootObjectToView);
        view->setInitialProperties(
            {{QStringLiteral("beds"), beds}, {QStringLiteral("cols"), display.columns}});
        view->setSource(QUrl(QStringLiteral("qrc:/bench/ChartsWard.qml")));
        if (view->status() != QQuickView::Ready) {
            for (const auto &e : view->errors())
                std::fprintf(stderr, "bench: %s\n", qPrintable(e.toString()));
            return 1;
        }
        view->resize(1920, 1080);
        view->show();
        window = view.get();
    }
    if (!window) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(error));
        return 1;
    }
    window->resize(1920, 1080);

    std::atomic<int> frames{0};
    QMutex sampleMutex;
    std::vector<double> frameUs;
    bool measuring = false;
    QList<QList<QRect>> damage; // software: the dirty tiles of each frame
    if (mode == QLatin1String("vigil") || software) {
        QObject::connect(
            window, &QQuickWindow::frameSwapped, window,
            [&] {
                const auto timings = WaveformView::takeUpdateTimings();
                if (software) {
                    const std::vector<QRect> rects = takeDamage();
                    QMutexLocker lock(&sampleMutex);
                    if (measuring)
                        damage.append(QList<QRect>(rects.begin(), rects.end()));
                }
                double sum = 0;
                for (double t : timings)
                    sum += t;
                frames.fetch_add(1);
                QMutexLocker lock(&sampleMutex);
                if (measuring && !timings.empty())
                    frameUs.push_back(sum);
            },
            Qt::DirectConnection);
    } else {
        QObject::connect(
            window, &QQuickWindow::frameSwapped, window, [&] { frames.fetch_add(1); }, Qt::DirectConnection);
    }

    // Charts mode: feed every series from the same rings, every frame tick, like the oscilloscope example.
    QTimer feed;
    std::vector<float> scratch;
    QList<QPointF> points;
    const std::array<WaveId, 4> waves{WaveId::EcgII, WaveId::Pleth, WaveId::Resp, WaveId::Abp};
    if (mode == QLatin1String("charts")) {
        QObject::connect(&feed, &QTimer::timeout, [&] {
            if (series.empty()) {
                for (int b = 0; b < beds; ++b) {
                    auto *chart = findInTree(view->rootObject(), QStringLiteral("chart%1").arg(b));
                    if (!chart)
                        return;
                    // ChartView.series(i) is the documented way to reach a chart's series.
                    for (int i = 0; i < 4; ++i) {
                        QAbstractSeries *s = nullptr;
                        QMetaObject::invokeMethod(chart, "series", Q_RETURN_ARG(QAbstractSeries *, s),
                                                  Q_ARG(int, i));
                        if (auto *xy = qobject_cast<QXYSeries *>(s))
                            series.push_back(xy);
                    }
                }
            }
            QElapsedTimer t;
            t.start();
            for (int b = 0; b < beds && b < ward->bedCount(); ++b) {
                for (int w = 0; w < 4; ++w) {
                    const WaveformChannel *ch = ward->bed(b)->channel(waves[w]);
                    const std::size_t idx = static_cast<std::size_t>(b) * 4 + w;
                    if (!ch || idx >= series.size())
                        continue;
                    const double rate = ch->sampleRate();
                    const auto n = static_cast<std::size_t>(rate * 4.0); // 4 s window
                    scratch.resize(n);
                    const std::uint64_t end = ch->ring.written();
                    ch->ring.copy(end > n ? end - n : 0, scratch);
                    points.resize(static_cast<qsizetype>(n));
                    for (std::size_t i = 0; i < n; ++i) {
                        float v = scratch[i];
                        if (std::isnan(v))
                            v = 0;
                        const double y = w == 0   ? v + 2.5
                                         : w == 1 ? v * 1.5
                                         : w == 2 ? v - 1.5
                                                  : (v - 60) / 40 - 3.5;
                        points[static_cast<qsizetype>(i)] = QPointF(i / rate, y);
                    }
                    series[idx]->replace(points);
                }
            }
            if (measuring)
                frameUs.push_back(t.nsecsElapsed() / 1000.0);
        });
        feed.start(16);
    }

    // Warm up (fill the rings, settle the layout), then measure.
    {
        QElapsedTimer warm;
        warm.start();
        while (warm.elapsed() < 2000)
            app.processEvents(QEventLoop::AllEvents, 50);
    }
    {
        QMutexLocker lock(&sampleMutex);
        frameUs.clear();
        measuring = true;
    }
    WaveformView::takeUpdateTimings();
    enableDamageLog(software);
    auto meter = startDamageMeter();
    frames = 0;
    const double cpu0 = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    while (wall.elapsed() < seconds * 1000)
        app.processEvents(QEventLoop::AllEvents, 50);
    const double elapsed = wall.nsecsElapsed() / 1e9;
    const double cpu = cpuSeconds() - cpu0;
    const int n = frames.load();
    const double damagePx = stopDamageMeter(meter);
    enableDamageLog(false);
    std::vector<double> samples;
    {
        QMutexLocker lock(&sampleMutex);
        measuring = false;
        samples = frameUs;
    }
    Result r;
    r.fps = n / elapsed;
    r.cpuPerS = cpu / elapsed;
    r.cpuMsPerFrame = n ? cpu * 1000.0 / n : 0;
    r.medUs = percentile(samples, 0.5);
    r.p99Us = percentile(samples, 0.99);
    if (software && !g_damageFile.isEmpty()) {
        QFile f(g_damageFile);
        if (f.open(QIODevice::WriteOnly)) {
            QDataStream out(&f);
            QMutexLocker lock(&sampleMutex);
            for (const QList<QRect> &frame : std::as_const(damage))
                out << frame;
        }
    }
    std::printf("RESULT %s %d %.2f %.3f %.3f %.1f %.1f %.0f\n", qPrintable(mode), beds, r.fps, r.cpuPerS,
                r.cpuMsPerFrame, r.medUs, r.p99Us, damagePx);
    std::fflush(stdout);
    feed.stop();
    QMetaObject::invokeMethod(source, &GatewaySource::stop, Qt::BlockingQueuedConnection);
    sourceThread.quit();
    sourceThread.wait();
    delete source;
    view.reset();
    engine.reset();
    return 0;
}

std::optional<Result> runMode(const QString &self, const QString &mode, int beds, double seconds)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(self, {QStringLiteral("--mode"), mode, QStringLiteral("--beds"), QString::number(beds),
                   QStringLiteral("--seconds"), QString::number(seconds), QStringLiteral("--damage-file"),
                   g_damageFile});
    if (!p.waitForFinished(static_cast<int>((seconds + 60) * 1000)) || p.exitCode() != 0)
        return std::nullopt;
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> f = line.split(' ');
        if (f.size() == 9 && f[0] == "RESULT")
            return Result{f[3].toDouble(), f[4].toDouble(), f[5].toDouble(),
                          f[6].toDouble(), f[7].toDouble(), f[8].toDouble()};
    }
    return std::nullopt;
}

} // namespace

int main(int argc, char **argv)
{
    QString mode;
    QList<int> bedCounts{16, 32, 64};
    QStringList modes{QStringLiteral("vigil"), QStringLiteral("software"), QStringLiteral("floor"),
                      QStringLiteral("charts")};
    double seconds = 10;
    for (int i = 1; i < argc; ++i) {
        const QString a = QString::fromLocal8Bit(argv[i]);
        const QString next = i + 1 < argc ? QString::fromLocal8Bit(argv[i + 1]) : QString();
        if (a == QLatin1String("--quick")) {
            bedCounts = {16};
            seconds = 3;
        } else if (a == QLatin1String("--mode")) {
            mode = next;
            ++i;
        } else if (a == QLatin1String("--beds")) {
            bedCounts.clear();
            for (const QString &b : next.split(u','))
                bedCounts << b.toInt();
            ++i;
        } else if (a == QLatin1String("--damage-file")) {
            g_damageFile = next;
            ++i;
        } else if (a == QLatin1String("--modes")) {
            modes = next.split(u',');
            ++i;
        } else if (a == QLatin1String("--seconds")) {
            seconds = next.toDouble();
            ++i;
        } else {
            std::fprintf(stderr, "usage: bench_waveforms [--quick] [--beds 16,32,64] [--seconds S] "
                                 "[--modes vigil,software,floor,charts]\n");
            return 2;
        }
    }
    if (!mode.isEmpty())
        return runChild(mode, bedCounts.value(0, 16), seconds, argc, argv);

    const QString self = QString::fromLocal8Bit(argv[0]);
    QTemporaryDir tmp;
    g_damageFile = tmp.filePath(QStringLiteral("damage.bin"));
    std::printf(
        "Waveform rendering at 1920x1080, 4 waves per bed, %.0f s per run (process CPU includes Mesa's "
        "llvmpipe rasteriser threads; the X server's share is not counted for any mode)\n",
        seconds);
    std::printf("%-5s %-9s %8s %10s %12s %12s %12s %14s\n", "beds", "mode", "fps", "cpu s/s", "cpu ms/frame",
                "update med", "update p99", "screen MB/s");
    bool ok = true;
    for (int beds : bedCounts) {
        std::map<QString, Result> res;
        for (const QString &m : modes) {
            const auto r = runMode(self, m, beds, seconds);
            if (!r) {
                std::printf("%-5d %-9s run failed\n", beds, qPrintable(m));
                ok = false;
                continue;
            }
            res[m] = *r;
            std::printf("%-5d %-9s %8.1f %10.2f %12.2f %10.0f us %10.0f us %14s\n", beds, qPrintable(m),
                        r->fps, r->cpuPerS, r->cpuMsPerFrame, r->medUs, r->p99Us,
                        r->damagePxPerS < 0 ? "-"
                                            : qPrintable(QString::number(r->damagePxPerS * 4 / 1e6, 'f', 1)));
            std::fflush(stdout);
        }
        auto ratio = [&](const char *num, const char *den, auto field) {
            const auto a = res.find(QString::fromLatin1(num)), b = res.find(QString::fromLatin1(den));
            if (a == res.end() || b == res.end() || field(b->second) <= 0)
                return QStringLiteral("-");
            return QString::number(field(a->second) / field(b->second), 'f', 2) + u'x';
        };
        const auto cpf = [](const Result &r) { return r.cpuMsPerFrame; };
        const auto fps = [](const Result &r) { return r.fps; };
        const auto upd = [](const Result &r) { return r.medUs; };
        const auto scr = [](const Result &r) { return r.damagePxPerS; };
        const auto scrFrame = [](const Result &r) {
            return r.fps > 0 && r.damagePxPerS > 0 ? r.damagePxPerS / r.fps : -1;
        };
        std::printf(
            "%-5d ratio   cpu per frame: charts/vigil %s, charts/software %s, vigil(llvmpipe)/software %s, "
            "software/floor %s\n",
            beds, qPrintable(ratio("charts", "vigil", cpf)), qPrintable(ratio("charts", "software", cpf)),
            qPrintable(ratio("vigil", "software", cpf)), qPrintable(ratio("software", "floor", cpf)));
        std::printf("%-5d ratio   fps: vigil/charts %s, software/charts %s; update median charts/vigil %s; "
                    "screen bytes vigil/software %s per second, %s per frame\n",
                    beds, qPrintable(ratio("vigil", "charts", fps)),
                    qPrintable(ratio("software", "charts", fps)), qPrintable(ratio("charts", "vigil", upd)),
                    qPrintable(ratio("vigil", "software", scr)),
                    qPrintable(ratio("vigil", "software", scrFrame)));
        std::fflush(stdout);
    }
    return ok ? 0 : 1;
}
