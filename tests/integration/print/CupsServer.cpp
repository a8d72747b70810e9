#include "CupsServer.h"

#include "Net.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QThread>

#include <algorithm>
#include <unistd.h>

namespace vigil::test {

namespace {
bool writeFile(const QString &path, const QByteArray &text, QFile::Permissions perms = {})
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        return false;
    f.close();
    return perms ? f.setPermissions(perms) : true;
}
} // namespace

bool CupsServer::available()
{
    return QFileInfo::exists(QStringLiteral("/usr/sbin/cupsd")) &&
           QFileInfo::exists(QStringLiteral("/usr/sbin/lpadmin")) &&
           QFileInfo::exists(QStringLiteral("/usr/lib/cups/filter"));
}

bool CupsServer::start(QString *error)
{
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/vigil-cups-XXXXXX"));
    if (!m_dir->isValid())
        return *error = QStringLiteral("no temp dir"), false;
    const QString d = m_dir->path();
    // cupsd running as root runs the backend as `lp`: it must reach the output directory.
    QFile::setPermissions(d, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                                 QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    for (const char *sub : {"conf", "spool", "log", "cache", "state", "bin/backend", "out"})
        QDir().mkpath(d + u'/' + QLatin1String(sub));
    QFile::setPermissions(d + QStringLiteral("/out"), QFile::Permissions(0x7777));
    for (const char *sub : {"filter", "daemon", "cgi-bin", "notifier", "monitor", "driver"}) {
        const QString target = QStringLiteral("/usr/lib/cups/") + QLatin1String(sub);
        if (QFileInfo::exists(target))
            QFile::link(target, d + QStringLiteral("/bin/") + QLatin1String(sub));
    }
    const QString out = d + QStringLiteral("/out");
    const QByteArray backend =
        QStringLiteral(
            "#!/bin/sh\n"
            "# vigiltest backend: job-id user title copies options [file]\n"
            "if [ $# -eq 0 ]; then echo 'direct vigiltest \"Unknown\" \"Vigil test\"'; exit 0; fi\n"
            "f=\"%1/job-$1\"\n"
            "if [ -n \"$6\" ]; then cp \"$6\" \"$f.tmp\"; else cat > \"$f.tmp\"; fi\n"
            "printf '%s\\n' \"$3\" > \"$f.title\"\n"
            "chmod 644 \"$f.tmp\" \"$f.title\"\n"
            "mv \"$f.tmp\" \"$f.pdf\"\n"
            "exit 0\n")
            .arg(out)
            .toUtf8();
    if (!writeFile(d + QStringLiteral("/bin/backend/vigiltest"), backend, QFile::Permissions(0x7555)))
        return *error = QStringLiteral("cannot write the test backend"), false;

    m_port = freePort();
    const QByteArray cupsd =
        QStringLiteral("Listen 127.0.0.1:%1\nLogLevel info\nWebInterface No\nBrowsing No\n"
                       "DefaultAuthType None\nMaxJobs 0\nPreserveJobHistory Yes\n"
                       "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
                       "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n"
                       "</Policy>\n")
            .arg(m_port)
            .toUtf8();
    QByteArray files =
        QStringLiteral("ServerRoot %1/conf\nServerBin %1/bin\nRequestRoot %1/spool\nCacheDir %1/cache\n"
                       "StateDir %1/state\nTempDir %1/spool\nAccessLog %1/log/access_log\n"
                       "ErrorLog %1/log/error_log\nPageLog %1/log/page_log\nDataDir /usr/share/cups\n"
                       "DocumentRoot /usr/share/cups/doc-root\nSandboxing relaxed\n")
            .arg(d)
            .toUtf8();
    if (geteuid() == 0)
        files += "User lp\nGroup lp\nSystemGroup root\n";
    if (!writeFile(d + QStringLiteral("/conf/cupsd.conf"), cupsd) ||
        !writeFile(d + QStringLiteral("/conf/cups-files.conf"), files))
        return *error = QStringLiteral("cannot write the cupsd configuration"), false;

    m_hadServer = qEnvironmentVariableIsSet("CUPS_SERVER");
    m_oldServer = qgetenv("CUPS_SERVER");
    qputenv("CUPS_SERVER", server().toUtf8());
    m_cupsd.setProcessChannelMode(QProcess::MergedChannels);
    m_cupsd.start(QStringLiteral("/usr/sbin/cupsd"),
                  {QStringLiteral("-f"), QStringLiteral("-c"), d + QStringLiteral("/conf/cupsd.conf"),
                   QStringLiteral("-s"), d + QStringLiteral("/conf/cups-files.conf")});
    if (!m_cupsd.waitForStarted(5000))
        return *error = QStringLiteral("cupsd did not start: ") + m_cupsd.errorString(), false;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 10'000) {
        QTcpSocket s;
        s.connectToHost(QStringLiteral("127.0.0.1"), quint16(m_port));
        if (s.waitForConnected(200))
            return true;
        if (m_cupsd.state() != QProcess::Running)
            break;
        QThread::msleep(50);
    }
    *error = QStringLiteral("cupsd does not listen: ") + QString::fromLocal8Bit(m_cupsd.readAll());
    QFile log(d + QStringLiteral("/log/error_log"));
    if (log.open(QIODevice::ReadOnly))
        *error += QString::fromLocal8Bit(log.readAll());
    return false;
}

