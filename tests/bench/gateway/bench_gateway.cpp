// Gateway link benchmark on loopback: the station's real listener (TLS 1.3, mutual authentication, MLLP,
// parse, decode, ward ingest, commit ACK) against N simulated gateway connections.
//
//   build/bin/bench_gateway [--quick] [--seconds S]
//
// 1. Throughput: each connection keeps 32 messages in flight (4 waveform blocks : 1 numerics message, as
//    a bedside gateway sends) and counts ACKs; reported for 1 and 32 connections, over TLS and, as the
//    baseline in the same run, over plaintext.
//    With --archive runs (the default; --no-archive skips them), the same TLS runs again with the station's
//    real archive attached: every message stored, and its commit ACK sent only once the archive reports it
//    durable (group commit + fsync), as the station runs. Reported with the send -> ACK latency p50 / p99.
// 2. Latency at the real 32-bed rate (per bed 4 waveform blocks/s of 250 ms + 1 numerics/s): from the
//    moment the gateway builds and sends a message to the moment its samples are in the bed's ring buffer,
//    p50 and p99. The send time travels in the block's own start time (OBX-14), so nothing is shared.
#include "Archive.h"
#include "GatewaySources.h"
#include "Hl7Builder.h"
#include "MllpOutbound.h"
#include "Pcd.h"
#include "Ward.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <unordered_map>

using namespace vigil;

namespace {

// Microsecond wall clock (the HL7 DTM carries 4 decimals of seconds = 100 µs).
qint64 wallUs()
{
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

// Ward plus a latency probe: the time from a block's start time (= its send time) until deliver() has put
// it into the ring buffer.
class ProbeSink : public IngestSink
{
public:
    explicit ProbeSink(Ward &w) : m_ward(w) {}
    void deliver(BedUpdate &&u) override
    {
        std::vector<qint64> starts;
        for (const auto &b : u.waves)
            starts.push_back(b.startTimeUs);
        m_ward.deliver(std::move(u));
        const qint64 t = wallUs();
        std::lock_guard lock(m_mutex);
        if (m_recording && !starts.empty())
            m_latUs.push_back(double(t - starts.front()));
    }
    void sourceStatusChanged(const SourceStatus &s) override { m_ward.sourceStatusChanged(s); }
    void record(bool on)
    {
        std::lock_guard lock(m_mutex);
        m_recording = on;
        if (on)
            m_latUs.clear();
    }
    std::vector<double> latencies()
    {
        std::lock_guard lock(m_mutex);
        return m_latUs;
    }

private:
    Ward &m_ward;
    std::mutex m_mutex;
    bool m_recording = false;
    std::vector<double> m_latUs;
};

double pct(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * (v.size() - 1) + 0.5))];
}

std::string waveMessage(int bed, qint64 startUs, quint64 id)
{
    BedUpdate u;
    u.bedKey = QStringLiteral("BENCH^^Bed %1").arg(bed);
    u.patient = PatientInfo{QStringLiteral("B%1").arg(bed), QStringLiteral("Bench, Bed %1").arg(bed),
                            PatientProfile::Adult};
    const std::array<std::pair<WaveId, int>, 4> waves{
        {{WaveId::EcgII, 125}, {WaveId::Pleth, 31}, {WaveId::Resp, 16}, {WaveId::Abp, 31}}};
    for (auto [w, n] : waves) {
        WaveBlock b;
        b.id = w;
        b.sampleRate = n * 4.0;
        b.startTimeUs = startUs;
        b.samples.resize(n);
        for (int i = 0; i < n; ++i)
            b.samples[i] = float(std::sin((id * n + i) * 0.07) * (w == WaveId::Abp ? 40 : 1) +
                                 (w == WaveId::Abp ? 90 : 0));
        u.waves.push_back(std::move(b));
    }
    hl7::SendOptions o;
    o.controlId = QStringLiteral("M%1").arg(id);
    o.messageTimeMs = startUs / 1000;
    return hl7::buildPcd01Waveform(u, o);
}

