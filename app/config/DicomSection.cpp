// [dicom]: the DICOM node and the store-and-forward queue.
#include "DicomConfig.h"
#include "Sections.h"

#include <QRegularExpression>

namespace vigil {

void readDicom(ConfigSection &s, DicomConfig &d)
{
    s.allowOnly({QStringLiteral("enabled"), QStringLiteral("calling_ae"), QStringLiteral("called_ae"),
                 QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("tls"),
                 QStringLiteral("tls_ca"), QStringLiteral("tls_cert"), QStringLiteral("tls_key"),
                 QStringLiteral("uid_root"), QStringLiteral("retry_initial_s"), QStringLiteral("retry_max_s"),
                 QStringLiteral("unreachable_condition_s"), QStringLiteral("queue_dir")});
    s.read(QStringLiteral("enabled"), d.enabled);
    s.read(QStringLiteral("calling_ae"), d.callingAe);
    s.read(QStringLiteral("called_ae"), d.calledAe);
    s.read(QStringLiteral("host"), d.host);
    s.read(QStringLiteral("port"), d.port, 1, 65535);
    s.read(QStringLiteral("tls"), d.tls);
    s.read(QStringLiteral("tls_ca"), d.tlsCa);
    s.read(QStringLiteral("tls_cert"), d.tlsCert);
    s.read(QStringLiteral("tls_key"), d.tlsKey);
    s.read(QStringLiteral("uid_root"), d.uidRoot);
    s.read(QStringLiteral("retry_initial_s"), d.retryInitialS, 0.1, 3600);
    s.read(QStringLiteral("retry_max_s"), d.retryMaxS, 0.1, 86400);
    s.read(QStringLiteral("unreachable_condition_s"), d.unreachableConditionS, 1, 86400);
    s.read(QStringLiteral("queue_dir"), d.queueDir);
    if (!s.ok())
        return;
    static const QRegularExpression ae(QStringLiteral(R"(^[^\\\x00-\x1f]{1,16}$)"));
    if (!ae.match(d.callingAe).hasMatch())
        s.fail(QStringLiteral("calling_ae"),
               QStringLiteral("an AE title is 1 to 16 characters without backslash"));
    else if (!d.calledAe.isEmpty() && !ae.match(d.calledAe).hasMatch())
        s.fail(QStringLiteral("called_ae"),
               QStringLiteral("an AE title is 1 to 16 characters without backslash"));
    else if (d.enabled && (d.calledAe.isEmpty() || d.host.isEmpty()))
        s.fail(QStringLiteral("enabled"), QStringLiteral("needs called_ae and host"));
    else if (d.tls && d.tlsCa.isEmpty())
        s.fail(QStringLiteral("tls"),
               QStringLiteral("needs tls_ca (the CA the node's certificate chains to)"));
    else if (d.tlsCert.isEmpty() != d.tlsKey.isEmpty())
        s.fail(QStringLiteral("tls_cert"), QStringLiteral("tls_cert and tls_key go together"));
    else if (!d.uidRoot.isEmpty() &&
             (d.uidRoot.size() > 40 ||
              !QRegularExpression(QStringLiteral(R"(^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*$)"))
                   .match(d.uidRoot)
                   .hasMatch()))
        s.fail(QStringLiteral("uid_root"),
               QStringLiteral("digits and dots (like 1.2.826.0.1.3680043.9.1234), at most "
                              "40 characters"));
    else if (d.retryMaxS < d.retryInitialS)
        s.fail(QStringLiteral("retry_max_s"), QStringLiteral("must be at least retry_initial_s"));
}

} // namespace vigil
