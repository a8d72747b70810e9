// A print job as the queue keeps it: what to print (a ReportRequest), where and how (queue, paper,
// orientation, duplex), its priority, who asked and when, and its state in the queue and in CUPS.
#pragma once

#include "Report.h"

#include <QString>

namespace vigil::print {

enum class JobState { Queued, Printing, Done, Failed };
QString stateName(JobState state); // "queued", "printing", "done", "failed"
JobState stateFromName(const QString &name);

// Higher prints first; equal priorities print in submission order. Alarm strips jump the queue.
enum JobPriority : int { Normal = 0, Shift = 10, Strip = 100 };
int defaultPriority(reports::ReportKind kind);

struct PrintJob
{
    qint64 id = 0; // assigned by the store
    JobState state = JobState::Queued;
    int priority = Normal;
    reports::ReportRequest request; // request.page: paper, orientation, duplex of this job
    QString printer;                // CUPS queue
    QString requestedBy;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    int cupsJobId = 0; // 0 until CUPS has the job
    QString reason;    // failed: why (from CUPS or the report builder); queued: why it waits
    int attempts = 0;  // submissions to CUPS
};

// The job title in CUPS: carries the station's tag and the job id, so a restarted station finds its own
// jobs among CUPS's (reconcile after a crash). "Vigil 12 patient bed 3 [tag]".
QString cupsTitle(const PrintJob &job, const QString &stationTag);
// The job id if `title` is one of this station's job titles, else 0.
qint64 jobIdFromTitle(const QString &title, const QString &stationTag);

// The request as JSON text (for the store) and back.
QString requestToJson(const reports::ReportRequest &request);
reports::ReportRequest requestFromJson(const QString &json);

} // namespace vigil::print