std::string numericsMessage(int bed, qint64 timeMs, quint64 id)
{
    BedUpdate u;
    u.bedKey = QStringLiteral("BENCH^^Bed %1").arg(bed);
    u.patient = PatientInfo{QStringLiteral("B%1").arg(bed), QStringLiteral("Bench, Bed %1").arg(bed),
                            PatientProfile::Adult};
    for (const NumericInfo &n : kNumerics)
        u.numerics.push_back({n.id, 50.0 + int(n.id), timeMs});
    hl7::SendOptions o;
    o.controlId = QStringLiteral("M%1").arg(id);
    o.messageTimeMs = timeMs;
    return hl7::buildPcd01Numerics(u, o);
}

struct Pki
{
    QTemporaryDir dir;
    TlsSettings station, gateway;
    bool ok = false;
};

void makePki(Pki &pki)
{
    const QString d = pki.dir.path();
    QProcess p;
    p.start(QStringLiteral(VIGIL_SOURCE_DIR "/scripts/make-demo-pki.sh"), {d});
    pki.ok = p.waitForFinished(30000) && p.exitCode() == 0;
    pki.station = {d + QStringLiteral("/ca.pem"),
                   d + QStringLiteral("/station.pem"),
                   d + QStringLiteral("/station.key"),
                   {}};
    pki.gateway = {d + QStringLiteral("/ca.pem"),
                   d + QStringLiteral("/gateway.pem"),
                   d + QStringLiteral("/gateway.key"),
                   {}};
}

struct RunResult
{
    double msgsPerS = 0, cpuPerS = 0;
    quint64 acked = 0;
    std::vector<double> latUs;
    std::vector<double> ackUs; // send -> commit ACK received, per message
    qint64 archiveBytes = -1;
};

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
}

