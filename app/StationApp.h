// Composition root: builds the ward and station from a StationConfig, creates the configured sources,
// runs each on its own worker thread, and tears them down in the right order (sources before the ward
// they feed).
#pragma once

#include "AdtWiring.h"
#include "AlertManagerLink.h"
#include "Archive.h"
#include "ClusterWiring.h"
#include "DicomWiring.h"
#include "DurableStore.h"
#include "EcgWiring.h"
#include "GatewaySource.h"
#include "PrintWiring.h"
#include "SecurityWiring.h"
#include "Station.h"
#include "StationConfig.h"

#include <QObject>
#include <QThread>

#include <memory>
#include <vector>

namespace vigil {

class StationApp : public QObject
{
    Q_OBJECT
public:
    explicit StationApp(StationConfig config, QObject *parent = nullptr);
    ~StationApp() override;

    // Creates the model layer and the sources (not yet running). On a bad source (unreadable WFDB
    // record, bad scenario) returns false with a message naming it.
    bool build(QString *error);
    void start();
    void stop();

    Station *station() const { return m_station.get(); }
    archive::Archive *archive() const { return m_archive.get(); }
    QString archivePath() const { return m_archivePath; }
    dicom::DicomQueue *dicomQueue() const { return m_dicomQueue.get(); }
    StationPrinting *printing() const { return m_printing.get(); } // null without an archive
    AdtWiring *adt() const { return m_adt.get(); }                 // the census (docs/ADT.md)

private:
    bool addSource(const SourceConfig &cfg, QString *error);
    void openArchive();
    bool startAlertManager(QString *error);
    void sendEscalations();
    void recordAlarmSteps();
    void recordNews2();

    struct Running
    {
        std::unique_ptr<QThread> thread;
        GatewaySource *source = nullptr; // deleted on its thread's finish
    };
    StationConfig m_config;
    std::unique_ptr<Station> m_station;
    std::vector<Running> m_sources;
    bool m_started = false;
    // Where gateway sessions hand messages for safekeeping before they ACK: the archive once open, else
    // null (the in-memory model only).
    DurableStore *m_durableStore = nullptr;
    std::unique_ptr<DurableStore>
        m_unavailableStore; // archive configured but not openable: nothing is durable
    std::unique_ptr<archive::Archive> m_archive;
    QString m_archivePath;
    std::unique_ptr<IngestSink> m_archivingSink; // for in-process sources: ward + archive
    // Last archived view of each alarm condition, to record lifecycle steps (start, ack, end, reset...).
    struct AlarmSeen
    {
        int state = -1;
        bool acknowledged = false;
        bool escalated = false;
        qint64 resetMs = 0;
    };
    QHash<QString, AlarmSeen> m_alarmSeen;
    std::unique_ptr<QThread> m_alertThread;
    AlertManagerLink *m_alertManager = nullptr;      // lives on m_alertThread
    std::unique_ptr<dicom::DicomQueue> m_dicomQueue; // [dicom] store-and-forward (DicomWiring.h)
    std::unique_ptr<StationPrinting> m_printing;
    std::unique_ptr<StationDicom> m_dicom;   // Station.dicom: send to PACS, C-ECHO (before the queue goes)
    std::unique_ptr<AdtWiring> m_adt;        // the census and the ADT feed (own thread)
    std::unique_ptr<EcgWiring> m_ecg;        // central ECG analysis: taps every source's updates
    QHash<QString, QString> m_news2Archived; // per bed: the NEWS2 record last archived

    // Users, access, audit (issue 12); declared after m_station, so it goes first.
    std::unique_ptr<StationSecurity> m_security;
    // [cluster] (issue 16): taps every source, shows remote beds
    std::unique_ptr<ClusterWiring> m_cluster;
};

} // namespace vigil
