#include "NatsOptions.h"

#include <QByteArray>

#include <vector>

namespace vigil::cluster {

QString natsErrorText(natsStatus s)
{
    const char *last = nats_GetLastError(nullptr);
    return QStringLiteral("%1%2").arg(QString::fromUtf8(natsStatus_GetText(s)),
                                      last && *last ? QStringLiteral(" (%1)").arg(QString::fromUtf8(last))
                                                    : QString());
}

natsOptions *makeNatsOptions(const NatsConnectionSpec &spec, QString *tlsError)
{
    natsOptions *opts = nullptr;
    natsOptions_Create(&opts);
    std::vector<QByteArray> urls;
    urls.reserve(spec.servers.size());
    for (const QString &s : spec.servers)
        urls.push_back(s.toUtf8());
    std::vector<const char *> ptrs;
    ptrs.reserve(urls.size());
    for (const QByteArray &u : urls)
        ptrs.push_back(u.constData());
    natsOptions_SetServers(opts, ptrs.data(), static_cast<int>(ptrs.size()));
    natsOptions_SetName(opts, spec.name.toUtf8().constData());
    natsOptions_SetAllowReconnect(opts, true);
    natsOptions_SetMaxReconnect(opts, -1); // forever: the station waits for its cluster
    natsOptions_SetReconnectWait(opts, 250);
    natsOptions_SetTimeout(opts, spec.timeoutMs);
    natsOptions_SetPingInterval(opts, spec.pingMs);
    natsOptions_SetMaxPingsOut(opts, 2);
    if (!spec.caFile.isEmpty()) {
        natsOptions_SetSecure(opts, true);
        natsStatus s = natsOptions_LoadCATrustedCertificates(opts, spec.caFile.toUtf8().constData());
        if (s == NATS_OK && !spec.certFile.isEmpty())
            s = natsOptions_LoadCertificatesChain(opts, spec.certFile.toUtf8().constData(),
                                                  spec.keyFile.toUtf8().constData());
        if (s != NATS_OK && tlsError)
            *tlsError = QStringLiteral("TLS: %1").arg(natsErrorText(s));
    }
    return opts;
}

} // namespace vigil::cluster
