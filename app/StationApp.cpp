#include "StationApp.h"

#include "AlertManagerWiring.h"
#include "DicomWiring.h"
#include "GatewaySources.h"
#include "SimulatedWardSource.h"
#include "WfdbReplaySource.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QStandardPaths>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <map>

namespace vigil {

StationApp::StationApp(StationConfig config, QObject *parent) : QObject(parent), m_config(std::move(config))
{}

StationApp::~StationApp()
{
    stop();
}

namespace {

// In-process sources (simulator, WFDB replay) hand each update to the archive and the ward. Gateway
// sessions do this themselves, because they need the archive's ticket before they ACK.
class ArchivingSink : public IngestSink
{
public:
    ArchivingSink(Ward *ward, archive::Archive *archive) : m_ward(ward), m_archive(archive) {}
    void deliver(BedUpdate &&update) override
    {
        m_archive->store(update);
        m_ward->deliver(std::move(update));
    }
    void sourceStatusChanged(const SourceStatus &status) override { m_ward->sourceStatusChanged(status); }

private:
    Ward *m_ward;
    archive::Archive *m_archive;
};

// The archive is configured but could not be opened: nothing is durable, so no gateway may be told its
// message is stored. Every ticket fails at once and the sessions answer AE/CE (as on a full disk), so the
// gateways keep their messages and send them again; the live display still gets them.
class UnavailableStore : public DurableStore
{
public:
    quint64 store(const BedUpdate &) override { return ++m_ticket; }
    void notifyDurable(quint64, std::function<void(bool ok)> done) override { done(false); }

private:
    std::atomic<quint64> m_ticket{0};
};

} // namespace

void StationApp::openArchive()
{
    if (!m_config.archive.enabled)
        return;
    m_archivePath = m_config.archive.path;
    if (m_archivePath.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dir);
        m_archivePath = dir + QStringLiteral("/archive.sqlite");
    }
    archive::ArchiveOptions options;
    options.waveRetentionHours = m_config.archive.waveformHours;
    options.numericRetentionDays = m_config.archive.numericDays;
    QString why;
    m_archive = archive::Archive::open(m_archivePath, options, &why);
    if (!m_archive) {
        // The station monitors without it, loudly: a technical alarm and a banner say what is wrong.
        qCritical("vigil: archive %s unavailable: %s", qPrintable(m_archivePath), qPrintable(why));
        m_station->setArchiveProblem(QStringLiteral("cannot open %1: %2").arg(m_archivePath, why));
        m_unavailableStore = std::make_unique<UnavailableStore>();
        m_durableStore = m_unavailableStore.get();
        return;
    }
    QPointer<Station> station = m_station.get();
    m_archive->setHealthCallback([station](const archive::ArchiveHealth &h) {
        // Writer thread: hand the news to the GUI thread.
        QMetaObject::invokeMethod(station, [station, ok = h.ok, error = h.error] {
            if (station)
                station->setArchiveProblem(ok ? QString() : error);
        });
    });
    m_durableStore = m_archive.get();
    m_archivingSink = std::make_unique<ArchivingSink>(m_station->ward(), m_archive.get());
    connect(m_station.get(), &Station::alarmsEvaluated, this, &StationApp::recordAlarmSteps);
    // The nurse's handover and limit changes (who, when, what) for the shift reports (issue 10).
    connect(m_station.get(), &Station::handoverSaved, this,
            [this](const QString &bed, const QString &severity, const QString &notes, const QString &user,
                   qint64 timeMs) {
                m_archive->storeHandover({bed, timeMs, severity, notes, user});
            });
    connect(m_station.get(), &Station::limitChanged, this,
            [this](const QString &bed, const QString &key, double low, double high, const QString &user,
                   qint64 timeMs) {
                auto one = [](double v) {
                    return std::isnan(v) ? QStringLiteral("off") : QString::number(v);
                };
                m_archive->storeEvent(bed, timeMs, archive::kLimitChange,
                                      QStringLiteral("%1 %2\u2013%3 by %4")
                                          .arg(key, one(low), one(high),
                                               user.isEmpty() ? QStringLiteral("unknown user") : user));
            });
    // Issue 14: the NEWS2 trend (each change of a bed's score) and the central ECG analysis's beats, as
    // events through the archive's writer queue (docs/EWS.md).
    connect(m_station.get(), &Station::drained, this, &StationApp::recordNews2);
    if (m_ecg) {
        archive::Archive *a = m_archive.get();
        m_ecg->setBeatSink([a](const QString &bedKey, const std::vector<qint64> &beatsUs) {
            // "qrs_beats": the first beat's time in ms since the epoch, then each beat's offset from it (ms).
            QString text = QString::number(beatsUs.front() / 1000) + QLatin1Char(':');
            for (qint64 b : beatsUs)
                text += QLatin1Char(' ') + QString::number((b - beatsUs.front()) / 1000);
            a->storeEvent(bedKey, beatsUs.front() / 1000, QStringLiteral("qrs_beats"), text);
        });
    }
}

