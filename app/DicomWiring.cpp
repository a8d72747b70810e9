#include "DicomWiring.h"

#include "Alarm.h"
#include "Station.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QStandardPaths>

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

} // namespace vigil
