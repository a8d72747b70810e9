// The station's link to the hospital's DICOM node ([dicom] enabled = true), wired in the composition root:
// the store-and-forward queue opened beside the archive (its worker thread sends; an unreachable node
// becomes the technical condition "dicom_unreachable" with the reason), and StationDicom, which gives the
// UI's Station.dicom its state and its actions: "Send to PACS" (the object built from the archive on a
// worker thread, then queued), "Test connection" (C-ECHO off the GUI thread), "Retry now" and "Discard"
// of a refused object (both on the pool, never waiting for the queue on the GUI thread). docs/DICOM.md.
#pragma once

#include "DicomConfig.h"
#include "DicomQueue.h"
#include "DicomState.h"

#include <QMap>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace vigil {

class Station;
class StationPrinting;
namespace archive {
class Archive;
}

// Null (and *error set) when the queue cannot be opened; null without error when [dicom] is disabled.
std::unique_ptr<dicom::DicomQueue> openDicomQueue(const DicomConfig &config, const QString &archivePath,
                                                  Station *station, QString *error);

dicom::Peer dicomPeer(const DicomConfig &config);

class StationDicom : public QObject
{
    Q_OBJECT
public:
    // queue: open (not yet started). printing: builds the reports sent as Encapsulated PDF (null: only
    // waveform objects). archive: where each send is recorded as a "dicom_send" event (may be null).
    StationDicom(const DicomConfig &config, Station *station, dicom::DicomQueue *queue,
                 const StationPrinting *printing, archive::Archive *archive, const QString &archivePath,
                 int stripPreTriggerS, QObject *parent = nullptr);
    ~StationDicom() override; // cancels the builds under way and waits for them

    // The range a waveform object of `kind` covers: a strip is [trigger - pre-trigger, +20 s]; a
    // full-disclosure range is the given one, at most an hour. {0, 0} when the request has no range.
    static std::pair<qint64, qint64> waveRange(const DicomState::Request &r, int preTriggerS, qint64 nowMs);

private:
    QString send(const DicomState::Request &r);
    void echo();
    QString retryNow();
    QString discard(const QString &uid);
    void publishRefused();                       // m_refused -> the state's refused lists (GUI thread)
    void finished(bool ok, const QString &text); // GUI thread
    void setPending(int pending);                // GUI thread
    void record(const QString &text);

    DicomConfig m_config;
    Station *m_station;
    dicom::DicomQueue *m_queue;
    const StationPrinting *m_printing;
    archive::Archive *m_archive;
    QString m_archivePath;
    QString m_workDir;
    int m_preTriggerS;
    DicomState::State m_state;
    struct Refused
    {
        QString name, reason;
    };
    QMap<QString, Refused> m_refused; // SOP Instance UID -> the object refused by the node, while queued
    QThreadPool m_pool;
    std::atomic_bool m_cancel{false};
};

} // namespace vigil
