// Station: the model layer's face to the UI. Owns the ward, its Qt models and the drain timer that moves
// queued source data into the models in batches. Exposed to QML as the `Station` singleton by ui/
// (models/ itself knows nothing of QML).
//
// The edge to QML stays narrow: the station's identity and its models, and one focused object per concern,
// each a CONSTANT property: `alarmBar` (AlarmBarState), `audio` (AudioState), `display` (the
// DisplaySettings gadget). Later parts add theirs the same way (`census`, `reports`, `session`) instead of
// growing Station's own property list.
#pragma once

#include "Access.h"
#include "AlarmBarState.h"
#include "AlarmEngine.h"
#include "AlarmListModel.h"
#include "AudioState.h"
#include "Census.h"
#include "ClusterState.h"
#include "DicomState.h"
#include "DisplaySettings.h"
#include "News2Board.h"
#include "PrintState.h"
#include "UiSettings.h"
#include "Ward.h"
#include "WardModel.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace vigil {

class Station : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString stationName READ stationName CONSTANT)
    Q_PROPERTY(QString wardName READ wardName CONSTANT)
    Q_PROPERTY(vigil::WardModel *beds READ wardModel CONSTANT)
    Q_PROPERTY(vigil::SourcesModel *sources READ sourcesModel CONSTANT)
    Q_PROPERTY(vigil::DisplaySettings display READ display CONSTANT)
    Q_PROPERTY(vigil::alarms::AlarmListModel *alarms READ alarmList CONSTANT)
    Q_PROPERTY(vigil::AlarmBarState *alarmBar READ alarmBar CONSTANT)
    Q_PROPERTY(vigil::AudioState *audio READ audioState CONSTANT)
    Q_PROPERTY(vigil::PrintState *printing READ printState CONSTANT)
    Q_PROPERTY(vigil::DicomState *dicom READ dicomState CONSTANT)
    Q_PROPERTY(vigil::scores::News2Board *news READ news CONSTANT)
    Q_PROPERTY(vigil::ClusterState *cluster READ cluster CONSTANT) // issue 16: remote beds, cluster link
    Q_PROPERTY(vigil::census::Census *census READ census CONSTANT)
    Q_PROPERTY(QString archiveProblem READ archiveProblem NOTIFY archiveProblemChanged)
    Q_PROPERTY(QString user READ user WRITE setUser NOTIFY userChanged)
    Q_PROPERTY(vigil::security::Access *access READ access CONSTANT) // sign-in, roles, lock (issue 12)
    Q_PROPERTY(vigil::UiSettings *ui READ uiSettings CONSTANT)       // language, keyboard, restart note
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

    // Runs one drain now (the timer does this periodically; tests call it directly).
    void drainNow();
    void start();

    // Alarms (IEC 60601-1-8). Every user action is audited with user().
    alarms::AlarmEngine *alarmEngine() const { return m_engine.get(); }
    alarms::AlarmListModel *alarmList() const { return m_alarmList; }
    AlarmBarState *alarmBar() const { return m_alarmBar; }
    AudioState *audioState() const { return m_audioState; }
    PrintState *printState() const { return m_printState; }
    DicomState *dicomState() const { return m_dicomState; }
    ClusterState *cluster() const { return m_cluster; }
    UiSettings *uiSettings() const { return m_uiSettings; }
    // NEWS2 for every bed (docs/EWS.md): inputs from the drained numerics and the nurse's entries; its
    // thresholds and the deterioration trend become derived conditions of the alarm engine.
    scores::News2Board *news() const { return m_news; }
    census::Census *census() const { return m_census; } // stays, conflicts, ADT actions (docs/ADT.md)
    // The engine's audio decision as of the last evaluation, for the audio player (see audioChanged).
    const alarms::AudioDecision &audio() const { return m_audio; }
    QString user() const { return m_user; }
    security::Access *access() const { return m_access; } // the user property follows its session
    void setUser(const QString &user);
    QString archiveProblem() const { return m_archiveProblem; }
    // The composition root reports archive health here: a problem becomes a technical alarm and a banner;
    // live monitoring continues regardless.
    void setArchiveProblem(const QString &problem);
    // Technical conditions of the station itself (alert manager unreachable, a listener in trouble...).
    // Today only the window tests call it (tst_layout); kept on purpose as the one entry for the station's
    // own conditions, which the link layer's listener watchdog (issue 9) raises.
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
    bool acknowledgeTop(); // the alarm bar's condition (QML: Station.alarmBar.acknowledgeTop())
    bool pauseAudio();     // QML: Station.audio.pause()
    void cancelAudioPause();
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

    // I-PASS handover of a bed (issue 10): illness severity ("stable", "watcher", "unstable", or "" = not
    // assessed) and the nurse's action list / notes, saved by user(). The composition root stores it in the
    // archive (handoverSaved), where the shift reports read it. Returns "" when saved, else why not.
    Q_INVOKABLE QString setHandover(int row, const QString &severity, const QString &notes);
    // {severity, notes, user, timeMs}; empty when nothing was saved since the station started.
    Q_INVOKABLE QVariantMap handover(int row) const;

