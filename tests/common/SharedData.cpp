#include "SharedData.h"

#include <QFileInfo>

#include <cstdio>

namespace vigil::test {

namespace {
QStringList &missing()
{
    static QStringList list;
    return list;
}
} // namespace

QString sharedDataPath(const QString &sub)
{
    const QByteArray env = qgetenv("VIGIL_SHARED_DATA");
    const QString root = env.isEmpty() ? QStringLiteral(VIGIL_SHARED_DATA) : QString::fromLocal8Bit(env);
    return sub.isEmpty() ? root : root + QLatin1Char('/') + sub;
}

bool sharedDataRequired()
{
    return qEnvironmentVariableIntValue("VIGIL_REQUIRE_SHARED_DATA") == 1;
}

void noteSharedDataMissing(const QString &what)
{
    if (!missing().contains(what))
        missing().append(what);
}

bool sharedDataWasMissing()
{
    return !missing().isEmpty();
}

int finishRun(int qtestResult)
{
    if (qtestResult == 0 && sharedDataWasMissing()) {
        std::fprintf(stderr, "SKIP: shared test data missing (%s): reported to ctest as skipped (exit %d)\n",
                     qPrintable(missing().join(QStringLiteral(", "))), kSkipReturnCode);
        return kSkipReturnCode;
    }
    return qtestResult;
}

} // namespace vigil::test
