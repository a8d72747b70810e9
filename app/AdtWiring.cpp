// The census wired into the station (see AdtWiring.h).
#include "AdtWiring.h"
#include "AlarmText.h"

#include "Archive.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>

namespace vigil {

AdtWiring::AdtWiring(const AdtConfig &config, const EhrConfig &ehr, Station *station,
                     const QString &archivePath, QObject *parent)
    : QObject(parent), m_config(config), m_station(station), m_archivePath(archivePath), m_ehrConfig(ehr)
{
    m_thread.setObjectName(QStringLiteral("adt"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(station, &Station::drained, this, &AdtWiring::poll);
}

AdtWiring::~AdtWiring()
{
    const bool ran = m_thread.isRunning();
    stop();
    if (!ran && !m_thread.isFinished()) {
        // Never started (--check-config, a failed build): nothing lives on the thread, delete here.
        qDeleteAll(m_links);
        delete m_ehr;
        delete m_worker;
    }
    m_station->census()->setBackend(nullptr);
}

QString AdtWiring::storePath() const
{
    return m_archivePath.isEmpty() ? QString() : m_archivePath + QStringLiteral(".census.sqlite");
}

adt::BedMap AdtWiring::bedMap() const
{
    adt::BedMap m;
    m.locations = m_config.beds;
    for (const QString &u : m_config.units)
        m.units.insert(u);
    const Ward *ward = m_station->ward();
    for (int i = 0; i < ward->bedCount(); ++i)
        m.beds.insert(ward->bed(i)->key());
    for (const auto &[loc, key] : m_config.beds)
        m.beds.insert(key);
    return m;
}

bool AdtWiring::build(QString *error)
{
    adt::EngineOptions o;
    o.storePath = storePath();
    o.beds = bedMap();
    m_engine = std::make_unique<adt::AdtEngine>(std::move(o));
    QString why;
    if (!m_engine->open(&why)) {
        if (error)
            *error = QStringLiteral("census %1: %2").arg(storePath(), why);
        return false;
    }
    QPointer<AdtWiring> self(this);
    m_engine->setChangedCallback([self] {
        if (self)
            QMetaObject::invokeMethod(self.data(), &AdtWiring::refresh, Qt::QueuedConnection);
    });
    auto addLink = [&](const QString &text, bool listen) {
        const auto url = parseMllpUrl(text, &why);
        if (!url) {
            if (error)
                *error = QStringLiteral("ADT feed: %1").arg(why);
            return false;
        }
        GatewayLinkSettings link;
        link.url = *url;
        link.tls = TlsSettings{m_config.tlsCa, m_config.tlsCert, m_config.tlsKey, m_config.peerName};
        if (url->tls && !makeTlsConfiguration(link.tls, &why)) {
            if (error)
                *error = QStringLiteral("ADT feed %1: %2").arg(text, why);
            return false;
        }
        auto *l = new adt::AdtLink(m_engine.get(), link, listen);
        l->moveToThread(&m_thread);
        connect(&m_thread, &QThread::finished, l, &QObject::deleteLater);
        connect(l, &adt::AdtLink::logLine, this, [](const QString &line, bool problem) {
            if (problem)
                qWarning("%s", qPrintable(line));
            else
                qInfo("%s", qPrintable(line));
        });
        connect(l, &adt::AdtLink::listening, this, [this](quint16 port) {
            m_ports.append(port);
            emit listening(port);
        });
        m_links.push_back(l);
        return true;
    };
    for (const QString &u : m_config.listen)
        if (!addLink(u, true))
            return false;
    for (const QString &u : m_config.connect)
        if (!addLink(u, false))
            return false;
    if (!m_ehrConfig.url.isEmpty()) {
        const auto url = parseMllpUrl(m_ehrConfig.url, &why);
        ehr::EhrSettings es;
        if (url)
            es.link.url = *url;
        es.link.tls =
            TlsSettings{m_ehrConfig.tlsCa, m_ehrConfig.tlsCert, m_ehrConfig.tlsKey, m_ehrConfig.peerName};
        if (!url || (url->tls && !makeTlsConfiguration(es.link.tls, &why))) {
            if (error)
                *error = QStringLiteral("[ehr] %1: %2").arg(m_ehrConfig.url, why);
            return false;
        }
        es.queuePath = m_archivePath.isEmpty() ? QString() : m_archivePath + QStringLiteral(".ehr.sqlite");
        es.ackTimeoutMs = int(m_ehrConfig.ackTimeoutS * 1000);
        es.retryMs = int(m_ehrConfig.retryS * 1000);
        es.downConditionS = m_ehrConfig.downConditionS;
        m_ehr = new ehr::EhrLink(es);
        if (!m_ehr->open(&why)) {
            delete m_ehr;
            m_ehr = nullptr;
            if (error)
                *error = QStringLiteral("EHR queue %1: %2").arg(es.queuePath, why);
            return false;
        }
        m_station->census()->setEhrQueueDepth(m_ehr->depth());
        m_ehr->moveToThread(&m_thread);
        connect(&m_thread, &QThread::finished, m_ehr, &QObject::deleteLater);
        connect(m_ehr, &ehr::EhrLink::depthChanged, this,
                [this](int depth) { m_station->census()->setEhrQueueDepth(depth); });
        connect(m_ehr, &ehr::EhrLink::linkDown, this, [this](bool down, const QString &text) {
            // English in the condition (it goes to the alert manager); the screen translates it
            // (displayText).
            m_station->setStationCondition(alarms::tech::EhrLinkDown,
                                           down ? text : alarms::alarmText("EHR link down"), down);
        });
        connect(m_ehr, &ehr::EhrLink::logLine, this, [](const QString &line, bool problem) {
            if (problem)
                qWarning("%s", qPrintable(line));
            else
                qInfo("%s", qPrintable(line));
        });
    }
    m_station->census()->setBackend(this);
    refresh();
    return true;
}

std::vector<census::VitalEntry> AdtWiring::currentVitals(const QString &bedKey)
{
    std::vector<census::VitalEntry> out;
    const Bed *bed = m_station->ward()->bed(m_station->ward()->indexOf(bedKey));
    if (!bed)
        return out;
    for (int i = 0; i < kNumericCount; ++i) {
        const NumericState &n = bed->numerics[std::size_t(i)];
        if (n.hasValue() && !n.stale)
            out.push_back({static_cast<NumericId>(i), n.value, n.timeMs, std::nullopt, {}});
    }
    return out;
}

void AdtWiring::chart(const QString &bedKey, std::vector<census::VitalEntry> values, Done done)
{
    const census::Stay *stay = m_station->census()->stayOf(bedKey);
    if (!m_ehr)
        return done(false, tr("no EHR link configured"));
    if (!stay || stay->patient.mrn.isEmpty())
        return done(false, tr("the bed has no admitted patient to chart for"));
    ehr::ChartSet set;
    set.patient = stay->patient;
    set.bedKey = bedKey;
    set.values = std::move(values);
    set.validated = true;
    set.userId = m_station->user();
    set.userName = m_station->user();
    QPointer<AdtWiring> self(this);
    ehr::EhrLink *link = m_ehr;
    QMetaObject::invokeMethod(link, [self, link, set, done] {
        const QString id = link->enqueue(set);
        if (self)
            QMetaObject::invokeMethod(self.data(), [done, id] {
                done(!id.isEmpty(),
                     id.isEmpty() ? tr("the charting queue could not store the message") : QString());
            });
    });
}

void AdtWiring::autoChart()
{
    if (!m_ehr)
        return;
    for (const census::Stay &stay : m_station->census()->currentStays()) {
        if (stay.patient.mrn.isEmpty())
            continue;
        auto values = currentVitals(stay.bedKey);
        if (values.empty())
            continue;
        ehr::ChartSet set;
        set.patient = stay.patient;
        set.bedKey = stay.bedKey;
        set.values = std::move(values);
        set.validated = false; // OBX-11 R: not verified by a clinician
        ehr::EhrLink *link = m_ehr;
        QMetaObject::invokeMethod(link, [link, set] { link->enqueue(set); });
    }
}

QList<quint16> AdtWiring::ports() const
{
    return m_ports;
}

void AdtWiring::start()
{
    m_thread.start();
    for (adt::AdtLink *l : m_links)
        QMetaObject::invokeMethod(l, &adt::AdtLink::start, Qt::QueuedConnection);
    if (m_ehr) {
        QMetaObject::invokeMethod(m_ehr, &ehr::EhrLink::start, Qt::QueuedConnection);
        if (m_ehrConfig.autoChartMin > 0) {
            m_autoChart.setInterval(int(m_ehrConfig.autoChartMin * 60'000));
            connect(&m_autoChart, &QTimer::timeout, this, &AdtWiring::autoChart);
            m_autoChart.start();
        }
    }
    if (m_config.autoDischargeH > 0) {
        // Checked a few times per period (at most once a minute): a stay leaves at most 25 % late.
        m_autoDischarge.setInterval(
            int(std::clamp(m_config.autoDischargeH * 3600'000.0 / 4, 1000.0, 60'000.0)));
        connect(&m_autoDischarge, &QTimer::timeout, this, [this] {
            const qint64 after = qint64(m_config.autoDischargeH * 3600'000.0);
            adt::AdtEngine *engine = m_engine.get();
            QMetaObject::invokeMethod(m_worker, [engine, after] {
                const QStringList beds = engine->autoDischarge(QDateTime::currentMSecsSinceEpoch(), after);
                for (const QString &b : beds)
                    qInfo("census: bed %s discharged automatically, no data for %lld min", qPrintable(b),
                          after / 60000);
            });
        });
        m_autoDischarge.start();
    }
}

void AdtWiring::stop()
{
    m_autoDischarge.stop();
    m_autoChart.stop();
    if (!m_thread.isRunning())
        return;
    if (m_ehr)
        QMetaObject::invokeMethod(m_ehr, &ehr::EhrLink::stop, Qt::BlockingQueuedConnection);
    for (adt::AdtLink *l : m_links)
        QMetaObject::invokeMethod(l, &adt::AdtLink::stop, Qt::BlockingQueuedConnection);
    m_links.clear();
    m_ehr = nullptr; // deleted with the thread's end
    m_thread.quit();
    m_thread.wait();
}

void AdtWiring::refresh()
{
    const auto snap = m_engine->snapshot();
    m_station->census()->setStays(snap.stays, snap.conflicts);
    syncBeds();
    poll();
}

void AdtWiring::syncBeds()
{
    census::Census *census = m_station->census();
    Ward *ward = m_station->ward();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QDate today = QDate::currentDate();
    std::vector<int> changedRows;
    bool limitsChanged = false;
    alarms::AlarmEngine *engine = m_station->alarmEngine();
    // Transfers first: a stay now on another bed than before takes its custom limits along (the alarms
    // follow the patient), before the bed it left returns to the defaults below.
    QHash<qint64, QString> previousBed;
    for (auto it = m_stayIds.cbegin(); it != m_stayIds.cend(); ++it)
        if (it.value() != 0)
            previousBed.insert(it.value(), it.key());
    for (const census::Stay &stay : census->currentStays()) {
        const QString from = previousBed.value(stay.id);
        if (from.isEmpty() || from == stay.bedKey || !engine->customLimits(from))
            continue;
        for (int n = 0; n < kNumericCount; ++n) {
            const auto id = static_cast<NumericId>(n);
            const alarms::Limits l = engine->limits(from, id);
            if (!(engine->limits(stay.bedKey, id) == l))
                engine->setLimit(stay.bedKey, id, l.low, l.high, QStringLiteral("census"));
        }
        limitsChanged = true;
        qInfo("census: stay %lld moved from bed %s to %s, its alarm limits with it", stay.id,
              qPrintable(from), qPrintable(stay.bedKey));
    }
    for (int i = 0; i < ward->bedCount(); ++i) {
        Bed *bed = ward->bed(i);
        const QString key = bed->key();
        const census::Stay *stay = census->stayOf(key);
        std::optional<PatientInfo> admitted;
        QString source;
        if (stay && stay->source != census::StaySource::Unadmitted) {
            admitted = PatientInfo{stay->patient.mrn, stay->patient.displayName(),
                                   stay->patient.profile(today), stay->patient.birthDate};
            source = census::toString(stay->source);
        }
        if (admitted != bed->admitted) {
            bed->admitted = admitted;
            changedRows.push_back(i);
        }
        const QString identity = admitted ? QStringList{admitted->id, admitted->name,
                                                        QString::number(int(admitted->profile)), source}
                                                .join(QChar(0x1f))
                                          : QString();
        if (m_archive && identity != m_archived.value(key)) {
            if (admitted)
                m_archive->admit(key, *admitted, source, now);
            else if (!m_archived.value(key).isEmpty())
                m_archive->discharge(key, now);
        }
        m_archived.insert(key, identity);
        // The bed's stay ended (discharged, transferred out, cancelled, swapped): its alarm limits return to
        // the profile's defaults for whoever comes next, recorded in the audit trail and the archive.
        const qint64 stayId = stay ? stay->id : 0;
        const qint64 before = m_stayIds.value(key);
        if (before != 0 && stayId != before) {
            const bool custom = engine->customLimits(key);
            engine->restoreDefaultLimits(key, QStringLiteral("census"));
            limitsChanged = true;
            const QString profile = alarms::nameOf(engine->profile(key));
            if (m_station->access())
                m_station->access()->audit(QStringLiteral("limits_restore_defaults"), key,
                                           QStringLiteral("stay ended"));
            if (m_archive)
                m_archive->storeEvent(
                    key, now, archive::kLimitChange,
                    QStringLiteral("limits returned to the %1 defaults: stay ended%2")
                        .arg(profile, custom ? QStringLiteral(" (custom limits dropped)") : QString()));
            qInfo("census: bed %s stay ended, alarm limits back to the %s defaults", qPrintable(key),
                  qPrintable(profile));
        }
        m_stayIds.insert(key, stayId);
    }
    const bool shownChanged = !changedRows.empty();
    if (shownChanged) {
        DrainResult r;
        r.changedBeds = std::move(changedRows);
        m_station->wardModel()->apply(r);
    }
    if (limitsChanged || shownChanged) // the alarm bar names the shown patient
        m_station->evaluateAlarms();
}

void AdtWiring::onWorker(std::function<census::ApplyResult()> action, Done done)
{
    QPointer<AdtWiring> self(this);
    auto run = [self, action = std::move(action), done = std::move(done)] {
        const census::ApplyResult r = action();
        if (self)
            QMetaObject::invokeMethod(
                self.data(), [done, r] { done(r.ok, r.reason); }, Qt::QueuedConnection);
    };
    if (m_thread.isRunning())
        QMetaObject::invokeMethod(m_worker, std::move(run), Qt::QueuedConnection);
    else
        run(); // not started (tests, --check-config): on this thread
}

void AdtWiring::admit(const QString &bedKey, const census::PatientIdentity &p, Done done)
{
    adt::AdtEngine *e = m_engine.get();
    onWorker([e, bedKey, p] { return e->admit(bedKey, p, QDateTime::currentMSecsSinceEpoch()); },
             std::move(done));
}

void AdtWiring::update(const QString &bedKey, const census::PatientIdentity &p, Done done)
{
    adt::AdtEngine *e = m_engine.get();
    onWorker([e, bedKey, p] { return e->update(bedKey, p); }, std::move(done));
}

void AdtWiring::transfer(const QString &fromBed, const QString &toBed, Done done)
{
    adt::AdtEngine *e = m_engine.get();
    onWorker([e, fromBed, toBed] { return e->transfer(fromBed, toBed, QDateTime::currentMSecsSinceEpoch()); },
             std::move(done));
}

void AdtWiring::discharge(const QString &bedKey, Done done)
{
    adt::AdtEngine *e = m_engine.get();
    onWorker(
        [e, bedKey] {
            return e->discharge(bedKey, QDateTime::currentMSecsSinceEpoch(), QStringLiteral("discharge"));
        },
        std::move(done));
}

void AdtWiring::resolveConflict(qint64 id, Done done)
{
    adt::AdtEngine *e = m_engine.get();
    onWorker(
        [e, id] {
            census::ApplyResult r;
            r.ok = e->resolveConflict(id, QDateTime::currentMSecsSinceEpoch());
            if (!r.ok)
                r.reason = QCoreApplication::translate("Census", "no such pending conflict");
            return r;
        },
        std::move(done));
}

void AdtWiring::search(const QString &text, std::function<void(std::vector<census::Stay>)> done)
{
    adt::AdtEngine *e = m_engine.get();
    QPointer<AdtWiring> self(this);
    auto run = [self, e, text, done = std::move(done)] {
        auto found = e->search(text);
        if (self)
            QMetaObject::invokeMethod(
                self.data(), [done, found = std::move(found)] { done(found); }, Qt::QueuedConnection);
    };
    if (m_thread.isRunning())
        QMetaObject::invokeMethod(m_worker, std::move(run), Qt::QueuedConnection);
    else
        run();
}

void AdtWiring::poll()
{
    if (!m_engine)
        return;
    census::Census *census = m_station->census();
    Ward *ward = m_station->ward();
    alarms::AlarmEngine *alarmsEngine = m_station->alarmEngine();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    bool conditionsChanged = false;
    for (int i = 0; i < ward->bedCount(); ++i) {
        const Bed *bed = ward->bed(i);
        const qint64 last = bed->lastDataMs();
        const bool hasStay = census->stayOf(bed->key()) != nullptr;
        if (last > 0 && (last - m_dataSeen.value(bed->key()) >= 2000 ||
                         (!hasStay && last != m_dataSeen.value(bed->key())))) {
            // Data on a bed: the engine opens an unadmitted stay if it has none and keeps lastDataMs for
            // auto-discharge (every 2 s is enough). Posted: the store is not touched on the GUI thread.
            m_dataSeen[bed->key()] = last;
            adt::AdtEngine *e = m_engine.get();
            const QString key = bed->key();
            if (m_thread.isRunning())
                QMetaObject::invokeMethod(m_worker, [e, key, last] { e->noteData(key, last); });
            else
                e->noteData(key, last);
        }
        // Identity: the gateway's PID-3 against the stay's MRN. Never re-attributed silently: the
        // condition stays until a user decides (accept the gateway's patient, or keep the stay).
        const census::Stay *stay = census->stayOf(bed->key());
        const QString gatewayId = bed->patient.id;
        const bool mismatch = stay && !stay->patient.mrn.isEmpty() && !gatewayId.isEmpty() &&
                              gatewayId != stay->patient.mrn && !census->mismatchKept(bed->key(), gatewayId);
        census->setMismatch(bed->key(), mismatch ? gatewayId : QString(),
                            mismatch ? bed->patient.name : QString());
        if (mismatch != m_mismatchOn.value(bed->key())) {
            m_mismatchOn[bed->key()] = mismatch;
            // English in the condition (it goes to the alert manager); the screen translates it
            // (displayText).
            const QString text = mismatch
                                     ? alarms::alarmText("Patient identity mismatch: monitor %1, admitted %2",
                                                         {gatewayId, stay->patient.mrn})
                                     : alarms::alarmText("Patient identity mismatch");
            alarmsEngine->onDerivedCondition(bed->key(), alarms::tech::PatientIdentityMismatch, text,
                                             alarms::Kind::Technical, alarms::Priority::Medium, mismatch,
                                             std::nan(""), {}, now);
            conditionsChanged = true;
        }
    }
    if (conditionsChanged)
        m_station->evaluateAlarms();
}

} // namespace vigil
