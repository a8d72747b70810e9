// [alert_manager]: where escalations go (docs/CONFIG.md).
#pragma once

#include <QString>

namespace vigil {

struct AlertManagerConfig
{
    QString url; // mllps://HOST:PORT (or mllp:// explicitly); empty: no alert manager
    QString tlsCa, tlsCert, tlsKey, peerName;
    double replyTimeoutS = 10;
};

} // namespace vigil
