// Station: the model layer's face to the UI. Owns the ward, its Qt models and the drain timer that moves
// queued source data into the models in batches. Exposed to QML as the `Station` singleton by ui/
// (models/ itself knows nothing of QML).
#pragma once

#include "AlarmEngine.h"
#include "AlarmListModel.h"
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
    Q_PROPERTY(vigil::alarms::AlarmListModel *alarms READ alarmList CONSTANT)
    Q_PROPERTY(int highestPriority READ highestPriority NOTIFY alarmsChanged)
    Q_PROPERTY(QString topAlarmId READ topAlarmId NOTIFY alarmsChanged)
    Q_PROPERTY(QString topAlarmText READ topAlarmText NOTIFY alarmsChanged)
    Q_PROPERTY(QString topAlarmBed READ topAlarmBed NOTIFY alarmsChanged)
    Q_PROPERTY(QString topAlarmPatient READ topAlarmPatient NOTIFY alarmsChanged)
    Q_PROPERTY(QString topAlarmCondition READ topAlarmCondition NOTIFY alarmsChanged)
    Q_PROPERTY(QString topAlarmValues READ topAlarmValues NOTIFY alarmsChanged)
    Q_PROPERTY(int unacknowledgedCount READ unacknowledgedCount NOTIFY alarmsChanged)
    Q_PROPERTY(int pausedBedCount READ pausedBedCount NOTIFY alarmsChanged)
    Q_PROPERTY(int topAlarmPriority READ topAlarmPriority NOTIFY alarmsChanged)
    Q_PROPERTY(bool topAlarmAcknowledged READ topAlarmAcknowledged NOTIFY alarmsChanged)
    Q_PROPERTY(int signallingCount READ signallingCount NOTIFY alarmsChanged)
    Q_PROPERTY(bool escalated READ escalated NOTIFY alarmsChanged)
    Q_PROPERTY(bool audioPaused READ audioPaused NOTIFY alarmsChanged)
    Q_PROPERTY(int audioPauseRemaining READ audioPauseRemaining NOTIFY alarmsChanged)
    Q_PROPERTY(int audioPattern READ audioPattern NOTIFY alarmsChanged)
    Q_PROPERTY(QString archiveProblem READ archiveProblem NOTIFY archiveProblemChanged)
    Q_PROPERTY(QString user READ user WRITE setUser NOTIFY userChanged)
