// Mode checks on secret files (POSIX).
#include "FilePermissions.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vigil::security {

bool createPrivateFile(const QString &path, QString *error)
{
    const QByteArray p = QFile::encodeName(path);
    const int fd = ::open(p.constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (error)
            *error = QStringLiteral("cannot create %1: %2")
                         .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    const bool ok = ::fchmod(fd, 0600) == 0;
    ::close(fd);
    if (!ok && error)
        *error = QStringLiteral("cannot set mode 0600 on %1").arg(path);
    return ok;
}

bool makePrivate(const QString &path, QString *error)
{
    if (::chmod(QFile::encodeName(path).constData(), 0600) == 0)
        return true;
    if (error)
        *error = QStringLiteral("cannot set mode 0600 on %1: %2")
                     .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
    return false;
}

bool isWorldReadable(const QString &path)
{
    struct stat st
    {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return false;
    return (st.st_mode & S_IROTH) != 0;
}

bool checkPrivateKey(const QString &path, QString *error)
{
    if (path.isEmpty())
        return true;
    struct stat st
    {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        if (error)
            *error =
                QStringLiteral("private key %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    // World-readable is refused (issue 12); group access is left to the site (Debian's ssl-cert group).
    if (st.st_mode & (S_IROTH | S_IWOTH)) {
        if (error)
            *error =
                QStringLiteral("private key %1 is readable by every account on this machine (mode %2); the "
                               "station refuses to start with it. Fix: chmod 600 '%1' (owner: the station's "
                               "account)")
                    .arg(path)
                    .arg(QString::number(st.st_mode & 0777, 8));
        return false;
    }
    return true;
}

} // namespace vigil::security