void StationApp::recordNews2()
{
    const scores::News2Board *news = m_station->news();
    for (const QString &bed : news->bedKeys()) {
        const scores::News2Snapshot *s = news->snapshot(bed);
        if (!s)
            continue;
        // "NEWS2 5 medium; rr 2 spo2 1 o2 0 sbp 0 pulse 2 acvpu 0 temp 0" or "incomplete (>=3; ...)".
        QString text =
            s->score.complete
                ? QStringLiteral("NEWS2 %1 %2;").arg(s->score.total).arg(scores::nameOf(s->score.response))
                : QStringLiteral("NEWS2 incomplete (>=%1; %2);").arg(s->score.total).arg(s->missingText());
        for (int i = 0; i < scores::kNewsParamCount; ++i)
            text += QLatin1Char(' ') + scores::newsParamKey(static_cast<scores::NewsParam>(i)) +
                    QLatin1Char(' ') +
                    (s->score.sub[std::size_t(i)] < 0 ? QStringLiteral("-")
                                                      : QString::number(s->score.sub[std::size_t(i)]));
        QString &last = m_news2Archived[bed];
        if (text == last)
            continue;
        last = text;
        m_archive->storeEvent(bed, s->timeMs, QStringLiteral("news2"), text);
    }
}

void StationApp::recordAlarmSteps()
{
    // Each change of a condition becomes one lifecycle step in the archive: start, acknowledge, escalate,
    // de-escalate, end, reset. The engine keeps the history in memory; the archive keeps it for the stay.
    //
    // Technical conditions (lead off, sensor off, no data, gaps, link down...) are also archived as
    // episodes, one condition_on when the cause appears and one condition_off when it goes, per bed and
    // code: the events export lists them with start and end. A condition is present while any engine
    // condition with that bed and code is active, so one taken over by another report of the same thing
    // (the device's lead-off superseding the station's) stays one episode. Both sides come from the
    // seen-state before and after this evaluation, so no state beyond m_alarmSeen is needed.
    using Step = archive::AlarmStep;
    struct Episode
    {
        int before = 0, after = 0; // conditions with this bed and code active before / after
        bool between = false;      // one came and went between two evaluations
        qint64 startMs = std::numeric_limits<qint64>::max(), endMs = 0;
        QString bedKey, code, text;
    };
    std::map<std::pair<QString, QString>, Episode> episodes;
    for (const alarms::AlarmCondition &c : m_station->alarmEngine()->conditions()) {
        AlarmSeen &seen = m_alarmSeen[c.id];
        const bool wasActive = seen.state == static_cast<int>(alarms::State::Active);
        const bool isActive = c.state == alarms::State::Active;
        const bool between = seen.state < 0 && !isActive && c.endMs > 0;
        if (c.kind == alarms::Kind::Technical && (wasActive || isActive || between)) {
            Episode &e = episodes[{c.bedKey, c.code}];
            e.before += wasActive ? 1 : 0;
            e.after += isActive ? 1 : 0;
            e.between = e.between || between;
            if (isActive || between)
                e.startMs = std::min(e.startMs, c.startMs);
            if (!isActive)
                e.endMs = std::max(e.endMs, c.endMs);
            e.bedKey = c.bedKey;
            e.code = c.code;
            if (isActive || e.text.isEmpty())
                e.text = c.text;
        }
        std::vector<std::pair<Step, qint64>> steps;
        if (seen.state < 0)
            steps.push_back({Step::Start, c.startMs});
        if (c.acknowledged && !seen.acknowledged)
            steps.push_back({Step::Acknowledge, c.acknowledgedMs});
        if (c.escalated != seen.escalated)
            steps.push_back(
                {c.escalated ? Step::Escalate : Step::DeEscalate, c.escalated ? c.escalatedMs : 0});
        if (!isActive && (wasActive || (seen.state < 0 && c.endMs > 0)))
            steps.push_back({Step::End, c.endMs});
        if (c.resetMs && c.resetMs != seen.resetMs)
            steps.push_back({Step::Reset, c.resetMs});
        seen.state = static_cast<int>(c.state);
        seen.acknowledged = c.acknowledged;
        seen.escalated = c.escalated;
        seen.resetMs = c.resetMs;
        for (const auto &[step, time] : steps) {
            archive::AlarmRecord r;
            r.alarmId = c.id;
            r.bedKey = c.bedKey;
            r.source = c.origin == alarms::Origin::Gateway        ? archive::AlarmRecord::Source::Gateway
                       : c.origin == alarms::Origin::StationLimit ? archive::AlarmRecord::Source::Limit
                                                                  : archive::AlarmRecord::Source::Technical;
            r.code = c.code;
            r.text = c.text;
            if (c.parameter) {
                const auto &key = numericInfo(*c.parameter).key;
                r.metric = QString::fromUtf8(key.data(), static_cast<qsizetype>(key.size()));
            }
            r.priority = c.priority;
            r.kind = c.kind;
            r.step = step;
            r.state = alarms::nameOf(c.state);
            r.value = c.value;
            (c.direction == alarms::Direction::High ? r.limitHigh : r.limitLow) = c.limit;
            r.timeMs = time ? time : QDateTime::currentMSecsSinceEpoch();
            r.onsetMs = c.startMs;
            r.user = step == Step::Acknowledge ? c.acknowledgedBy
                     : step == Step::Reset     ? c.resetBy
                                               : QString();
            m_archive->storeAlarmEvent(r);
        }
    }
    for (const auto &[key, e] : episodes) {
        const qint64 endMs = e.endMs ? e.endMs : QDateTime::currentMSecsSinceEpoch();
        if (e.before == 0 && (e.after > 0 || e.between))
            m_archive->storeCondition(e.bedKey, e.startMs, true, e.code, e.text);
        if (e.after == 0 && (e.before > 0 || e.between))
            m_archive->storeCondition(e.bedKey, endMs, false, e.code, e.text);
    }
}

