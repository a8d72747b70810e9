// Both rendering paths draw the same live waves (issue 17): the GPU path (OpenGL; Mesa llvmpipe under
// Xvfb) and Qt Quick's software adaptation with damage-only tiles. The graphics API is chosen once per
// process, so each path renders in a child process of this test: a WaveformView of two beds' worth of
// lanes (ECG with sharp QRS spikes, pleth, respiration, ABP) over the same deterministic samples, frozen
// (running: false) at the first frame, grabbed to PNG. The parent compares the two images: the same
// pixels lit in the same lane colours within one pixel, the erase bar at the same columns, the same
// spike heights; and the software child proves it ran on the software adaptation.
#include "SoftwareSweep.h"
#include "Station.h"
#include "WaveformView.h"

#include <QGuiApplication>
#include <QImage>
#include <QProcess>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstdio>

using namespace vigil;

namespace {

constexpr int kWidth = 900, kHeight = 480;
const QColor kBackground(0x0B, 0x0E, 0x14);

// ECG-like: flat baseline with a 2.4 mV spike 8 ms wide every 0.8 s, plus a small T wave.
float ecg(double t)
{
    const double ph = std::fmod(t, 0.8);
    if (ph < 0.004)
        return static_cast<float>(2.4 * ph / 0.004 - 0.2);
    if (ph < 0.008)
        return static_cast<float>(2.4 * (0.008 - ph) / 0.004 - 0.2);
    if (ph > 0.25 && ph < 0.4)
        return static_cast<float>(0.3 * std::sin((ph - 0.25) / 0.15 * M_PI));
    return 0.0f;
}

int renderChild(const QString &path, const QString &out, int argc, char **argv)
{
    if (path == QLatin1String("software"))
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    else
        QQuickWindow::setGraphicsApi(QSGRendererInterface::OpenGL);
    QGuiApplication app(argc, argv);
    DisplaySettings display;
    display.pixelsPerMm = 96.0 / 25.4;
    display.displayDelayS = 0.0; // the playhead sits on the newest sample: the same head in both paths
    Station station(QStringLiteral("Test"), QStringLiteral("Test ward"), display, std::make_unique<Ward>());
    Ward *ward = station.ward();

    const qint64 nowUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    const double seconds = 12.0;
    BedUpdate u;
    u.bedKey = QStringLiteral("A");
    u.bedLabel = QStringLiteral("A");
    u.sourceId = QStringLiteral("test");
    auto block = [&](WaveId id, double rate, auto fn) {
        WaveBlock b;
        b.id = id;
        b.sampleRate = rate;
        const auto n = static_cast<std::size_t>(seconds * rate);
        b.startTimeUs = nowUs - static_cast<qint64>(seconds * 1e6);
        b.samples.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            b.samples[i] = fn(static_cast<double>(i) / rate);
        u.waves.push_back(std::move(b));
    };
    block(WaveId::EcgII, 500.0, ecg);
    block(WaveId::Pleth, 125.0, [](double t) { return static_cast<float>(0.5 + 0.4 * std::sin(t * 7.0)); });
    block(WaveId::Resp, 62.5, [](double t) { return static_cast<float>(std::sin(t * 1.6)); });
    block(WaveId::Abp, 125.0, [](double t) { return static_cast<float>(90 + 30 * std::sin(t * 7.5)); });
    ward->deliver(std::move(u));
    ward->drain(QDateTime::currentMSecsSinceEpoch());
    if (ward->bedCount() != 1) {
        std::fprintf(stderr, "child: bed not created\n");
        return 1;
    }

    QQuickWindow window;
    window.setColor(kBackground);
    window.resize(kWidth, kHeight);
    auto *view = new WaveformView(window.contentItem());
    view->setRunning(false);
    view->setStation(&station);
    view->setBed(0);
    view->setWaves(
        {QStringLiteral("ecg_ii"), QStringLiteral("pleth"), QStringLiteral("resp"), QStringLiteral("abp")});
    view->setPosition(QPointF(10, 10));
    view->setSize(QSizeF(kWidth - 20, kHeight - 20));
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    QTest::qWait(300);
    const QImage image = window.grabWindow();
    std::printf("API %s FRAMES %d\n", isSoftwareRendered(&window) ? "software" : "gpu", view->framesDrawn());
    return image.save(out) ? 0 : 1;
}

bool lit(QRgb p)
{
    return std::abs(qRed(p) - kBackground.red()) + std::abs(qGreen(p) - kBackground.green()) +
               std::abs(qBlue(p) - kBackground.blue()) >
           60;
}

// Share of a's lit pixels with a lit pixel of the same colour within one pixel in b.
double matched(const QImage &a, const QImage &b, int *litCount)
{
    int total = 0, ok = 0;
    for (int y = 1; y < a.height() - 1; ++y) {
        for (int x = 1; x < a.width() - 1; ++x) {
            const QRgb p = a.pixel(x, y);
            if (!lit(p))
                continue;
            ++total;
            bool found = false;
            for (int dy = -1; dy <= 1 && !found; ++dy) {
                for (int dx = -1; dx <= 1 && !found; ++dx) {
                    const QRgb q = b.pixel(x + dx, y + dy);
                    found = lit(q) && std::abs(qRed(p) - qRed(q)) + std::abs(qGreen(p) - qGreen(q)) +
                                              std::abs(qBlue(p) - qBlue(q)) <
                                          40;
                }
            }
            ok += found ? 1 : 0;
        }
    }
    *litCount = total;
    return total ? static_cast<double>(ok) / total : 0.0;
}

// Columns with no lit pixel in the ECG lane (the top quarter): the erase bar and nothing else.
QList<int> blankColumns(const QImage &img)
{
    QList<int> out;
    for (int x = 12; x < kWidth - 12; ++x) {
        bool any = false;
        for (int y = 10; y < 10 + (kHeight - 20) / 4 && !any; ++y)
            any = lit(img.pixel(x, y));
        if (!any)
            out << x;
    }
    return out;
}

// Topmost lit row of the ECG lane: the QRS spike's peak.
int peakRow(const QImage &img)
{
    for (int y = 10; y < 10 + (kHeight - 20) / 4; ++y) {
        for (int x = 12; x < kWidth - 12; ++x) {
            if (lit(img.pixel(x, y)))
                return y;
        }
    }
    return -1;
}

} // namespace

