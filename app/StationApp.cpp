#include "StationApp.h"

#include "GatewaySources.h"
#include "SimulatedWardSource.h"
#include "WfdbReplaySource.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QStandardPaths>

namespace vigil {

StationApp::StationApp(StationConfig config, QObject *parent) : QObject(parent), m_config(std::move(config))
{}

StationApp::~StationApp()
{
    stop();
}

bool StationApp::build(QString *error)
{
    auto ward = std::make_unique<Ward>(m_config.beds, Ward::kMaxBeds);
    ward->setNoDataTimeout(m_config.noDataTimeoutS);
    m_station =
        std::make_unique<Station>(m_config.stationName, m_config.wardName, m_config.display, std::move(ward));
    for (const SourceConfig &s : m_config.sources) {
        if (!addSource(s, error))
            return false;
    }
    return true;
}

bool StationApp::addSource(const SourceConfig &cfg, QString *error)
{
    GatewaySource *source = nullptr;
    // Gateways store through m_durableStore themselves; in-process sources archive through the sink.
    IngestSink *sink = m_archivingSink ? m_archivingSink.get() : static_cast<IngestSink *>(m_station->ward());
    IngestSink *gatewaySink = m_station->ward();
    if (cfg.type == QLatin1String("simulator")) {
        QString why;
        auto beds = SimulatedWardSource::makeWard(cfg.beds, cfg.seed, cfg.nibpCycleS, cfg.scenarios, &why);
        if (!beds) {
            if (error)
                *error = QStringLiteral("source \"%1\": %2").arg(cfg.id, why);
            return false;
        }
        source = new SimulatedWardSource(cfg.id, cfg.name, std::move(*beds), sink);
    } else if (cfg.type == QLatin1String("wfdb")) {
        QString why;
        QString path = cfg.record;
        if (!path.endsWith(QLatin1String(".hea")))
            path += QStringLiteral(".hea");
        auto record = wfdb::Record::open(path, &why);
        if (!record) {
            if (error)
                *error = QStringLiteral("source \"%1\": WFDB record %2: %3").arg(cfg.id, path, why);
            return false;
        }
        if (!record->verifyChecksums(&why))
            qWarning("source \"%s\": %s (playing it anyway)", qPrintable(cfg.id), qPrintable(why));
        const QString label = cfg.bedLabel.isEmpty() ? QFileInfo(path).completeBaseName() : cfg.bedLabel;
        source = new wfdb::WfdbReplaySource(std::make_shared<const wfdb::Record>(std::move(*record)), cfg.bed,
                                            label, cfg.speed, cfg.loop, sink);
    } else if (cfg.type == QLatin1String("mllp")) {
        const bool listen = !cfg.listen.isEmpty();
        QString why;
        const auto url = parseMllpUrl(listen ? cfg.listen : cfg.url, &why);
        if (!url) {
            if (error)
                *error = QStringLiteral("source \"%1\": %2").arg(cfg.id, why);
            return false;
        }
        GatewayLinkSettings link;
        link.url = *url;
        link.tls = TlsSettings{cfg.tlsCa, cfg.tlsCert, cfg.tlsKey, cfg.peerName};
        link.maxFrameBytes = static_cast<std::size_t>(cfg.maxFrameBytes);
        link.reconnectMaxS = cfg.reconnectMaxS;
        if (url->tls) {
            // Refuse to start on unreadable certificates or keys: a station that silently runs without its
            // gateway is worse than one that says why it cannot start.
            if (!makeTlsConfiguration(link.tls, &why)) {
                if (error)
                    *error = QStringLiteral("source \"%1\": %2").arg(cfg.id, why);
                return false;
            }
        }
        if (listen)
            source = new GatewayListenerSource(cfg.id, cfg.name, link, gatewaySink, m_durableStore);
        else
            source = new GatewayClientSource(cfg.id, cfg.name, link, gatewaySink, m_durableStore);
    } else {
        if (error)
            *error = QStringLiteral("source \"%1\": unknown type \"%2\"").arg(cfg.id, cfg.type);
        return false;
    }
    Running r;
    r.thread = std::make_unique<QThread>();
    r.thread->setObjectName(QStringLiteral("source-%1").arg(cfg.id));
    r.source = source;
    source->moveToThread(r.thread.get());
    connect(r.thread.get(), &QThread::finished, source, &QObject::deleteLater);
    m_sources.push_back(std::move(r));
    return true;
}

std::vector<GatewaySource *> StationApp::sources() const
{
    std::vector<GatewaySource *> out;
    for (const auto &r : m_sources)
        out.push_back(r.source);
    return out;
}

void StationApp::start()
{
    if (m_started)
        return;
    m_started = true;
    m_station->start();
    for (auto &r : m_sources) {
        r.thread->start();
        QMetaObject::invokeMethod(r.source, &GatewaySource::start, Qt::QueuedConnection);
    }
}

void StationApp::stop()
{
    for (auto &r : m_sources) {
        if (r.thread->isRunning()) {
            QMetaObject::invokeMethod(r.source, &GatewaySource::stop, Qt::BlockingQueuedConnection);
            r.thread->quit();
            r.thread->wait();
        } else {
            delete r.source;
        }
        r.source = nullptr;
    }
    m_sources.clear();
    if (m_archive)
        m_archive->flush(10'000); // what was received before the stop is on disk when the process ends
}

} // namespace vigil