bool StationApp::startAlertManager(QString *error)
{
    const AlertManagerConfig &am = m_config.alertManager;
    if (am.url.isEmpty())
        return true;
    QString why;
    const auto url = parseMllpUrl(am.url, &why);
    if (!url || (url->tls && !makeTlsConfiguration({am.tlsCa, am.tlsCert, am.tlsKey, am.peerName}, &why))) {
        if (error)
            *error = QStringLiteral("alert manager: %1").arg(why);
        return false;
    }
    GatewayLinkSettings link;
    link.url = *url;
    link.tls = TlsSettings{am.tlsCa, am.tlsCert, am.tlsKey, am.peerName};
    m_alertManager = new AlertManagerLink(link, static_cast<int>(am.replyTimeoutS * 1000));
    m_alertThread = std::make_unique<QThread>();
    m_alertThread->setObjectName(QStringLiteral("alert-manager"));
    m_alertManager->moveToThread(m_alertThread.get());
    connect(m_alertThread.get(), &QThread::finished, m_alertManager, &QObject::deleteLater);
    Station *station = m_station.get();
    // Replies come from the link's thread; the engine lives on the GUI thread.
    connect(m_alertManager, &AlertManagerLink::status, station,
            [station](const QString &id, AlertStatus s, const QString &text) {
                station->alarmEngine()->onAlertManagerResult(id, toDelivery(s), text);
                station->evaluateAlarms();
            });
    connect(m_alertManager, &AlertManagerLink::failed, station,
            [station](const QString &id, const QString &reason) {
                station->alarmEngine()->onAlertManagerResult(id, alarms::Delivery::Failed, reason);
                station->evaluateAlarms();
            });
    connect(station, &Station::escalationActionsReady, this, &StationApp::sendEscalations);
    return true;
}

void StationApp::sendEscalations()
{
    if (!m_alertManager)
        return;
    for (const alarms::EscalationAction &a : m_station->alarmEngine()->takeEscalationActions()) {
        const AlertRequest r = toAlertRequest(a);
        QMetaObject::invokeMethod(
            m_alertManager, [link = m_alertManager, r] { link->send(r); }, Qt::QueuedConnection);
    }
}

