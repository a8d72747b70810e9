// The station's printing (issue 10), wired in the composition root: the print queue (services/print) with
// the [print] settings, its printer-unavailable condition raised as a LOW technical alarm
// (Station::setStationCondition "printer_unavailable"), its audit steps recorded as archive events, the
// UI's Station.printing state and actions, alarm-strip auto-print and the shift schedule's ward summary.
#pragma once

#include "PrintQueue.h"
#include "ShiftSchedule.h"
#include "StationConfig.h"

#include <QHash>
#include <QObject>
#include <QTimer>

class QQmlEngine;

#include <memory>

namespace vigil {

namespace archive {
class Archive;
}

class StationPrinting : public QObject
{
public:
    // archivePath: the archive the reports read; the job store sits beside it unless [print] queue_path.
    StationPrinting(const StationConfig &config, Station *station, archive::Archive *archive,
                    const QString &archivePath, QObject *parent = nullptr);
    ~StationPrinting() override;

    void start();
    void stop();
    print::PrintQueue *queue() const { return m_queue.get(); }
    QString storePath() const { return m_storePath; }
    // Reports as the station builds them: archive, ward, paper from the station file.
    reports::ReportRequest request(reports::ReportKind kind, const QString &bedKey, qint64 fromMs,
                                   qint64 toMs, qint64 triggerMs = 0) const;
    QString reportDir() const { return m_reportDir; }
    // Gives the engine's print previews (ui ReportPreview) their pages: reports::renderImages of the
    // request() this station would print.
    void installPreview(QQmlEngine &engine) const;

    // Called after every alarm evaluation: queues a strip for each ended alarm of an auto-print priority.
    void onAlarmsEvaluated();
    // The shift change at `changeMs`: the ward summary of the shift that ended there, as a PDF (and paper).
    void onShiftChange(qint64 changeMs);

private:
    void scheduleNextShift();
    void publish();

    StationConfig m_config;
    Station *m_station;
    archive::Archive *m_archive;
    QString m_archivePath;
    QString m_storePath;
    QString m_reportDir;
    std::unique_ptr<print::PrintQueue> m_queue;
    print::ShiftSchedule m_shifts;
    QTimer m_shiftTimer;
    qint64 m_nextShiftMs = 0;
    QHash<QString, bool> m_stripSeen; // alarm id -> its strip is queued (or the alarm is not eligible)
    QString m_lastExport;
};

} // namespace vigil
