// A private CUPS for tests: cupsd in the foreground on a free loopback port, with its own ServerRoot,
// spool, logs and a ServerBin whose backends include `vigiltest`, a small backend that writes each job's
// document (the PDF Qt sent; the queue is raw, so no filter touches it) to out/job-<id>.pdf and its title
// to out/job-<id>.title. Why not cups-pdf: its output directory comes from /etc/cups/cups-pdf.conf
// (compiled in), so it cannot be made private to a test without editing the system's configuration.
//
// libcups and Qt find it through CUPS_SERVER, which start() sets for this process (and its children).
// stop() deletes the queues it added and ends the cupsd it started; nothing else is touched.
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace vigil::test {

class CupsServer
{
public:
    ~CupsServer() { stop(); }
    static bool available(); // cupsd and lpadmin are installed

    bool start(QString *error);
    void stop();
    QString server() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    QString dir() const { return m_dir ? m_dir->path() : QString(); }
    QString outDir() const { return dir() + QStringLiteral("/out"); }

    bool addQueue(const QString &name, QString *error);
    bool disable(const QString &name, const QString &reason = {}); // cupsdisable
    bool enable(const QString &name);                              // cupsenable

    // Jobs the backend wrote: their titles, in CUPS job id order.
    QStringList printedTitles() const;
    QStringList printedPdfs() const;

private:
    bool run(const QString &program, const QStringList &args, QString *error = nullptr) const;
    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_cupsd;
    int m_port = 0;
    QStringList m_queues;
    QByteArray m_oldServer;
    bool m_hadServer = false;
};

} // namespace vigil::test
