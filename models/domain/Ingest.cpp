#include "Ingest.h"

namespace vigil {

QString toString(SourceStatus::State s)
{
    switch (s) {
    case SourceStatus::State::Stopped:
        return QStringLiteral("stopped");
    case SourceStatus::State::Connecting:
        return QStringLiteral("connecting");
    case SourceStatus::State::Connected:
        return QStringLiteral("connected");
    case SourceStatus::State::Listening:
        return QStringLiteral("listening");
    case SourceStatus::State::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("unknown");
}

} // namespace vigil
