#include "MllpEndpoint.h"

#include <QFile>
#include <QSslKey>
#include <QUrl>

namespace vigil {

QString MllpUrl::toString() const
{
    const QString h = host.contains(u':') ? QStringLiteral("[%1]").arg(host) : host;
    return QStringLiteral("%1://%2:%3")
        .arg(tls ? QStringLiteral("mllps") : QStringLiteral("mllp"), h)
        .arg(port);
}

std::optional<MllpUrl> parseMllpUrl(const QString &text, QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("'%1': %2").arg(text, why);
        return std::nullopt;
    };
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return fail(QStringLiteral("not a URL (expected mllps://HOST:PORT or mllp://HOST:PORT)"));
    MllpUrl out;
    if (url.scheme() == QLatin1String("mllps"))
        out.tls = true;
    else if (url.scheme() == QLatin1String("mllp"))
        out.tls = false;
    else
        return fail(QStringLiteral("unknown scheme '%1' (expected mllps:// or mllp://)").arg(url.scheme()));
    out.host = url.host();
    if (out.host.isEmpty())
        return fail(QStringLiteral("no host"));
    if (url.port() <= 0 || url.port() > 65535)
        return fail(QStringLiteral("no port or port out of range"));
    if (!url.path().isEmpty() && url.path() != QLatin1String("/"))
        return fail(QStringLiteral("unexpected path '%1'").arg(url.path()));
    out.port = static_cast<quint16>(url.port());
    return out;
}

QStringList certificateNames(const QSslCertificate &cert)
{
    QStringList names = cert.subjectInfo(QSslCertificate::CommonName);
    for (const QString &n : cert.subjectAlternativeNames().values())
        if (!names.contains(n))
            names << n;
    return names;
}

std::optional<QSslConfiguration> makeTlsConfiguration(const TlsSettings &s, QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (s.caFile.isEmpty() || s.certFile.isEmpty() || s.keyFile.isEmpty())
        return fail(QStringLiteral("TLS needs a CA, a certificate and a key (tls_ca, tls_cert, tls_key)"));
    const QList<QSslCertificate> ca = QSslCertificate::fromPath(s.caFile, QSsl::Pem);
    if (ca.isEmpty())
        return fail(QStringLiteral("TLS CA file %1: no PEM certificate could be read").arg(s.caFile));
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(s.certFile, QSsl::Pem);
    if (chain.isEmpty())
        return fail(
            QStringLiteral("TLS certificate file %1: no PEM certificate could be read").arg(s.certFile));
    if (chain.first().expiryDate() < QDateTime::currentDateTimeUtc())
        return fail(QStringLiteral("TLS certificate %1 expired on %2")
                        .arg(s.certFile, chain.first().expiryDate().toString(Qt::ISODate)));
    QFile keyFile(s.keyFile);
    if (!keyFile.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("TLS key file %1: %2").arg(s.keyFile, keyFile.errorString()));
    const QByteArray pem = keyFile.readAll();
    QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return fail(
            QStringLiteral("TLS key file %1: not an unencrypted PEM RSA or EC private key").arg(s.keyFile));

    QSslConfiguration cfg = QSslConfiguration::defaultConfiguration();
    cfg.setProtocol(QSsl::TlsV1_2OrLater);
    cfg.setCaCertificates(ca);
    cfg.setLocalCertificateChain(chain);
    cfg.setPrivateKey(key);
    cfg.setPeerVerifyMode(QSslSocket::VerifyPeer); // mutual authentication, both directions
    return cfg;
}

} // namespace vigil