public:
    Station(QString stationName, QString wardName, DisplaySettings display, std::unique_ptr<Ward> ward,
            QObject *parent = nullptr, alarms::AlarmConfig alarmConfig = {});
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

    // Alarms (IEC 60601-1-8). Every user action is audited with user().
    alarms::AlarmEngine *alarmEngine() const { return m_engine.get(); }
    alarms::AlarmListModel *alarmList() const { return m_alarmList; }
    int highestPriority() const { return static_cast<int>(m_engine->highestPriority()); }
    QString topAlarmId() const { return m_top.id; }
    QString topAlarmText() const { return m_top.text; }
    QString topAlarmBed() const { return m_top.bed; }
    QString topAlarmPatient() const { return m_top.patient; }
    QString topAlarmCondition() const { return m_top.condition; }
    QString topAlarmValues() const { return m_top.values; }
    int unacknowledgedCount() const { return m_unacknowledged; }
    int pausedBedCount() const { return m_pausedBeds; }
    int topAlarmPriority() const { return m_top.priority; }
    bool topAlarmAcknowledged() const { return m_top.acknowledged; }
    int signallingCount() const { return m_signalling; }
    bool escalated() const { return m_engine->anyEscalated(); }
    bool audioPaused() const { return m_audio.paused; }
    int audioPauseRemaining() const;
    int audioPattern() const { return static_cast<int>(m_audio.pattern); }
    const alarms::AudioDecision &audio() const { return m_audio; }
    QString user() const { return m_user; }
    void setUser(const QString &user);
    QString archiveProblem() const { return m_archiveProblem; }
    // The composition root reports archive health here: a problem becomes a technical alarm and a banner;
    // live monitoring continues regardless.
    void setArchiveProblem(const QString &problem);
    // Technical conditions of the station itself (alert manager unreachable, ...).
    void setStationCondition(const QString &code, const QString &text, bool active);
    // How long a listened gateway may send nothing before its link counts as down (per source; default
    // 30 s). Dialled links are judged by their connection and heartbeat.
    void setSourceDataTimeout(const QString &sourceId, double seconds);
    static constexpr qint64 kDefaultDataTimeoutMs = 30'000;
    // A wave gap this soon after the bed or its link was silent belongs to that outage, not to live data.
    static constexpr qint64 kOutageGapGraceMs = 2'000;
    // Re-evaluates alarms now (after user actions, and at the engine's next deadline).
    void evaluateAlarms();

    Q_INVOKABLE bool acknowledge(const QString &alarmId);
    Q_INVOKABLE int acknowledgeBed(int row);
    Q_INVOKABLE bool acknowledgeTop();
    Q_INVOKABLE bool pauseAudio();
    Q_INVOKABLE void cancelAudioPause();
    Q_INVOKABLE bool pauseAlarms(int row);
    Q_INVOKABLE void resumeAlarms(int row);
    Q_INVOKABLE bool reset(const QString &alarmId);
    Q_INVOKABLE int resetBed(int row);
    // Returns an empty string when applied, else why not (e.g. the bedside device governs it).
    Q_INVOKABLE QString setLimit(int row, const QString &numericKey, double low, double high);
    // {low, high (NaN = off), source "device"|"station", custom, editable, label, unit, decimals}
    Q_INVOKABLE QVariantMap limits(int row, const QString &numericKey) const;
    Q_INVOKABLE QStringList limitKeys() const; // every numeric, in display order
    Q_INVOKABLE void restoreDefaultLimits(int row);

signals:
    void drained();
    void alarmSummaryChanged();
    void alarmsChanged();
    void audioChanged(); // the pattern, its generation or the audio pause changed: the player must follow
    void escalationActionsReady();
    void alarmsEvaluated(); // after every evaluation (the archive records lifecycle steps from it)
    void archiveProblemChanged();
    void userChanged();

private:
    QString m_stationName;
    QString m_wardName;
    DisplaySettings m_display;
    std::unique_ptr<Ward> m_ward;
    WardModel *m_wardModel;
    SourcesModel *m_sourcesModel;
    QTimer m_drainTimer;
    QString m_alarmSummary;

    void feedAlarms(const DrainResult &result, qint64 nowMs);
    void publishAlarmState(qint64 nowMs);
    std::unique_ptr<alarms::AlarmEngine> m_engine;
    alarms::AlarmListModel *m_alarmList;
    QTimer m_deadline; // fires at the engine's next deadline, so escalations are on time to the ms
    struct Top
    {
        QString id, text, bed, patient, condition, values;
        int priority = 0;
        bool acknowledged = false;
        bool operator==(const Top &) const = default;
    } m_top;
    int m_signalling = 0;
    int m_unacknowledged = 0;
    int m_pausedBeds = 0;
    alarms::AudioDecision m_audio;
    quint64 m_engineRevision = ~0ULL;
    QString m_user;
    QString m_archiveProblem;
    QHash<QString, bool> m_linkDown; // per source: a technical condition is raised
    QHash<QString, bool> m_hadConnection;
    QHash<QString, qint64> m_dataTimeoutMs; // per listened source
    QHash<QString, qint64> m_lastDownMs;    // per source: last drain it was down
    QHash<QString, qint64> m_lastQuietMs;   // per bed: last drain it showed NO DATA
    QHash<QString, QString> m_engineSource; // per bed: the source the engine knows for it
};

} // namespace vigil
