#include "DicomNet.h"

#include "DicomPrivate.h"

#include <dcmtk/dcmnet/diutil.h>
#include <dcmtk/dcmnet/scu.h>
#include <dcmtk/dcmtls/tlsscu.h>
#include <dcmtk/oflog/appender.h>
#include <dcmtk/oflog/logger.h>
#include <dcmtk/oflog/oflog.h>
#include <dcmtk/oflog/spi/logevent.h>

#include <QFileInfo>
#include <QRegularExpression>

#include <memory>
#include <mutex>

namespace vigil::dicom {

using namespace detail;

namespace {

// DcmSCU reports why an association was rejected, and dcmtls why a handshake failed, only in its log.
// This appender keeps the last lines of the dcmnet and dcmtls loggers per thread while a Capture is alive
// on that thread, so the reason can be returned to the caller. The loggers stop writing to the console:
// the station reports the outcome itself.
thread_local QStringList *t_capture = nullptr;

class CaptureAppender : public dcmtk::log4cplus::Appender
{
public:
    void close() override {}

protected:
    void append(const dcmtk::log4cplus::spi::InternalLoggingEvent &event) override
    {
        if (!t_capture)
            return;
        t_capture->append(qs(event.getMessage()));
        if (t_capture->size() > 200)
            t_capture->removeFirst();
    }
};

void installCapture()
{
    static std::once_flag once;
    std::call_once(once, [] {
        dcmtk::log4cplus::SharedAppenderPtr app(new CaptureAppender);
        for (const char *name : {"dcmtk.dcmnet", "dcmtk.dcmtls"}) {
            OFLogger l = OFLog::getLogger(name);
            l.setAdditivity(false);
            l.setLogLevel(OFLogger::DEBUG_LOG_LEVEL);
            l.addAppender(app);
        }
    });
}

struct Capture
{
    QStringList lines;
    Capture()
    {
        installCapture();
        t_capture = &lines;
    }
    ~Capture() { t_capture = nullptr; }
    Capture(const Capture &) = delete;
    Capture &operator=(const Capture &) = delete;

