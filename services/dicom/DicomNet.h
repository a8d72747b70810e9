// C-ECHO and C-STORE with DCMTK's DcmSCU (DcmTLSSCU over TLS). Blocking calls with bounded timeouts: run
// them on a worker thread, never on the GUI thread. Every failure comes back with a reason a biomed
// engineer can act on (connection refused, TLS handshake, association rejected and why, SOP class not
// accepted, C-STORE status).
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace vigil::dicom {

struct TlsOptions
{
    bool enabled = false;
    QString caFile;         // trusted CA certificate(s), PEM: the peer's certificate must chain to it
    QString certFile;       // our certificate (PEM), for peers that require client authentication
    QString keyFile;        // its private key (PEM, unencrypted)
    bool verifyPeer = true; // false: encrypt without checking the peer (tests only)
};

struct Peer
{
    QString callingAe = QStringLiteral("VIGIL");
    QString calledAe;
    QString host;
    int port = 104;
    TlsOptions tls;
    int connectTimeoutS = 10;
    int dimseTimeoutS = 30;
};

// "AE@HOST:PORT" (host may be [IPv6]). AE titles: 1-16 characters, no backslash or control characters.
bool parsePeer(const QString &text, Peer *peer, QString *error);

enum class Outcome {
    Ok,
    Unreachable, // no association: connection refused or timed out, TLS failure, peer aborted
    Rejected,    // the peer rejected the association (wrong AE title, no context accepted...)
    Refused      // the association worked but the peer refused this object (status, SOP class)
};
QString outcomeName(Outcome o);

struct NetResult
{
    Outcome outcome = Outcome::Ok;
    QString reason;     // empty when ok
    quint16 status = 0; // the C-STORE / C-ECHO response status (0 = success)
    QString sopInstanceUid;
    qint64 bytes = 0;
    bool noAcceptedClass = false; // Rejected because the peer took none of the proposed SOP classes
};

NetResult echo(const Peer &peer);

// Sends the files over one association. perFile gets one result per file in order; the returned result is
// the association's (Ok when it was established and released, even if some files were refused).
NetResult store(const Peer &peer, const QStringList &files, std::vector<NetResult> *perFile);

// "0xA700 Out of resources" and the like.
QString storeStatusText(quint16 status);

} // namespace vigil::dicom