bool StationApp::build(QString *error)
{
    auto ward = std::make_unique<Ward>(m_config.beds, Ward::kMaxBeds);
    ward->setNoDataTimeout(m_config.noDataTimeoutS);
    alarms::AlarmConfig alarmConfig = m_config.alarms;
    // Without an alert manager, its tiers only escalate the local signal (nothing invented about it).
    alarmConfig.alertManagerAvailable = !m_config.alertManager.url.isEmpty();
    m_station = std::make_unique<Station>(m_config.stationName, m_config.wardName, m_config.display,
                                          std::move(ward), nullptr, std::move(alarmConfig));
    m_station->news()->setConfig(m_config.news2);
    if (m_config.ecgAnalysis.enabled)
        m_ecg = std::make_unique<EcgWiring>(m_station.get(), m_config.ecgAnalysis);
    if (m_config.cluster.enabled())
        m_cluster = std::make_unique<ClusterWiring>(m_station.get(), m_config.cluster, m_config.stationName,
                                                    m_config.wardName);
    openArchive();
    m_security = std::make_unique<StationSecurity>(m_station.get());
    if (!m_security->start(m_config, m_archivePath, error))
        return false;
    if (m_config.dicom.enabled) { // monitoring goes on without it; the condition says why
        QString why;
        m_dicomQueue = openDicomQueue(m_config.dicom, m_archivePath, m_station.get(), &why);
        if (!m_dicomQueue)
            m_station->setStationCondition(alarms::tech::DicomUnreachable,
                                           QStringLiteral("DICOM queue: %1").arg(why), true);
    }
    if (m_archive) // reports read the archive: no archive, no printing
        m_printing =
            std::make_unique<StationPrinting>(m_config, m_station.get(), m_archive.get(), m_archivePath);
    if (m_dicomQueue && m_archive) // objects are built from the archive
        m_dicom = std::make_unique<StationDicom>(m_config.dicom, m_station.get(), m_dicomQueue.get(),
                                                 m_printing.get(), m_archive.get(), m_archivePath,
                                                 m_config.print.stripPreTriggerS);
    if (!startAlertManager(error))
        return false;
    m_adt = std::make_unique<AdtWiring>(m_config.adt, m_config.ehr, m_station.get(),
                                        m_archive ? m_archivePath : QString());
    m_adt->setArchive(m_archive.get()); // the census's stays are the archive's stays
    if (!m_adt->build(error))
        return false;
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
    if (m_ecg) {
        sink = m_ecg->tap(sink);
        gatewaySink = m_ecg->tap(gatewaySink);
    }
    if (m_cluster) {
        sink = m_cluster->tap(sink);
        gatewaySink = m_cluster->tap(gatewaySink);
    }
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
        link.limits.handshakeTimeoutMs = static_cast<int>(cfg.handshakeTimeoutS * 1000);
        link.limits.maxPending = cfg.maxPendingHandshakes;
        link.limits.maxConnections = cfg.maxConnections;
        link.limits.maxConnectionsPerPeer = cfg.maxConnectionsPerPeer;
        link.limits.idleTimeoutMs = static_cast<int>(cfg.idleTimeoutS * 1000);
        link.limits.silentTimeoutMs = static_cast<int>(cfg.silentTimeoutS * 1000);
        link.resendMemory = cfg.resendMemory;
        if (url->tls) {
            // Refuse to start on unreadable certificates or keys: a station that silently runs without its
            // gateway is worse than one that says why it cannot start.
            if (!makeTlsConfiguration(link.tls, &why)) {
                if (error)
                    *error = QStringLiteral("source \"%1\": %2").arg(cfg.id, why);
                return false;
            }
        }
        m_station->setSourceDataTimeout(cfg.id, cfg.dataTimeoutS);
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

void StationApp::start()
{
    if (m_started)
        return;
    m_started = true;
    if (m_alertThread) {
        m_alertThread->start();
        QMetaObject::invokeMethod(m_alertManager, &AlertManagerLink::start, Qt::QueuedConnection);
    }
    m_station->start();
    if (m_cluster)
        m_cluster->start();
    if (m_adt)
        m_adt->start();
    if (m_dicomQueue)
        m_dicomQueue->start();
    if (m_printing)
        m_printing->start();
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
    if (m_cluster)
        m_cluster->stop();
    if (m_alertThread && m_alertThread->isRunning()) {
        QMetaObject::invokeMethod(m_alertManager, &AlertManagerLink::stop, Qt::BlockingQueuedConnection);
        m_alertThread->quit();
        m_alertThread->wait();
        m_alertManager = nullptr;
    }
    m_dicom.reset(); // its builds end (or give up) before the queue and the archive stop
    if (m_adt)
        m_adt->stop();
    if (m_dicomQueue)
        m_dicomQueue->stop();
    if (m_printing)
        m_printing->stop(); // before the archive it records audit events in
    if (m_archive)
        m_archive->flush(10'000); // what was received before the stop is on disk when the process ends
}

} // namespace vigil
