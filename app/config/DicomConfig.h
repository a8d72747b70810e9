// [dicom]: the hospital's DICOM node, store-and-forward and the UIDs the station generates
// (docs/CONFIG.md, docs/DICOM.md).
#pragma once

#include <QString>

namespace vigil {

struct DicomConfig
{
    bool enabled = false; // the station's store-and-forward queue runs
    QString callingAe = QStringLiteral("VIGIL");
    QString calledAe; // the node's AE title
    QString host;
    int port = 104;
    bool tls = false;
    QString tlsCa;   // PEM CA the node's certificate must chain to
    QString tlsCert; // our certificate and key, when the node requires client authentication
    QString tlsKey;
    QString uidRoot; // empty: 2.25.<UUID> UIDs
    double retryInitialS = 5;
    double retryMaxS = 300;
    double unreachableConditionS = 120; // technical condition after this long without delivery
    QString queueDir;                   // empty: "dicom-queue" beside the archive
};

} // namespace vigil
