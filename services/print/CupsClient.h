// What the print queue asks CUPS (libcups, IPP): is the printer there and ready, and where is a job.
// The server is libcups's default (CUPS_SERVER, ~/.cups/client.conf, /etc/cups/client.conf). Blocking
// calls: the print worker thread only.
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace vigil::print {

struct PrinterStatus
{
    bool reachable = false; // the CUPS server answered
    bool exists = false;    // it knows the queue
    bool accepting = false; // printer-is-accepting-jobs
    bool stopped = false;   // printer-state == stopped (cupsdisable, or the backend gave up)
    QStringList reasons;    // printer-state-reasons other than "none"
    QString message;        // printer-state-message
    // Jobs can go to it now: reachable, known, accepting, not stopped, not out of paper or offline.
    bool ready() const;
    QString describe() const; // for the nurse: "printer X: stopped (media-empty)"
};

enum class CupsJobState { Unknown, Pending, Held, Processing, Stopped, Canceled, Aborted, Completed };

struct CupsJob
{
    int id = 0;
    QString title;
    CupsJobState state = CupsJobState::Unknown;
};

class CupsClient
{
public:
    static PrinterStatus printerStatus(const QString &queue);
    // All jobs CUPS still lists for the queue (pending and completed).
    static std::vector<CupsJob> jobs(const QString &queue, bool *reachable = nullptr);
    // job-state-reasons and job-printer-state-message of one job (why it failed).
    static QString jobReasons(int jobId);
    static bool isFinal(CupsJobState s)
    {
        return s == CupsJobState::Canceled || s == CupsJobState::Aborted || s == CupsJobState::Completed;
    }
};

} // namespace vigil::print
