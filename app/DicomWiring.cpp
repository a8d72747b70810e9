#include "DicomWiring.h"

#include "Access.h"
#include "Alarm.h"
#include "Archive.h"
#include "ArchiveReader.h"
#include "DicomReader.h"
#include "DicomWriter.h"
#include "PrintWiring.h"
#include "Report.h"
#include "Station.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QPointer>
#include <QStandardPaths>
#include <QTime>

#include <algorithm>

namespace vigil {

dicom::Peer dicomPeer(const DicomConfig &c)
{
    dicom::Peer p;
    p.callingAe = c.callingAe;
    p.calledAe = c.calledAe;
    p.host = c.host;
    p.port = c.port;
    p.tls.enabled = c.tls;
    p.tls.caFile = c.tlsCa;
    p.tls.certFile = c.tlsCert;
    p.tls.keyFile = c.tlsKey;
    return p;
}

std::unique_ptr<dicom::DicomQueue> openDicomQueue(const DicomConfig &c, const QString &archivePath,
                                                  Station *station, QString *error)
{
    if (!c.enabled)
        return nullptr;
    dicom::QueueOptions o;
    o.peer = dicomPeer(c);
    o.directory = c.queueDir;
    if (o.directory.isEmpty())
        o.directory = archivePath.isEmpty()
                          ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                                QStringLiteral("/dicom-queue")
                          : QFileInfo(archivePath).absoluteDir().filePath(QStringLiteral("dicom-queue"));
    o.retryInitialS = c.retryInitialS;
    o.retryMaxS = c.retryMaxS;
    o.unreachableConditionS = c.unreachableConditionS;
    auto q = dicom::DicomQueue::open(o, error);
    if (!q)
        return nullptr;
    const QString node = QStringLiteral("%1@%2:%3").arg(c.calledAe, c.host).arg(c.port);
    QPointer<Station> st = station;
    // Worker thread -> GUI thread.
    q->onCondition = [st, node](bool on, const QString &reason) {
        QMetaObject::invokeMethod(st, [st, node, on, reason] {
            if (st)
                st->setStationCondition(alarms::tech::DicomUnreachable,
                                        QStringLiteral("DICOM node %1 unreachable: %2").arg(node, reason),
                                        on);
        });
    };
    q->onLog = [](const QString &line) { qInfo("%s", qPrintable(line)); };
    q->onItemDone = [](const dicom::QueueItem &it) {
        if (it.state != QLatin1String("sent"))
            qWarning("DICOM: %s not sent: %s", qPrintable(it.source), qPrintable(it.lastError));
    };
    return q;
}

namespace {

constexpr qint64 kStripMs = 20'000;            // as the printed strip: at least 20 s from pre-trigger
constexpr qint64 kMaxDisclosureMs = 3'600'000; // one object holds at most an hour of full disclosure

QString nodeName(const DicomConfig &c)
{
    return QStringLiteral("%1@%2:%3%4")
        .arg(c.calledAe, c.host)
        .arg(c.port)
        .arg(c.tls ? QStringLiteral(" (TLS)") : QString());
}

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

std::pair<qint64, qint64> StationDicom::waveRange(const DicomState::Request &r, int preTriggerS, qint64 nowMs)
{
    if (r.kind == QLatin1String("strip")) {
        const qint64 trigger = r.triggerMs > 0 ? r.triggerMs : nowMs - kStripMs;
        const qint64 t1 = trigger - qint64(std::clamp(preTriggerS, 5, 30)) * 1000;
        return {t1, t1 + kStripMs};
    }
    if (r.kind == QLatin1String("disclosure") && r.toMs > r.fromMs)
        return {std::max(r.fromMs, r.toMs - kMaxDisclosureMs), r.toMs};
    return {0, 0};
}

StationDicom::StationDicom(const DicomConfig &config, Station *station, dicom::DicomQueue *queue,
                           const StationPrinting *printing, archive::Archive *archive,
                           const QString &archivePath, int stripPreTriggerS, QObject *parent)
    : QObject(parent), m_config(config), m_station(station), m_queue(queue), m_printing(printing),
      m_archive(archive), m_archivePath(archivePath), m_preTriggerS(stripPreTriggerS)
{
    m_pool.setMaxThreadCount(2); // a C-ECHO does not wait behind an hour of full disclosure
    m_workDir = QFileInfo(archivePath).absoluteDir().filePath(QStringLiteral("dicom-outgoing"));
    m_state.available = true;
    m_state.node = nodeName(config);
    station->dicomState()->publish(m_state);

    // The queue's worker thread -> the GUI thread: each object sent, or refused for good.
    QPointer<StationDicom> self = this;
    queue->onItemDone = [self, queue](const dicom::QueueItem &it) {
        if (it.state != QLatin1String("sent"))
            qWarning("DICOM: %s not sent: %s", qPrintable(it.source), qPrintable(it.lastError));
        const int pending = queue->pendingCount();
        const bool ok = it.state == QLatin1String("sent");
        const QString name = QFileInfo(it.source).completeBaseName();
        QMetaObject::invokeMethod(self,
                                  [self, ok, name, pending, why = it.lastError, uid = it.sopInstanceUid] {
                                      if (!self)
                                          return;
                                      if (self->m_refused.remove(uid) > 0)
                                          self->publishRefused();
                                      self->setPending(pending);
                                      self->finished(ok, ok ? tr("Sent to PACS: %1").arg(name)
                                                            : tr("PACS refused %1: %2").arg(name, why));
                                  });
    };
    // Refused by the node in a working association: it waits in the queue, the node's reason on screen.
    queue->onItemRefused = [self, queue](const dicom::QueueItem &it) {
        const int pending = queue->pendingCount();
        const QString name = QFileInfo(it.source).completeBaseName();
        QMetaObject::invokeMethod(self, [self, name, pending, why = it.lastError, uid = it.sopInstanceUid] {
            if (!self)
                return;
            self->m_refused.insert(uid, {name, why});
            self->publishRefused();
            self->setPending(pending);
            self->finished(false, tr("PACS refused %1, kept in the queue: %2").arg(name, why));
        });
    };
    queue->onAttempt = [self](const dicom::NetResult &assoc, int objects) {
        if (assoc.outcome == dicom::Outcome::Ok || assoc.noAcceptedClass) // refusals: onItemRefused
            return;
        QMetaObject::invokeMethod(self, [self, objects, why = assoc.reason] {
            if (self)
                self->finished(false,
                               tr("PACS not reached, %n object(s) wait: %1", nullptr, objects).arg(why));
        });
    };
    m_pool.start([self, queue] {
        const int pending = queue->pendingCount();
        const std::vector<dicom::QueueItem> refused = queue->refusedItems(); // also those of a past run
        QMetaObject::invokeMethod(self, [self, pending, refused] {
            if (!self)
                return;
            for (const dicom::QueueItem &it : refused)
                self->m_refused.insert(it.sopInstanceUid,
                                       {QFileInfo(it.source).completeBaseName(), it.refusedReason});
            self->publishRefused();
            self->setPending(pending);
        });
    });

    DicomState::Actions actions;
    actions.send = [this](const DicomState::Request &r) { return send(r); };
    actions.echo = [this] { echo(); };
    actions.retryNow = [this] { return retryNow(); };
    actions.discard = [this](const QString &uid) { return discard(uid); };
    station->dicomState()->setActions(std::move(actions));
}

StationDicom::~StationDicom()
{
    m_station->dicomState()->setActions({});
    m_cancel = true; // a report waiting for the GUI thread's chart hand-off gives up
    m_pool.waitForDone();
}

void StationDicom::setPending(int pending)
{
    m_state.pending = pending;
    m_station->dicomState()->publish(m_state);
}

void StationDicom::publishRefused()
{
    m_state.refusedObjects.clear();
    for (auto it = m_refused.cbegin(); it != m_refused.cend(); ++it) {
        m_state.refusedObjects << QVariantMap{{QStringLiteral("uid"), it.key()},
                                              {QStringLiteral("name"), it->name},
                                              {QStringLiteral("reason"), it->reason}};
    }
    m_station->dicomState()->publish(m_state);
}

QString StationDicom::retryNow()
{
    m_station->access()->audit(QStringLiteral("dicom_retry"), m_state.node);
    QPointer<StationDicom> self = this;
    m_pool.start([self, queue = m_queue] {
        queue->wake(); // every waiting object is due now; the worker sends them
        const int pending = queue->pendingCount();
        QMetaObject::invokeMethod(self, [self, pending] {
            if (!self)
                return;
            self->setPending(pending);
            if (pending > 0)
                self->finished(true, tr("Retrying %n waiting object(s) now", nullptr, pending));
        });
    });
    return {};
}

QString StationDicom::discard(const QString &uid)
{
    const auto found = m_refused.constFind(uid);
    if (found == m_refused.cend())
        return tr("This object is not waiting in the queue as refused");
    const Refused obj = *found;
    QString whyNot;
    if (!m_station->access()->allow(security::Permission::PrintExport, &whyNot, obj.name))
        return whyNot;
    const QString who = m_station->user().isEmpty() ? QStringLiteral("station") : m_station->user();
    QPointer<StationDicom> self = this;
    m_pool.start([self, queue = m_queue, uid, who, obj] {
        QString error;
        const bool ok = queue->discard(uid, who, &error);
        const int pending = queue->pendingCount();
        QMetaObject::invokeMethod(self, [self, ok, error, uid, who, obj, pending] {
            if (!self)
                return;
            if (ok) {
                self->m_refused.remove(uid);
                self->publishRefused();
                const QString details =
                    QStringLiteral(
                        "SOP Instance %1 discarded from the queue to %2; the node had refused it: %3")
                        .arg(uid, self->m_state.node, obj.reason);
                self->m_station->access()->audit(QStringLiteral("dicom_discard"), obj.name, details);
                self->record(QStringLiteral("discard %1 by %2: %3").arg(obj.name, who, details));
            }
            self->setPending(pending);
            self->finished(ok, ok ? tr("Discarded %1; it will not be sent").arg(obj.name)
                                  : tr("Not discarded: %1").arg(error));
        });
    });
    return {};
}

void StationDicom::finished(bool ok, const QString &text)
{
    m_state.lastOk = ok;
    m_state.lastResult =
        QStringLiteral("%1  %2").arg(QTime::currentTime().toString(QStringLiteral("HH:mm")), text);
    m_station->dicomState()->publish(m_state);
}

void StationDicom::record(const QString &text)
{
    if (m_archive)
        m_archive->storeEvent(QString(), QDateTime::currentMSecsSinceEpoch(), QStringLiteral("dicom_send"),
                              text);
}

QString StationDicom::send(const DicomState::Request &r)
{
    const auto kind = reports::kindFromName(r.kind);
    if (!kind)
        return tr("Unknown report '%1'").arg(r.kind);
    const bool wave = *kind == reports::ReportKind::Strip || *kind == reports::ReportKind::Disclosure;
    if (wave && r.bedKey.isEmpty())
        return tr("Choose a bed first");
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto range = waveRange(r, m_preTriggerS, now);
    if (wave && range.second <= range.first)
        return tr("Choose a time range first");
    if (!wave && !m_printing)
        return tr("Reports need the archive");
    QString whyNot;
    if (!m_station->access()->allow(security::Permission::PrintExport, &whyNot, r.bedKey))
        return whyNot;
    m_station->access()->audit(QStringLiteral("dicom_send"), r.bedKey, r.kind);
    const reports::ReportRequest report =
        wave ? reports::ReportRequest{} : m_printing->request(*kind, r.bedKey, r.fromMs, r.toMs, r.triggerMs);
    const QString who = m_station->user().isEmpty() ? QStringLiteral("station") : m_station->user();
    const QString what = wave ? QStringLiteral("%1 %2 %3-%4")
                                    .arg(r.kind, r.bedKey, timeText(range.first), timeText(range.second))
                              : QStringLiteral("%1 report %2").arg(r.kind, r.bedKey);
    record(QStringLiteral("send %1 by %2 -> %3: building").arg(what, who, m_state.node));
    ++m_state.working;
    m_station->dicomState()->publish(m_state);

    QPointer<StationDicom> self = this;
    m_pool.start([self, r, wave, range, report, what, who, config = m_config, queue = m_queue,
                  archivePath = m_archivePath, workDir = m_workDir, cancel = &m_cancel] {
        QString error;
        QString label;
        QStringList files; // the objects built, in the order they are queued
        bool ok = false;
        QDir().mkpath(workDir);
        const QString stem = QStringLiteral("%1/%2-%3-%4")
                                 .arg(workDir, r.kind, r.bedKey.isEmpty() ? QStringLiteral("ward") : r.bedKey,
                                      QString::number(QDateTime::currentMSecsSinceEpoch()));
        const QString out = stem + QStringLiteral(".dcm");
        dicom::WriterOptions o;
        o.uidRoot = config.uidRoot;
        o.softwareVersion = QStringLiteral(VIGIL_VERSION);
        o.stationName = config.callingAe;
        dicom::WriteResult res;
        auto reader = archive::ArchiveReader::open(archivePath, &error);
        std::optional<archive::BedRecord> bed;
        if (reader && !r.bedKey.isEmpty()) {
            bed = reader->findBed(r.bedKey, &error);
            if (!bed && error.isEmpty())
                error = reader->lastError();
        }
        if (reader && (bed || r.bedKey.isEmpty())) {
            if (wave) {
                // Every kind the range holds: ECG, pressures, pleth, respiration, CO2 (one object each).
                std::vector<dicom::WriteResult> set;
                QStringList skipped;
                ok = dicom::writeWaveformSet(*reader, *bed, range.first * 1000, range.second * 1000, o, stem,
                                             &set, &skipped, &error);
                for (const QString &why : skipped)
                    qWarning("DICOM: %s: %s", qPrintable(bed->label), qPrintable(why));
                QStringList kinds;
                for (const dicom::WriteResult &w : set)
                    kinds << dicom::sopClassName(w.sopClassUid);
                label = QStringLiteral("%1 %2").arg(kinds.join(QStringLiteral(", ")), bed->label);
                for (const dicom::WriteResult &w : set)
                    files << w.path;
            } else {
                const QString pdf = stem + QStringLiteral(".pdf");
                const reports::ReportResult rr = reports::renderPdf(report, pdf, {}, cancel);
                if (!rr.ok) {
                    error = rr.error;
                } else {
                    const qint64 at = report.toMs > 0 ? report.toMs : QDateTime::currentMSecsSinceEpoch();
                    const dicom::Identity id =
                        bed ? dicom::identityFor(*reader, *bed, at - 1, at + 1) : dicom::Identity{};
                    const QString title = QStringLiteral("Vigil %1 report").arg(r.kind);
                    ok = dicom::writeEncapsulatedPdf(pdf, id, at, title, o, out, &res, &error);
                    files << out;
                    label = bed ? QStringLiteral("%1 %2").arg(title, bed->label) : title;
                }
                QFile::remove(pdf);
            }
        }
        bool duplicate = !files.isEmpty();
        for (const QString &file : files) {
            bool dup = false;
            if (ok)
                ok = queue->enqueue(file, &error, &dup);
            duplicate = duplicate && dup; // "already queued" only when every object was
            QFile::remove(file);          // the queue keeps its own copy
        }
        const int pending = queue->pendingCount();
        QMetaObject::invokeMethod(self, [self, ok, duplicate, label, error, what, who, pending] {
            if (!self)
                return;
            --self->m_state.working;
            self->setPending(pending);
            const QString text = !ok         ? tr("Not sent: %1").arg(error)
                                 : duplicate ? tr("Already queued or sent: %1").arg(label)
                                             : tr("Queued for PACS: %1").arg(label);
            self->finished(ok, text);
            self->record(QStringLiteral("send %1 by %2 -> %3: %4")
                             .arg(what, who, self->m_state.node, ok ? QStringLiteral("queued") : error));
        });
    });
    return {};
}

void StationDicom::echo()
{
    if (m_state.echoBusy)
        return;
    m_state.echoBusy = true;
    m_state.echoResult = tr("Testing %1\u2026").arg(m_state.node);
    m_station->dicomState()->publish(m_state);
    QPointer<StationDicom> self = this;
    m_pool.start([self, peer = dicomPeer(m_config), node = m_state.node] {
        QElapsedTimer t;
        t.start();
        const dicom::NetResult res = dicom::echo(peer);
        const qint64 ms = t.elapsed();
        QMetaObject::invokeMethod(self, [self, res, ms, node] {
            if (!self)
                return;
            self->m_state.echoBusy = false;
            self->m_state.echoResult =
                res.outcome == dicom::Outcome::Ok
                    ? tr("%1 answered C-ECHO in %2 ms").arg(node).arg(ms)
                    : tr("%1: %2 (%3)").arg(node, res.reason, dicom::outcomeName(res.outcome));
            self->m_station->dicomState()->publish(self->m_state);
        });
    });
}

} // namespace vigil