    // The reject parameters as ASC_printRejectParameters wrote them ("Result: Rejected Permanent, Source:
    // Service User, Reason: Called AE Title Not Recognized").
    QString rejectReason() const
    {
        QStringList out;
        bool in = false;
        for (const QString &l : lines) {
            if (l.contains(QLatin1String("Association Rejected"), Qt::CaseInsensitive)) {
                in = true;
                QString rest = l.section(u'\n', 1, -1).split(u'\n').join(QStringLiteral(", ")).simplified();
                if (!rest.isEmpty())
                    out << rest;
                continue;
            }
            if (in && (l.startsWith(QLatin1String("Result")) || l.startsWith(QLatin1String("Source")) ||
                       l.startsWith(QLatin1String("Reason"))))
                out << l.simplified();
        }
        return out.join(QStringLiteral(", "));
    }
    QString tlsReason() const
    {
        QStringList out;
        for (const QString &l : lines)
            if (l.contains(QLatin1String("TLS"), Qt::CaseInsensitive) ||
                l.contains(QLatin1String("certificate"), Qt::CaseInsensitive) ||
                l.contains(QLatin1String("SSL"), Qt::CaseInsensitive))
                out << l.simplified();
        out.removeDuplicates();
        return out.mid(std::max<qsizetype>(0, out.size() - 3)).join(QStringLiteral("; "));
    }
};

// One negotiation at a time per process: the log capture above and DCMTK's global network state.
std::mutex &netMutex()
{
    static std::mutex m;
    return m;
}

std::unique_ptr<DcmSCU> makeScu(const Peer &p, QString *error)
{
    std::unique_ptr<DcmSCU> scu;
    if (p.tls.enabled) {
        auto tls = std::make_unique<DcmTLSSCU>();
        for (const QString &f : {p.tls.caFile, p.tls.certFile, p.tls.keyFile})
            if (!f.isEmpty() && !QFileInfo(f).isReadable()) {
                *error = QStringLiteral("TLS file %1 is not readable").arg(f);
                return nullptr;
            }
        if (p.tls.verifyPeer && p.tls.caFile.isEmpty()) {
            *error = QStringLiteral("TLS needs a CA file to check the peer (or peer verification off)");
            return nullptr;
        }
        if (!p.tls.caFile.isEmpty())
            tls->addTrustedCertFile(ofs(p.tls.caFile));
        if (!p.tls.certFile.isEmpty() && !p.tls.keyFile.isEmpty())
            tls->enableAuthentication(ofs(p.tls.keyFile), ofs(p.tls.certFile));
        else
            tls->disableAuthentication();
        tls->setPeerCertVerification(p.tls.verifyPeer ? DCV_requireCertificate : DCV_ignoreCertificate);
        scu = std::move(tls);
    } else {
        scu = std::make_unique<DcmSCU>();
    }
    scu->setAETitle(ofs(p.callingAe));
    scu->setPeerAETitle(ofs(p.calledAe));
    scu->setPeerHostName(ofs(p.host));
    scu->setPeerPort(Uint16(p.port));
    scu->setConnectionTimeout(p.connectTimeoutS);
    scu->setACSETimeout(Uint32(p.connectTimeoutS));
    scu->setDIMSEBlockingMode(DIMSE_NONBLOCKING);
    scu->setDIMSETimeout(Uint32(p.dimseTimeoutS));
    scu->setVerbosePCMode(OFFalse);
    return scu;
}

QString where(const Peer &p)
{
    return QStringLiteral("%1@%2:%3%4")
        .arg(p.calledAe, p.host)
        .arg(p.port)
        .arg(p.tls.enabled ? QStringLiteral(" (TLS)") : QString());
}

// initNetwork + negotiateAssociation, with the failure turned into an outcome and a reason.
NetResult connect(DcmSCU &scu, const Peer &p, Capture &cap)
{
    NetResult r;
    OFCondition c = scu.initNetwork();
    if (c.bad()) {
        r.outcome = Outcome::Unreachable;
        r.reason = QStringLiteral("cannot set up the network layer: %1").arg(qs(c));
        const QString tls = cap.tlsReason();
        if (!tls.isEmpty())
            r.reason += QStringLiteral(" (%1)").arg(tls);
        return r;
    }
    c = scu.negotiateAssociation();
    if (c.good())
        return r;
    if (c == DUL_ASSOCIATIONREJECTED) {
        r.outcome = Outcome::Rejected;
        const QString why = cap.rejectReason();
        r.reason = QStringLiteral("association rejected by %1%2")
                       .arg(where(p), why.isEmpty() ? QString() : QStringLiteral(": ") + why);
        return r;
    }
    if (c == NET_EC_NoAcceptablePresentationContexts) {
        r.outcome = Outcome::Rejected;
        r.reason = QStringLiteral("%1 accepted none of the proposed SOP classes").arg(where(p));
        r.noAcceptedClass = true;
        return r;
    }
    r.outcome = Outcome::Unreachable;
    QString text = qs(c);
    const QString tls = cap.tlsReason();
    if (p.tls.enabled && !tls.isEmpty())
        text += QStringLiteral(" (TLS: %1)").arg(tls);
    else if (p.tls.enabled)
        text += QStringLiteral(" (TLS handshake failed: is the peer a TLS port, and does its certificate "
                               "chain to the configured CA?)");
    else if (text.contains(QLatin1String("Peer aborted"), Qt::CaseInsensitive))
        text += QStringLiteral(" (the peer closed the connection: a TLS-only port, or it refuses this host)");
    r.reason = QStringLiteral("cannot associate with %1: %2").arg(where(p), text);
    return r;
}

OFList<OFString> transferSyntaxes()
{
    OFList<OFString> ts;
    ts.push_back(UID_LittleEndianExplicitTransferSyntax);
    ts.push_back(UID_LittleEndianImplicitTransferSyntax);
    return ts;
}

} // namespace

QString outcomeName(Outcome o)
{
    switch (o) {
    case Outcome::Ok:
        return QStringLiteral("ok");
    case Outcome::Unreachable:
        return QStringLiteral("unreachable");
    case Outcome::Rejected:
        return QStringLiteral("association rejected");
    case Outcome::Refused:
        return QStringLiteral("refused");
    }
    return {};
}

bool parsePeer(const QString &text, Peer *peer, QString *error)
{
    static const QRegularExpression re(QStringLiteral(R"(^([^@]{1,16})@(\[[^\]]+\]|[^:@\[\]]+):(\d{1,5})$)"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch()) {
        *error = QStringLiteral("'%1' is not AE@HOST:PORT").arg(text);
        return false;
    }
    const QString ae = m.captured(1);
    static const QRegularExpression bad(QStringLiteral(R"([\\\x00-\x1f])"));
    if (ae.trimmed().isEmpty() || ae.contains(bad)) {
        *error = QStringLiteral("'%1' is not a valid AE title").arg(ae);
        return false;
    }
    const int port = m.captured(3).toInt();
    if (port < 1 || port > 65535) {
        *error = QStringLiteral("port %1 is out of range").arg(m.captured(3));
        return false;
    }
    QString host = m.captured(2);
    if (host.startsWith(u'['))
        host = host.mid(1, host.size() - 2);
    peer->calledAe = ae;
    peer->host = host;
    peer->port = port;
    return true;
}

QString storeStatusText(quint16 s)
{
    QString what;
    if (s == 0x0000)
        what = QStringLiteral("Success");
    else if (s == 0x0122)
        what = QStringLiteral("Refused: SOP class not supported");
    else if (s == 0x0124)
        what = QStringLiteral("Refused: not authorized");
    else if (s == 0x0211)
        what = QStringLiteral("Unrecognized operation");
    else if ((s & 0xFF00) == 0xA700)
        what = QStringLiteral("Refused: out of resources");
    else if ((s & 0xFF00) == 0xA900)
        what = QStringLiteral("Error: data set does not match SOP class");
    else if ((s & 0xF000) == 0xC000)
        what = QStringLiteral("Error: cannot understand");
    else if (s == 0xB000 || s == 0xB006 || s == 0xB007)
        what = QStringLiteral("Warning: stored with coercion or elements discarded");
    else
        what = QStringLiteral("Failure");
    // "0xA700 Refused: out of resources" (only the hex digits upper case; the words stay readable)
    return QStringLiteral("0x%1 %2").arg(QStringLiteral("%1").arg(s, 4, 16, QChar(u'0')).toUpper(), what);
}

NetResult echo(const Peer &peer)
{
    std::lock_guard lock(netMutex());
    Capture cap;
    QString error;
    auto scu = makeScu(peer, &error);
    if (!scu)
        return {Outcome::Unreachable, error, 0, {}, 0};
    scu->addPresentationContext(UID_VerificationSOPClass, transferSyntaxes());
    NetResult r = connect(*scu, peer, cap);
    if (r.outcome != Outcome::Ok)
        return r;
    const T_ASC_PresentationContextID pc = scu->findPresentationContextID(UID_VerificationSOPClass, "");
    if (pc == 0) {
        scu->releaseAssociation();
        return {Outcome::Rejected,
                QStringLiteral("%1 does not accept Verification (C-ECHO)").arg(where(peer)),
                0,
                {},
                0};
    }
    Uint16 status = 0;
    const OFCondition c = scu->sendECHORequest(pc);
    if (c.bad()) {
        scu->abortAssociation();
        return {Outcome::Unreachable,
                QStringLiteral("C-ECHO to %1 failed: %2").arg(where(peer), qs(c)),
                status,
                {},
                0};
    }
    scu->releaseAssociation();
    return r;
}

NetResult store(const Peer &peer, const QStringList &files, std::vector<NetResult> *perFile)
{
    std::lock_guard lock(netMutex());
    Capture cap;
    perFile->assign(std::size_t(files.size()), NetResult{});
    // Read the SOP class of every file first: one presentation context per class.
    struct Info
    {
        OFString sopClass, sopInstance;
        bool ok = false;
    };
    std::vector<Info> infos(std::size_t(files.size()));
    OFList<OFString> classes;
    for (qsizetype i = 0; i < files.size(); ++i) {
        DcmFileFormat ff;
        const OFCondition c = ff.loadFile(OFFilename(files[i].toLocal8Bit().constData()), EXS_Unknown,
                                          EGL_noChange, 1024 /* do not load long values */);
        NetResult &r = (*perFile)[std::size_t(i)];
        if (c.bad() ||
            ff.getDataset()->findAndGetOFString(DCM_SOPClassUID, infos[std::size_t(i)].sopClass).bad()) {
            r.outcome = Outcome::Refused;
            r.reason = QStringLiteral("%1 is not a readable DICOM object: %2")
                           .arg(files[i], c.bad() ? qs(c) : QStringLiteral("no SOP Class UID"));
            continue;
        }
        ff.getDataset()->findAndGetOFString(DCM_SOPInstanceUID, infos[std::size_t(i)].sopInstance);
        r.sopInstanceUid = qs(infos[std::size_t(i)].sopInstance);
        r.bytes = QFileInfo(files[i]).size();
        infos[std::size_t(i)].ok = true;
        bool known = false;
        for (const OFString &k : classes)
            known |= k == infos[std::size_t(i)].sopClass;
        if (!known)
            classes.push_back(infos[std::size_t(i)].sopClass);
    }
    if (classes.empty())
        return {Outcome::Refused, QStringLiteral("nothing readable to send"), 0, {}, 0};
    QString error;
    auto scu = makeScu(peer, &error);
    if (!scu) {
        for (std::size_t i = 0; i < infos.size(); ++i)
            if (infos[i].ok)
                (*perFile)[i] = {Outcome::Unreachable, error, 0, (*perFile)[i].sopInstanceUid, 0};
        return {Outcome::Unreachable, error, 0, {}, 0};
    }
    for (const OFString &k : classes)
        scu->addPresentationContext(k, transferSyntaxes());
    NetResult assoc = connect(*scu, peer, cap);
    if (assoc.outcome != Outcome::Ok) {
        // A node that answers but takes none of these SOP classes refuses each object (it stays queued
        // with that reason), unlike a node that cannot be reached or rejects the station.
        const bool noClass = assoc.noAcceptedClass;
        for (std::size_t i = 0; i < infos.size(); ++i)
            if (infos[i].ok) {
                (*perFile)[i].outcome = noClass ? Outcome::Refused : assoc.outcome;
                (*perFile)[i].reason =
                    noClass ? QStringLiteral("%1 (SOP class %2)").arg(assoc.reason, qs(infos[i].sopClass))
                            : assoc.reason;
            }
        return assoc;
    }
    for (std::size_t i = 0; i < infos.size(); ++i) {
        if (!infos[i].ok)
            continue;
        NetResult &r = (*perFile)[i];
        const T_ASC_PresentationContextID pc = scu->findPresentationContextID(infos[i].sopClass, "");
        if (pc == 0) {
            r.outcome = Outcome::Refused;
            r.reason = QStringLiteral("%1 does not accept SOP class %2 (presentation context rejected)")
                           .arg(where(peer), qs(infos[i].sopClass));
            continue;
        }
        Uint16 status = 0;
        const OFCondition c = scu->sendSTORERequest(
            pc, OFFilename(files[qsizetype(i)].toLocal8Bit().constData()), nullptr, status);
        r.status = status;
        if (c.bad()) {
            r.outcome = Outcome::Unreachable;
            r.reason = QStringLiteral("C-STORE to %1 failed: %2").arg(where(peer), qs(c));
            // The association is likely gone: the rest fail the same way.
            for (std::size_t j = i + 1; j < infos.size(); ++j)
                if (infos[j].ok)
                    (*perFile)[j] = {Outcome::Unreachable, r.reason, 0, (*perFile)[j].sopInstanceUid, 0};
            scu->abortAssociation();
            return {Outcome::Unreachable, r.reason, 0, {}, 0};
        }
        if (status != 0 && status != 0xB000 && status != 0xB006 && status != 0xB007) {
            r.outcome = Outcome::Refused;
            r.reason = QStringLiteral("%1 refused %2: status %3")
                           .arg(where(peer), qs(infos[i].sopInstance), storeStatusText(status));
        }
    }
    scu->releaseAssociation();
    return assoc;
}

} // namespace vigil::dicom
