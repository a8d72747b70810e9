// Addresses and TLS settings of MLLP links: `mllps://host:port` (TLS, the default a station should use)
// or `mllp://host:port` (plaintext, only when written explicitly; the UI marks such links insecure).
#pragma once

#include <QSslConfiguration>
#include <QString>

#include <optional>

namespace vigil {

struct MllpUrl
{
    bool tls = true;
    QString host;
    quint16 port = 0;
    QString toString() const;
};

// Parses "mllp://HOST:PORT" or "mllps://HOST:PORT" (IPv6 as [addr]:port). Clear error on anything else.
std::optional<MllpUrl> parseMllpUrl(const QString &text, QString *error);

struct TlsSettings
{
    QString caFile;   // PEM: the CA(s) that sign the peers' certificates
    QString certFile; // PEM: our certificate (the chain may follow it)
    QString keyFile;  // PEM: our private key (RSA or EC, unencrypted)
    QString peerName; // expected name in the peer's certificate; for dial-out the URL host by default
};

// Builds the TLS configuration for TLS 1.2 or 1.3 with mutual authentication: peers are verified against
// the configured CA only (not the system store: a ward's gateways are the hospital's own PKI).
std::optional<QSslConfiguration> makeTlsConfiguration(const TlsSettings &settings, QString *error);

// The peer certificate's names (CN and subject alternative names), for messages and the peer-name check.
QStringList certificateNames(const QSslCertificate &cert);

} // namespace vigil
