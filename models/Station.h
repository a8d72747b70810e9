// Station: the model layer's face to the UI. Owns the ward, its Qt models and the drain timer that moves
// queued source data into the models in batches. Exposed to QML as the `Station` singleton by ui/
// (models/ itself knows nothing of QML).
#pragma once

#include "Ward.h"
#include "WardModel.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace vigil {

struct DisplaySettings
{
    double ecgSweepMmPerS = 25.0;
    double respSweepMmPerS = 6.25;
    double pixelsPerMm = 0.0; // 0 = from the screen's physical DPI
    int maxFps = 60;          // per-window frame cap for the live waves
    int columns = 0;          // 0 = choose from the window's shape and the bed count
    int numericsRefreshMs = 250;
    double displayDelayS = 0.3; // waves are played out this much behind the newest sample, for smooth sweeps
};

class Station : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString stationName READ stationName CONSTANT)
    Q_PROPERTY(QString wardName READ wardName CONSTANT)
    Q_PROPERTY(vigil::WardModel *beds READ wardModel CONSTANT)
    Q_PROPERTY(vigil::SourcesModel *sources READ sourcesModel CONSTANT)
    Q_PROPERTY(double ecgSweepMmPerS READ ecgSweep CONSTANT)
    Q_PROPERTY(double respSweepMmPerS READ respSweep CONSTANT)
    Q_PROPERTY(double pixelsPerMm READ pixelsPerMm CONSTANT)
    Q_PROPERTY(int maxFps READ maxFps CONSTANT)
    Q_PROPERTY(int columns READ columns CONSTANT)
    Q_PROPERTY(double displayDelay READ displayDelay CONSTANT)
    Q_PROPERTY(QString alarmSummary READ alarmSummary NOTIFY alarmSummaryChanged)
    Q_PROPERTY(qulonglong unknownBedMessages READ unknownBedMessages NOTIFY drained)
public:
    Station(QString stationName, QString wardName, DisplaySettings display, std::unique_ptr<Ward> ward,
            QObject *parent = nullptr);
    ~Station() override;

    QString stationName() const { return m_stationName; }
    QString wardName() const { return m_wardName; }
    Ward *ward() const { return m_ward.get(); }
    WardModel *wardModel() const { return m_wardModel; }
    SourcesModel *sourcesModel() const { return m_sourcesModel; }
    const DisplaySettings &display() const { return m_display; }
    double ecgSweep() const { return m_display.ecgSweepMmPerS; }
    double respSweep() const { return m_display.respSweepMmPerS; }
    double pixelsPerMm() const { return m_display.pixelsPerMm; }
    int maxFps() const { return m_display.maxFps; }
    int columns() const { return m_display.columns; }
    double displayDelay() const { return m_display.displayDelayS; }
    QString alarmSummary() const { return m_alarmSummary; }
    qulonglong unknownBedMessages() const { return m_ward->unknownBedMessages(); }

    // Runs one drain now (the timer does this periodically; tests call it directly).
    void drainNow();
    void start();

signals:
    void drained();
    void alarmSummaryChanged();

private:
    QString m_stationName;
    QString m_wardName;
    DisplaySettings m_display;
    std::unique_ptr<Ward> m_ward;
    WardModel *m_wardModel;
    SourcesModel *m_sourcesModel;
    QTimer m_drainTimer;
    QString m_alarmSummary;
};

} // namespace vigil
