// The census wired into the station (docs/ADT.md): the ADT engine and its links on their own thread,
// Station.census's actions run there and answer on the GUI thread, data on a bed with no stay opens an
// unadmitted stay, a gateway naming another patient than the bed's stay raises the "patient identity
// mismatch" technical condition, and stays not from ADT are discharged N hours after their last data.
#pragma once

#include "AdtConfig.h"
#include "AdtEngine.h"
#include "AdtLink.h"
#include "Census.h"
#include "EhrLink.h"
#include "Station.h"

#include <QHash>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <memory>
#include <vector>

namespace vigil {

namespace archive {
class Archive;
}

class AdtWiring : public QObject, public census::CensusBackend
{
    Q_OBJECT
public:
    // archivePath empty: the census lives in memory (--no-archive). bedKeys: the station's beds.
    AdtWiring(const AdtConfig &config, const EhrConfig &ehr, Station *station, const QString &archivePath,
              QObject *parent = nullptr);
    ~AdtWiring() override;

    // Opens the census file and prepares the links; false with the reason (a bad URL or certificate).
    bool build(QString *error);
    void start();
    void stop();

    adt::AdtEngine *engine() { return m_engine.get(); }
    // The archive the census's stays are recorded in (null: --no-archive): admissions name the archive
    // stay's patient, discharges end it, so reports, exports and review find the stay by patient.
    void setArchive(archive::Archive *archive) { m_archive = archive; }
    QString storePath() const;
    // Ports the listeners got (tests listen on port 0); filled once they listen.
    QList<quint16> ports() const;

    // CensusBackend (GUI thread in, GUI thread out).
    void admit(const QString &bedKey, const census::PatientIdentity &p, Done done) override;
    void update(const QString &bedKey, const census::PatientIdentity &p, Done done) override;
    void transfer(const QString &fromBed, const QString &toBed, Done done) override;
    void discharge(const QString &bedKey, Done done) override;
    void resolveConflict(qint64 id, Done done) override;
    void search(const QString &text, std::function<void(std::vector<census::Stay>)> done) override;
    std::vector<census::VitalEntry> currentVitals(const QString &bedKey) override;
    void chart(const QString &bedKey, std::vector<census::VitalEntry> values, Done done) override;
    // Automatic charting (OBX-11 R) of every admitted bed's current vitals; the [ehr] timer calls it.
    void autoChart();

signals:
    void listening(quint16 port);

private:
    void onWorker(std::function<census::ApplyResult()> action, Done done);
    void refresh();
    void poll(); // after each drain: data on beds, identity mismatches
    // After each census change: each bed's admitted patient (what screens and reports show), the archive's
    // stays, and a discharged bed's limits back to its profile's defaults.
    void syncBeds();
    adt::BedMap bedMap() const;

    AdtConfig m_config;
    Station *m_station;
    QString m_archivePath;
    std::unique_ptr<adt::AdtEngine> m_engine;
    QThread m_thread;
    QObject *m_worker = nullptr;         // lives on m_thread: runs actions
    std::vector<adt::AdtLink *> m_links; // live on m_thread
    QList<quint16> m_ports;
    QTimer m_autoDischarge;
    EhrConfig m_ehrConfig;
    ehr::EhrLink *m_ehr = nullptr; // lives on m_thread
    QTimer m_autoChart;
    QHash<QString, qint64> m_dataSeen; // bed -> last data time reported to the engine
    QHash<QString, bool> m_mismatchOn;
    bool m_refreshQueued = false;
    archive::Archive *m_archive = nullptr;
    QHash<QString, QString> m_archived; // bed -> identity last given to the archive (empty: none)
    QHash<QString, qint64> m_stayIds;   // bed -> census stay id last seen (any source)
};

} // namespace vigil