class TestRenderPaths : public QObject
{
    Q_OBJECT
private slots:
    void bothPathsLookTheSame();
};

void TestRenderPaths::bothPathsLookTheSame()
{
    QTemporaryDir dir;
    QImage images[2];
    const char *paths[2] = {"gpu", "software"};
    for (int i = 0; i < 2; ++i) {
        const QString out = dir.filePath(QStringLiteral("%1.png").arg(QLatin1String(paths[i])));
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--render"), QLatin1String(paths[i]), out});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray said = p.readAllStandardOutput();
        QVERIFY2(said.contains(QByteArray("API ") + paths[i]), said.constData());
        QVERIFY(images[i].load(out));
        images[i] = images[i].convertToFormat(QImage::Format_RGB32);
        if (qEnvironmentVariableIsSet("VIGIL_KEEP_RENDER_PATHS"))
            images[i].save(QStringLiteral("render_path_%1.png").arg(QLatin1String(paths[i])));
    }
    QCOMPARE(images[0].size(), images[1].size());
    int litGpu = 0, litSoft = 0;
    const double gpuInSoft = matched(images[0], images[1], &litGpu);
    const double softInGpu = matched(images[1], images[0], &litSoft);
    qInfo("lit pixels: gpu %d, software %d; matched within 1 px: %.4f / %.4f", litGpu, litSoft, gpuInSoft,
          softInGpu);
    // Four lanes of trace across ~880 columns: thousands of lit pixels, in about the same amount.
    QVERIFY(litGpu > 4000);
    QVERIFY(std::abs(litGpu - litSoft) < litGpu / 10);
    QVERIFY2(gpuInSoft > 0.99 && softInGpu > 0.99, "the two paths draw different pixels");

    const QList<int> gapGpu = blankColumns(images[0]), gapSoft = blankColumns(images[1]);
    QVERIFY(gapGpu.size() >= 10); // the erase bar (12 px)
    QVERIFY(std::abs(gapGpu.size() - gapSoft.size()) <= 2);
    QVERIFY(std::abs(gapGpu.first() - gapSoft.first()) <= 1);
    // The QRS spikes reach the same height (decimation kept them in both).
    const int peakGpu = peakRow(images[0]), peakSoft = peakRow(images[1]);
    QVERIFY(peakGpu > 0);
    QVERIFY2(std::abs(peakGpu - peakSoft) <= 1,
             qPrintable(QStringLiteral("%1 vs %2").arg(peakGpu).arg(peakSoft)));
}

int main(int argc, char **argv)
{
    if (argc == 4 && QByteArray(argv[1]) == "--render")
        return renderChild(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]), argc, argv);
    QGuiApplication app(argc, argv);
    TestRenderPaths t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_render_paths.moc"