bool CupsServer::run(const QString &program, const QStringList &args, QString *error) const
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, QStringList{QStringLiteral("-h"), server()} + args);
    if (!p.waitForFinished(20'000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("%1 %2: %3")
                         .arg(program, args.join(u' '), QString::fromLocal8Bit(p.readAll()));
        return false;
    }
    return true;
}

bool CupsServer::addQueue(const QString &name, QString *error)
{
    // A raw queue (no PPD): the PDF from Qt reaches the backend as it is. lpadmin warns that raw queues
    // are deprecated; they are still supported by CUPS 2.4.
    if (!run(QStringLiteral("/usr/sbin/lpadmin"),
             {QStringLiteral("-p"), name, QStringLiteral("-E"), QStringLiteral("-v"),
              QStringLiteral("vigiltest:/")},
             error))
        return false;
    m_queues << name;
    return true;
}

bool CupsServer::disable(const QString &name, const QString &reason)
{
    QStringList args;
    if (!reason.isEmpty())
        args << QStringLiteral("-r") << reason;
    return run(QStringLiteral("/usr/sbin/cupsdisable"), args << name);
}

bool CupsServer::enable(const QString &name)
{
    return run(QStringLiteral("/usr/sbin/cupsenable"), {name});
}

QStringList CupsServer::printedTitles() const
{
    QStringList out;
    QDir dir(outDir());
    QStringList files = dir.entryList({QStringLiteral("job-*.title")}, QDir::Files);
    std::sort(files.begin(), files.end(), [](const QString &a, const QString &b) {
        return a.mid(4).section(u'.', 0, 0).toInt() < b.mid(4).section(u'.', 0, 0).toInt();
    });
    for (const QString &f : files) {
        if (!QFileInfo::exists(dir.filePath(f.section(u'.', 0, 0) + QStringLiteral(".pdf"))))
            continue; // still being written
        QFile in(dir.filePath(f));
        if (in.open(QIODevice::ReadOnly))
            out << QString::fromUtf8(in.readAll()).trimmed();
    }
    return out;
}

QStringList CupsServer::printedPdfs() const
{
    QStringList out;
    QDir dir(outDir());
    for (const QString &f : dir.entryList({QStringLiteral("job-*.pdf")}, QDir::Files))
        out << dir.filePath(f);
    return out;
}

void CupsServer::stop()
{
    if (m_cupsd.state() != QProcess::NotRunning) {
        for (const QString &q : std::as_const(m_queues))
            run(QStringLiteral("/usr/sbin/lpadmin"), {QStringLiteral("-x"), q});
        m_queues.clear();
        m_cupsd.terminate();
        if (!m_cupsd.waitForFinished(10'000)) {
            m_cupsd.kill();
            m_cupsd.waitForFinished(5000);
        }
    }
    if (m_port) {
        if (m_hadServer)
            qputenv("CUPS_SERVER", m_oldServer);
        else
            qunsetenv("CUPS_SERVER");
        m_port = 0;
    }
    m_dir.reset();
}

} // namespace vigil::test