signals:
    void drained();
    void alarmsChanged(); // after every evaluation that published (alarmBar and audio say what changed)
    void audioChanged();  // the pattern, its generation or the audio pause changed: the player must follow
    void escalationActionsReady();
    void alarmsEvaluated(); // after every evaluation (the archive records lifecycle steps from it)
    void archiveProblemChanged();
    void userChanged();
    // A handover was saved (the archive stores it) / a station limit was changed by user (the archive
    // records who changed what, for the shift report).
    void handoverSaved(const QString &bedKey, const QString &severity, const QString &notes,
                       const QString &user, qint64 timeMs);
    void limitChanged(const QString &bedKey, const QString &numericKey, double low, double high,
                      const QString &user, qint64 timeMs);

private:
    QString m_stationName;
    QString m_wardName;
    DisplaySettings m_display;
    std::unique_ptr<Ward> m_ward;
    WardModel *m_wardModel;
    SourcesModel *m_sourcesModel;
    QTimer m_drainTimer;

    void feedAlarms(const DrainResult &result, qint64 nowMs);
    void publishAlarmState(qint64 nowMs);
    void feedNews(DrainResult &result, qint64 nowMs);
    void updateNews(qint64 nowMs, std::vector<int> &changed);
    void newsConditions(qint64 nowMs);
    scores::News2Board *m_news = nullptr;
    census::Census *m_census = nullptr;
    std::unique_ptr<alarms::AlarmEngine> m_engine;
    alarms::AlarmListModel *m_alarmList;
    QTimer m_deadline; // fires at the engine's next deadline, so escalations are on time to the ms
    AlarmBarState *m_alarmBar;
    AudioState *m_audioState;
    PrintState *m_printState = new PrintState(this); // filled by the composition root (app/PrintWiring)
    DicomState *m_dicomState = new DicomState(this); // filled by the composition root (app/DicomWiring)
    security::Access *m_access = new security::Access(this);    // wired by app/SecurityWiring
    bool permit(security::Permission p, const QString &target); // the gate, with the refusal audited
    // filled by app/ClusterWiring (issue 16)
    ClusterState *m_cluster = new ClusterState(this);
    UiSettings *m_uiSettings = new UiSettings(this); // filled by the composition root (app/UiWiring)
    alarms::AudioDecision m_audio;
    QString m_user;
    QString m_archiveProblem;
    QHash<QString, bool> m_linkDown; // per source: a technical condition is raised
    QHash<QString, bool> m_hadConnection;
    QHash<QString, qint64> m_dataTimeoutMs;  // per listened source
    QHash<QString, qint64> m_lastDownMs;     // per source: last drain it was down
    QHash<QString, qint64> m_lastQuietMs;    // per bed: last drain it showed NO DATA
    QHash<QString, QString> m_engineSource;  // per bed: the source the engine knows for it
    QHash<QString, QVariantMap> m_handovers; // per bed key: the last handover saved here
};

} // namespace vigil
