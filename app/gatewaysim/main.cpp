// vigil-gateway-sim: the station's simulator as a real HL7 gateway program. It speaks IHE PCD-01
// (numerics every second, waveform blocks every 250-500 ms) and PCD-04 (alarms from scenarios and limit
// checks, and the heartbeat) over MLLP, plaintext or TLS, as a server stations dial or as a client that
// dials a station. Messages leave its queue only when ACKed; unacknowledged ones are sent again after a
// reconnect.
#include "GatewaySources.h"
#include "Hl7GatewayEncoder.h"
#include "MllpEndpoint.h"
#include "MllpOutbound.h"
#include "SimulatedWardSource.h"
#include "WfdbReplaySource.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>

#include <csignal>
#include <cstdio>

using namespace vigil;

namespace {
int fail(const QString &m)
{
    std::fprintf(stderr, "vigil-gateway-sim: %s\n", qPrintable(m));
    return 2;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vigil-gateway-sim"));
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Simulated IHE PCD gateway for Vigil (HL7 v2 over MLLP/TLS)."));
    p.addHelpOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Serve stations on URL (mllps:// or mllp://)."),
                                    QStringLiteral("URL"));
    const QCommandLineOption connectTo(QStringLiteral("connect"), QStringLiteral("Dial the station at URL."),
                                       QStringLiteral("URL"));
    const QCommandLineOption tlsCa(QStringLiteral("tls-ca"), QStringLiteral("CA certificate (PEM)."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"), QStringLiteral("Gateway certificate (PEM)."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"), QStringLiteral("Gateway private key (PEM)."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption peerName(
        QStringLiteral("peer-name"),
        QStringLiteral("Expected name in the station's certificate when dialling."), QStringLiteral("NAME"));
    const QCommandLineOption beds(QStringLiteral("beds"),
                                  QStringLiteral("Simulated beds, 0-64 (default 16)."), QStringLiteral("N"),
                                  QStringLiteral("16"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed."), QStringLiteral("N"),
                                  QStringLiteral("20261122"));
    const QCommandLineOption scenario(
        QStringLiteral("scenario"),
        QStringLiteral("BED:kind@start[+duration][=value]. Repeatable. Default: the demo ward's scenarios; "
                       "--scenario none for none."),
        QStringLiteral("STEP"));
    const QCommandLineOption replay(
        QStringLiteral("replay"),
        QStringLiteral("Also play a WFDB record (header path) into its own bed. Repeatable."),
        QStringLiteral("RECORD"));
    const QCommandLineOption block(QStringLiteral("wave-block-ms"),
                                   QStringLiteral("Waveform block length, 100-1000 ms (default 250)."),
                                   QStringLiteral("MS"), QStringLiteral("250"));
    const QCommandLineOption window(
        QStringLiteral("window"), QStringLiteral("Messages in flight before waiting for ACKs (default 16)."),
        QStringLiteral("N"), QStringLiteral("16"));
    const QCommandLineOption heartbeat(QStringLiteral("heartbeat-ms"),
                                       QStringLiteral("PCD-04 heartbeat period, 0 = none (default 2000)."),
                                       QStringLiteral("MS"), QStringLiteral("2000"));
    const QCommandLineOption duration(QStringLiteral("duration"), QStringLiteral("Quit after SECONDS."),
                                      QStringLiteral("SECONDS"));
    const QCommandLineOption statsFile(QStringLiteral("stats-file"),
                                       QStringLiteral("Write send/ACK counts as JSON to PATH every second."),
                                       QStringLiteral("PATH"));
    p.addOptions({listen, connectTo, tlsCa, tlsCert, tlsKey, peerName, beds, seed, scenario, replay, block,
                  window, heartbeat, duration, statsFile});
    p.process(app);

    if (p.isSet(listen) == p.isSet(connectTo))
        return fail(QStringLiteral("give exactly one of --listen URL or --connect URL"));
    QString error;
    const auto url = parseMllpUrl(p.isSet(listen) ? p.value(listen) : p.value(connectTo), &error);
    if (!url)
        return fail(error);
    std::optional<QSslConfiguration> tls;
    if (url->tls) {
        tls = makeTlsConfiguration({p.value(tlsCa), p.value(tlsCert), p.value(tlsKey), p.value(peerName)},
                                   &error);
        if (!tls)
            return fail(error);
    }
    bool ok = false;
    const int nBeds = p.value(beds).toInt(&ok);
    if (!ok || nBeds < 0 || nBeds > 64)
        return fail(QStringLiteral("--beds: expected 0 to 64"));
    const int blockMs = p.value(block).toInt(&ok);
    if (!ok || blockMs < 100 || blockMs > 1000)
        return fail(QStringLiteral("--wave-block-ms: expected 100 to 1000"));

    // Every connected station gets its own queue; in dial mode one queue lives across reconnects.
    QList<MllpOutbound *> links;
    Hl7GatewayEncoder::Options eo;
    eo.waveBlockMs = blockMs;
    eo.heartbeatMs = p.value(heartbeat).toInt();
    Hl7GatewayEncoder encoder(eo, [&links](const std::string &id, const std::string &msg) {
        for (MllpOutbound *l : std::as_const(links)) {
            if (l->attached() || links.size() == 1)
                l->enqueue(id, msg);
        }
    });

    std::vector<std::unique_ptr<GatewaySource>> sources;
    if (nBeds > 0) {
        // Without --scenario, the demo ward's scripted events (the same as the embedded station default).
        const QStringList steps =
            p.isSet(scenario)
                ? (p.values(scenario) == QStringList{QStringLiteral("none")} ? QStringList{}
                                                                             : p.values(scenario))
                : QStringList{
                      QStringLiteral("3:tachycardia@40+120=148"), QStringLiteral("5:desaturation@30+150=84"),
                      QStringLiteral("7:apnoea@90+25"),           QStringLiteral("9:lead_off@60+20"),
                      QStringLiteral("11:sensor_off@75+30"),      QStringLiteral("13:disconnect@120+30"),
                      QStringLiteral("14:bradycardia@50+100=42"), QStringLiteral("16:hypotension@45+180=78"),
                      QStringLiteral("2:sepsis@60+40m"),          QStringLiteral("6:resp_decline@90+60m")};
        auto ward = SimulatedWardSource::makeWard(nBeds, p.value(seed).toULongLong(), 300, steps, &error);
        if (!ward)
            return fail(error);
        auto sim = std::make_unique<SimulatedWardSource>(QStringLiteral("sim"), QStringLiteral("sim"),
                                                         std::move(*ward), &encoder);
        sim->setTickMs(50);
        sources.push_back(std::move(sim));
    }
    for (const QString &r : p.values(replay)) {
        QString path = r.endsWith(QLatin1String(".hea")) ? r : r + QStringLiteral(".hea");
        auto rec = wfdb::Record::open(path, &error);
        if (!rec)
            return fail(QStringLiteral("%1: %2").arg(path, error));
        const QString base = QFileInfo(path).completeBaseName();
        sources.push_back(std::make_unique<wfdb::WfdbReplaySource>(
            std::make_shared<const wfdb::Record>(std::move(*rec)), QStringLiteral("WFDB^%1").arg(base), base,
            1.0, true, &encoder));
    }

    const int win = std::max(1, p.value(window).toInt());
    QTcpServer *server = nullptr;
    QTimer redial;
    redial.setSingleShot(true);
    int failures = 0;
    QRandomGenerator rng = QRandomGenerator::securelySeeded();
    auto status = [&](const QString &m) { std::fprintf(stderr, "vigil-gateway-sim: %s\n", qPrintable(m)); };

    if (p.isSet(listen)) {
        if (tls) {
            auto *s = new QSslServer(&app);
            s->setSslConfiguration(*tls);
            QObject::connect(s, &QSslServer::errorOccurred,
                             [&](QSslSocket *sock, QAbstractSocket::SocketError) {
                                 status(QStringLiteral("station %1: %2")
                                            .arg(sock->peerAddress().toString(), sock->errorString()));
                             });
            server = s;
        } else {
            server = new QTcpServer(&app);
        }
        QObject::connect(server, &QTcpServer::pendingConnectionAvailable, [&] {
            while (QTcpSocket *sock = server->nextPendingConnection()) {
                auto *link = new MllpOutbound(win, 20000, sock);
                links.append(link);
                auto begin = [&, link, sock] {
                    status(QStringLiteral("station connected from %1").arg(sock->peerAddress().toString()));
                    link->attach(sock);
                };
                auto *ssl = qobject_cast<QSslSocket *>(sock);
                if (ssl && !ssl->isEncrypted())
                    QObject::connect(ssl, &QSslSocket::encrypted, link, begin);
                else
                    begin();
                QObject::connect(sock, &QTcpSocket::disconnected, [&, link, sock] {
                    links.removeAll(link);
                    sock->deleteLater();
                });
            }
        });
        QHostAddress addr;
        if (!addr.setAddress(url->host))
            addr = QHostAddress(QHostAddress::LocalHost);
        if (!server->listen(addr, url->port))
            return fail(
                QStringLiteral("cannot listen on %1: %2").arg(url->toString(), server->errorString()));
        status(QStringLiteral("serving %1").arg(url->toString()));
    } else {
        auto *link = new MllpOutbound(win, 20000, &app);
        links.append(link);
        QTcpSocket *sock = nullptr;
        std::function<void()> dial = [&] {
            if (sock)
                sock->deleteLater();
            if (tls) {
                auto *ssl = new QSslSocket(&app);
                ssl->setSslConfiguration(*tls);
                QObject::connect(ssl, &QSslSocket::encrypted, [&, ssl] {
                    failures = 0;
                    link->attach(ssl);
                    status(QStringLiteral("connected (TLS)"));
                });
                sock = ssl;
                ssl->connectToHostEncrypted(url->host, url->port,
                                            p.value(peerName).isEmpty() ? url->host : p.value(peerName));
            } else {
                sock = new QTcpSocket(&app);
                QObject::connect(sock, &QTcpSocket::connected, [&] {
                    failures = 0;
                    link->attach(sock);
                    status(QStringLiteral("connected"));
                });
                sock->connectToHost(url->host, url->port);
            }
            QObject::connect(sock, &QAbstractSocket::errorOccurred, [&](QAbstractSocket::SocketError) {
                status(QStringLiteral("link: %1").arg(sock->errorString()));
                link->detach();
                if (!redial.isActive())
                    redial.start(static_cast<int>(
                        1000 * GatewayClientSource::backoffSeconds(++failures, 0.5, 10, rng)));
            });
        };
        QObject::connect(&redial, &QTimer::timeout, dial);
        dial();
    }

    for (auto &s : sources)
        s->start();
    encoder.startHeartbeat();

    QTimer statsTimer;
    const QString statsPath = p.value(statsFile);
    auto writeStats = [&] {
        OutboundStats total;
        for (MllpOutbound *l : std::as_const(links)) {
            const auto &s = l->stats();
            total.queued += s.queued;
            total.sent += s.sent;
            total.acked += s.acked;
            total.rejected += s.rejected;
            total.resent += s.resent;
            total.dropped += s.dropped;
        }
        if (statsPath.isEmpty())
            return;
        QJsonObject o{{QStringLiteral("built"), double(encoder.messagesBuilt())},
                      {QStringLiteral("queued"), double(total.queued)},
                      {QStringLiteral("sent"), double(total.sent)},
                      {QStringLiteral("acked"), double(total.acked)},
                      {QStringLiteral("rejected"), double(total.rejected)},
                      {QStringLiteral("resent"), double(total.resent)},
                      {QStringLiteral("dropped"), double(total.dropped)},
                      {QStringLiteral("links"), links.size()}};
        QSaveFile f(statsPath);
        if (f.open(QIODevice::WriteOnly)) {
            f.write(QJsonDocument(o).toJson());
            f.commit();
        }
    };
    QObject::connect(&statsTimer, &QTimer::timeout, writeStats);
    statsTimer.start(1000);
    if (p.isSet(duration))
        QTimer::singleShot(static_cast<int>(p.value(duration).toDouble() * 1000), &app,
                           &QCoreApplication::quit);
    for (int sig : {SIGINT, SIGTERM})
        std::signal(
            sig, [](int) { QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection); });
    const int rc = app.exec();
    writeStats();
    return rc;
}