// One run: a station listener on its own thread, `conns` gateway connections on this thread.
RunResult run(bool tls, int conns, double seconds, bool paced, const Pki &pki, bool withArchive = false)
{
    Ward ward;
    ProbeSink sink(ward);
    QTemporaryDir archiveDir;
    std::unique_ptr<archive::Archive> store;
    if (withArchive) {
        QString why;
        store = archive::Archive::open(archiveDir.filePath(QStringLiteral("archive.sqlite")), {}, &why);
        if (!store) {
            std::fprintf(stderr, "bench_gateway: archive: %s\n", qPrintable(why));
            return {};
        }
    }
    QThread stationThread;
    GatewayLinkSettings settings;
    settings.url = MllpUrl{tls, QStringLiteral("127.0.0.1"), 0};
    settings.tls = pki.station;
    auto *listener = new GatewayListenerSource(QStringLiteral("bench"), QStringLiteral("bench"), settings,
                                               &sink, store.get());
    quint16 port = 0;
    QObject::connect(
        listener, &GatewayListenerSource::listening, listener, [&port](quint16 p) { port = p; },
        Qt::DirectConnection);
    listener->moveToThread(&stationThread);
    stationThread.start();
    QMetaObject::invokeMethod(listener, &GatewaySource::start, Qt::BlockingQueuedConnection);

    std::optional<QSslConfiguration> gwTls;
    if (tls)
        gwTls = makeTlsConfiguration(pki.gateway, nullptr);
    std::vector<QTcpSocket *> sockets;
    std::vector<MllpOutbound *> links;
    quint64 acked = 0;
    std::unordered_map<quint64, qint64> sentAt; // message id -> send time (µs)
    std::vector<double> ackUs;
    bool recording = false;
    for (int c = 0; c < conns; ++c) {
        QTcpSocket *s = nullptr;
        auto *link = new MllpOutbound(paced ? 64 : 32, 1000000);
        links.push_back(link);
        QObject::connect(link, &MllpOutbound::acked, [&](const QString &key, const QString &code) {
            if (code == QLatin1String("CA") || code == QLatin1String("AA"))
                ++acked;
            const auto it = sentAt.find(key.mid(1).toULongLong());
            if (it != sentAt.end()) {
                if (recording)
                    ackUs.push_back(static_cast<double>(wallUs() - it->second));
                sentAt.erase(it);
            }
        });
        if (tls) {
            auto *ssl = new QSslSocket;
            ssl->setSslConfiguration(*gwTls);
            QObject::connect(ssl, &QSslSocket::encrypted, [link, ssl] { link->attach(ssl); });
            ssl->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port, QStringLiteral("localhost"));
            s = ssl;
        } else {
            s = new QTcpSocket;
            QObject::connect(s, &QTcpSocket::connected, [link, s] { link->attach(s); });
            s->connectToHost(QStringLiteral("127.0.0.1"), port);
        }
        sockets.push_back(s);
    }
    QElapsedTimer setup;
    setup.start();
    while (setup.elapsed() < 5000 &&
           std::any_of(links.begin(), links.end(), [](auto *l) { return !l->attached(); }))
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);

    quint64 id = 0;
    std::vector<int> phase(conns, 0);
    auto feed = [&](int c, int count) {
        for (int i = 0; i < count; ++i) {
            const qint64 t = wallUs();
            // 4 waveform blocks to 1 numerics message, as a gateway sends them.
            std::string m =
                (phase[c]++ % 5 == 4) ? numericsMessage(c, t / 1000, ++id) : waveMessage(c, t, ++id);
            std::string key = "M";
            key += std::to_string(id);
            sentAt[id] = t;
            links[c]->enqueue(std::move(key), std::move(m));
        }
    };
    QTimer pacer;
    if (paced) {
        // The real rate of one bed per connection: a waveform block every 250 ms and numerics every second.
        QObject::connect(&pacer, &QTimer::timeout, [&] {
            for (int c = 0; c < conns; ++c)
                feed(c, phase[c] % 5 == 3 ? 2 : 1);
        });
        pacer.start(250);
    }
    sink.record(true);
    recording = true;
    const double cpu0 = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    const quint64 acked0 = acked;
    while (wall.elapsed() < seconds * 1000) {
        if (!paced) {
            for (int c = 0; c < conns; ++c) {
                if (links[c]->backlog() < 64)
                    feed(c, 32);
            }
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    RunResult r;
    const double elapsed = wall.nsecsElapsed() / 1e9;
    r.acked = acked - acked0;
    r.msgsPerS = r.acked / elapsed;
    r.cpuPerS = (cpuSeconds() - cpu0) / elapsed;
    r.latUs = sink.latencies();
    r.ackUs = std::move(ackUs);
    recording = false;
    sink.record(false);
    pacer.stop();
    for (auto *s : sockets) {
        s->abort();
        delete s;
    }
    for (auto *l : links)
        delete l;
    QMetaObject::invokeMethod(listener, &GatewaySource::stop, Qt::BlockingQueuedConnection);
    stationThread.quit();
    stationThread.wait();
    delete listener;
    if (store) {
        store.reset(); // writes out what is queued
        r.archiveBytes = 0;
        for (const QFileInfo &f : QDir(archiveDir.path()).entryInfoList(QDir::Files))
            r.archiveBytes += f.size();
    }
    return r;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    double seconds = 5;
    bool withArchive = true;
    for (int i = 1; i < argc; ++i) {
        if (!qstrcmp(argv[i], "--no-archive"))
            withArchive = false;
        else if (!qstrcmp(argv[i], "--quick"))
            seconds = 1.5;
        else if (!qstrcmp(argv[i], "--seconds") && i + 1 < argc)
            seconds = atof(argv[++i]);
    }
    Pki pki;
    makePki(pki);
    if (!pki.ok) {
        std::fprintf(stderr, "bench_gateway: cannot create the test PKI\n");
        return 1;
    }
    const double need32 = 32 * 5.0; // messages/s 32 beds send: 4 waveform blocks + 1 numerics each
    std::printf(
        "Gateway links on loopback, station listener + N gateway connections, window 32, %.1f s per run\n",
        seconds);
    std::printf("%-28s %12s %10s %16s %14s\n", "run", "ACKed msg/s", "cpu s/s", "vs plaintext",
                "vs 32-bed need");
    for (int conns : {1, 32}) {
        const RunResult plain = run(false, conns, seconds, false, pki);
        const RunResult tls = run(true, conns, seconds, false, pki);
        std::printf("%-28s %12.0f %10.2f %16s %13.0fx\n",
                    qPrintable(QStringLiteral("plaintext, %1 connection(s)").arg(conns)), plain.msgsPerS,
                    plain.cpuPerS, "1.00", plain.msgsPerS / need32);
        std::printf("%-28s %12.0f %10.2f %15.2fx %13.0fx   ACK p50 %.1f ms p99 %.1f ms\n",
                    qPrintable(QStringLiteral("TLS, %1 connection(s)").arg(conns)), tls.msgsPerS, tls.cpuPerS,
                    plain.msgsPerS > 0 ? tls.msgsPerS / plain.msgsPerS : 0, tls.msgsPerS / need32,
                    pct(tls.ackUs, 0.5) / 1000, pct(tls.ackUs, 0.99) / 1000);
        if (withArchive && conns == 32) {
            const RunResult ar = run(true, conns, seconds, false, pki, true);
            std::printf("%-28s %12.0f %10.2f %15.2fx %13.0fx   ACK p50 %.1f ms p99 %.1f ms\n",
                        "TLS, 32, archive, ACK durable", ar.msgsPerS, ar.cpuPerS,
                        tls.msgsPerS > 0 ? ar.msgsPerS / tls.msgsPerS : 0, ar.msgsPerS / need32,
                        pct(ar.ackUs, 0.5) / 1000, pct(ar.ackUs, 0.99) / 1000);
            std::printf(
                "  (archive run vs TLS without archive: %.2fx the ACKed rate; targets >= 20000 msg/s and "
                "p99 ACK < 250 ms: %s / %s; archive file %.1f MB for %llu messages)\n",
                tls.msgsPerS > 0 ? ar.msgsPerS / tls.msgsPerS : 0, ar.msgsPerS >= 20000 ? "met" : "NOT met",
                pct(ar.ackUs, 0.99) / 1000 < 250 ? "met" : "NOT met", ar.archiveBytes / 1e6,
                static_cast<unsigned long long>(ar.acked));
        }
    }
    const RunResult lat = run(true, 32, std::max(seconds, 3.0), true, pki);
    const double p50 = pct(lat.latUs, 0.5) / 1000, p99 = pct(lat.latUs, 0.99) / 1000;
    std::printf(
        "Latency at the 32-bed rate over TLS (%zu waveform blocks): send -> ring buffer p50 %.2f ms, "
        "p99 %.2f ms "
        "(target p99 < 20 ms: %.1fx margin); %.0f msg/s ACKed, cpu %.2f s/s; send -> ACK p50 %.1f ms, "
        "p99 %.1f ms\n",
        lat.latUs.size(), p50, p99, p99 > 0 ? 20.0 / p99 : 0, lat.msgsPerS, lat.cpuPerS,
        pct(lat.ackUs, 0.5) / 1000, pct(lat.ackUs, 0.99) / 1000);
    if (withArchive) {
        const RunResult la = run(true, 32, std::max(seconds, 3.0), true, pki, true);
        std::printf(
            "The same with the archive, ACK after durable (%zu ACKs): send -> ACK p50 %.1f ms, p99 %.1f ms "
            "(target p99 < 250 ms: %s); send -> ring buffer p99 %.2f ms\n",
            la.ackUs.size(), pct(la.ackUs, 0.5) / 1000, pct(la.ackUs, 0.99) / 1000,
            pct(la.ackUs, 0.99) / 1000 < 250 ? "met" : "NOT met", pct(la.latUs, 0.99) / 1000);
    }
    return 0;
}
