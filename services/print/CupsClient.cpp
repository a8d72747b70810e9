#include "CupsClient.h"

#include <cups/cups.h>
#include <cups/ipp.h>

namespace vigil::print {

namespace {

QStringList keywords(ipp_attribute_t *attr)
{
    QStringList out;
    for (int i = 0; attr && i < ippGetCount(attr); ++i)
        if (const char *v = ippGetString(attr, i, nullptr))
            out << QString::fromUtf8(v);
    return out;
}

QString printerUri(const QString &queue)
{
    char uri[HTTP_MAX_URI];
    httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, "localhost", 0, "/printers/%s",
                     queue.toUtf8().constData());
    return QString::fromUtf8(uri);
}

CupsJobState fromIpp(int s)
{
    switch (s) {
    case IPP_JSTATE_PENDING:
        return CupsJobState::Pending;
    case IPP_JSTATE_HELD:
        return CupsJobState::Held;
    case IPP_JSTATE_PROCESSING:
        return CupsJobState::Processing;
    case IPP_JSTATE_STOPPED:
        return CupsJobState::Stopped;
    case IPP_JSTATE_CANCELED:
        return CupsJobState::Canceled;
    case IPP_JSTATE_ABORTED:
        return CupsJobState::Aborted;
    case IPP_JSTATE_COMPLETED:
        return CupsJobState::Completed;
    default:
        return CupsJobState::Unknown;
    }
}

// A connection of our own per call: the print worker is the only caller and calls are seconds apart.
struct Connection
{
    http_t *http =
        httpConnect2(cupsServer(), ippPort(), nullptr, AF_UNSPEC, cupsEncryption(), 1, 5000, nullptr);
    ~Connection()
    {
        if (http)
            httpClose(http);
    }
};

} // namespace

bool PrinterStatus::ready() const
{
    if (!reachable || !exists || !accepting || stopped)
        return false;
    for (const QString &r : reasons)
        if (r.startsWith(QLatin1String("media-empty")) || r.startsWith(QLatin1String("offline")) ||
            r.startsWith(QLatin1String("paused")) || r.startsWith(QLatin1String("shutdown")))
            return false;
    return true;
}

QString PrinterStatus::describe() const
{
    if (!reachable)
        return QStringLiteral("print server unreachable");
    if (!exists)
        return QStringLiteral("no such printer");
    QString s = stopped     ? QStringLiteral("stopped")
                : accepting ? QStringLiteral("ready")
                            : QStringLiteral("not accepting jobs");
    if (!reasons.isEmpty())
        s += QStringLiteral(" (%1)").arg(reasons.join(QStringLiteral(", ")));
    if (!message.isEmpty() && !ready())
        s += QStringLiteral(": ") + message;
    return s;
}

PrinterStatus CupsClient::printerStatus(const QString &queue)
{
    PrinterStatus st;
    Connection c;
    if (!c.http)
        return st;
    ipp_t *req = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr,
                 printerUri(queue).toUtf8().constData());
    static const char *const attrs[] = {"printer-state", "printer-state-reasons", "printer-is-accepting-jobs",
                                        "printer-state-message"};
    ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 4, nullptr, attrs);
    ipp_t *resp = cupsDoRequest(c.http, req, "/");
    const ipp_status_t status = cupsLastError();
    st.reachable = resp != nullptr ||
                   (status != IPP_STATUS_ERROR_SERVICE_UNAVAILABLE && status != IPP_STATUS_ERROR_INTERNAL);
    if (resp && ippGetStatusCode(resp) <= IPP_STATUS_OK_CONFLICTING) {
        st.exists = true;
        st.reachable = true;
        if (ipp_attribute_t *a = ippFindAttribute(resp, "printer-state", IPP_TAG_ENUM))
            st.stopped = ippGetInteger(a, 0) == IPP_PSTATE_STOPPED;
        if (ipp_attribute_t *a = ippFindAttribute(resp, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN))
            st.accepting = ippGetBoolean(a, 0);
        for (const QString &r : keywords(ippFindAttribute(resp, "printer-state-reasons", IPP_TAG_KEYWORD)))
            if (r != QLatin1String("none"))
                st.reasons << r;
        if (ipp_attribute_t *a = ippFindAttribute(resp, "printer-state-message", IPP_TAG_TEXT))
            st.message = QString::fromUtf8(ippGetString(a, 0, nullptr));
    }
    ippDelete(resp);
    return st;
}

std::vector<CupsJob> CupsClient::jobs(const QString &queue, bool *reachable)
{
    std::vector<CupsJob> out;
    Connection c;
    if (reachable)
        *reachable = c.http != nullptr;
    if (!c.http)
        return out;
    cups_job_t *list = nullptr;
    const int n = cupsGetJobs2(c.http, &list, queue.toUtf8().constData(), 0, CUPS_WHICHJOBS_ALL);
    if (n < 0 && reachable)
        *reachable = false;
    for (int i = 0; i < n; ++i)
        out.push_back({list[i].id, QString::fromUtf8(list[i].title), fromIpp(list[i].state)});
    cupsFreeJobs(n, list);
    return out;
}

QString CupsClient::jobReasons(int jobId)
{
    Connection c;
    if (!c.http)
        return QStringLiteral("print server unreachable");
    ipp_t *req = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
    char uri[HTTP_MAX_URI];
    httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, "localhost", 0, "/jobs/%d", jobId);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "job-uri", nullptr, uri);
    static const char *const attrs[] = {"job-state-reasons", "job-printer-state-message"};
    ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 2, nullptr, attrs);
    ipp_t *resp = cupsDoRequest(c.http, req, "/");
    QStringList parts;
    if (resp) {
        parts << keywords(ippFindAttribute(resp, "job-state-reasons", IPP_TAG_KEYWORD));
        if (ipp_attribute_t *a = ippFindAttribute(resp, "job-printer-state-message", IPP_TAG_TEXT))
            if (const char *m = ippGetString(a, 0, nullptr); m && *m)
                parts << QString::fromUtf8(m);
    } else {
        parts << QString::fromUtf8(cupsLastErrorString());
    }
    ippDelete(resp);
    return parts.join(QStringLiteral("; "));
}

} // namespace vigil::print
