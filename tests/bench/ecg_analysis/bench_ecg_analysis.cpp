// Central ECG analysis cost: 64 beds of ECG at 500 Hz for N seconds of signal, delivered in 250 ms blocks.
// The same blocks go once through the ward's waveform ingest (Ward::deliver: rings, gap bookkeeping) and
// once through the ECG analysis (EcgStation::feed: QRS detection, noise, rhythm calls); both are timed in
// this run (thread CPU time) and printed as CPU per bed-second, their ratio, and the share of one core per
// bed (target < 1 %). The ECG is MIT-BIH record 100 (MLII) resampled to 500 Hz, each bed starting at
// another offset.
//
//   bench_ecg_analysis [--seconds N] [--beds N]
//   bench_ecg_analysis --strip RECORD.hea START_S LENGTH_S OUT.png [SIGNAL]   (docs/img detection strip)
#include "Annotations.h"
#include "EcgAnalyzer.h"
#include "Ward.h"
#include "Wfdb.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPainterPath>

#include <cstdio>
#include <ctime>

using namespace vigil;

namespace {

double threadCpuS()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

std::vector<float> physical(const wfdb::Record &rec, int s)
{
    std::vector<float> out;
    for (int32_t v : rec.samples(s))
        out.push_back(static_cast<float>(rec.toPhysical(s, v)));
    return out;
}

std::vector<float> resample(const std::vector<float> &x, double from, double to)
{
    std::vector<float> y(static_cast<std::size_t>(double(x.size()) * to / from));
    for (std::size_t i = 0; i < y.size(); ++i) {
        const double t = double(i) * from / to;
        const auto k = static_cast<std::size_t>(t);
        const double f = t - double(k);
        y[i] = k + 1 < x.size() ? float((1 - f) * x[k] + f * x[k + 1]) : x.back();
    }
    return y;
}

int strip(int argc, char **argv)
{
    if (argc < 6) {
        std::fprintf(stderr,
                     "usage: bench_ecg_analysis --strip RECORD.hea START_S LENGTH_S OUT.png [SIGNAL]\n");
        return 2;
    }
    QString error;
    const QString hea = QString::fromLocal8Bit(argv[2]);
    const auto rec = wfdb::Record::open(hea, &error);
    if (!rec) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const int sig = argc > 6 ? std::atoi(argv[6]) : 0;
    const double fs = rec->sampleRate(sig);
    const std::vector<float> x = physical(*rec, sig);
    ecg::EcgAnalyzer a(fs);
    const auto block = static_cast<std::size_t>(fs / 4);
    for (std::size_t i = 0; i < x.size(); i += block)
        a.push(x.data() + i, std::min(block, x.size() - i), qint64(double(i) * 1e6 / fs));
    const double start = std::atof(argv[3]), len = std::atof(argv[4]);
    const auto s0 = static_cast<std::int64_t>(start * fs), s1 = static_cast<std::int64_t>((start + len) * fs);
    // Reference annotations beside the record, if any (.atr, else .gqrsh).
    std::vector<std::int64_t> ref;
    QString refName;
    for (const char *ext : {"atr", "gqrsh"}) {
        const QString p = hea.chopped(4) + QLatin1Char('.') + QLatin1String(ext);
        if (QFileInfo::exists(p)) {
            if (auto ann = ecg::readAnnotations(p, &error))
                for (const auto &an : *ann)
                    if (ecg::isQrsCode(an.code))
                        ref.push_back(an.sample);
            refName = QLatin1String(ext);
            break;
        }
    }
    // 25 mm/s, 10 mm/mV at 4 px/mm.
    const double pxPerS = 100, pxPerMv = 40;
    const int w = int(len * pxPerS) + 20, h = 260;
    QImage img(w, h, QImage::Format_RGB32);
    img.fill(QColor(255, 250, 245));
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(255, 200, 200), 1));
    for (double xg = 10; xg < w; xg += 20) // 5 mm grid
        p.drawLine(QPointF(xg, 0), QPointF(xg, h));
    for (double yg = 0; yg < h; yg += 20)
        p.drawLine(QPointF(0, yg), QPointF(w, yg));
    double mean = 0;
    for (std::int64_t i = s0; i < s1; ++i)
        mean += x[std::size_t(i)];
    mean /= double(s1 - s0);
    const double mid = 150;
    QPainterPath path;
    for (std::int64_t i = s0; i < s1; ++i) {
        const QPointF pt(10 + double(i - s0) / fs * pxPerS, mid - (x[std::size_t(i)] - mean) * pxPerMv);
        i == s0 ? path.moveTo(pt) : path.lineTo(pt);
    }
    p.setPen(QPen(Qt::black, 1.3));
    p.drawPath(path);
    p.setFont(QFont(QStringLiteral("DejaVu Sans"), 9));
    for (const ecg::Beat &b : a.allBeats()) {
        if (b.sample < s0 || b.sample >= s1)
            continue;
        const double px = 10 + double(b.sample - s0) / fs * pxPerS;
        p.setPen(QPen(QColor(0, 90, 200), 2));
        p.drawLine(QPointF(px, 30), QPointF(px, 55));
        p.drawText(QPointF(px - 4, 25), QStringLiteral("V"));
    }
    for (std::int64_t r : ref) {
        if (r < s0 || r >= s1)
            continue;
        const double px = 10 + double(r - s0) / fs * pxPerS;
        p.setPen(QPen(QColor(0, 150, 60), 2));
        p.drawLine(QPointF(px, h - 40), QPointF(px, h - 20));
        p.drawText(QPointF(px - 4, h - 6), QStringLiteral("R"));
    }
    p.setPen(Qt::black);
    p.drawText(
        QPointF(12, 14),
        QStringLiteral("%1 %2, %3-%4 s, 25 mm/s 10 mm/mV. Blue V: Vigil's QRS detections; green R: %5")
            .arg(QFileInfo(hea).completeBaseName(), rec->header().signalInfos[std::size_t(sig)].description)
            .arg(start)
            .arg(start + len)
            .arg(refName.isEmpty() ? QStringLiteral("(no reference)")
                                   : refName + QStringLiteral(" annotations")));
    p.end();
    if (!img.save(QString::fromLocal8Bit(argv[5]))) {
        std::fprintf(stderr, "cannot write %s\n", argv[5]);
        return 1;
    }
    std::printf("wrote %s (%zu detections in the record)\n", argv[5], a.allBeats().size());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1 && QByteArray(argv[1]) == "--strip") {
        QGuiApplication app(argc, argv);
        return strip(argc, argv);
    }
    QCoreApplication app(argc, argv);
    double seconds = 120;
    int beds = 64;
    for (int i = 1; i + 1 < argc; ++i) {
        if (QByteArray(argv[i]) == "--seconds")
            seconds = std::atof(argv[++i]);
        else if (QByteArray(argv[i]) == "--beds")
            beds = std::atoi(argv[++i]);
    }
    QString error;
    const auto rec = wfdb::Record::open(QStringLiteral(VIGIL_SHARED_DATA "/wfdb/100.hea"), &error);
    if (!rec) {
        std::fprintf(stderr, "bench_ecg_analysis: %s\n", qPrintable(error));
        return 1;
    }
    const double fs = 500;
    const std::vector<float> ecgSig = resample(physical(*rec, 0), rec->sampleRate(0), fs);
    const auto blockN = static_cast<std::size_t>(fs / 4);
    const auto blocks = static_cast<std::size_t>(seconds * 4);
    const qint64 t0 = 1'780'000'000'000'000;

    // Pre-build every update (so neither side pays for making them).
    std::vector<std::vector<BedUpdate>> updates(blocks);
    for (std::size_t k = 0; k < blocks; ++k) {
        for (int b = 0; b < beds; ++b) {
            BedUpdate u;
            u.bedKey = QStringLiteral("bed%1").arg(b);
            u.sourceId = QStringLiteral("bench");
            WaveBlock w;
            w.id = WaveId::EcgII;
            w.sampleRate = fs;
            w.startTimeUs = t0 + qint64(double(k * blockN) * 1e6 / fs);
            const std::size_t off = (std::size_t(b) * 37'000 + k * blockN) % (ecgSig.size() - blockN);
            w.samples.assign(ecgSig.begin() + long(off), ecgSig.begin() + long(off + blockN));
            u.waves.push_back(std::move(w));
            updates[k].push_back(std::move(u));
        }
    }
    Ward ward({}, beds);
    ecg::EcgStation analysis;
    double ingest = 0, ecgCpu = 0;
    std::size_t polls = 0;
    for (std::size_t k = 0; k < blocks; ++k) {
        double c0 = threadCpuS();
        for (BedUpdate u : updates[k]) // a copy, as each path gets its own update in the station
            ward.deliver(std::move(u));
        ingest += threadCpuS() - c0;
        c0 = threadCpuS();
        for (BedUpdate &u : updates[k]) // the tap may add the beats' HR to the update (no monitor HR here)
            analysis.feed(u);
        polls += analysis.poll().size(); // the GUI thread's poll, once a drain (250 ms)
        ecgCpu += threadCpuS() - c0;
        if (k % 40 == 39)
            ward.drain(t0 / 1000 + qint64(k) * 250); // keep the ward's queues as in the station
    }
    const double bedSeconds = double(beds) * seconds;
    const double perBedSecIngest = ingest / bedSeconds, perBedSecEcg = ecgCpu / bedSeconds;
    std::printf("bench_ecg_analysis: %d beds x %.0f s of ECG at %.0f Hz, 250 ms blocks (%zu polls)\n", beds,
                seconds, fs, polls);
    std::printf("  waveform ingest (baseline): %.2f us CPU per bed-second\n", perBedSecIngest * 1e6);
    std::printf("  ECG analysis:               %.2f us CPU per bed-second\n", perBedSecEcg * 1e6);
    std::printf("  ratio analysis / ingest:    %.1f\n", perBedSecEcg / perBedSecIngest);
    std::printf("  share of one core per bed:  %.4f %% (target < 1 %%); %d beds: %.2f %% of one core\n",
                perBedSecEcg * 100, beds, perBedSecEcg * 100 * beds);
    return perBedSecEcg * 100 < 1.0 ? 0 : 1;
}
